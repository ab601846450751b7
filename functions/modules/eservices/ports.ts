import type { AggregateStore } from '../../platform/ports/aggregate-store.port';
import type { Clock } from '../../platform/ports/clock.port';
import type { EmailSender } from '../../platform/ports/email.port';
import type { Log } from '../../platform/ports/log.port';
import type { ObjectStore } from '../../platform/ports/object-store.port';
import type { PaymentGateway } from '../../platform/ports/payment.port';
import type { SmsSender } from '../../platform/ports/sms.port';
import type { WorkflowEngine } from '../../platform/ports/workflow.port';
import type { SmsBudget } from '../notifications';
import type { ExecutionDeps } from '../execution';
import type { RegistryLookup } from '../citizen-registries';

/** What the e-services module's service definitions and catalogue need: the store and the clock. */
export interface EServiceDeps {
  store: AggregateStore;
  clock: Clock;
}

/**
 * What an application's flow needs besides the store and the clock (issue 15, third slice): the
 * machine's task tokens, the applicant's notices (e-mail; SMS within the agency's monthly budget),
 * the payment acquirer, and the web app's origin for the links in notices.
 */
export interface ApplicationFlowDeps extends EServiceDeps {
  readonly workflow: WorkflowEngine;
  readonly email: EmailSender;
  readonly sms: SmsSender;
  /** The agencies' monthly SMS parts: no SMS goes without a reservation in it. */
  readonly smsBudget: SmsBudget;
  readonly payments: PaymentGateway;
  /** The web app's origin (links to the confirmation and status pages, the payment's return). */
  readonly webBaseUrl?: string;
  readonly log?: Log;
}

/**
 * What the citizens' public application API needs besides: the attachments bucket (uploads, the
 * receipt), the machine that drives an application, the operators' log and the web app's origin
 * (the status page named on the receipt).
 */
export interface PublicApplicationDeps extends EServiceDeps {
  readonly objects: ObjectStore;
  readonly workflow: WorkflowEngine;
  readonly log: Log;
  readonly webBaseUrl?: string;
  /** Random bytes for numbers, refs and secrets; the platform's CSPRNG unless a test draws its own. */
  readonly randomBytes?: (size: number) => Uint8Array;
}

/**
 * The e-visa code key (KMS ECC_NIST_P256, alias/karguzar-evisa-codes): a key of its own, not the
 * document-signing key — its public half is published to everyone and it signs visa codes only.
 * A port of its own so that a function is granted this key alone (capabilities `visaCode:sign`
 * and `visaCode:publicKey`), never the platform's signing key.
 */
export interface VisaCodeSigner {
  /** ECDSA P-256 over SHA-256 of the message; DER-encoded signature, as KMS Sign returns it. */
  sign(message: Uint8Array): Promise<{ keyId: string; signature: Uint8Array }>;
  /** DER SubjectPublicKeyInfo: what the published key set is made of. */
  publicKey(): Promise<Uint8Array>;
}

/** The public key set and the verification of a scanned visa code: the current key's public half. */
export interface EVisaKeyDeps {
  visaSigner: VisaCodeSigner;
  clock: Clock;
}

/** Issuing an application's results: the record, its files, and the e-visa code key. */
export interface ResultsDeps {
  store: AggregateStore;
  clock: Clock;
  objects: ObjectStore;
  visaSigner: VisaCodeSigner;
}

/**
 * What the agency's side of an application needs (issue 15, review): the documents' store (the
 * application becomes an incoming document), the objects (scans as its files, download links),
 * the workflow engine (the route's machine, the application machine's task token) — execution
 * control's deps, which the approval route's use cases take.
 */
export type ApplicationReviewDeps = ExecutionDeps &
  EServiceDeps & {
    /** The citizens' registry: an applicant's FİN and names checked against it (absent: not checked). */
    readonly registry?: RegistryLookup;
  };
