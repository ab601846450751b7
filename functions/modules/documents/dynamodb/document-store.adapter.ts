import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DynamoDBDocumentClient, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../../../platform/kernel/aggregate';
import type {
  DocumentData,
  DocumentKind,
  DocumentLink,
  DocumentRecord,
  LinkType,
  OperationEntry,
} from '../domain/document';
import { exactFilters, filterFields, listingFields } from '../domain/indexing';
import type { AssignmentKind, AssignmentRecord, InboxBox, InboxEntry } from '../domain/tasks';
import { ConflictError } from '../../../platform/kernel/errors';
import type {
  ChainEntry,
  ChainLog,
  DocumentQuery,
  DocumentStore,
  DocumentWrite,
  LookupEntry,
  InboxQuery,
} from '../ports';
import { pageOf } from '../../../platform/adapters/dynamodb/cursor';
import { boundedPage } from '../../../platform/adapters/dynamodb/bounded-query';
import { createDocumentModel, type DocumentModel } from './document.entities';
import { emptyHead, entryHash, type ChainHead, type JournalLink, type OperationLink } from '../domain/chain';
import { bakuLocalDate } from '../domain/date-filter';

const IDEMPOTENCY_TTL_SECONDS = 7 * 24 * 3600;
const MAX_ATTEMPTS = 200;
/** DynamoDB's limit is 100 items per transaction; a batch also stays small enough to answer fast. */
const MAX_TRANSACTION_ITEMS = 100;
const MAX_BATCH = 25;
/** A migration's answer for a row it writes again whole (its keys recomputed), not patched. */
const REWRITE = Symbol('rewrite');
/** The key of table-wide markers (one-time migrations): no tenant has it. */
const MIGRATION_TENANT = '_migrations';

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

/** Attributes of the stored row: the document plus the fields lists filter on (seeders write it too). */
export function documentRow(doc: DocumentRecord) {
  return {
    tenantId: doc.tenantId,
    id: doc.id,
    ...filterFields(doc),
    participants: doc.participants,
    ...(doc.participantUnits?.length ? { participantUnits: doc.participantUnits } : {}),
    ...(doc.accessList?.length ? { accessList: doc.accessList } : {}),
    confidential: doc.confidential === true,
    data: dataOf(doc) as unknown as Record<string, unknown>,
    version: doc.version,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

interface Outcome {
  canceled: boolean;
  /** With `item` the refused item as it is, where the item asked for it (all_old). */
  data: ReadonlyArray<{ rejected?: boolean; code?: string; item?: Record<string, unknown> | null }>;
}

const rejectedAt = (outcome: Outcome, i: number | undefined) =>
  i !== undefined &&
  (outcome.data[i]?.rejected === true || outcome.data[i]?.code === 'ConditionalCheckFailed');
/** A single write refused by its condition (ElectroDB keeps the SDK's error as the cause). */
const conditionFailed = (error: unknown) =>
  (error as { cause?: { name?: string } }).cause?.name === 'ConditionalCheckFailedException' ||
  /conditional request failed/i.test(String((error as Error).message));
const conflictAnywhere = (outcome: Outcome) => outcome.data.some((d) => d.code === 'TransactionConflict');

/**
 * DynamoDB implementation of DocumentStore. Gap-free numbering: the journal counter moves from n to
 * n+1 under a condition in the same transaction that writes the numbered document, so a number is
 * consumed exactly when its document exists. Writers in separate processes (Lambda containers) do
 * not coordinate: each tries with the counter it last saw, and one refused because the counter
 * moved learns the counter's value from the refusal itself and tries again at once, reading
 * nothing. Writers in one process (the embedded default serves all requests from one) go to the
 * journal together: those that arrive while a transaction is in flight share the next one.
 */
export class DynamoDocumentStore implements DocumentStore {
  private readonly model: DocumentModel;
  /** Per journal and year, the newest counter this store has seen: a guess that the condition checks. */
  private readonly lastSeq = new Map<string, ChainHead>();
  private readonly pending = new Map<string, Pending[]>();
  private readonly draining = new Set<string>();

  constructor(
    private readonly client: DynamoDBDocumentClient,
    table: string,
  ) {
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
    // One status asked for: the status's own list (gsi2), else the kind's (gsi1) with a filter.
    // (The two indexes sort alike, by registration time and id: one chain type serves both.)
    const status = q.status?.length === 1 ? q.status[0]! : undefined;
    const keyed: ReturnType<DocumentModel['document']['query']['byKind']> = status
      ? (this.model.document.query.byStatus({ tenantId, kind: q.kind, status }) as unknown as ReturnType<
          DocumentModel['document']['query']['byKind']
        >)
      : this.model.document.query.byKind({ tenantId, kind: q.kind });
    const base =
      q.from !== undefined && q.to !== undefined
        ? keyed.between({ listedAt: q.from }, { listedAt: q.to })
        : q.from !== undefined
          ? keyed.gte({ listedAt: q.from })
          : q.to !== undefined
            ? keyed.lt({ listedAt: q.to })
            : keyed;
    const query = base.where((a, op) => {
      const parts: string[] = [];
      if (q.status?.length && !status)
        parts.push(`(${q.status.map((s) => op.eq(a.status, s)).join(' OR ')})`);
      if (q.numberPrefix) parts.push(op.begins(a.numberKey, q.numberPrefix));
      if (q.documentNumberPrefix) parts.push(op.begins(a.documentNumberKey, q.documentNumberPrefix));
      if (q.documentDateFrom) parts.push(op.gte(a.documentDate, q.documentDateFrom));
      if (q.documentDateTo) parts.push(op.lt(a.documentDate, q.documentDateTo));
      if (q.summaryContains) parts.push(op.contains(a.summaryFold, q.summaryContains));
      if (q.partyContains) parts.push(op.contains(a.partyFold, q.partyContains));
      for (const key of exactFilters) {
        const value = q[key];
        if (value) parts.push(op.eq(a[key], value));
      }
      if (q.controlled !== undefined) parts.push(op.eq(a.controlled, q.controlled));
      // Need-to-know (domain/visibility): own participation or a name on the access list, or —
      // on documents that are not confidential — the registry's and agency head's view of all,
      // a substituted official's participation, or a participant's unit under a headed one.
      const v = q.viewer;
      // (ElectroDB names an attribute as soon as it is read here: build only what is used.)
      const through = v.seesAll
        ? []
        : [
            ...v.actingFor.map((id) => op.contains(a.participants, id)),
            ...v.headOf.map((id) => op.contains(a.participantUnits, id)),
          ];
      const notConfidential = () => `(${op.notExists(a.confidential)} OR ${op.eq(a.confidential, false)})`;
      const wider = v.seesAll
        ? notConfidential()
        : through.length
          ? `(${notConfidential()} AND (${through.join(' OR ')}))`
          : undefined;
      const own = [
        op.contains(a.participants, v.employeeId),
        op.contains(a.accessList, v.employeeId),
        ...(wider ? [wider] : []),
      ];
      parts.push(`(${own.join(' OR ')})`);
      return parts.join(' AND ');
    });
    // A bounded read: at most LIST_READ_BUDGET rows evaluated, whatever the filter drops; a page
    // cut short by the budget carries the cursor of the last row read.
    return boundedPage(
      this.client,
      query.params({ order: q.order }) as QueryCommandInput,
      { limit: q.limit, ...(q.cursor ? { cursor: q.cursor } : {}) },
      (item) => {
        const [row] = this.model.document.parse({ Items: [item] }).data as unknown as Row[];
        return row ? toRecord(row) : undefined;
      },
    ).then(({ items, nextCursor }) => ({ items, ...(nextCursor ? { nextCursor } : {}) }));
  }

  async everyOfKind(
    tenantId: string,
    kind: DocumentKind,
    page: { limit: number; cursor?: string },
  ): Promise<Page<DocumentRecord>> {
    const query = this.model.document.query.byKind({ tenantId, kind });
    return boundedPage(
      this.client,
      query.params({ order: 'asc' }) as QueryCommandInput,
      { limit: page.limit, ...(page.cursor ? { cursor: page.cursor } : {}) },
      (item) => {
        const [row] = this.model.document.parse({ Items: [item] }).data as unknown as Row[];
        return row ? toRecord(row) : undefined;
      },
    ).then(({ items, nextCursor }) => ({ items, ...(nextCursor ? { nextCursor } : {}) }));
  }

  /**
   * Gives document rows written before the folded number keys existed their keys (see `migrate`).
   */
  async backfillNumberKeys(): Promise<{ updated: number }> {
    return this.migrate(
      'document-number-keys',
      (a, op) =>
        `(${op.exists(a.number)} AND ${op.notExists(a.numberKey)}) OR ` +
        `(${op.exists(a.documentNumber)} AND ${op.notExists(a.documentNumberKey)})`,
      async (row) => {
        const keys = filterFields(toRecord(row));
        return {
          ...(keys.numberKey ? { numberKey: keys.numberKey } : {}),
          ...(keys.documentNumberKey ? { documentNumberKey: keys.documentNumberKey } : {}),
        };
      },
    );
  }

  /**
   * Gives document rows written before lists read a status's own index (gsi2, `byStatus`) its
   * keys: each such row is written again whole, as it is (see `migrate`).
   */
  async backfillStatusKeys(): Promise<{ updated: number }> {
    return this.migrate(
      'document-status-keys',
      () => 'attribute_not_exists(gsi2pk)',
      async () => REWRITE,
    );
  }

  /** Gives document rows written before need-to-know their participants' units (see `migrate`). */
  async backfillParticipantUnits(
    unitsOf: (doc: DocumentRecord) => Promise<string[]>,
  ): Promise<{ updated: number }> {
    return this.migrate(
      'document-participant-units',
      (a, op) => op.notExists(a.participantUnits),
      async (row) => {
        const units = await unitsOf(toRecord(row));
        return units.length
          ? { participantUnits: units, data: { ...row.data, participantUnits: units } }
          : undefined;
      },
    );
  }

  /**
   * A one-time migration of document rows: a scan of the rows `where` selects (once per table: a
   * marker records that it ran), each patched with what `patchOf` gives (or written again whole)
   * only if its version is still the one read — a row written since carries the new attributes already.
   */
  private async migrate(
    name: string,
    where: Parameters<DocumentModel['document']['scan']['where']>[0],
    patchOf: (row: Row) => Promise<Record<string, unknown> | typeof REWRITE | undefined>,
  ): Promise<{ updated: number }> {
    const marker = { tenantId: MIGRATION_TENANT, scope: 'migration', value: name };
    if ((await this.model.unique.get(marker).go({ consistent: true })).data) return { updated: 0 };
    let updated = 0;
    let cursor: string | null = null;
    do {
      const page: { data: unknown[]; cursor: string | null } = await this.model.document.scan
        .where(where)
        .go({ cursor, limit: 200 });
      for (const row of page.data as Row[]) {
        const patch = await patchOf(row);
        if (!patch) continue;
        try {
          if (patch === REWRITE)
            await this.model.document
              .put(documentRow(toRecord(row)))
              .where((a, op) => op.eq(a.version, row.version))
              .go();
          else
            await this.model.document
              .patch({ tenantId: row.tenantId, id: row.id })
              .set(patch)
              .where((a, op) => op.eq(a.version, row.version))
              .go();
          updated += 1;
        } catch (error) {
          // Written meanwhile: that write stored the new attributes itself.
          if (!conditionFailed(error)) throw error;
        }
      }
      cursor = page.cursor;
    } while (cursor);
    await this.model.unique.put({ ...marker, ownerId: new Date().toISOString() }).go();
    return { updated };
  }

  async commit(write: DocumentWrite): Promise<{ document: DocumentRecord; replayed: boolean }> {
    const tenantId = write.document.tenantId;
    // (A numbered write's transaction finds a used Idempotency-Key itself: no read before it.)
    if (write.idempotency && !write.numbering) {
      const replay = await this.replay(tenantId, write.idempotency);
      if (replay) return { document: replay, replayed: true };
    }
    if (!write.numbering) {
      const result = await this.attempt(write, undefined);
      return { document: result.document, replayed: result.replayed };
    }
    const key = `${tenantId}#${write.numbering.journalId}#${write.numbering.year}`;
    return new Promise((resolve, reject) => {
      const list = this.pending.get(key) ?? [];
      list.push({ write, resolve, reject });
      this.pending.set(key, list);
      if (!this.draining.has(key)) void this.drain(key);
    });
  }

  /**
   * Works off one journal's queue. Writes that queued up meanwhile go in one transaction (group
   * commit: the counter moves by their number at once); if that transaction is refused for any
   * reason but the counter, each write is retried alone so one bad write cannot fail the others.
   */
  private async drain(key: string): Promise<void> {
    this.draining.add(key);
    try {
      for (;;) {
        const list = this.pending.get(key) ?? [];
        if (list.length === 0) {
          this.pending.delete(key);
          return;
        }
        const batch: Pending[] = [];
        let items = 1;
        while (list.length > 0 && batch.length < MAX_BATCH) {
          const size = itemCount(list[0]!.write);
          if (batch.length > 0 && items + size > MAX_TRANSACTION_ITEMS) break;
          items += size;
          batch.push(list.shift()!);
        }
        const alone = async (p: Pending) => {
          try {
            p.resolve(await this.numbered(p.write));
          } catch (error) {
            p.reject(error);
          }
        };
        if (batch.length === 1) {
          await alone(batch[0]!);
          continue;
        }
        try {
          const results = await this.numberedBatch(
            batch.map((p) => p.write),
            key,
          );
          results.forEach((r, i) => batch[i]!.resolve(r));
        } catch (error) {
          if (!(error instanceof BatchRefused)) {
            for (const p of batch) p.reject(error);
            continue;
          }
          for (const p of batch) await alone(p);
        }
      }
    } finally {
      this.draining.delete(key);
    }
  }

  private async numberedBatch(
    writes: DocumentWrite[],
    key: string,
  ): Promise<Array<{ document: DocumentRecord; replayed: boolean }>> {
    const first = writes[0]!;
    const numbering = first.numbering!;
    const tenantId = first.document.tenantId;
    const [cached, known] = await Promise.all([
      this.lastSeq.get(key) ?? this.counterHead(tenantId, numbering.journalId, numbering.year),
      this.headsOf(
        writes,
        writes.filter((w) => w.expectedVersion === undefined).map((w) => w.document.id),
      ),
    ]);
    let from = cached;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      // (A copy: building the items moves the heads on; a refused transaction moved none.)
      const heads = new Map(known);
      const docs: DocumentRecord[] = [];
      let head: ChainHead = from;
      let outcome: Outcome;
      try {
        outcome = (await this.model.service.transaction
          .write((m) => {
            const items: unknown[] = [];
            writes.forEach((w, i) => {
              const own = this.itemsOf(m, w, { seq: from.seq + i + 1, prevHash: head.hash }, heads);
              head = { seq: from.seq + i + 1, hash: own.journalHash! };
              docs.push(own.doc);
              items.push(...own.items);
            });
            return [this.counterItem(m, tenantId, numbering, from, head), ...items] as never;
          })
          .go()) as Outcome;
      } catch {
        // e.g. two writes of the batch touch one item (the same idempotency key twice)
        throw new BatchRefused();
      }
      if (!outcome.canceled) {
        this.sawCounter(key, head);
        return docs.map((document) => ({ document, replayed: false }));
      }
      const others = outcome.data
        .slice(1)
        .some((d) => d.rejected === true || d.code === 'ConditionalCheckFailed');
      if (others) throw new BatchRefused();
      // The counter moved: the refusal says where it is now (on a transaction conflict, try the same).
      const now = counterOf(outcome);
      if (now) {
        from = now;
        this.sawCounter(key, now);
      } else if (rejectedAt(outcome, 0)) {
        from = await this.counterHead(tenantId, numbering.journalId, numbering.year);
      }
      if (attempt > 0) await backoff(attempt);
    }
    throw new ConflictError('write_conflict', 'The journal is busy; try again');
  }

  /**
   * A numbered write, optimistic: it takes the number after the counter this store saw last (read
   * once, consistently, when it has seen none). If the counter moved meanwhile, the transaction is
   * refused and the refusal carries the counter as it is now (ReturnValuesOnConditionCheckFailure),
   * so the write is tried again with the next number without reading anything: a try is one
   * transaction, which keeps the window in which another writer can take the number small.
   */
  private async numbered(write: DocumentWrite): Promise<{ document: DocumentRecord; replayed: boolean }> {
    const numbering = write.numbering!;
    const tenantId = write.document.tenantId;
    const key = `${tenantId}#${numbering.journalId}#${numbering.year}`;
    const [cached, heads] = await Promise.all([
      this.lastSeq.get(key) ?? this.counterHead(tenantId, numbering.journalId, numbering.year),
      // A refused transaction moves no chain head: the heads read once serve every try.
      this.headsOf([write], write.expectedVersion === undefined ? [write.document.id] : []),
    ]);
    let last = cached;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      try {
        const result = await this.attempt(write, last, heads);
        if (result.journalHead) this.sawCounter(key, result.journalHead);
        return { document: result.document, replayed: result.replayed };
      } catch (error) {
        if (!(error instanceof RetryNumbering)) throw error;
        if (error.counter) {
          last = error.counter;
          this.sawCounter(key, last);
        } else if (error.claimTaken) {
          // A claim ahead of the counter (not written by this code): only a fresh read gets past it.
          last = await this.counterHead(tenantId, numbering.journalId, numbering.year);
        }
        // (A transaction conflict: the same counter again; the next refusal, if any, says where it is.)
        if (attempt > 0) await backoff(attempt);
      }
    }
    throw new ConflictError('write_conflict', 'The journal is busy; try again');
  }

  /** Keeps the newest counter seen for a journal (the store's writes finish in any order). */
  private sawCounter(key: string, head: ChainHead): void {
    if ((this.lastSeq.get(key)?.seq ?? -1) < head.seq) this.lastSeq.set(key, head);
  }

  /**
   * The counter's move from `last` to `to` (with the hash of the journal's entry `to`): a whole-item
   * put, so every transaction item is a full image.
   */
  private counterItem(
    m: TxEntities,
    tenantId: string,
    numbering: { journalId: string; year: number },
    last: ChainHead,
    to: ChainHead,
  ) {
    const keys = { tenantId, journalId: numbering.journalId, year: numbering.year };
    // A refusal returns the counter as it is (all_old): the next try needs no read.
    return last.seq === 0
      ? m.counter.create({ ...keys, seq: to.seq, hash: to.hash }).commit({ response: 'all_old' })
      : m.counter
          .put({ ...keys, seq: to.seq, hash: to.hash })
          .where((a, op) => op.eq(a.seq, last.seq))
          .commit({ response: 'all_old' });
  }

  /** The counter of a journal's year as a chain head (a counter from before the chain: genesis hash). */
  private async counterHead(tenantId: string, journalId: string, year: number): Promise<ChainHead> {
    const res = await this.model.counter.get({ tenantId, journalId, year }).go({ consistent: true });
    return res.data ? { seq: res.data.seq, hash: res.data.hash ?? emptyHead.hash } : emptyHead;
  }

  /** The documents whose operations logs a write appends to: its own and the other ends of its links. */
  private chainsOf(write: DocumentWrite): string[] {
    const id = write.document.id;
    return [id, ...(write.links ?? []).map((l) => (l.from === id ? l.to : l.from))];
  }

  /**
   * The current heads of the operations-log chains the writes append to (consistent reads); those
   * of `fresh` (documents being created) are taken as absent unread — a head there after all
   * refuses the transaction, and the write's next try reads it.
   */
  private async headsOf(writes: DocumentWrite[], fresh: string[] = []): Promise<Heads> {
    const tenantId = writes[0]!.document.tenantId;
    const ids = [...new Set(writes.flatMap((w) => this.chainsOf(w)))];
    const heads: Heads = new Map();
    for (const id of fresh) heads.set(id, { ...emptyHead, exists: false });
    await Promise.all(
      ids
        .filter((id) => !heads.has(id))
        .map(async (documentId) => {
          const res = await this.model.operationHead.get({ tenantId, documentId }).go({ consistent: true });
          heads.set(
            documentId,
            res.data
              ? { seq: res.data.seq, hash: res.data.hash, exists: true }
              : { ...emptyHead, exists: false },
          );
        }),
    );
    return heads;
  }

  /**
   * An operations-log entry appended to its document's chain, with the head's move from the head
   * read before (a head moved meanwhile refuses the transaction: the write is tried again).
   */
  private chainedOperation(
    m: TxEntities,
    heads: Map<string, ChainHead & { exists: boolean }>,
    entry: Omit<OperationLink, 'seq' | 'prevHash'>,
  ): unknown[] {
    const head = heads.get(entry.documentId) ?? { ...emptyHead, exists: false };
    const link: OperationLink = { ...entry, seq: head.seq + 1, prevHash: head.hash };
    const hash = entryHash(link);
    const keys = { tenantId: entry.tenantId, documentId: entry.documentId };
    const moved = { ...keys, seq: link.seq, hash };
    heads.set(entry.documentId, { seq: link.seq, hash, exists: true });
    return [
      m.operation.create({ ...link, hash, day: bakuLocalDate(entry.at) } as never).commit(),
      head.exists
        ? m.operationHead
            .put(moved)
            .where((a, op) => op.eq(a.seq, head.seq))
            .commit()
        : m.operationHead.create(moved).commit(),
    ];
  }

  /**
   * The items of one write (without the counter); `journal` numbers the document (its seq, and the
   * hash of the journal's entry before it). `heads` are the operations-log chains' heads, moved on
   * as entries are appended.
   */
  private itemsOf(
    m: TxEntities,
    write: DocumentWrite,
    journal: { seq: number; prevHash: string } | undefined,
    heads: Map<string, ChainHead & { exists: boolean }>,
  ) {
    const seq = journal?.seq;
    const doc = write.numbering && seq !== undefined ? write.numbering.apply(seq) : write.document;
    const tenantId = doc.tenantId;
    const at = write.expectedVersion === undefined ? doc.createdAt : doc.updatedAt;
    const listing = listingFields(doc);
    const items: unknown[] = [];
    const index: {
      document: number;
      claim?: number;
      idempotency?: number;
      assignments: number[];
      heads: number[];
    } = {
      document: 0,
      assignments: [],
      heads: [],
    };
    let journalHash: string | undefined;
    const push = (item: unknown) => items.push(item) - 1;
    index.document = push(
      write.expectedVersion === undefined
        ? m.document.create(documentRow(doc)).commit()
        : m.document
            .put(documentRow({ ...doc, version: write.expectedVersion + 1 }))
            .where((a, op) => op.eq(a.version, write.expectedVersion!))
            .commit(),
    );
    if (write.numbering && journal && seq !== undefined) {
      index.claim = push(
        m.unique
          .create({
            tenantId,
            scope: `docnum:${write.numbering.journalId}:${write.numbering.year}`,
            value: String(seq),
            ownerId: doc.id,
          })
          .commit(),
      );
      const entry: JournalLink = {
        tenantId,
        journalId: write.numbering.journalId,
        year: write.numbering.year,
        seq,
        number: doc.registration?.number ?? String(seq),
        documentId: doc.id,
        at: doc.registration?.at ?? at,
        prevHash: journal.prevHash,
      };
      journalHash = entryHash(entry);
      push(
        m.journalEntry
          .create({
            ...entry,
            position: String(seq).padStart(10, '0'),
            day: bakuLocalDate(entry.at),
            hash: journalHash,
          })
          .commit(),
      );
    }
    if (write.idempotency) {
      index.idempotency = push(
        m.idempotency
          .create({
            tenantId,
            key: write.idempotency.key,
            requestHash: write.idempotency.requestHash,
            aggregateType: 'document',
            aggregateId: doc.id,
            createdAt: at,
            ttl: Math.floor(Date.parse(at) / 1000) + IDEMPOTENCY_TTL_SECONDS,
          })
          .commit(),
      );
    }
    const opOf = (documentId: string, action: string, changes: unknown) => {
      const [entry, head] = this.chainedOperation(m, heads, {
        tenantId,
        documentId,
        at,
        opId: randomUUID(),
        actorId: write.operation.actorId,
        ...(write.operation.onBehalfOf ? { onBehalfOf: write.operation.onBehalfOf } : {}),
        action,
        changes,
        ...(write.operation.comment && documentId === doc.id ? { comment: write.operation.comment } : {}),
      });
      push(entry);
      index.heads.push(push(head));
    };
    opOf(doc.id, write.operation.action, write.operation.changes);
    for (const l of write.lookups ?? []) {
      push(
        m.lookup
          .put({
            tenantId,
            key: l.key,
            localAt: listing.listedAt,
            documentId: doc.id,
            summary: doc.summary.slice(0, 500),
            ...(doc.registration ? { number: doc.registration.number } : {}),
          })
          .commit(),
      );
    }
    for (const l of write.links ?? []) {
      const other = l.from === doc.id ? l.to : l.from;
      const common = { tenantId, type: l.type, createdAt: at, createdBy: write.operation.actorId };
      push(m.link.put({ ...common, documentId: l.from, otherId: l.to, direction: 'out' }).commit());
      push(m.link.put({ ...common, documentId: l.to, otherId: l.from, direction: 'in' }).commit());
      opOf(other, 'link', [{ field: 'links', after: { type: l.type, documentId: doc.id } }]);
    }
    for (const a of write.assignments ?? []) {
      const row = assignmentRow(
        a.expectedVersion === undefined ? a.record : { ...a.record, version: a.expectedVersion + 1 },
      );
      index.assignments.push(
        push(
          a.expectedVersion === undefined
            ? m.assignment.create(row).commit()
            : m.assignment
                .put(row)
                .where((attr, op) => op.eq(attr.version, a.expectedVersion!))
                .commit(),
        ),
      );
    }
    for (const line of write.inbox ?? []) push(m.inboxEntry.put(inboxRow(line)).commit());
    for (const line of write.removeInbox ?? []) push(m.inboxEntry.delete({ tenantId, ...line }).commit());
    return { doc, items, index, journalHash };
  }

  /**
   * One transaction; with `last` the document takes number last.seq+1. A chain head that moved
   * between its read and the transaction (another entry appended to the same log) is read again
   * and the transaction tried again.
   */
  private async attempt(
    write: DocumentWrite,
    last: ChainHead | undefined,
    known?: Heads,
  ): Promise<{ document: DocumentRecord; replayed: boolean; journalHead?: ChainHead }> {
    for (let attempt = 0; ; attempt++) {
      try {
        // (A copy: building the items moves the heads on.)
        const heads = attempt === 0 && known ? new Map(known) : await this.headsOf([write]);
        return await this.attemptOnce(write, last, heads);
      } catch (error) {
        if (!(error instanceof RetryChain) || attempt >= MAX_ATTEMPTS) throw error;
        await sleep(Math.random() * Math.min(50, 2 + attempt * 2));
      }
    }
  }

  private async attemptOnce(
    write: DocumentWrite,
    last: ChainHead | undefined,
    heads: Heads,
  ): Promise<{ document: DocumentRecord; replayed: boolean; journalHead?: ChainHead }> {
    const numbered = write.numbering && last !== undefined;
    let own: ReturnType<DynamoDocumentStore['itemsOf']> | undefined;
    const outcome = (await this.model.service.transaction
      .write((m) => {
        own = this.itemsOf(
          m,
          write,
          numbered ? { seq: last!.seq + 1, prevHash: last!.hash } : undefined,
          heads,
        );
        const counter = numbered
          ? [
              this.counterItem(m, own.doc.tenantId, write.numbering!, last!, {
                seq: last!.seq + 1,
                hash: own.journalHash!,
              }),
            ]
          : [];
        return [...counter, ...own.items] as never;
      })
      .go()) as Outcome;
    const doc = own!.doc;
    const tenantId = doc.tenantId;
    const shift = numbered ? 1 : 0;
    const at = (i: number | undefined) => (i === undefined ? undefined : i + shift);
    const index = {
      counter: numbered ? 0 : undefined,
      document: own!.index.document + shift,
      claim: at(own!.index.claim),
      idempotency: at(own!.index.idempotency),
      assignments: own!.index.assignments.map((i) => i + shift),
      heads: own!.index.heads.map((i) => i + shift),
    };

    if (!outcome.canceled) {
      const stored =
        write.expectedVersion === undefined ? doc : { ...doc, version: write.expectedVersion + 1 };
      return {
        document: stored,
        replayed: false,
        ...(numbered ? { journalHead: { seq: last!.seq + 1, hash: own!.journalHash! } } : {}),
      };
    }
    if (write.idempotency && rejectedAt(outcome, index.idempotency)) {
      const replay = await this.replay(tenantId, write.idempotency);
      if (replay) return { document: replay, replayed: true };
      throw new ConflictError('idempotency_key_reused', 'The Idempotency-Key was used for another request');
    }
    if (
      (write.expectedVersion !== undefined && rejectedAt(outcome, index.document)) ||
      index.assignments.some((i) => rejectedAt(outcome, i))
    ) {
      throw new ConflictError(
        'stale_version',
        'The record was changed by someone else; reload it',
        write.expectedVersion === undefined ? {} : { expected: write.expectedVersion },
      );
    }
    if (
      write.numbering &&
      (rejectedAt(outcome, index.counter) || rejectedAt(outcome, index.claim) || conflictAnywhere(outcome))
    ) {
      const counter = counterOf(outcome);
      throw new RetryNumbering(
        counter,
        !counter && (rejectedAt(outcome, index.counter) || rejectedAt(outcome, index.claim)),
      );
    }
    if (index.heads.some((i) => rejectedAt(outcome, i)) || conflictAnywhere(outcome)) throw new RetryChain();
    if (rejectedAt(outcome, index.document)) {
      throw new ConflictError('duplicate_value', 'The document already exists', {
        field: 'id',
        value: doc.id,
      });
    }
    throw new ConflictError('write_conflict', 'A concurrent write got there first; try again');
  }

  async replay(
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
    return pageOf(
      () =>
        this.model.operation.query
          .primary({ tenantId, documentId })
          .go({ limit: options.limit, cursor: options.cursor ?? null }),
      (row) => ({
        id: row.opId,
        documentId: row.documentId,
        at: row.at,
        actorId: row.actorId,
        ...(row.onBehalfOf ? { onBehalfOf: row.onBehalfOf } : {}),
        action: row.action,
        changes: row.changes as OperationEntry['changes'],
        ...(row.comment ? { comment: row.comment } : {}),
      }),
    );
  }

  async operationChain(
    tenantId: string,
    documentId: string,
    options: { limit: number; cursor?: string },
  ): Promise<Page<ChainEntry<OperationLink>>> {
    return pageOf(
      () =>
        this.model.operation.query
          .primary({ tenantId, documentId })
          .go({ limit: options.limit, cursor: options.cursor ?? null }),
      (row) => operationChainEntry(row as unknown as OperationRow),
    );
  }

  async journalChain(
    tenantId: string,
    journalId: string,
    year: number,
    options: { limit: number; cursor?: string; fromSeq?: number },
  ): Promise<Page<ChainEntry<JournalLink>>> {
    const q = this.model.journalEntry.query.primary({ tenantId, journalId, year });
    return pageOf(
      () =>
        (options.fromSeq !== undefined
          ? q.gte({ position: String(options.fromSeq).padStart(10, '0') })
          : q
        ).go({ limit: options.limit, cursor: options.cursor ?? null }),
      (row) => journalChainEntry(row as unknown as JournalRow),
    );
  }

  async dayEntries(
    tenantId: string,
    day: string,
    log: ChainLog,
    options: { limit: number; cursor?: string },
  ): Promise<Page<ChainEntry<OperationLink | JournalLink>>> {
    if (log === 'journals')
      return pageOf(
        () =>
          this.model.journalEntry.query
            .byDay({ tenantId, day })
            .go({ limit: options.limit, cursor: options.cursor ?? null }),
        (row) => journalChainEntry(row as unknown as JournalRow),
      );
    return pageOf(
      () =>
        this.model.operation.query
          .byDay({ tenantId, day })
          .go({ limit: options.limit, cursor: options.cursor ?? null }),
      (row) => operationChainEntry(row as unknown as OperationRow),
    );
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
    const link = {
      tenantId,
      documentId: entry.documentId,
      at: entry.at,
      opId: randomUUID(),
      actorId: entry.actorId,
      ...(entry.onBehalfOf ? { onBehalfOf: entry.onBehalfOf } : {}),
      action: entry.action,
      changes: entry.changes,
      ...(entry.comment ? { comment: entry.comment } : {}),
    };
    // The entry and the chain's head move together; a head moved meanwhile: read it again.
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const heads = await this.headsOf([{ document: { tenantId, id: entry.documentId } } as DocumentWrite]);
      const outcome = (await this.model.service.transaction
        .write((m) => this.chainedOperation(m, heads, link) as never)
        .go()) as Outcome;
      if (!outcome.canceled) return;
      await sleep(Math.random() * Math.min(50, 2 + attempt * 2));
    }
    throw new ConflictError('write_conflict', 'The operations log is busy; try again');
  }

  async assignments(tenantId: string, documentId: string): Promise<AssignmentRecord[]> {
    const res = await this.model.assignment.query.primary({ tenantId, documentId }).go({ pages: 'all' });
    return res.data.map((row) => ({ ...(row.data as AssignmentRecord), version: row.version }));
  }

  async inbox(tenantId: string, userId: string, box: InboxBox, q: InboxQuery): Promise<Page<InboxEntry>> {
    const ordered = this.model.inboxEntry.query.ordered;
    const keys = { tenantId, userId, box };
    const query =
      q.from !== undefined && q.to !== undefined
        ? ordered(keys).between({ sortKey: q.from }, { sortKey: q.to })
        : q.from !== undefined
          ? ordered(keys).gte({ sortKey: q.from })
          : q.to !== undefined
            ? ordered(keys).lt({ sortKey: q.to })
            : ordered(keys);
    return pageOf(
      () => query.go({ limit: q.limit, order: q.order, cursor: q.cursor ?? null }),
      (row) => toInboxEntry(row as InboxRow),
    );
  }

  async inboxLines(
    tenantId: string,
    userId: string,
    box: InboxBox,
    documentId: string,
  ): Promise<InboxEntry[]> {
    const res = await this.model.inboxEntry.query
      .primary({ tenantId, userId, box, documentId })
      .go({ pages: 'all' });
    return (res.data as InboxRow[]).map(toInboxEntry);
  }

  async notificationSent(tenantId: string, key: string): Promise<boolean> {
    const res = await this.model.sentNotification.get({ tenantId, key }).go({ consistent: true });
    return res.data !== null;
  }

  async recordNotification(tenantId: string, key: string, at: string): Promise<void> {
    await this.model.sentNotification
      .put({ tenantId, key, at, ttl: Math.floor(Date.parse(at) / 1000) + 400 * 24 * 3600 })
      .go();
  }
}

/** The number was taken: `counter` is the counter as the refusal reported it (absent on a conflict). */
class RetryNumbering extends Error {
  constructor(
    readonly counter: ChainHead | undefined,
    readonly claimTaken: boolean,
  ) {
    super('retry numbering');
  }
}
class RetryChain extends Error {}
class BatchRefused extends Error {}

interface Pending {
  write: DocumentWrite;
  resolve: (result: { document: DocumentRecord; replayed: boolean }) => void;
  reject: (error: unknown) => void;
}

/** The journal counter as a refused transaction reported it (its first item, asked with all_old). */
function counterOf(outcome: Outcome): ChainHead | undefined {
  const first = outcome.data[0];
  const item = first?.rejected === true || first?.code === 'ConditionalCheckFailed' ? first.item : undefined;
  return item && typeof item.seq === 'number'
    ? { seq: item.seq, hash: typeof item.hash === 'string' ? item.hash : emptyHead.hash }
    : undefined;
}

/** Jitter that grows with the tries, so that writers which keep meeting each other spread out. */
const backoff = (attempt: number) => sleep(Math.random() * Math.min(100, 4 * 2 ** Math.min(attempt, 5)));

/** The heads of operations-log chains by document (`exists`: whether the head item is stored). */
type Heads = Map<string, ChainHead & { exists: boolean }>;

/** Items one write puts in a transaction: document, number claim, idempotency, log, look-ups, links. */
function itemCount(write: DocumentWrite): number {
  return (
    3 +
    (write.idempotency ? 1 : 0) +
    (write.lookups?.length ?? 0) +
    3 * (write.links?.length ?? 0) +
    (write.assignments?.length ?? 0) +
    (write.inbox?.length ?? 0) +
    (write.removeInbox?.length ?? 0)
  );
}

/** Keys and the fields queries need are columns; the rest of the assignment travels in `data`. */
function assignmentRow(a: AssignmentRecord) {
  return {
    tenantId: a.tenantId,
    documentId: a.documentId,
    id: a.id,
    kind: a.kind,
    status: a.status,
    assigneeId: a.assigneeId,
    data: a,
    version: a.version,
  };
}

function inboxRow(line: InboxEntry) {
  return {
    tenantId: line.tenantId,
    userId: line.userId,
    box: line.box,
    documentId: line.documentId,
    assignmentId: line.assignmentId,
    sortKey: line.sortKey,
    open: line.open,
    receivedAt: line.receivedAt,
    status: line.status,
    ...(line.dueDate ? { dueDate: line.dueDate } : {}),
    ...(line.read !== undefined ? { read: line.read } : {}),
    ...(line.onBehalfOf ? { onBehalfOf: line.onBehalfOf } : {}),
    ...(line.taskKind ? { taskKind: line.taskKind } : {}),
  };
}

type InboxRow = ReturnType<typeof inboxRow>;

function toInboxEntry(row: InboxRow): InboxEntry {
  return {
    ...row,
    box: row.box as InboxBox,
    ...(row.taskKind ? { taskKind: row.taskKind as AssignmentKind } : {}),
  };
}

type OperationRow = Omit<OperationLink, 'seq' | 'prevHash'> & {
  seq?: number;
  prevHash?: string;
  hash?: string;
};
type JournalRow = JournalLink & { hash: string };

/** A stored log entry as its chain sees it (entries from before the chain have no link). */
function operationChainEntry(row: OperationRow): ChainEntry<OperationLink> {
  const { hash, seq, prevHash, ...rest } = row;
  const base = {
    tenantId: rest.tenantId,
    documentId: rest.documentId,
    at: rest.at,
    opId: rest.opId,
    actorId: rest.actorId,
    ...(rest.onBehalfOf ? { onBehalfOf: rest.onBehalfOf } : {}),
    action: rest.action,
    changes: rest.changes,
    ...(rest.comment ? { comment: rest.comment } : {}),
  };
  if (seq === undefined || prevHash === undefined || hash === undefined)
    return { chained: false, key: rest.opId, link: { ...base, seq: 0, prevHash: '' } };
  return { chained: true, key: rest.opId, link: { ...base, seq, prevHash }, hash };
}

function journalChainEntry(row: JournalRow): ChainEntry<JournalLink> {
  return {
    chained: true,
    key: `${row.journalId}:${row.year}:${row.seq}`,
    link: {
      tenantId: row.tenantId,
      journalId: row.journalId,
      year: row.year,
      seq: row.seq,
      number: row.number,
      documentId: row.documentId,
      at: row.at,
      prevHash: row.prevHash,
    },
    hash: row.hash,
  };
}

type TxEntities = Parameters<Parameters<DocumentModel['service']['transaction']['write']>[0]>[0];
