import type { AggregateMeta, Page } from '../../../functions/platform/kernel/aggregate';
import { ConflictError } from '../../../functions/platform/kernel/errors';
import type {
  AggregateStore,
  AggregateType,
  ChangeRecord,
  ListOptions,
  UniqueClaim,
  WriteOptions,
} from '../../../functions/platform/ports/aggregate-store.port';

interface Row {
  type: AggregateType;
  item: AggregateMeta;
  parentKey: string;
  sortKey: string;
}

const clone = <T>(value: T): T => structuredClone(value);
const pageOf = <T>(all: T[], limit: number, cursor?: string): Page<T> => {
  const from = cursor ? Number(cursor) : 0;
  const to = from + limit;
  return { items: all.slice(from, to), ...(to < all.length ? { nextCursor: String(to) } : {}) };
};

/**
 * AggregateStore in memory, keeping the port's promises: keys scoped by tenant, unique claims
 * (duplicate_value), idempotent creates (the same key and hash replay the first item, another hash
 * is idempotency_key_reused), optimistic versions (stale_version) and a change record per write.
 * Lists run in sort-key order (then id), paged by an offset cursor.
 */
export class MemoryAggregateStore implements AggregateStore {
  private readonly rows = new Map<string, Row>();
  private readonly claims = new Map<string, string>();
  private readonly keys = new Map<string, { requestHash: string; type: AggregateType; id: string }>();
  readonly changeLog: ChangeRecord[] = [];
  /** Every write through the port, in order. */
  readonly writes: Array<{
    kind: 'create' | 'update';
    type: AggregateType;
    item: AggregateMeta;
    options: WriteOptions;
  }> = [];

  /** Stores an aggregate as earlier writes left it (Arrange): no change record. */
  seed<T extends AggregateMeta>(
    type: AggregateType,
    item: T,
    placement: { parentKey?: string; sortKey?: string; claims?: UniqueClaim[] } = {},
  ): T {
    this.rows.set(this.key(type, item.tenantId, item.id), {
      type,
      item: clone(item),
      parentKey: placement.parentKey ?? '-',
      sortKey: placement.sortKey ?? item.id,
    });
    for (const c of placement.claims ?? []) this.claims.set(this.claimKey(item.tenantId, c), item.id);
    return item;
  }

  /** Every aggregate of a type in a tenant, in list order (Assert). */
  all<T extends AggregateMeta>(type: AggregateType, tenantId: string): T[] {
    return this.inOrder(type, tenantId).map((r) => clone(r.item) as T);
  }

  async get<T extends AggregateMeta>(type: AggregateType, tenantId: string, id: string) {
    const row = this.rows.get(this.key(type, tenantId, id));
    return row ? (clone(row.item) as T) : undefined;
  }

  async getMany<T extends AggregateMeta>(type: AggregateType, tenantId: string, ids: string[]) {
    const found = await Promise.all([...new Set(ids)].map((id) => this.get<T>(type, tenantId, id)));
    return found.filter((item): item is Awaited<T> => item !== undefined) as T[];
  }

  async list<T extends AggregateMeta>(type: AggregateType, tenantId: string, options: ListOptions) {
    const rows = this.inOrder(type, tenantId).filter(
      (r) => options.parentKey === undefined || r.parentKey === options.parentKey,
    );
    return pageOf(
      rows.map((r) => clone(r.item) as T),
      options.limit,
      options.cursor,
    );
  }

  async findByUnique(tenantId: string, claim: UniqueClaim): Promise<string | undefined> {
    return this.claims.get(this.claimKey(tenantId, claim));
  }

  async create<T extends AggregateMeta>(type: AggregateType, item: T, options: WriteOptions) {
    const idem = options.idempotency && `${item.tenantId}#${options.idempotency.key}`;
    const earlier = idem ? this.keys.get(idem) : undefined;
    if (earlier) {
      if (earlier.requestHash !== options.idempotency!.requestHash)
        throw new ConflictError('idempotency_key_reused', 'The Idempotency-Key was used for another request');
      return { item: (await this.get<T>(earlier.type, item.tenantId, earlier.id))!, replayed: true };
    }
    this.assertFree(item.tenantId, options.claim);
    const key = this.key(type, item.tenantId, item.id);
    if (this.rows.has(key)) throw new ConflictError('write_conflict', 'A concurrent write got there first');
    this.rows.set(key, {
      type,
      item: clone(item),
      parentKey: options.parentKey ?? '-',
      sortKey: options.sortKey,
    });
    for (const c of options.claim ?? []) this.claims.set(this.claimKey(item.tenantId, c), item.id);
    if (idem) this.keys.set(idem, { requestHash: options.idempotency!.requestHash, type, id: item.id });
    this.record('create', type, undefined, item, options);
    return { item: clone(item), replayed: false };
  }

  async update<T extends AggregateMeta>(
    type: AggregateType,
    item: T,
    expectedVersion: number,
    options: WriteOptions,
  ) {
    const key = this.key(type, item.tenantId, item.id);
    const before = this.rows.get(key);
    if (!before || before.item.version !== expectedVersion)
      throw new ConflictError('stale_version', 'The record was changed by someone else; reload it', {
        expected: expectedVersion,
      });
    this.assertFree(item.tenantId, options.claim);
    const next = { ...clone(item), version: expectedVersion + 1 };
    this.rows.set(key, { type, item: next, parentKey: options.parentKey ?? '-', sortKey: options.sortKey });
    for (const c of options.release ?? [])
      if (this.claims.get(this.claimKey(item.tenantId, c)) === item.id)
        this.claims.delete(this.claimKey(item.tenantId, c));
    for (const c of options.claim ?? []) this.claims.set(this.claimKey(item.tenantId, c), item.id);
    this.record('update', type, before.item, next, options);
    return clone(next);
  }

  async changes(tenantId: string, aggregateId: string, options: { limit: number; cursor?: string }) {
    const all = this.changeLog.filter((c) => c.tenantId === tenantId && c.aggregateId === aggregateId);
    return pageOf(all, options.limit, options.cursor);
  }

  private key(type: AggregateType, tenantId: string, id: string): string {
    return `${tenantId}\u0000${type}\u0000${id}`;
  }

  private claimKey(tenantId: string, c: UniqueClaim): string {
    return `${tenantId}\u0000${c.scope}\u0000${c.value}`;
  }

  private assertFree(tenantId: string, claims: UniqueClaim[] | undefined): void {
    const taken = (claims ?? []).find((c) => this.claims.has(this.claimKey(tenantId, c)));
    if (taken)
      throw new ConflictError('duplicate_value', `The value of ${taken.scope} is already used`, {
        field: taken.field ?? taken.scope,
        value: taken.value,
      });
  }

  private inOrder(type: AggregateType, tenantId: string): Row[] {
    return [...this.rows.values()]
      .filter((r) => r.type === type && r.item.tenantId === tenantId)
      .sort((a, b) => a.sortKey.localeCompare(b.sortKey) || a.item.id.localeCompare(b.item.id));
  }

  private record(
    action: 'create' | 'update',
    type: AggregateType,
    before: AggregateMeta | undefined,
    after: AggregateMeta,
    options: WriteOptions,
  ): void {
    this.writes.push({ kind: action, type, item: clone(after), options: clone(options) });
    const data = ({
      id: _i,
      tenantId: _t,
      version: _v,
      createdAt: _c,
      updatedAt: _u,
      ...rest
    }: AggregateMeta) => clone(rest as Record<string, unknown>);
    this.changeLog.push({
      tenantId: after.tenantId,
      aggregateId: after.id,
      aggregateType: type,
      at: action === 'create' ? after.createdAt : after.updatedAt,
      actorId: options.actorId,
      action,
      ...(before ? { before: data(before) } : {}),
      after: data(after),
    });
  }
}
