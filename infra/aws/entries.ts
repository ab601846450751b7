import { fileURLToPath } from 'node:url';

/**
 * Where the Lambda entry files live, relative to the project root. The one place to change when
 * the Lambda entries in `functions/api/` move: the constructs never build an entry
 * path themselves. An entry that does not exist is skipped with a synth warning.
 */
export interface EntryPaths {
  /** API Lambda of a route group of the shared route table. */
  routeGroup(group: string): string;
  /** Step Functions task Lambda named by a `${fn_<name>}` placeholder. */
  task(name: string): string;
  /** DynamoDB stream consumer (search indexer, notification fan-out). */
  readonly stream: string;
  /** E-mail in: invoked by the intake bucket's S3 events (issue 14). */
  readonly intake: string;
  /** What each of those functions may do (its grants and environment). */
  readonly grants: FunctionGrants;
}

/**
 * The capabilities of every application Lambda, declared next to its entry. Binders grant only
 * these; `test/infra/iam-capabilities.test.ts` derives them from the code each entry reaches and
 * fails when the two differ. A route group, task or stream consumer missing here gets nothing.
 */
export interface FunctionGrants {
  readonly routeGroups: Readonly<Record<string, readonly Capability[]>>;
  readonly tasks: Readonly<Record<string, readonly Capability[]>>;
  readonly stream: readonly Capability[];
  readonly intake: readonly Capability[];
}

export const routeGroupEntry = (group: string): string => `functions/api/handlers/${group}.handler.ts`;
export const taskEntry = (name: string): string => `functions/api/tasks/${name}.task.ts`;
export const streamEntry = 'functions/api/stream.handler.ts';
export const intakeEntry = 'functions/api/intake.handler.ts';

/** The buckets: document files, the archive, and raw intake mail (the Intake construct's). */
export type BucketName = 'attachments' | 'archive' | 'intake';

/**
 * What a bucket use needs: `read` (get, head, download links), `put` (writes and upload links),
 * `retention` / `legalHold` (Object Lock headers on a write, or setting a hold later), `lockState`
 * (reading an object's retention and hold), `deleteVersion` (the disposal of archived versions).
 */
export type BucketAccess = 'read' | 'put' | 'retention' | 'legalHold' | 'lockState' | 'deleteVersion';

/**
 * One thing an application Lambda may do with the container's adapters; each binder grants (and
 * sets the environment of) only what a function declares.
 * - `table:read` Get/BatchGet/Query/ConditionCheck; `table:write` Put/Update/ConditionCheck;
 *   `table:delete` DeleteItem (a released unique claim, a removed inbox line; TTL does expiry).
 * - `signer`: the platform signing key; `signingKeys`: the run-time document-signing keys.
 * - `visaCode:publicKey`: the e-visa code key's public half (the published key set);
 *   `visaCode:sign`: signing e-visa codes with it (the function that issues visas).
 * - `email` (SES, the one From address), `sms` (SNS to phone numbers only).
 * - `users:manage` (org: invite, enable/disable), `users:onboard` (first admin's login and
 *   password), `users:read` (a login's tenant).
 * - `machine:<name>`: start, describe and stop executions of that state machine; only machines some
 *   function starts are deployed. `machines:signal`: answer task tokens of the deployed machines.
 * - `search:read` / `search:write`: the OpenSearch collection's data access policy.
 */
export type Capability =
  | 'table:read'
  | 'table:write'
  | 'table:delete'
  | `${BucketName}:${BucketAccess}`
  | 'signer'
  | 'signingKeys'
  | 'visaCode:publicKey'
  | 'visaCode:sign'
  | 'email'
  | 'sms'
  | 'users:manage'
  | 'users:onboard'
  | 'users:read'
  | `machine:${string}`
  | 'machines:signal'
  | 'search:read'
  | 'search:write';

const TABLE: readonly Capability[] = ['table:read', 'table:write'];
const NOTICES: readonly Capability[] = ['email', 'sms'];
/** Writes locked archive copies: retention on every write, legal holds on some. */
const ARCHIVE_WRITER: readonly Capability[] = [
  'archive:read',
  'archive:put',
  'archive:retention',
  'archive:legalHold',
];
/** Disposal: deletes versions whose lock ended, after reading their lock state. */
const DISPOSER: readonly Capability[] = [
  'attachments:lockState',
  'attachments:deleteVersion',
  'archive:deleteVersion',
];

/** What the code of each entry uses (checked against the code by test/infra/iam-capabilities.test.ts). */
export const functionGrants: FunctionGrants = {
  routeGroups: {
    // Health reads one table key; the client configuration is the environment.
    system: ['table:read'],
    org: [...TABLE, 'table:delete', 'users:manage'],
    reference: [...TABLE, 'table:delete'],
    documents: [...TABLE, 'attachments:read', 'attachments:put', 'archive:read', 'signingKeys', ...NOTICES],
    'citizen-registries': ['table:read'],
    execution: [
      ...TABLE,
      'table:delete',
      'attachments:read',
      'attachments:put',
      'signingKeys',
      ...NOTICES,
      'machine:document-route',
      'machine:execution-deadline',
      'machines:signal',
    ],
    onboarding: [...TABLE, 'table:delete', 'email', 'users:manage', 'users:onboard', 'users:read'],
    signatures: [...TABLE, 'attachments:read', 'attachments:put', 'archive:read', ...NOTICES],
    archive: [
      ...TABLE,
      'table:delete',
      'attachments:read',
      'attachments:put',
      ...ARCHIVE_WRITER,
      'signingKeys',
      ...NOTICES,
      'machine:archive-integrity',
      'machine:archive-transfer',
    ],
    // Queries the collection; the table only for the caller (their employee and reach).
    search: ['table:read', 'search:read'],
    // Reads the lists and resolution trees; starts the export machine; links to the workbooks.
    reports: [...TABLE, 'attachments:read', 'machine:report-export'],
    // The received documents' queue: their files, the incoming document made from one, the signed
    // receipt notice (platform key), the notice mailed back for e-mail items.
    exchange: [...TABLE, 'attachments:read', 'attachments:put', 'signer', ...NOTICES],
    // Subscriptions and their deliveries: the table only (deliveries start from the stream).
    webhooks: [...TABLE],
    // E-service definitions, the public catalogue, the public application API (scans uploaded
    // through presigned PUTs and checked, the receipt PDF stored and linked, the machine started),
    // the application's confirmation and payment (answering its machine's waits), the agency's
    // applications (download links of their scans), the e-visa key set and the check of a scanned
    // code (the e-visa code key's public half).
    eservices: [
      ...TABLE,
      'attachments:read',
      'attachments:put',
      'machine:eservice-application',
      'machines:signal',
      'visaCode:publicKey',
    ],
  },
  tasks: {
    // The results of a decided application: the e-visa PDFs (signed codes) and decision letters,
    // written once (an existing key is read back on a retry).
    applicationIssue: [
      ...TABLE,
      'attachments:read',
      'attachments:put',
      'visaCode:sign',
      'visaCode:publicKey',
    ],
    archiveIntegrityPlan: ['machine:archive-integrity'],
    archiveIntegrityCheck: [...TABLE, ...ARCHIVE_WRITER, 'archive:lockState', ...DISPOSER, ...NOTICES],
    archiveTransferBuild: [...TABLE, 'archive:read', 'archive:put', 'archive:retention'],
    reportExportBuild: [...TABLE, 'attachments:put'],
    // One signed POST to a subscriber's URL, and the attempt recorded on the delivery.
    webhookDeliver: [...TABLE],
    deadlinePlan: ['table:read'],
    // The overdue event goes to the agency's webhook subscriptions from here (no table write marks it).
    deadlineNotify: [...TABLE, ...NOTICES, 'machine:webhook-delivery'],
    digestPlan: ['table:read', 'machine:daily-digest'],
    digestStart: ['machine:daily-digest-send'],
    digestRecipients: ['table:read'],
    digestSend: [...TABLE, 'email'],
    routeStep: [...TABLE, ...NOTICES, 'machine:execution-deadline', 'machines:signal'],
    substitutionShift: [...TABLE, 'table:delete'],
    // §150: past a delivery's due time without a receipt notice, the sender's task and notice.
    receiptCheck: [...TABLE, ...NOTICES],
    // The citizen's application (statemachines/eservice-application.asl.json): the next step, the
    // waits' tokens kept on the application, the applicant's notices (SMS within the agency's
    // budget, in the table), the cancel that first asks the acquirer about an open payment.
    applicationNext: ['table:read'],
    applicationWait: [...TABLE, 'machines:signal'],
    applicationNotify: [...TABLE, ...NOTICES],
    applicationCancel: [...TABLE, 'machine:eservice-application', 'machines:signal'],
    // An application registered as an incoming document (its scans copied to the document's
    // files), its route's machine started, the application machine answered if the route ended.
    applicationReview: [
      ...TABLE,
      'attachments:read',
      'attachments:put',
      'machine:document-route',
      'machines:signal',
      // The service level's watch (statemachines/eservice-level-watch.asl.json), started here.
      'machine:eservice-level-watch',
    ],
    // The level watch: its next event (the application, its definition, the calendar), and the
    // event's notices to the route's people (the key on the application's log, e-mail/SMS).
    levelWatchPlan: ['table:read'],
    levelWatchNotify: [...TABLE, ...NOTICES],
    // Tasks of machines no code starts (human-step, scheduled-notification): not deployed.
    registerTask: ['table:write'],
    sendNotification: [...NOTICES],
    // The text of one content file: reads it, stores its text beside it, indexes the document
    // again (its other files without a text start their own executions).
    extractContentText: [
      'table:read',
      'attachments:read',
      'attachments:put',
      'search:write',
      'machine:content-text',
    ],
  },
  stream: [
    ...TABLE,
    'table:delete',
    'attachments:read',
    'attachments:put',
    ...ARCHIVE_WRITER,
    ...DISPOSER,
    'signingKeys',
    ...NOTICES,
    'machine:archive-integrity',
    'machine:daily-digest',
    'machine:document-route',
    'machine:execution-deadline',
    'machine:substitution-period',
    // §150: the receipt watch of each delivery that reached its recipient.
    'machine:exchange-receipt',
    'machines:signal',
    // The search indexer: documents, their resolutions and reports, their contents' texts (a
    // file without its text yet goes to the content-text machine).
    'search:write',
    'machine:content-text',
    // Webhook events of documents, received items and resolutions: one delivery execution each.
    'machine:webhook-delivery',
    // Every new e-service application's machine (the submit starts it too; idempotent by name).
    'machine:eservice-application',
  ],
  // E-mail in: reads the raw message, stores its attachments and evidence (an existing key is
  // read back on a replay), and writes the received item.
  intake: [...TABLE, 'intake:read', 'attachments:read', 'attachments:put'],
};

/** The state machines some function starts: the only ones deployed. */
export function startedMachines(grants: FunctionGrants): Set<string> {
  const all = [
    ...Object.values(grants.routeGroups),
    ...Object.values(grants.tasks),
    grants.stream,
    grants.intake,
  ].flat();
  return new Set(all.filter((c) => c.startsWith('machine:')).map((c) => c.slice('machine:'.length)));
}

export const entries: EntryPaths = {
  routeGroup: routeGroupEntry,
  task: taskEntry,
  stream: streamEntry,
  intake: intakeEntry,
  grants: functionGrants,
};

/** The Cognito pre-token trigger belongs to the infrastructure (absolute path, not project-relative). */
export const preTokenEntry = fileURLToPath(new URL('./lambda/pre-token.ts', import.meta.url));
