import { randomUUID } from 'node:crypto';
import { LIST_READ_BUDGET, type Page } from '../../../functions/platform/kernel/aggregate';
import { ConflictError } from '../../../functions/platform/kernel/errors';
import type {
  DocumentKind,
  DocumentLink,
  DocumentRecord,
  OperationEntry,
} from '../../../functions/modules/documents/domain/document';
import {
  filterFields,
  listingFields,
  matchesFilter,
} from '../../../functions/modules/documents/domain/indexing';
import { visibleTo } from '../../../functions/modules/documents/domain/visibility';
import type {
  AssignmentRecord,
  InboxBox,
  InboxEntry,
} from '../../../functions/modules/documents/domain/tasks';
import type { JournalLink, OperationLink } from '../../../functions/modules/documents/domain/chain';
import type {
  ChainEntry,
  DocumentQuery,
  DocumentStore,
  DocumentWrite,
  InboxQuery,
  LookupEntry,
} from '../../../functions/modules/documents/ports';

const copy = <T>(value: T): T => structuredClone(value);
const page = <T>(all: T[], limit: number, cursor: string | undefined): Page<T> => {
  const start = cursor ? Number(cursor) : 0;
  const next = start + limit;
  return { items: all.slice(start, next), ...(next < all.length ? { nextCursor: String(next) } : {}) };
};
const lineKey = (l: Pick<InboxEntry, 'tenantId' | 'userId' | 'box' | 'documentId' | 'assignmentId'>) =>
  `${l.tenantId}#${l.userId}#${l.box}#${l.documentId}#${l.assignmentId}`;

/**
 * DocumentStore in memory, keeping the port's promises: a commit is all or nothing (document,
 * number, operations-log entry, look-ups, links both ways, assignments, list lines, idempotency
 * record), a journal's number is consumed only by a commit that succeeds (never skipped, never
 * given twice), a stale document or assignment version is refused with 409 stale_version, and an
 * idempotency key replays the first document.
 */
export class MemoryDocumentStore implements DocumentStore {
  private readonly docs = new Map<string, DocumentRecord>();
  private readonly counters = new Map<string, number>();
  private readonly idempotency = new Map<string, { requestHash: string; documentId: string }>();
  private readonly ops: Array<{ tenantId: string; entry: OperationEntry }> = [];
  private readonly linkRows: Array<DocumentLink & { tenantId: string }> = [];
  private readonly lookups: Array<LookupEntry & { tenantId: string }> = [];
  private readonly tasks = new Map<string, AssignmentRecord>();
  private readonly lines = new Map<string, InboxEntry>();
  private readonly sent = new Map<string, string>();
  /** Every successful commit, in order. */
  readonly commits: DocumentWrite[] = [];
  /** Every list query, in order (what a use case asked the store for). */
  readonly queries: Array<{ tenantId: string; query: DocumentQuery }> = [];
  /** Documents evaluated by list pages (the read budget bounds each page). */
  evaluated = 0;
  /** The most documents one list page evaluates (LIST_READ_BUDGET, as in DynamoDB). */
  readBudget = LIST_READ_BUDGET;
  /** Runs before each commit; throwing from it refuses the commit (e.g. a concurrent writer). */
  beforeCommit: ((write: DocumentWrite) => void) | undefined;

  /** Puts documents, assignments and lines as earlier commits left them (Arrange). */
  seed(input: {
    documents?: DocumentRecord[];
    assignments?: AssignmentRecord[];
    inbox?: InboxEntry[];
  }): void {
    for (const d of input.documents ?? []) this.docs.set(`${d.tenantId}#${d.id}`, copy(d));
    for (const a of input.assignments ?? []) this.tasks.set(`${a.tenantId}#${a.documentId}#${a.id}`, copy(a));
    for (const l of input.inbox ?? []) this.lines.set(lineKey(l), copy(l));
  }

  /** Sets a journal's counter as if `last` numbers had been given (Arrange). */
  seedCounter(tenantId: string, journalId: string, year: number, last: number): void {
    this.counters.set(`${tenantId}#${journalId}#${year}`, last);
  }

  /** All list lines of a tenant (for assertions). */
  allLines(tenantId: string): InboxEntry[] {
    return [...this.lines.values()].filter((l) => l.tenantId === tenantId).map(copy);
  }

  async get(tenantId: string, id: string): Promise<DocumentRecord | undefined> {
    const doc = this.docs.get(`${tenantId}#${id}`);
    return doc ? copy(doc) : undefined;
  }

  async getMany(tenantId: string, ids: string[]): Promise<DocumentRecord[]> {
    const out: DocumentRecord[] = [];
    for (const id of new Set(ids)) {
      const doc = await this.get(tenantId, id);
      if (doc) out.push(doc);
    }
    return out;
  }

  /**
   * As the DynamoDB store reads gsi1 (or gsi2 for one status): the kind's documents (of that
   * status) in their order (registration time, id) within the period, at most LIST_READ_BUDGET of
   * them evaluated per page; a page cut short by
   * the budget continues after the last document evaluated. `evaluated` counts them all.
   */
  async list(tenantId: string, q: DocumentQuery): Promise<Page<DocumentRecord>> {
    this.queries.push({ tenantId, query: copy(q) });
    const ordered = [...this.docs.values()]
      .filter((d) => d.tenantId === tenantId && d.kind === q.kind)
      .map((d) => ({ d, f: filterFields(d) }))
      .map(({ d, f }) => ({ d, f, key: `${f.listedAt}#${d.id}` }))
      // The key conditions: the period, and a single status (its own index in DynamoDB).
      .filter(({ f }) =>
        matchesFilter(f, { from: q.from, to: q.to, ...(q.status?.length === 1 ? { status: q.status } : {}) }),
      )
      .sort((a, b) => (a.key < b.key ? -1 : 1));
    if (q.order === 'desc') ordered.reverse();
    const after = q.cursor ? Buffer.from(q.cursor, 'base64url').toString('utf8') : undefined;
    const rest = after
      ? ordered.filter(({ key }) => (q.order === 'desc' ? key < after : key > after))
      : ordered;
    const items: DocumentRecord[] = [];
    let read = 0;
    for (const { d, f, key } of rest) {
      read += 1;
      this.evaluated += 1;
      if (matchesFilter(f, q) && visibleTo(d, q.viewer)) items.push(copy(d));
      if (read < rest.length && (items.length === q.limit || read === this.readBudget))
        return { items, nextCursor: Buffer.from(key).toString('base64url') };
    }
    return { items };
  }

  async everyOfKind(
    tenantId: string,
    kind: DocumentKind,
    page: { limit: number; cursor?: string },
  ): Promise<Page<DocumentRecord>> {
    const all = [...this.docs.values()]
      .filter((d) => d.tenantId === tenantId && d.kind === kind)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    const after = page.cursor ?? '';
    const rest = all.filter((d) => d.id > after);
    const items = rest.slice(0, page.limit).map(copy);
    return rest.length > page.limit ? { items, nextCursor: items.at(-1)!.id } : { items };
  }

  async replay(
    tenantId: string,
    idempotency: { key: string; requestHash: string },
  ): Promise<DocumentRecord | undefined> {
    const previous = this.idempotency.get(`${tenantId}#${idempotency.key}`);
    if (!previous) return undefined;
    if (previous.requestHash !== idempotency.requestHash)
      throw new ConflictError('idempotency_key_reused', 'The Idempotency-Key was used for another request');
    return this.get(tenantId, previous.documentId);
  }

  async commit(write: DocumentWrite): Promise<{ document: DocumentRecord; replayed: boolean }> {
    const tenantId = write.document.tenantId;
    const idemKey = write.idempotency ? `${tenantId}#${write.idempotency.key}` : undefined;
    const previous = write.idempotency ? await this.replay(tenantId, write.idempotency) : undefined;
    if (previous) return { document: previous, replayed: true };
    this.beforeCommit?.(write);
    // Every condition is checked before anything is written: a refused commit leaves no trace.
    const docKey = `${tenantId}#${write.document.id}`;
    const stored = this.docs.get(docKey);
    if (write.expectedVersion === undefined && stored)
      throw new ConflictError('duplicate_value', 'The document already exists', { field: 'id' });
    if (write.expectedVersion !== undefined && stored?.version !== write.expectedVersion)
      throw new ConflictError('stale_version', 'The record was changed by someone else; reload it', {
        expected: write.expectedVersion,
      });
    for (const a of write.assignments ?? []) {
      const current = this.tasks.get(`${tenantId}#${a.record.documentId}#${a.record.id}`);
      const fits = a.expectedVersion === undefined ? !current : current?.version === a.expectedVersion;
      if (!fits)
        throw new ConflictError('stale_version', 'The record was changed by someone else; reload it');
    }
    const counterKey = write.numbering
      ? `${tenantId}#${write.numbering.journalId}#${write.numbering.year}`
      : '';
    const seq = write.numbering ? (this.counters.get(counterKey) ?? 0) + 1 : undefined;
    const built = write.numbering && seq !== undefined ? write.numbering.apply(seq) : write.document;
    const doc: DocumentRecord = copy(
      write.expectedVersion === undefined ? built : { ...built, version: write.expectedVersion + 1 },
    );

    if (write.numbering) this.counters.set(counterKey, seq!);
    this.docs.set(docKey, doc);
    if (idemKey)
      this.idempotency.set(idemKey, { requestHash: write.idempotency!.requestHash, documentId: doc.id });
    const at = write.expectedVersion === undefined ? doc.createdAt : doc.updatedAt;
    const op = (documentId: string, action: string, changes: OperationEntry['changes'], own: boolean) =>
      this.ops.push({
        tenantId,
        entry: {
          id: randomUUID(),
          documentId,
          at,
          actorId: write.operation.actorId,
          ...(write.operation.onBehalfOf ? { onBehalfOf: write.operation.onBehalfOf } : {}),
          action,
          changes: copy(changes),
          ...(own && write.operation.comment ? { comment: write.operation.comment } : {}),
        },
      });
    op(doc.id, write.operation.action, write.operation.changes, true);
    const listedAt = listingFields(doc).listedAt;
    for (const l of write.lookups ?? [])
      this.lookups.push({
        tenantId,
        key: l.key,
        documentId: doc.id,
        localAt: listedAt,
        summary: doc.summary.slice(0, 500),
        ...(doc.registration ? { number: doc.registration.number } : {}),
      });
    for (const l of write.links ?? []) {
      const common = { tenantId, type: l.type, createdAt: at, createdBy: write.operation.actorId };
      this.putLink({ ...common, documentId: l.from, otherId: l.to, direction: 'out' });
      this.putLink({ ...common, documentId: l.to, otherId: l.from, direction: 'in' });
      const other = l.from === doc.id ? l.to : l.from;
      op(other, 'link', [{ field: 'links', after: { type: l.type, documentId: doc.id } }], false);
    }
    for (const a of write.assignments ?? []) {
      const record =
        a.expectedVersion === undefined ? a.record : { ...a.record, version: a.expectedVersion + 1 };
      this.tasks.set(`${tenantId}#${record.documentId}#${record.id}`, copy(record));
    }
    for (const line of write.inbox ?? []) this.lines.set(lineKey(line), copy(line));
    for (const line of write.removeInbox ?? []) this.lines.delete(lineKey({ tenantId, ...line }));
    this.commits.push(write);
    return { document: copy(doc), replayed: false };
  }

  async operations(
    tenantId: string,
    documentId: string,
    options: { limit: number; cursor?: string },
  ): Promise<Page<OperationEntry>> {
    const all = this.ops
      .filter((o) => o.tenantId === tenantId && o.entry.documentId === documentId)
      .map((o) => copy(o.entry));
    return page(all, options.limit, options.cursor);
  }

  /** The memory store keeps no chains (the DynamoDB adapter's chains are tested against DynamoDB Local). */
  async operationChain(
    tenantId: string,
    documentId: string,
    options: { limit: number; cursor?: string },
  ): Promise<Page<ChainEntry<OperationLink>>> {
    const page = await this.operations(tenantId, documentId, options);
    return {
      items: page.items.map((o) => ({
        chained: false,
        key: o.id,
        link: { ...o, tenantId, opId: o.id, seq: 0, prevHash: '' },
      })),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }

  async journalChain(): Promise<Page<ChainEntry<JournalLink>>> {
    return { items: [] };
  }

  async dayEntries(): Promise<Page<ChainEntry<OperationLink | JournalLink>>> {
    return { items: [] };
  }

  async links(tenantId: string, documentId: string): Promise<DocumentLink[]> {
    return this.linkRows
      .filter((l) => l.tenantId === tenantId && l.documentId === documentId)
      .map(({ tenantId: _t, ...link }) => copy(link));
  }

  async lookup(tenantId: string, key: string, sinceLocal: string, limit: number): Promise<LookupEntry[]> {
    return this.lookups
      .filter((l) => l.tenantId === tenantId && l.key === key && l.localAt >= sinceLocal)
      .sort((a, b) => (a.localAt < b.localAt ? 1 : -1))
      .slice(0, limit)
      .map(({ tenantId: _t, ...entry }) => copy(entry));
  }

  async lastNumber(tenantId: string, journalId: string, year: number): Promise<number> {
    return this.counters.get(`${tenantId}#${journalId}#${year}`) ?? 0;
  }

  async log(tenantId: string, entry: Omit<OperationEntry, 'id'>): Promise<void> {
    this.ops.push({ tenantId, entry: { ...copy(entry), id: randomUUID() } });
  }

  async assignments(tenantId: string, documentId: string): Promise<AssignmentRecord[]> {
    return [...this.tasks.values()]
      .filter((a) => a.tenantId === tenantId && a.documentId === documentId)
      .map(copy);
  }

  async inbox(tenantId: string, userId: string, box: InboxBox, q: InboxQuery): Promise<Page<InboxEntry>> {
    const all = [...this.lines.values()]
      .filter((l) => l.tenantId === tenantId && l.userId === userId && l.box === box)
      .filter(
        (l) => (q.from === undefined || l.sortKey >= q.from) && (q.to === undefined || l.sortKey < q.to),
      )
      .sort((a, b) => {
        const ka = `${a.sortKey}#${a.documentId}#${a.assignmentId}`;
        const kb = `${b.sortKey}#${b.documentId}#${b.assignmentId}`;
        return ka < kb ? -1 : ka > kb ? 1 : 0;
      })
      .map(copy);
    if (q.order === 'desc') all.reverse();
    return page(all, q.limit, q.cursor);
  }

  async inboxLines(
    tenantId: string,
    userId: string,
    box: InboxBox,
    documentId: string,
  ): Promise<InboxEntry[]> {
    return [...this.lines.values()]
      .filter(
        (l) => l.tenantId === tenantId && l.userId === userId && l.box === box && l.documentId === documentId,
      )
      .map(copy);
  }

  async notificationSent(tenantId: string, key: string): Promise<boolean> {
    return this.sent.has(`${tenantId}#${key}`);
  }

  async recordNotification(tenantId: string, key: string, at: string): Promise<void> {
    this.sent.set(`${tenantId}#${key}`, at);
  }

  private putLink(link: DocumentLink & { tenantId: string }): void {
    const i = this.linkRows.findIndex(
      (l) =>
        l.tenantId === link.tenantId &&
        l.documentId === link.documentId &&
        l.otherId === link.otherId &&
        l.type === link.type,
    );
    if (i >= 0) this.linkRows[i] = link;
    else this.linkRows.push(link);
  }

  /** Every row here is written with its keys: nothing to backfill. */
  async backfillStatusKeys(): Promise<{ updated: number }> {
    return { updated: 0 };
  }

  async backfillNumberKeys(): Promise<{ updated: number }> {
    return { updated: 0 };
  }

  /** Documents seeded without units (as rows written before need-to-know) get them. */
  async backfillParticipantUnits(
    unitsOf: (doc: DocumentRecord) => Promise<string[]>,
  ): Promise<{ updated: number }> {
    let updated = 0;
    for (const [key, doc] of this.docs) {
      if (doc.participantUnits !== undefined) continue;
      const units = await unitsOf(copy(doc));
      if (units.length === 0) continue;
      this.docs.set(key, { ...doc, participantUnits: units });
      updated += 1;
    }
    return { updated };
  }
}
