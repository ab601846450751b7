import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../../domain/aggregate';
import type {
  DocumentData,
  DocumentLink,
  DocumentRecord,
  LinkType,
  OperationEntry,
} from '../../domain/documents/document';
import { listingFields } from '../../domain/documents/indexing';
import { BadRequestError, ConflictError } from '../../domain/errors';
import type {
  DocumentQuery,
  DocumentStore,
  DocumentWrite,
  LookupEntry,
} from '../../ports/document-store.port';
import { createDocumentModel, type DocumentModel } from './document.entities';

const IDEMPOTENCY_TTL_SECONDS = 7 * 24 * 3600;
const MAX_ATTEMPTS = 200;

type Row = {
  tenantId: string;
  id: string;
  data: Record<string, unknown>;
  version: number;
  createdAt: string;
  updatedAt: string;
};

function toRecord(row: Row): DocumentRecord {
  return {
    ...(row.data as unknown as DocumentData),
    id: row.id,
    tenantId: row.tenantId,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function dataOf(doc: DocumentRecord): DocumentData {
  const { id: _i, tenantId: _t, version: _v, createdAt: _c, updatedAt: _u, ...data } = doc;
  return data;
}

/** Attributes of the stored row: the document plus the fields lists filter on. */
function rowOf(doc: DocumentRecord) {
  const listing = listingFields(doc);
  const optional = (value: string | undefined) => (value ? value : undefined);
  return {
    tenantId: doc.tenantId,
    id: doc.id,
    kind: doc.kind,
    status: doc.status,
    listedAt: listing.listedAt,
    summaryFold: listing.summaryFold,
    partyFold: listing.partyFold,
    number: optional(doc.registration?.number),
    documentNumber: optional(doc.documentNumber),
    documentDate: optional(doc.documentDate),
    documentTypeId: optional(doc.documentTypeId),
    classificationId: optional(doc.classificationId),
    nomenclatureId: optional(doc.nomenclatureId),
    addresseeId: optional(doc.addresseeId),
    controllerId: optional(doc.controllerId),
    controlled: doc.controlled,
    participants: doc.participants,
    data: dataOf(doc) as unknown as Record<string, unknown>,
    version: doc.version,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

interface Outcome {
  canceled: boolean;
  data: ReadonlyArray<{ rejected?: boolean; code?: string }>;
}

const rejectedAt = (outcome: Outcome, i: number | undefined) =>
  i !== undefined &&
  (outcome.data[i]?.rejected === true || outcome.data[i]?.code === 'ConditionalCheckFailed');
const conflictAnywhere = (outcome: Outcome) => outcome.data.some((d) => d.code === 'TransactionConflict');

/**
 * DynamoDB implementation of DocumentStore. Gap-free numbering: the journal counter moves from n to
 * n+1 under a condition in the same transaction that writes the numbered document, so a number is
 * consumed exactly when its document exists. Competing writers retry with the fresh counter; in one
 * process, writers to the same journal queue up so they do not compete with each other.
 */
export class DynamoDocumentStore implements DocumentStore {
  private readonly model: DocumentModel;
  private readonly lastSeq = new Map<string, number>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.model = createDocumentModel(client, table);
  }

  async get(tenantId: string, id: string): Promise<DocumentRecord | undefined> {
    const res = await this.model.document.get({ tenantId, id }).go();
    return res.data ? toRecord(res.data as unknown as Row) : undefined;
  }

  async getMany(tenantId: string, ids: string[]): Promise<DocumentRecord[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const res = await this.model.document.get(unique.map((id) => ({ tenantId, id }))).go();
    return (res.data as unknown as Row[]).map(toRecord);
  }

  async list(tenantId: string, q: DocumentQuery): Promise<Page<DocumentRecord>> {
    const byKind = this.model.document.query.byKind;
    const keys = { tenantId, kind: q.kind };
    const base =
      q.from !== undefined && q.to !== undefined
        ? byKind(keys).between({ listedAt: q.from }, { listedAt: q.to })
        : q.from !== undefined
          ? byKind(keys).gte({ listedAt: q.from })
          : q.to !== undefined
            ? byKind(keys).lt({ listedAt: q.to })
            : byKind(keys);
    const query = base.where((a, op) => {
      const parts: string[] = [];
      if (q.status?.length) parts.push(`(${q.status.map((s) => op.eq(a.status, s)).join(' OR ')})`);
      if (q.number) parts.push(op.eq(a.number, q.number));
      if (q.documentNumber) parts.push(op.eq(a.documentNumber, q.documentNumber));
      if (q.documentDateFrom) parts.push(op.gte(a.documentDate, q.documentDateFrom));
      if (q.documentDateTo) parts.push(op.lt(a.documentDate, q.documentDateTo));
      if (q.summaryContains) parts.push(op.contains(a.summaryFold, q.summaryContains));
      if (q.partyContains) parts.push(op.contains(a.partyFold, q.partyContains));
      if (q.documentTypeId) parts.push(op.eq(a.documentTypeId, q.documentTypeId));
      if (q.classificationId) parts.push(op.eq(a.classificationId, q.classificationId));
      if (q.nomenclatureId) parts.push(op.eq(a.nomenclatureId, q.nomenclatureId));
      if (q.addresseeId) parts.push(op.eq(a.addresseeId, q.addresseeId));
      if (q.controllerId) parts.push(op.eq(a.controllerId, q.controllerId));
      if (q.controlled !== undefined) parts.push(op.eq(a.controlled, q.controlled));
      if (q.participant) parts.push(op.contains(a.participants, q.participant));
      return parts.join(' AND ');
    });
    // `count` makes ElectroDB read on until a page holds `limit` matches (filters drop rows).
    const res = await this.withCursor(() =>
      query.go({
        count: q.limit,
        limit: Math.max(q.limit * 2, 100),
        order: q.order,
        cursor: q.cursor ?? null,
      }),
    );
    return {
      items: (res.data as unknown as Row[]).map(toRecord),
      ...(res.cursor ? { nextCursor: res.cursor } : {}),
    };
  }

  async commit(write: DocumentWrite): Promise<{ document: DocumentRecord; replayed: boolean }> {
    const tenantId = write.document.tenantId;
    if (write.idempotency) {
      const replay = await this.replay(tenantId, write.idempotency);
      if (replay) return { document: replay, replayed: true };
    }
    if (!write.numbering) return this.attempt(write, undefined);
    const queueKey = `${tenantId}#${write.numbering.journalId}#${write.numbering.year}`;
    const previous = this.queues.get(queueKey) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.numbered(write, queueKey));
    this.queues.set(queueKey, run);
    try {
      return await run;
    } finally {
      if (this.queues.get(queueKey) === run) this.queues.delete(queueKey);
    }
  }

  private async numbered(
    write: DocumentWrite,
    queueKey: string,
  ): Promise<{ document: DocumentRecord; replayed: boolean }> {
    const numbering = write.numbering!;
    const tenantId = write.document.tenantId;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      let last = this.lastSeq.get(queueKey);
      if (last === undefined || attempt > 0) {
        last = await this.lastNumber(tenantId, numbering.journalId, numbering.year);
      }
      try {
        const result = await this.attempt(write, last);
        if (!result.replayed) this.lastSeq.set(queueKey, last + 1);
        return result;
      } catch (error) {
        if (!(error instanceof RetryNumbering)) throw error;
        this.lastSeq.delete(queueKey);
        // Another process took the number: back off a little, with jitter, and read the counter again.
        await sleep(Math.random() * Math.min(50, 2 + attempt * 2));
      }
    }
    throw new ConflictError('write_conflict', 'The journal is busy; try again');
  }

  /** One transaction; with `last` the document takes number last+1. */
  private async attempt(
    write: DocumentWrite,
    last: number | undefined,
  ): Promise<{ document: DocumentRecord; replayed: boolean }> {
    const m = this.model;
    const doc = write.numbering && last !== undefined ? write.numbering.apply(last + 1) : write.document;
    const tenantId = doc.tenantId;
    const at = write.expectedVersion === undefined ? doc.createdAt : doc.updatedAt;
    const listing = listingFields(doc);
    const index: { counter?: number; document: number; claim?: number; idempotency?: number } = {
      document: 0,
    };

    const outcome = (await m.service.transaction
      .write(({ document, counter, operation, link, lookup, unique, idempotency }) => {
        const items: Array<{ commit: () => unknown }> = [];
        const push = (item: { commit: () => unknown }) => items.push(item) - 1;
        if (write.numbering && last !== undefined) {
          const keys = { tenantId, journalId: write.numbering.journalId, year: write.numbering.year };
          index.counter = push(
            last === 0
              ? counter.create({ ...keys, seq: 1 })
              : // A whole-item put (not an update): every item a transaction writes is then a full image.
                counter.put({ ...keys, seq: last + 1 }).where((a, op) => op.eq(a.seq, last)),
          );
        }
        index.document = push(
          write.expectedVersion === undefined
            ? document.create(rowOf(doc))
            : document
                .put(rowOf({ ...doc, version: write.expectedVersion + 1 }))
                .where((a, op) => op.eq(a.version, write.expectedVersion!)),
        );
        if (write.numbering && last !== undefined) {
          index.claim = push(
            unique.create({
              tenantId,
              scope: `docnum:${write.numbering.journalId}:${write.numbering.year}`,
              value: String(last + 1),
              ownerId: doc.id,
            }),
          );
        }
        if (write.idempotency) {
          index.idempotency = push(
            idempotency.create({
              tenantId,
              key: write.idempotency.key,
              requestHash: write.idempotency.requestHash,
              aggregateType: 'document',
              aggregateId: doc.id,
              createdAt: at,
              ttl: Math.floor(Date.parse(at) / 1000) + IDEMPOTENCY_TTL_SECONDS,
            }),
          );
        }
        push(
          operation.create({
            tenantId,
            documentId: doc.id,
            at,
            opId: randomUUID(),
            actorId: write.operation.actorId,
            ...(write.operation.onBehalfOf ? { onBehalfOf: write.operation.onBehalfOf } : {}),
            action: write.operation.action,
            changes: write.operation.changes,
            ...(write.operation.comment ? { comment: write.operation.comment } : {}),
          }),
        );
        for (const l of write.lookups ?? []) {
          push(
            lookup.put({
              tenantId,
              key: l.key,
              localAt: listing.listedAt,
              documentId: doc.id,
              summary: doc.summary.slice(0, 500),
              ...(doc.registration ? { number: doc.registration.number } : {}),
            }),
          );
        }
        for (const l of write.links ?? []) {
          const other = l.from === doc.id ? l.to : l.from;
          const common = { tenantId, type: l.type, createdAt: at, createdBy: write.operation.actorId };
          push(link.put({ ...common, documentId: l.from, otherId: l.to, direction: 'out' }));
          push(link.put({ ...common, documentId: l.to, otherId: l.from, direction: 'in' }));
          push(
            operation.create({
              tenantId,
              documentId: other,
              at,
              opId: randomUUID(),
              actorId: write.operation.actorId,
              ...(write.operation.onBehalfOf ? { onBehalfOf: write.operation.onBehalfOf } : {}),
              action: 'link',
              changes: [{ field: 'links', after: { type: l.type, documentId: doc.id } }],
            }),
          );
        }
        return items.map((i) => i.commit()) as never;
      })
      .go()) as Outcome;

    if (!outcome.canceled) {
      const stored =
        write.expectedVersion === undefined ? doc : { ...doc, version: write.expectedVersion + 1 };
      return { document: stored, replayed: false };
    }
    if (write.idempotency && rejectedAt(outcome, index.idempotency)) {
      const replay = await this.replay(tenantId, write.idempotency);
      if (replay) return { document: replay, replayed: true };
      throw new ConflictError('idempotency_key_reused', 'The Idempotency-Key was used for another request');
    }
    if (write.expectedVersion !== undefined && rejectedAt(outcome, index.document)) {
      throw new ConflictError('stale_version', 'The record was changed by someone else; reload it', {
        expected: write.expectedVersion,
      });
    }
    if (
      write.numbering &&
      (rejectedAt(outcome, index.counter) || rejectedAt(outcome, index.claim) || conflictAnywhere(outcome))
    ) {
      throw new RetryNumbering();
    }
    if (rejectedAt(outcome, index.document)) {
      throw new ConflictError('duplicate_value', 'The document already exists', {
        field: 'id',
        value: doc.id,
      });
    }
    throw new ConflictError('write_conflict', 'A concurrent write got there first; try again');
  }

  private async replay(
    tenantId: string,
    idem: { key: string; requestHash: string },
  ): Promise<DocumentRecord | undefined> {
    const previous = await this.model.idempotency.get({ tenantId, key: idem.key }).go();
    if (!previous.data) return undefined;
    if (previous.data.requestHash !== idem.requestHash || previous.data.aggregateType !== 'document') {
      throw new ConflictError('idempotency_key_reused', 'The Idempotency-Key was used for another request');
    }
    return this.get(tenantId, previous.data.aggregateId);
  }

  async operations(
    tenantId: string,
    documentId: string,
    options: { limit: number; cursor?: string },
  ): Promise<Page<OperationEntry>> {
    const res = await this.withCursor(() =>
      this.model.operation.query
        .primary({ tenantId, documentId })
        .go({ limit: options.limit, cursor: options.cursor ?? null }),
    );
    return {
      items: res.data.map((row) => ({
        id: row.opId,
        documentId: row.documentId,
        at: row.at,
        actorId: row.actorId,
        ...(row.onBehalfOf ? { onBehalfOf: row.onBehalfOf } : {}),
        action: row.action,
        changes: row.changes as OperationEntry['changes'],
        ...(row.comment ? { comment: row.comment } : {}),
      })),
      ...(res.cursor ? { nextCursor: res.cursor } : {}),
    };
  }

  async links(tenantId: string, documentId: string): Promise<DocumentLink[]> {
    const res = await this.model.link.query.primary({ tenantId, documentId }).go({ pages: 'all' });
    return res.data.map((row) => ({
      documentId: row.documentId,
      otherId: row.otherId,
      type: row.type as LinkType,
      direction: row.direction,
      createdAt: row.createdAt,
      createdBy: row.createdBy,
    }));
  }

  async lookup(tenantId: string, key: string, sinceLocal: string, limit: number): Promise<LookupEntry[]> {
    const res = await this.model.lookup.query
      .primary({ tenantId, key })
      .gte({ localAt: sinceLocal })
      .go({ order: 'desc', count: limit });
    return res.data.map((row) => ({
      key: row.key,
      documentId: row.documentId,
      localAt: row.localAt,
      summary: row.summary,
      ...(row.number ? { number: row.number } : {}),
    }));
  }

  async lastNumber(tenantId: string, journalId: string, year: number): Promise<number> {
    const res = await this.model.counter.get({ tenantId, journalId, year }).go({ consistent: true });
    return res.data?.seq ?? 0;
  }

  async log(tenantId: string, entry: Omit<OperationEntry, 'id'>): Promise<void> {
    await this.model.operation
      .create({
        tenantId,
        documentId: entry.documentId,
        at: entry.at,
        opId: randomUUID(),
        actorId: entry.actorId,
        ...(entry.onBehalfOf ? { onBehalfOf: entry.onBehalfOf } : {}),
        action: entry.action,
        changes: entry.changes,
        ...(entry.comment ? { comment: entry.comment } : {}),
      })
      .go();
  }

  /** A cursor from another query or tenant makes DynamoDB refuse the start key: a 400, not a 500. */
  private async withCursor<R>(run: () => Promise<R>): Promise<R> {
    try {
      return await run();
    } catch (error) {
      const text = String((error as Error).message ?? '');
      if (/cursor|ExclusiveStartKey|starting key|Exclusive Start Key/i.test(text)) {
        throw new BadRequestError([{ path: 'cursor', code: 'invalid_cursor' }]);
      }
      throw error;
    }
  }
}

class RetryNumbering extends Error {}
