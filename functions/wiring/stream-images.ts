import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall as unmarshallImage } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import type { AssignmentRecord, DocumentRecord } from '../modules/documents';
import type { Employee, Substitution } from '../modules/org';

/**
 * DynamoDB Local's stream images carry an empty map as `{}` (no type): read it as `{ M: {} }`,
 * as the table itself does, before unmarshalling.
 */
function typed(value: AttributeValue): AttributeValue {
  if (value.M) return { M: Object.fromEntries(Object.entries(value.M).map(([k, v]) => [k, typed(v)])) };
  if (value.L) return { L: value.L.map(typed) };
  return Object.keys(value).length === 0 ? { M: {} } : value;
}

const unmarshall = (image: Record<string, AttributeValue>) => unmarshallImage(typed({ M: image }).M!);

type Image = Record<string, AttributeValue>;

/** New images of a batch that `accept` picks, with their record ids (for partial batch failures). */
function newImages(event: DynamoDBStreamEvent, accept: (image: Image) => boolean) {
  const out: Array<{ sequence: string; image: Image }> = [];
  for (const r of event.Records) {
    const image = r.dynamodb?.NewImage as Image | undefined;
    if (image && accept(image)) out.push({ sequence: r.dynamodb?.SequenceNumber ?? '', image });
  }
  return out;
}

/** An aggregate or document row: its `data` with the key and version columns put back. */
function record<T>(image: Image): T {
  // Only these columns: the others (index keys, filter columns) are not the record.
  const picked: Image = Object.fromEntries(
    ['data', 'id', 'tenantId', 'version', 'createdAt', 'updatedAt'].flatMap((k) =>
      image[k] ? [[k, image[k]]] : [],
    ),
  );
  const { data, ...meta } = unmarshall(picked) as { data: object };
  return { ...data, ...meta } as T;
}

const entity = (image: Image) => image.__edb_e__?.S;

/** Resolutions written in a stream batch (new images of the `assignment` entity), with their record ids. */
export function resolutionsInStream(event: DynamoDBStreamEvent) {
  return newImages(event, (i) => entity(i) === 'assignment' && i.kind?.S === 'resolution').map(
    ({ sequence, image }) => {
      const row = unmarshall(image) as { data: AssignmentRecord; version: number };
      return { sequence, record: { ...row.data, version: row.version } };
    },
  );
}

/** Documents with a route written in a stream batch (new images of the `document` entity). */
export function routedDocumentsInStream(event: DynamoDBStreamEvent) {
  return newImages(event, (i) => entity(i) === 'document' && i.data?.M?.route !== undefined).map(
    ({ sequence, image }) => ({ sequence, record: record<DocumentRecord>(image) }),
  );
}

/** Agencies where an employee written in a stream batch asked for the daily digest. */
export function digestTenantsInStream(event: DynamoDBStreamEvent) {
  return newImages(
    event,
    (i) =>
      entity(i) === 'aggregate' &&
      i.type?.S === 'employee' &&
      i.data?.M?.notifications?.M?.digest?.BOOL === true &&
      i.tenantId?.S !== undefined,
  ).map(({ sequence, image }) => ({ sequence, tenantId: image.tenantId!.S! }));
}

/** Substitutions written in a stream batch (new images of `aggregate` rows of that type). */
export function substitutionsInStream(event: DynamoDBStreamEvent) {
  return newImages(event, (i) => entity(i) === 'aggregate' && i.type?.S === 'substitution').map(
    ({ sequence, image }) => ({ sequence, record: record<Substitution>(image) }),
  );
}

/** Employees written in a stream batch (new images of `aggregate` rows of that type). */
export function employeesInStream(event: DynamoDBStreamEvent) {
  return newImages(event, (i) => entity(i) === 'aggregate' && i.type?.S === 'employee').map(
    ({ sequence, image }) => ({ sequence, record: record<Employee>(image) }),
  );
}

/**
 * Documents written in a stream batch: their tenant, whether they wait for their archive copy, and
 * whether they are signed internal documents (a disposal act signed at the end of its route).
 */
export function documentsInStream(event: DynamoDBStreamEvent) {
  return newImages(event, (i) => entity(i) === 'document' && i.tenantId?.S !== undefined).map(
    ({ sequence, image }) => ({
      sequence,
      tenantId: image.tenantId!.S!,
      id: image.id?.S ?? '',
      archived: image.status?.S === 'archived',
      signedInternal: image.kind?.S === 'internal' && image.status?.S === 'signed',
    }),
  );
}

/**
 * The documents whose search item a stream batch changes: a document's row written or removed, and
 * any of its assignments (resolutions and their execution reports) written.
 */
export function searchedDocumentsInStream(event: DynamoDBStreamEvent) {
  const out: Array<{ sequence: string; tenantId: string; documentId: string }> = [];
  for (const r of event.Records) {
    const image = (r.dynamodb?.NewImage ?? r.dynamodb?.OldImage) as Image | undefined;
    const tenantId = image?.tenantId?.S;
    if (!image || !tenantId) continue;
    const sequence = r.dynamodb?.SequenceNumber ?? '';
    if (entity(image) === 'document' && image.id?.S) out.push({ sequence, tenantId, documentId: image.id.S });
    else if (entity(image) === 'assignment' && image.documentId?.S)
      out.push({ sequence, tenantId, documentId: image.documentId.S });
  }
  return out;
}

/** Outgoing documents written in a stream batch with a delivery still `sending` (exchange module). */
export function sendingDocumentsInStream(event: DynamoDBStreamEvent) {
  return newImages(
    event,
    (i) =>
      entity(i) === 'document' &&
      i.kind?.S === 'outgoing' &&
      (i.data?.M?.outgoing?.M?.deliveries?.L ?? []).some((d) => d.M?.state?.S === 'sending'),
  ).map(({ sequence, image }) => ({ sequence, tenantId: image.tenantId!.S!, id: image.id!.S! }));
}

/**
 * Outgoing documents written in a stream batch with a delivery the recipient has (delivered or
 * opened) but not yet answered and not yet found without receipt: each needs its §150 watch.
 */
export function awaitingReceiptInStream(event: DynamoDBStreamEvent) {
  return newImages(
    event,
    (i) =>
      entity(i) === 'document' &&
      i.kind?.S === 'outgoing' &&
      (i.data?.M?.outgoing?.M?.deliveries?.L ?? []).some(
        (d) => ['delivered', 'received'].includes(d.M?.state?.S ?? '') && d.M?.noReceipt === undefined,
      ),
  ).map(({ sequence, image }) => ({ sequence, record: record<DocumentRecord>(image) }));
}

/** Received items of the exchange written in a stream batch (`aggregate` rows of that type). */
export function receivedItemsInStream<T>(event: DynamoDBStreamEvent) {
  return newImages(event, (i) => entity(i) === 'aggregate' && i.type?.S === 'exchange-received').map(
    ({ sequence, image }) => ({ sequence, record: record<T>(image) }),
  );
}

/** Old images of a record (absent on an INSERT). */
const oldImage = (r: DynamoDBStreamEvent['Records'][number]) => r.dynamodb?.OldImage as Image | undefined;

/**
 * Documents that got their registration in a stream batch: the new image has a registration
 * number the old one had not (webhook `document.registered`).
 */
export function registeredDocumentsInStream(event: DynamoDBStreamEvent) {
  const out: Array<{ sequence: string; tenantId: string; documentId: string; number: string; at: string }> =
    [];
  for (const r of event.Records) {
    const image = r.dynamodb?.NewImage as Image | undefined;
    if (!image || entity(image) !== 'document' || !image.tenantId?.S) continue;
    const now = record<DocumentRecord>(image);
    if (!now.registration?.number) continue;
    const before = oldImage(r);
    if (before && record<DocumentRecord>(before).registration?.number === now.registration.number) continue;
    out.push({
      sequence: r.dynamodb?.SequenceNumber ?? '',
      tenantId: image.tenantId.S,
      documentId: now.id,
      number: now.registration.number,
      at: now.registration.at,
    });
  }
  return out;
}

/**
 * Received electronic documents that arrived in an agency's queue (created waiting) in a stream
 * batch: new `exchange-received` aggregates (webhook `document.received`). Quarantined mail is not
 * in the queue.
 */
export function arrivedItemsInStream(event: DynamoDBStreamEvent) {
  const out: Array<{ sequence: string; tenantId: string; receivedId: string; receivedAt: string }> = [];
  for (const r of event.Records) {
    const image = r.dynamodb?.NewImage as Image | undefined;
    if (!image || oldImage(r) || entity(image) !== 'aggregate' || image.type?.S !== 'exchange-received')
      continue;
    const item = record<{ id: string; tenantId: string; state: string; receivedAt: string }>(image);
    if (item.state !== 'waiting') continue;
    out.push({
      sequence: r.dynamodb?.SequenceNumber ?? '',
      tenantId: item.tenantId,
      receivedId: item.id,
      receivedAt: item.receivedAt,
    });
  }
  return out;
}

/** Resolutions created in a stream batch (inserted `assignment` rows of kind resolution): `resolution.written`. */
export function writtenResolutionsInStream(event: DynamoDBStreamEvent) {
  return resolutionsInStream({ Records: event.Records.filter((r) => !oldImage(r)) }).map(
    ({ sequence, record: resolution }) => ({
      sequence,
      tenantId: resolution.tenantId,
      documentId: resolution.documentId,
      resolutionId: resolution.id,
      at: resolution.createdAt,
    }),
  );
}

/**
 * E-service applications created in a stream batch (an `eservice-application` aggregate row with
 * no old image): each gets its machine started (idempotent by execution name).
 */
export function newApplicationsInStream(event: DynamoDBStreamEvent) {
  const out: Array<{ sequence: string; tenantId: string; id: string }> = [];
  for (const r of event.Records) {
    const image = r.dynamodb?.NewImage as Image | undefined;
    if (!image || r.dynamodb?.OldImage || entity(image) !== 'aggregate') continue;
    if (image.type?.S !== 'eservice-application' || !image.tenantId?.S || !image.id?.S) continue;
    out.push({ sequence: r.dynamodb?.SequenceNumber ?? '', tenantId: image.tenantId.S, id: image.id.S });
  }
  return out;
}
