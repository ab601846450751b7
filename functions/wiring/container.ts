import { requestScoped } from '../platform/adapters/request-scoped-store';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoAggregateStore } from '../platform/adapters/dynamodb/aggregate-store.adapter';
import {
  DynamoDocumentStore,
  type AdminAlerts,
  type DocumentStore,
  type ElectronicSignatures,
  type SignatureSource,
} from '../modules/documents';
import type { ApprovalProgress } from '../modules/execution';
import { DynamoRegistry, type RegistryLoader, type RegistryLookup } from '../modules/citizen-registries';
import { DynamoSmsBudget, DynamoTaskInbox, type SmsBudget, type TaskInbox } from '../modules/notifications';
import type { ArchiveAlerts } from '../modules/archive';
import type { VisaCodeSigner } from '../modules/eservices';
import type { SearchIndex, TextExtractor } from '../modules/search';
import type { AggregateStore } from '../platform/ports/aggregate-store.port';
import type { Clock } from '../platform/ports/clock.port';
import type { EmailSender } from '../platform/ports/email.port';
import type { IdentityDirectory } from '../platform/ports/identity-directory.port';
import type { MfaDirectory } from '../platform/ports/mfa.port';
import type { Log } from '../platform/ports/log.port';
import { logger } from '../platform/observability/logger';
import { metrics } from '../platform/observability/emf-metrics';
import type { Metrics } from '../platform/ports/metrics.port';
import type { ObjectStore } from '../platform/ports/object-store.port';
import type { PaymentGateway } from '../platform/ports/payment.port';
import type { DocumentSigner, SigningKeys } from '../platform/ports/signing.port';
import type { SmsSender } from '../platform/ports/sms.port';
import type { WorkflowEngine } from '../platform/ports/workflow.port';
import { config, type Config } from './config';
import type { CredentialProvider, TenantScope } from './tenant-access';

export interface Container {
  store: AggregateStore;
  documents: DocumentStore;
  clock: Clock;
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
  /** The e-visa code key (KMS, its own key): signs visa codes; its public half is the published key set. */
  readonly visaSigner: VisaCodeSigner;
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
  /** The platform's mail intake domain (the agencies' intake addresses). */
  readonly intakeDomain?: string;
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
  /** The search index: OpenSearch where SEARCH_ENDPOINT is set, else the embedded engine (SEARCH_DIR). */
  readonly search: SearchIndex;
  /** False where no search is deployed (AWS with the collection off): nothing is indexed or searched. */
  readonly searchEnabled: boolean;
  /** Text of content files for the index: text layers, office files, OCR of scans. */
  readonly extractor: TextExtractor;
  /** What the web client is told (public): its identity provider. */
  readonly web: { oidcIssuer: string; oidcClientId: string; oidcLogoutUrl?: string };
  /** Webhook targets on loopback or private addresses, and over http, are allowed (embedded default only). */
  readonly webhooksAllowPrivate: boolean;
  /** Card payments through the acquirer's hosted payment page (the local payment page in the embedded default). */
  readonly payments: PaymentGateway;
}

/**
 * The members of the container that each Lambda wires for itself: the SDK clients beyond DynamoDB
 * and the composites built on them. A Lambda bundles only what its entry wires (see
 * `functions/wiring/adapters.ts`), so that a route group without files carries no S3 client and
 * one without signatures no PDF library; `test/infra/iam-capabilities.test.ts` fails when an
 * entry's code uses a member its entry does not wire.
 */
export type WiredName =
  | 'email'
  | 'sms'
  | 'objects'
  | 'signer'
  | 'signingKeys'
  | 'visaSigner'
  | 'esign'
  | 'signatures'
  | 'workflow'
  | 'identity'
  | 'mfa'
  | 'alerts'
  | 'archiveAlerts'
  | 'approval'
  | 'search'
  | 'extractor'
  | 'payments';

/** What an adapter is built from: the configuration, and the container for composites. */
export interface WiringContext {
  readonly cfg: Config;
  readonly region: string;
  /** `{ endpoint }` for a local endpoint (the embedded default), `{}` in AWS. */
  endpoint(url: string | undefined): { endpoint?: string };
  /** A variable the adapter cannot do without (fails on first use, not at start). */
  need<K extends keyof Config>(name: K): NonNullable<Config[K]>;
  /** The client of the request's tenant where tenant access is configured, else `own` (issue 18). */
  tenant<C extends object>(own: C, build: (credentials: CredentialProvider) => C): C;
  readonly container: Container;
}

/** How each wired member is built (on first use, once per process). */
export type Wiring = { readonly [K in WiredName]?: (ctx: WiringContext) => Container[K] };

let container: Container | undefined;
let clockOverride: Clock | undefined;
let dynamoHook: ((client: DynamoDBClient) => void) | undefined;
let tenantAccess: ((cfg: Config) => TenantScope) | undefined;
const wiring: { -readonly [K in WiredName]?: (ctx: WiringContext) => Container[K] } = {};

/**
 * Adds adapters to this process's container: each Lambda entry wires what its code uses, the
 * embedded default wires them all. Wiring the same member again replaces nothing that was built.
 */
export function wire(adapters: Wiring): void {
  Object.assign(wiring, adapters);
}

function need<K extends keyof Config>(cfg: Config, name: K): NonNullable<Config[K]> {
  const value = cfg[name];
  if (value === undefined || value === null) throw new Error(`Invalid configuration: ${String(name)}`);
  return value as NonNullable<Config[K]>;
}

/** One module-scoped set of clients per process (a Lambda container or the embedded default). */
export function getContainer(): Container {
  if (container) return container;
  const cfg = config();
  const region = cfg.AWS_REGION;
  const dynamo = new DynamoDBClient({
    region,
    ...(cfg.DYNAMODB_ENDPOINT
      ? { endpoint: cfg.DYNAMODB_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  dynamoHook?.(dynamo);
  const documentClient = (client: DynamoDBClient) =>
    DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  // Tenant requests use the tenant's credentials where TENANT_ACCESS_ROLE_ARN is set (issue 18):
  // only the API's route groups have it, and they bring the STS client (see useTenantAccess).
  const tenant = tenantScope(cfg);
  const doc = tenant(documentClient(dynamo), (credentials) =>
    documentClient(new DynamoDBClient({ region, credentials })),
  );
  const built = new Map<WiredName, unknown>();
  const wired = <K extends WiredName>(name: K): Container[K] => {
    if (built.has(name)) return built.get(name) as Container[K];
    const build = wiring[name];
    if (!build) throw new Error(`The ${name} adapter is not wired into this function (see functions/wiring)`);
    const value = build({
      cfg,
      region,
      endpoint: (url) => (url ? { endpoint: url } : {}),
      need: (key) => need(cfg, key),
      tenant,
      container: getContainer(),
    });
    built.set(name, value);
    return value;
  };
  let registry: (RegistryLookup & RegistryLoader) | undefined;
  container = {
    // Reads a request repeats are done once (a memo per request, see platform/kernel/request-scope).
    store: requestScoped(new DynamoAggregateStore(doc, cfg.TABLE_NAME)),
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
    intakeDomain: cfg.INTAKE_DOMAIN,
    get email() {
      return wired('email');
    },
    get sms() {
      return wired('sms');
    },
    get objects() {
      return wired('objects');
    },
    get signer() {
      return wired('signer');
    },
    get signingKeys() {
      return wired('signingKeys');
    },
    get visaSigner() {
      return wired('visaSigner');
    },
    get esign() {
      return wired('esign');
    },
    get signatures() {
      return wired('signatures');
    },
    get workflow() {
      return wired('workflow');
    },
    get identity() {
      return wired('identity');
    },
    get mfa() {
      return wired('mfa');
    },
    get alerts() {
      return wired('alerts');
    },
    get archiveAlerts() {
      return wired('archiveAlerts');
    },
    get approval() {
      return wired('approval');
    },
    get search() {
      return wired('search');
    },
    webhooksAllowPrivate: cfg.WEBHOOKS_ALLOW_PRIVATE === 'true',
    searchEnabled: cfg.SEARCH_ENDPOINT !== undefined || cfg.SEARCH_DIR !== undefined,
    get extractor() {
      return wired('extractor');
    },
    get payments() {
      return wired('payments');
    },
    get registry() {
      return (registry ??= new DynamoRegistry(doc, cfg.TABLE_NAME));
    },
  };
  return container;
}

/** The clients of every tenant request are the process's own unless tenant access is configured. */
function tenantScope(cfg: Config): TenantScope {
  if (tenantAccess) return tenantAccess(cfg);
  if (cfg.TENANT_ACCESS_ROLE_ARN)
    throw new Error(
      'TENANT_ACCESS_ROLE_ARN is set but this function has no tenant access (see functions/wiring/http-deps.ts)',
    );
  return (own) => own;
}

/**
 * Tenant-scoped clients (issue 18) for the functions that serve tenant requests: the route groups
 * (through `http-deps.ts`), so that a task or the stream consumer bundles no STS client.
 */
export function useTenantAccess(scope: (cfg: Config) => TenantScope): void {
  if (container) throw new Error('useTenantAccess must run before the container is built');
  tenantAccess = scope;
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
