import { randomUUID } from 'node:crypto';
import type { Page } from '../../../functions/platform/kernel/aggregate';
import { ConflictError } from '../../../functions/platform/kernel/errors';
import type {
  DocumentLink,
  DocumentRecord,
  OperationEntry,
} from '../../../functions/modules/documents/domain/document';
import { filterFields } from '../../../functions/modules/documents/domain/indexing';
import type {
  AssignmentRecord,
  InboxBox,
  InboxEntry,
} from '../../../functions/modules/documents/domain/tasks';
import type {
  DocumentQuery,
  DocumentStore,
  DocumentWrite,
  InboxQuery,
  LookupEntry,
} from '../../../functions/modules/documents/ports';

const clone = <T>(value: T): T => structuredClone(value);
const pageOf = <T>(all: T[], limit: number, cursor?: string): Page<T> => {
  const from = cursor ? Number(cursor) : 0;
  const to = from + limit;
  return { items: all.slice(from, to), ...(to < all.length ? { nextCursor: String(to) } : {}) };
};
type LineKey = Pick<InboxEntry, 'userId' | 'box' | 'documentId' | 'assignmentId'>;
const lineKey = (tenantId: string, l: LineKey) =>
  `${tenantId}#${l.userId}#${l.box}#${l.documentId}#${l.assignmentId}`;
/** The list filters this fake answers; a use case asking for another one fails loudly. */
const answered = new Set([
  'kind',
  'from',
  'to',
  'order',
  'limit',
  'cursor',
  'status',
  'controlled',
  'participant',
]);

/**
 * DocumentStore in memory, keeping the port's promises: a commit is all or nothing (the document,
 * its log entry, look-ups, links both ways, assignments and list lines), checks the document's and
 * each changed assignment's version first (stale_version), bumps the versions it writes, takes a
 * journal's next number only when it succeeds, and replays the first document for a used
 * idempotency key.
 */
export class MemoryDocumentStore implements DocumentStore {
  private readonly docs = new Map<string, DocumentRecord>();
  private readonly tasks = new Map<string, AssignmentRecord>();
  private readonly lines = new Map<string, InboxEntry>();
  private readonly log_: Array<{ tenantId: string; entry: OperationEntry }> = [];
  private readonly linkRows: Array<DocumentLink & { tenantId: string }> = [];
  private readonly lookups: Array<LookupEntry & { tenantId: string }> = [];
  private readonly counters = new Map<string, number>();
  private readonly keys = new Map<string, { requestHash: string; documentId: string }>();
  private readonly sent = new Map<string, string>();
  /** Every successful commit, in order (Assert). */
  readonly commits: DocumentWrite[] = [];

  /** Stores documents, assignments and list lines as earlier commits left them (Arrange). */
  seed(input: {
    documents?: DocumentRecord[];
    assignments?: AssignmentRecord[];
    inbox?: InboxEntry[];
  }): void {
    for (const d of input.documents ?? []) this.docs.set(`${d.tenantId}#${d.id}`, clone(d));
    for (const a of input.assignments ?? [])
      this.tasks.set(`${a.tenantId}#${a.documentId}#${a.id}`, clone(a));
    for (const l of input.inbox ?? []) this.lines.set(lineKey(l.tenantId, l), clone(l));
  }

  /** Every list line of a tenant (Assert). */
  allLines(tenantId: string): InboxEntry[] {
    return [...this.lines.values()].filter((l) => l.tenantId === tenantId).map(clone);
  }

  async get(tenantId: string, id: string): Promise<DocumentRecord | undefined> {
    const doc = this.docs.get(`${tenantId}#${id}`);
    return doc && clone(doc);
  }

  async getMany(tenantId: string, ids: string[]): Promise<DocumentRecord[]> {
    return [...new Set(ids)].flatMap((id) => {
      const doc = this.docs.get(`${tenantId}#${id}`);
      return doc ? [clone(doc)] : [];
    });
  }

  async list(tenantId: string, q: DocumentQuery): Promise<Page<DocumentRecord>> {
    const unknown = Object.entries(q)
      .filter(([k, v]) => v !== undefined && !answered.has(k))
      .map(([k]) => k);
    if (unknown.length > 0)
      throw new Error(`MemoryDocumentStore.list does not filter by ${unknown.join(', ')}`);
    const rows = [...this.docs.values()]
      .filter((d) => d.tenantId === tenantId && d.kind === q.kind)
      .map((d) => ({ d, at: filterFields(d).listedAt }))
      .filter(
        ({ d, at }) =>
          (q.from === undefined || at >= q.from) &&
          (q.to === undefined || at < q.to) &&
          (!q.status?.length || q.status.includes(d.status)) &&
          (q.controlled === undefined || d.controlled === q.controlled) &&
          (q.participant === undefined || d.participants.includes(q.participant)),
      )
      .sort((a, b) => a.at.localeCompare(b.at) || a.d.id.localeCompare(b.d.id))
      .map(({ d }) => clone(d));
    if (q.order === 'desc') rows.reverse();
    return pageOf(rows, q.limit, q.cursor);
  }

  async commit(write: DocumentWrite): Promise<{ document: DocumentRecord; replayed: boolean }> {
    const tenantId = write.document.tenantId;
    const idem = write.idempotency && `${tenantId}#${write.idempotency.key}`;
    const earlier = idem ? this.keys.get(idem) : undefined;
    if (earlier) {
      if (earlier.requestHash !== write.idempotency!.requestHash)
        throw new ConflictError('idempotency_key_reused', 'The Idempotency-Key was used for another request');
      return { document: (await this.get(tenantId, earlier.documentId))!, replayed: true };
    }
    // Every condition first: a refused commit writes nothing.
    const stored = this.docs.get(`${tenantId}#${write.document.id}`);
    if (write.expectedVersion === undefined ? stored : stored?.version !== write.expectedVersion)
      throw new ConflictError('stale_version', 'The record was changed by someone else; reload it');
    for (const { record, expectedVersion } of write.assignments ?? []) {
      const current = this.tasks.get(`${tenantId}#${record.documentId}#${record.id}`);
      if (expectedVersion === undefined ? current : current?.version !== expectedVersion)
        throw new ConflictError('stale_version', 'The record was changed by someone else; reload it');
    }
    let doc = write.document;
    if (write.numbering) {
      const counter = `${tenantId}#${write.numbering.journalId}#${write.numbering.year}`;
      const seq = (this.counters.get(counter) ?? 0) + 1;
      doc = write.numbering.apply(seq);
      this.counters.set(counter, seq);
    }
    if (write.expectedVersion !== undefined) doc = { ...doc, version: write.expectedVersion + 1 };
    this.docs.set(`${tenantId}#${doc.id}`, clone(doc));
    if (idem) this.keys.set(idem, { requestHash: write.idempotency!.requestHash, documentId: doc.id });
    const at = write.expectedVersion === undefined ? doc.createdAt : doc.updatedAt;
    const { actorId, onBehalfOf, action, changes, comment } = write.operation;
    const entry = (documentId: string, what: string, changed: OperationEntry['changes'], own: boolean) =>
      this.log_.push({
        tenantId,
        entry: {
          id: randomUUID(),
          documentId,
          at,
          actorId,
          ...(onBehalfOf ? { onBehalfOf } : {}),
          action: what,
          changes: clone(changed),
          ...(own && comment ? { comment } : {}),
        },
      });
    entry(doc.id, action, changes, true);
    for (const l of write.lookups ?? [])
      this.lookups.push({
        tenantId,
        key: l.key,
        documentId: doc.id,
        localAt: filterFields(doc).listedAt,
        summary: doc.summary.slice(0, 500),
        ...(doc.registration ? { number: doc.registration.number } : {}),
      });
    for (const l of write.links ?? []) {
      const common = { tenantId, type: l.type, createdAt: at, createdBy: actorId };
      this.linkRows.push({ ...common, documentId: l.from, otherId: l.to, direction: 'out' });
      this.linkRows.push({ ...common, documentId: l.to, otherId: l.from, direction: 'in' });
      entry(
        l.from === doc.id ? l.to : l.from,
        'link',
        [{ field: 'links', after: { type: l.type, documentId: doc.id } }],
        false,
      );
    }
    for (const { record, expectedVersion } of write.assignments ?? [])
      this.tasks.set(
        `${tenantId}#${record.documentId}#${record.id}`,
        clone(expectedVersion === undefined ? record : { ...record, version: expectedVersion + 1 }),
      );
    for (const line of write.inbox ?? []) this.lines.set(lineKey(tenantId, line), clone(line));
    for (const line of write.removeInbox ?? []) this.lines.delete(lineKey(tenantId, line));
    this.commits.push(clone(write));
    return { document: clone(doc), replayed: false };
  }

  async operations(tenantId: string, documentId: string, options: { limit: number; cursor?: string }) {
    const all = this.log_.filter((o) => o.tenantId === tenantId && o.entry.documentId === documentId);
    return pageOf(
      all.map((o) => clone(o.entry)),
      options.limit,
      options.cursor,
    );
  }

  async links(tenantId: string, documentId: string): Promise<DocumentLink[]> {
    return this.linkRows
      .filter((l) => l.tenantId === tenantId && l.documentId === documentId)
      .map(({ tenantId: _t, ...link }) => clone(link));
  }

  async lookup(tenantId: string, key: string, sinceLocal: string, limit: number): Promise<LookupEntry[]> {
    return this.lookups
      .filter((l) => l.tenantId === tenantId && l.key === key && l.localAt >= sinceLocal)
      .sort((a, b) => b.localAt.localeCompare(a.localAt))
      .slice(0, limit)
      .map(({ tenantId: _t, ...entry }) => clone(entry));
  }

  async lastNumber(tenantId: string, journalId: string, year: number): Promise<number> {
    return this.counters.get(`${tenantId}#${journalId}#${year}`) ?? 0;
  }

  async log(tenantId: string, entry: Omit<OperationEntry, 'id'>): Promise<void> {
    this.log_.push({ tenantId, entry: { ...clone(entry), id: randomUUID() } });
  }

  async assignments(tenantId: string, documentId: string): Promise<AssignmentRecord[]> {
    return [...this.tasks.values()]
      .filter((a) => a.tenantId === tenantId && a.documentId === documentId)
      .map(clone);
  }

  async inbox(tenantId: string, userId: string, box: InboxBox, q: InboxQuery): Promise<Page<InboxEntry>> {
    const rows = [...this.lines.values()]
      .filter((l) => l.tenantId === tenantId && l.userId === userId && l.box === box)
      .filter(
        (l) => (q.from === undefined || l.sortKey >= q.from) && (q.to === undefined || l.sortKey < q.to),
      )
      .sort((a, b) =>
        `${a.sortKey}#${a.documentId}#${a.assignmentId}`.localeCompare(
          `${b.sortKey}#${b.documentId}#${b.assignmentId}`,
        ),
      )
      .map(clone);
    if (q.order === 'desc') rows.reverse();
    return pageOf(rows, q.limit, q.cursor);
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
      .map(clone);
  }

  async notificationSent(tenantId: string, key: string): Promise<boolean> {
    return this.sent.has(`${tenantId}#${key}`);
  }

  async recordNotification(tenantId: string, key: string, at: string): Promise<void> {
    this.sent.set(`${tenantId}#${key}`, at);
  }
}
