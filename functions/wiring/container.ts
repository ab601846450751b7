import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { JwtTokenVerifier } from '../platform/adapters/auth/jwt-verifier.adapter';
import { CognitoIdentityDirectory } from '../platform/adapters/cognito/identity-directory.adapter';
import { CognitoMfaDirectory } from '../platform/adapters/cognito/mfa.adapter';
import { DynamoAggregateStore } from '../platform/adapters/dynamodb/aggregate-store.adapter';
import { approvalProgress } from '../modules/approval';
import {
  DynamoDocumentStore,
  type AdminAlerts,
  type DocumentStore,
  type ElectronicSignatures,
  type SignatureSource,
} from '../modules/documents';
import { electronicSignatures, verifiedSignatureEvidence } from '../modules/signatures';
import type { ApprovalProgress } from '../modules/execution';
import { DynamoRegistry, type RegistryLoader, type RegistryLookup } from '../modules/citizen-registries';
import {
  adminAlerts,
  archiveAlerts,
  DynamoSmsBudget,
  DynamoTaskInbox,
  type SmsBudget,
  type TaskInbox,
} from '../modules/notifications';
import type { ArchiveAlerts } from '../modules/archive';
import { createEmailSender } from '../platform/adapters/email/ses-email.adapter';
import { createDocumentSigner } from '../platform/adapters/kms/document-signer.adapter';
import { KmsSigningKeys } from '../platform/adapters/kms/signing-keys.adapter';
import { createObjectStore } from '../platform/adapters/s3/object-store.adapter';
import { SfnWorkflowEngine } from '../platform/adapters/sfn/workflow.adapter';
import { createSmsSender } from '../platform/adapters/sms/sns-sms.adapter';
import type { AggregateStore } from '../platform/ports/aggregate-store.port';
import type { Clock } from '../platform/ports/clock.port';
import type { EmailSender } from '../platform/ports/email.port';
import type { IdentityDirectory } from '../platform/ports/identity-directory.port';
import type { MfaDirectory } from '../platform/ports/mfa.port';
import type { Log } from '../platform/ports/log.port';
import { logger } from '../platform/observability/logger';
import { metrics } from '../platform/observability/emf-metrics';
import { meteredEmail, meteredSms } from '../platform/observability/metered-senders';
import { traced } from '../platform/observability/tracer';
import type { Metrics } from '../platform/ports/metrics.port';
import type { ObjectStore } from '../platform/ports/object-store.port';
import type { DocumentSigner, SigningKeys } from '../platform/ports/signing.port';
import type { SmsSender } from '../platform/ports/sms.port';
import type { TokenVerifier } from '../platform/ports/token-verifier.port';
import type { WorkflowEngine } from '../platform/ports/workflow.port';
import { config, type Config } from './config';
import { tenantScoped } from './tenant-access';

export interface Container {
  store: AggregateStore;
  documents: DocumentStore;
  clock: Clock;
  verifier: TokenVerifier;
  taskInbox: TaskInbox;
  /** The adapters below are built on first use: a Lambda needs only its own channel's variables. */
  readonly email: EmailSender;
  readonly sms: SmsSender;
  /** The agencies' monthly SMS parts (in the table). */
  smsBudget: SmsBudget;
  readonly objects: ObjectStore;
  readonly signer: DocumentSigner;
  /** Run-time signing keys: the agency CAs' and the signing officials' (KMS). */
  readonly signingKeys: SigningKeys;
  /** PAdES signatures on the single file for every endorsement and signature. */
  readonly esign: ElectronicSignatures;
  /** The verified signatures of a document's single file, as the pre-send check (§147) sees them. */
  readonly signatures: SignatureSource;
  readonly workflow: WorkflowEngine;
  readonly identity: IdentityDirectory;
  /** Second sign-in factors (TOTP) of the logins. */
  readonly mfa: MfaDirectory;
  /** Passport and business registries; the loader side is for the embedded default's seed only. */
  readonly registry: RegistryLookup & RegistryLoader;
  /** The web app's origin, for links in notices. */
  readonly webBaseUrl?: string;
  /** Structured logs for use cases (operational warnings). */
  readonly log: Log;
  /** Business and failure counts (CloudWatch EMF lines). */
  readonly metrics: Metrics;
  /** Approval routes moving on when their tasks end (execution control calls it). */
  readonly approval: ApprovalProgress;
  /** Alerts to the agency's admins (a file found missing or altered). */
  readonly alerts: AdminAlerts;
  /** Alerts to the agency's archivists and admins (an archive integrity mismatch). */
  readonly archiveAlerts: ArchiveAlerts;
  /** What the web client is told (public): its identity provider. */
  readonly web: { oidcIssuer: string; oidcClientId: string; oidcLogoutUrl?: string };
}

let container: Container | undefined;
let clockOverride: Clock | undefined;
let dynamoHook: ((client: DynamoDBClient) => void) | undefined;

function need<K extends keyof Config>(cfg: Config, name: K): NonNullable<Config[K]> {
  const value = cfg[name];
  if (value === undefined || value === null) throw new Error(`Invalid configuration: ${String(name)}`);
  return value as NonNullable<Config[K]>;
}

function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

/** One module-scoped set of clients per process (a Lambda container or the embedded default). */
export function getContainer(): Container {
  if (container) return container;
  const cfg = config();
  const region = cfg.AWS_REGION;
  const endpoint = (url: string | undefined) => (url ? { endpoint: url } : {});
  const dynamo = traced(
    new DynamoDBClient({
      region,
      ...(cfg.DYNAMODB_ENDPOINT
        ? { endpoint: cfg.DYNAMODB_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
    }),
  );
  dynamoHook?.(dynamo);
  const documentClient = (client: DynamoDBClient) =>
    DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  // Tenant requests use the tenant's credentials where TENANT_ACCESS_ROLE_ARN is set (issue 18).
  const tenant = tenantScoped(cfg);
  const doc = tenant(documentClient(dynamo), (credentials) =>
    documentClient(traced(new DynamoDBClient({ region, credentials }))),
  );
  // Every notice is counted where it leaves (NoticeSent / NoticeFailed by channel).
  const email = lazy(() =>
    meteredEmail(
      createEmailSender({ region, fromAddress: need(cfg, 'SES_FROM'), ...endpoint(cfg.SES_ENDPOINT) }),
      metrics,
    ),
  );
  const sms = lazy(() => meteredSms(createSmsSender({ region, ...endpoint(cfg.SNS_ENDPOINT) }), metrics));
  const objects = lazy(() => {
    const options = {
      region,
      ...endpoint(cfg.S3_ENDPOINT),
      buckets: { attachments: need(cfg, 'ATTACHMENTS_BUCKET'), archive: need(cfg, 'ARCHIVE_BUCKET') },
    };
    return tenant(createObjectStore(options), (credentials) =>
      createObjectStore({ ...options, credentials }),
    );
  });
  const signer = lazy(() =>
    createDocumentSigner({ region, keyId: need(cfg, 'SIGNING_KEY_ID'), ...endpoint(cfg.KMS_ENDPOINT) }),
  );
  const signingKeys = lazy(() => new KmsSigningKeys({ region, ...endpoint(cfg.KMS_ENDPOINT) }));
  const esign = lazy(() => electronicSignatures(getContainer()));
  const signatures = lazy(() => verifiedSignatureEvidence(getContainer()));
  const workflow = lazy(
    () =>
      new SfnWorkflowEngine({
        region,
        machines: JSON.parse(need(cfg, 'STATE_MACHINE_ARNS')) as Record<string, string>,
        ...endpoint(cfg.SFN_ENDPOINT),
      }),
  );
  const identity = lazy(
    () =>
      new CognitoIdentityDirectory({
        region,
        userPoolId: need(cfg, 'USER_POOL_ID'),
        ...endpoint(cfg.COGNITO_ENDPOINT),
      }),
  );
  const mfa = lazy(
    () =>
      new CognitoMfaDirectory({
        region,
        userPoolId: need(cfg, 'USER_POOL_ID'),
        ...endpoint(cfg.COGNITO_ENDPOINT),
      }),
  );
  const registry = lazy(() => new DynamoRegistry(doc, cfg.TABLE_NAME));
  const alerts = lazy(() => adminAlerts(getContainer()));
  const archive = lazy(() => archiveAlerts(getContainer()));
  const approval = lazy(() => approvalProgress(getContainer()));
  container = {
    store: new DynamoAggregateStore(doc, cfg.TABLE_NAME),
    documents: new DynamoDocumentStore(doc, cfg.TABLE_NAME),
    taskInbox: new DynamoTaskInbox(doc, cfg.TABLE_NAME),
    smsBudget: new DynamoSmsBudget(doc, cfg.TABLE_NAME),
    clock: clockOverride ?? { now: () => new Date() },
    log: {
      warn: (message, fields = {}) => logger.warn(message, fields),
      error: (message, fields = {}) => logger.error(message, fields),
    },
    metrics,
    web: {
      oidcIssuer: cfg.OIDC_ISSUER,
      oidcClientId: cfg.OIDC_CLIENT_ID,
      ...(cfg.OIDC_LOGOUT_URL ? { oidcLogoutUrl: cfg.OIDC_LOGOUT_URL } : {}),
    },
    ...(cfg.WEB_ORIGIN ? { webBaseUrl: cfg.WEB_ORIGIN } : {}),
    verifier: new JwtTokenVerifier({
      issuer: cfg.OIDC_ISSUER,
      audience: cfg.OIDC_AUDIENCE,
      ...(cfg.OIDC_JWKS_URI ? { jwksUri: cfg.OIDC_JWKS_URI } : {}),
      ...(cfg.OIDC_TOKEN_USE ? { tokenUse: cfg.OIDC_TOKEN_USE } : {}),
      ...(cfg.OIDC_TOKEN_TYP ? { typ: cfg.OIDC_TOKEN_TYP } : {}),
    }),
    get email() {
      return email();
    },
    get sms() {
      return sms();
    },
    get objects() {
      return objects();
    },
    get signer() {
      return signer();
    },
    get signingKeys() {
      return signingKeys();
    },
    get esign() {
      return esign();
    },
    get signatures() {
      return signatures();
    },
    get workflow() {
      return workflow();
    },
    get identity() {
      return identity();
    },
    get mfa() {
      return mfa();
    },
    get alerts() {
      return alerts();
    },
    get archiveAlerts() {
      return archive();
    },
    get approval() {
      return approval();
    },
    get registry() {
      return registry();
    },
  };
  return container;
}

/** The embedded default's write journal on the DynamoDB client (DynamoDB Local only); never set in AWS. */
export function useDynamoClientHook(hook: (client: DynamoDBClient) => void): void {
  if (container) throw new Error('useDynamoClientHook must run before the container is built');
  dynamoHook = hook;
}

/** The embedded default's controllable clock; never set in AWS. */
export function useClock(clock: Clock): void {
  clockOverride = clock;
  if (container) container.clock = clock;
}
