import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { StreamConsumer } from '../platform/streams/stream-batch';
import {
  awaitingReceiptInStream,
  digestTenantsInStream,
  employeesInStream,
  documentsInStream,
  resolutionsInStream,
  routedDocumentsInStream,
  searchedDocumentsInStream,
  substitutionsInStream,
  sendingDocumentsInStream,
  receivedItemsInStream,
  arrivedItemsInStream,
  registeredDocumentsInStream,
  writtenResolutionsInStream,
  newApplicationsInStream,
} from '../wiring/stream-records';
import { ensureDigestMachine, ensureSubstitutionMachine, ensureDeadline } from '../modules/execution';
import { signalStep, ensureRouteMachine } from '../modules/approval';
import { provisionSigner } from '../modules/signatures';
import { getContainer } from '../wiring/container';
import { archiveDocument, ensureArchiveTenant, executeDisposal } from '../modules/archive';
import { indexDocument } from '../modules/search';
import { deliverOutgoing, ensureReceiptWatch, reportBack, type ReceivedItem } from '../modules/exchange';
import { publishEvent, webhookEvent, type WebhookEvent } from '../modules/webhooks';
import { applyRouteOutcome, ensureApplicationMachine } from '../modules/eservices';

/** The record as a one-record batch, for the decoders (which read whole events). */
const alone = (record: DynamoDBRecord): DynamoDBStreamEvent => ({ Records: [record] });

/**
 * Starts the deadline machine of every controlled resolution written to the table. The use case
 * starts it right after its transaction too; this consumer makes the start certain when that
 * process died in between (starts are idempotent by execution name).
 */
const deadlineWatch: StreamConsumer = async (r) => {
  for (const { record } of resolutionsInStream(alone(r))) await ensureDeadline(getContainer(), record);
};

/**
 * Makes the route machine's side certain for every routed document written: a running round's
 * machine is started, and a step that ended in this write is told to the machine waiting on it.
 * Both are idempotent (execution names; a used task token is refused), so replays are harmless.
 */
const routeWatch: StreamConsumer = async (r) => {
  for (const { record } of routedDocumentsInStream(alone(r))) {
    await ensureRouteMachine(getContainer(), record);
    const ended = record.route!.steps.findIndex((s) => s.endedAt === record.updatedAt && s.taskToken);
    if (ended >= 0) await signalStep(getContainer(), record, ended, { strict: true });
  }
};

/**
 * The end of an e-service application's route answers the application (issue 15): a document
 * whose route completed or was rejected in this write gets its outcome written on the application
 * it was registered from (if any), then the application's machine waiting on the decision is
 * answered. Idempotent (the outcome is written once; a used task token is refused), so replays and
 * a crash between the two are harmless.
 */
const applicationRouteWatch: StreamConsumer = async (r) => {
  for (const { record } of routedDocumentsInStream(alone(r))) {
    const route = record.route!;
    const endedNow =
      (route.state === 'completed' || route.state === 'rejected') &&
      route.steps.some((s) => s.endedAt === record.updatedAt);
    if (endedNow) await applyRouteOutcome(getContainer(), record, { strict: true });
  }
};

/**
 * Puts every written version of a substitution on the clock (substitution-period machine): the
 * official's pending tasks move to the substitute when the period starts and back when it ends.
 */
const substitutionWatch: StreamConsumer = async (r) => {
  for (const { record } of substitutionsInStream(alone(r)))
    await ensureSubstitutionMachine(getContainer(), record);
};

/** Starts this year's digest machine of an agency as soon as one of its employees asks for the digest. */
const digestWatch: StreamConsumer = async (r) => {
  for (const { tenantId } of digestTenantsInStream(alone(r))) {
    const container = getContainer();
    await ensureDigestMachine(container, tenantId, container.clock.now().getUTCFullYear());
  }
};

/**
 * Gives every official who fills a position with the signing right their KMS key and certificate
 * (signatures module). Idempotent, so replays are harmless; a KMS failure fails the batch, which
 * is retried.
 */
const signerWatch: StreamConsumer = async (r) => {
  for (const { record } of employeesInStream(alone(r))) await provisionSigner(getContainer(), record);
};

/**
 * The archive side of every document written: its agency's logs are sealed nightly (the tenant is
 * made known to the archive once), and an archived document gets its copy in the archive bucket —
 * the outbox that makes the copy certain whatever happened to the request that archived it (the
 * copy is idempotent: fixed keys, conditional puts, the state recorded once). A signed internal
 * document that is a disposal act is executed (idempotent too: a disposed document stays so).
 */
const archiveWatch: StreamConsumer = async (r) => {
  for (const d of documentsInStream(alone(r))) {
    const container = getContainer();
    await ensureArchiveTenant(container, d.tenantId);
    if (d.archived) await archiveDocument(container, d.tenantId, d.id);
    // A disposal act signed at the end of its route: its documents are disposed of, it is archived.
    if (d.signedInternal) await executeDisposal(container, d.tenantId, d.id);
  }
};

/**
 * Keeps the search index in step with the table: a document written or removed, or one of its
 * resolutions or execution reports written, puts the document's current state into the index
 * (a file without its text yet goes to the content-text machine, which indexes again). Idempotent: the item's version is its
 * latest write, so replays and out-of-order deliveries never put an older state back. Where no
 * search is deployed, nothing to do.
 */
const searchIndexer: StreamConsumer = async (r) => {
  const container = getContainer();
  if (!container.searchEnabled) return;
  for (const { tenantId, documentId } of searchedDocumentsInStream(alone(r)))
    await indexDocument(container, tenantId, documentId);
};

/**
 * The exchange between agencies on the platform (Decree 935 §141–§149), the only place where one
 * agency's data reaches another's (never a tenant's request): an outgoing document with deliveries
 * still `sending` is delivered to each recipient agency's queue; a received item that was opened,
 * registered (with its signed receipt notice) or refused is reported back to the sender's
 * delivery. Every step is idempotent (claims, forward-only states, content-addressed objects).
 */
const exchangeWatch: StreamConsumer = async (r) => {
  const container = getContainer();
  for (const d of sendingDocumentsInStream(alone(r))) await deliverOutgoing(container, d.tenantId, d.id);
  for (const { record } of receivedItemsInStream<ReceivedItem>(alone(r))) await reportBack(container, record);
};

/**
 * Decree 935 §150: every delivery that reached its recipient and is not answered yet has its
 * receipt watch, which waits until the delivery's due time (started once: the execution is named
 * after the delivery, its input never changes; answered and already-found deliveries are skipped).
 */
const receiptWatch: StreamConsumer = async (r) => {
  const container = getContainer();
  for (const { record } of awaitingReceiptInStream(alone(r)))
    for (const delivery of record.outgoing?.deliveries ?? [])
      await ensureReceiptWatch(container, record.tenantId, record.id, delivery);
};

/**
 * Webhook events of the facts this record writes — a document registered, a received electronic
 * document arrived in the queue, a resolution written — to the agency's subscriptions. Each
 * event's id follows from the fact (not from the stream record), and deliveries start once per
 * subscription and event, so a replayed record sends nothing twice. Payloads carry ids and numbers only.
 */
const webhookEvents: StreamConsumer = async (r) => {
  const batch = alone(r);
  const events: WebhookEvent[] = [
    ...registeredDocumentsInStream(batch).map((d) =>
      webhookEvent(
        'document.registered',
        d.tenantId,
        d.at,
        { documentId: d.documentId, registrationNumber: d.number, registeredAt: d.at },
        [d.documentId, d.number],
      ),
    ),
    ...arrivedItemsInStream(batch).map((i) =>
      webhookEvent(
        'document.received',
        i.tenantId,
        i.receivedAt,
        { receivedId: i.receivedId, receivedAt: i.receivedAt },
        [i.receivedId],
      ),
    ),
    ...writtenResolutionsInStream(batch).map((w) =>
      webhookEvent(
        'resolution.written',
        w.tenantId,
        w.at,
        { documentId: w.documentId, resolutionId: w.resolutionId },
        [w.resolutionId],
      ),
    ),
  ];
  for (const event of events) await publishEvent(getContainer(), event);
};

/**
 * Starts the machine of every new e-service application. The submit starts it right after the
 * create; this makes the start certain when that request died in between or the engine refused it
 * (the execution is named after the application: a second start starts nothing).
 */
const applicationStarter: StreamConsumer = async (r) => {
  for (const application of newApplicationsInStream(alone(r)))
    await ensureApplicationMachine(getContainer(), application);
};

/**
 * The table-stream consumers, each called for every record (in AWS by the one stream Lambda, in
 * the embedded default by the stream poller through the same entry). The search indexer and the
 * notification fan-out register here as they arrive.
 */
export const streamConsumers: Record<string, StreamConsumer> = {
  deadlineWatch,
  routeWatch,
  applicationRouteWatch,
  substitutionWatch,
  digestWatch,
  signerWatch,
  archiveWatch,
  searchIndexer,
  exchangeWatch,
  receiptWatch,
  webhookEvents,
  applicationStarter,
};
