/**
 * How a citizen's application is stored (through the aggregate store): one `eservice-application`
 * aggregate per application. Its id is the public application number in its canonical form
 * (`7K3M-9QX2-HT4B-W8RC`): the create claims nothing else and a collision (a conditional put that
 * fails) draws a new number. The application keeps the service version it was submitted under —
 * validation, routing and the decision read that version, whatever is published later.
 *
 * Every change is one optimistic update of the aggregate that also appends to `log` (the
 * application's own log, shown to the officer; the store's change records keep the before/after).
 * A state machine execution (`eservice-application`, named `applicationExecutionName`) drives the
 * application from submission to its result; whatever waits on a person (the e-mail link, the
 * payment, the officer) keeps the machine's task token in `waiting`, and answering it is the last
 * step of the transaction that records the event (at least once: the handler answers again after
 * a crash; a token already answered is refused by the engine and that is fine).
 */
import type { AggregateMeta } from '../../../platform/kernel/aggregate';
import type { WriteOptions } from '../../../platform/ports/aggregate-store.port';
import type { PaymentLanguage, PaymentOutcome } from '../../../platform/ports/payment.port';
import type { Trilingual } from '../domain/messages';
import type { ApplicationValues } from '../domain/values';

export const APPLICATION = 'eservice-application';

/** The state machine of an application, and its execution name (unique per application). */
export const APPLICATION_MACHINE = 'eservice-application';
export const applicationExecutionName = (tenantId: string, applicationId: string): string =>
  `application-${tenantId}-${applicationId.replaceAll('-', '')}`;

/** What the machine's execution starts with. */
export interface ApplicationMachineInput {
  tenantId: string;
  applicationId: string;
}

/**
 * Where an application is:
 * - `awaiting-confirmation`: the contact e-mail's link is not opened yet (its window runs);
 * - `awaiting-payment`: confirmed (or nothing to confirm), the variant has a fee, not paid yet;
 * - `in-review`: paid or free; registered in the journal, the automatic checks and then the
 *   agency's officer through the route; the service level's clock runs;
 * - `decided`: every applicant has a decision, the results are issued and the applicant told;
 * - `cancelled`: the e-mail was not confirmed in time (or the payment was abandoned for good).
 */
export const applicationStates = [
  'awaiting-confirmation',
  'awaiting-payment',
  'in-review',
  'decided',
  'cancelled',
] as const;
export type ApplicationState = (typeof applicationStates)[number];

export type ApplicationLanguage = PaymentLanguage;

/** One line of the application's log: every transition and every notice sent. */
export interface ApplicationLogEntry {
  at: string;
  /** e.g. submitted, email-confirmed, payment-created, paid, payment-declined, registered, checks-passed, reminder, decided, result-issued, notice-sent, cancelled. */
  event: string;
  /** 'applicant' (the public API), an employee id, or 'system' (the machine). */
  actor: string;
  detail?: Record<string, string | number | boolean>;
}

/** One decision per applicant (a group gets one each). */
export interface ApplicantDecision {
  /** Index into `values.applicants`. */
  applicant: number;
  outcome: 'approved' | 'refused';
  /** Why refused, in the officer's words (shown to the applicant as written). */
  reason?: string;
  decidedAt: string;
  decidedBy: string;
  /** The issued result (e-visa PDF or decision letter) in the attachments bucket. */
  result?: { key: string; versionId?: string; fileName: string; mediaType: string; number?: string };
}

export interface ApplicationPayment {
  paymentId: string;
  amount: number;
  currency: string;
  status: 'pending' | PaymentOutcome;
  createdAt: string;
  decidedAt?: string;
  /** The acquirer's decisions already applied (a repeated callback changes nothing). */
  callbackIds: string[];
  /** The hosted page of a pending payment (asking to pay again goes back to it, not to a second payment). */
  redirectUrl?: string;
}

export interface ApplicationRecord extends AggregateMeta {
  /** The application number, canonical (`7K3M-9QX2-HT4B-W8RC`). */
  id: string;
  serviceId: string;
  serviceCode: string;
  /** The service version the application was submitted under. */
  serviceVersion: number;
  /** The applicant's language: notices, the receipt and the payment page use it. */
  language: ApplicationLanguage;
  /** The normalized values (`validateApplication`), the variant among them. */
  values: ApplicationValues;
  /** The contact e-mail and phone (from the definition's `contact` fields), when given. */
  contact: { email?: string; phone?: string };
  /** Every applicant's look-up value (passport number or FİN, normalized): the second factor. */
  secondFactors: string[];
  /** The fee of the whole application (per-applicant fee × applicants), minor units. */
  fee: { amount: number; currency: string };
  state: ApplicationState;
  submittedAt: string;
  /**
   * The e-mail confirmation: the link's secret (random, base64url; kept as is so that the notice
   * task can send the link after a crash; compared in constant time) and the window's end.
   */
  confirmation?: { token: string; dueAt: string; confirmedAt?: string };
  payment?: ApplicationPayment;
  /** The service level's clock, once it runs (`serviceClockStart`, `serviceDue`). */
  level?: { startedAt: string; dueAt: string; lastDay: string };
  /** The incoming document of the citizen kind this application is registered as. */
  documentId?: string;
  /** Registration number in the agency's journal (shown on the receipt once registered). */
  registrationNumber?: string;
  /** What the machine waits on now, with its task token. */
  waiting?: { on: 'confirmation' | 'payment' | 'decision'; taskToken: string; since: string };
  /** The automatic checks run when the review starts (eligibility, passport against the visa), per applicant. */
  checks?: Array<{ applicant: number; ok: boolean; problems: Array<{ code: string; message: Trilingual }> }>;
  /** How the agency's route ended on the registered document (set by whoever sees it end). */
  routeOutcome?: { outcome: 'approved' | 'rejected'; at: string; comment?: string };
  /** The officer's decisions per applicant: recorded while the route runs, completed when it ends. */
  decisions?: ApplicantDecision[];
  /** The record's version when the officer's decisions last changed (an older view of them is stale). */
  decisionsVersion?: number;
  decidedAt?: string;
  cancelledAt?: string;
  cancelReason?: 'not-confirmed' | 'not-paid';
  /** Keys of the notices sent to the applicant (each sent at most once). */
  notices: string[];
  /** The receipt PDF in the attachments bucket. */
  receipt?: { key: string; versionId?: string };
  /**
   * The stored uploads the values' files name (public slice): the object key, the version checked
   * at submit (reads pin it) and the SHA-256 S3 recorded; each ref is claimed by this application.
   */
  uploads?: Array<{
    ref: string;
    key: string;
    versionId?: string;
    sha256: string;
    bytes: number;
    mediaType: string;
  }>;
  /** The reason shown when the whole application is refused by the route (a rejection's comment). */
  refusal?: Trilingual | string;
  /**
   * The e-visa numbers given to the approved applicants (results): written with the agency's
   * yearly counter in one transaction before any PDF is made, so a retry prints the same numbers.
   */
  visaNumbers?: Array<{ applicant: number; number: string }>;
  log: ApplicationLogEntry[];
}

/**
 * Placement: the agency's applications of one service, newest first (the officer's list); the
 * sort key is the inverted submission instant, then the id.
 */
export function applicationPlacement(
  record: Pick<ApplicationRecord, 'serviceId' | 'submittedAt' | 'id'>,
): Pick<WriteOptions, 'parentKey' | 'sortKey'> {
  const inverted = String(8_640_000_000_000_000 - Date.parse(record.submittedAt)).padStart(16, '0');
  return { parentKey: record.serviceId, sortKey: `${inverted}#${record.id}` };
}

/** Object keys of an application's files (the tenant prefix first, as every key). */
export const applicationKeys = {
  /** A scan uploaded for a file field (its `ref`). */
  upload: (tenantId: string, uploadId: string) => `${tenantId}/eservices/uploads/${uploadId}`,
  receipt: (tenantId: string, applicationId: string) =>
    `${tenantId}/eservices/applications/${applicationId}/receipt.pdf`,
  result: (tenantId: string, applicationId: string, applicant: number) =>
    `${tenantId}/eservices/applications/${applicationId}/result-${applicant + 1}.pdf`,
};
