import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { JwtTokenVerifier } from '../adapters/auth/jwt-verifier.adapter';
import { CognitoIdentityDirectory } from '../adapters/cognito/identity-directory.adapter';
import { DynamoAggregateStore } from '../adapters/dynamodb/aggregate-store.adapter';
import { DynamoDocumentStore } from '../adapters/dynamodb/document-store.adapter';
import { DynamoRegistry } from '../adapters/dynamodb/registry.adapter';
import { DynamoTaskInbox } from '../adapters/dynamodb/task-inbox.adapter';
import { createEmailSender } from '../adapters/email/ses-email.adapter';
import { createDocumentSigner } from '../adapters/kms/document-signer.adapter';
import { createObjectStore } from '../adapters/s3/object-store.adapter';
import { SfnWorkflowEngine } from '../adapters/sfn/workflow.adapter';
import { createSmsSender } from '../adapters/sms/sns-sms.adapter';
import type { AggregateStore } from '../ports/aggregate-store.port';
import type { Clock } from '../ports/clock.port';
import type { DocumentStore } from '../ports/document-store.port';
import type { EmailSender } from '../ports/email.port';
import type { IdentityDirectory } from '../ports/identity-directory.port';
import type { Log } from '../ports/log.port';
import { logger } from '../http/logger';
import type { ObjectStore } from '../ports/object-store.port';
import type { RegistryLoader, RegistryLookup } from '../ports/registry.port';
import type { DocumentSigner } from '../ports/signing.port';
import type { SmsSender } from '../ports/sms.port';
import type { TaskInbox } from '../ports/task-inbox.port';
import type { TokenVerifier } from '../ports/token-verifier.port';
import type { WorkflowEngine } from '../ports/workflow.port';
import { config, type Config } from './config';

export interface Container {
  store: AggregateStore;
  documents: DocumentStore;
  clock: Clock;
  verifier: TokenVerifier;
  taskInbox: TaskInbox;
  /** The adapters below are built on first use: a Lambda needs only its own channel's variables. */
  readonly email: EmailSender;
  readonly sms: SmsSender;
  readonly objects: ObjectStore;
  readonly signer: DocumentSigner;
  readonly workflow: WorkflowEngine;
  readonly identity: IdentityDirectory;
  /** Passport and business registries; the loader side is for the embedded default's seed only. */
  readonly registry: RegistryLookup & RegistryLoader;
  /** The web app's origin, for links in notices. */
  readonly webBaseUrl?: string;
  /** Structured logs for use cases (operational warnings). */
  readonly log: Log;
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
  const dynamo = new DynamoDBClient({
    region,
    ...(cfg.DYNAMODB_ENDPOINT
      ? { endpoint: cfg.DYNAMODB_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  dynamoHook?.(dynamo);
  const doc = DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } });
  const email = lazy(() =>
    createEmailSender({ region, fromAddress: need(cfg, 'SES_FROM'), ...endpoint(cfg.SES_ENDPOINT) }),
  );
  const sms = lazy(() => createSmsSender({ region, ...endpoint(cfg.SNS_ENDPOINT) }));
  const objects = lazy(() =>
    createObjectStore({
      region,
      ...endpoint(cfg.S3_ENDPOINT),
      buckets: { attachments: need(cfg, 'ATTACHMENTS_BUCKET'), archive: need(cfg, 'ARCHIVE_BUCKET') },
    }),
  );
  const signer = lazy(() =>
    createDocumentSigner({ region, keyId: need(cfg, 'SIGNING_KEY_ID'), ...endpoint(cfg.KMS_ENDPOINT) }),
  );
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
  const registry = lazy(() => new DynamoRegistry(doc, cfg.TABLE_NAME));
  container = {
    store: new DynamoAggregateStore(doc, cfg.TABLE_NAME),
    documents: new DynamoDocumentStore(doc, cfg.TABLE_NAME),
    taskInbox: new DynamoTaskInbox(doc, cfg.TABLE_NAME),
    clock: clockOverride ?? { now: () => new Date() },
    log: logger,
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
    get workflow() {
      return workflow();
    },
    get identity() {
      return identity();
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
