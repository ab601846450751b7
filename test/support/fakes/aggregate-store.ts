import { aggregateData, type AggregateMeta, type Page } from '../../../functions/platform/kernel/aggregate';
import { ConflictError } from '../../../functions/platform/kernel/errors';
import {
  duplicateValueError,
  firstOfTransaction,
  type AggregateStore,
  type AggregateType,
  type AggregateWrite,
  type ChangeRecord,
  type ListOptions,
  type UniqueClaim,
  type WriteOptions,
} from '../../../functions/platform/ports/aggregate-store.port';

interface Row {
  type: AggregateType;
  item: AggregateMeta;
  parentKey: string;
  sortKey: string;
}

const NO_PARENT = '-';
const rowKey = (type: string, tenantId: string, id: string) => `${tenantId}\u0000${type}\u0000${id}`;
const claimKey = (tenantId: string, c: UniqueClaim) => `${tenantId}\u0000${c.scope}\u0000${c.value}`;
const copy = <T>(value: T): T => structuredClone(value);

/**
 * AggregateStore in memory, with the port's promises: tenant-scoped keys, unique claims, idempotent
 * creates (same key and hash: the first result; another hash: idempotency_key_reused), optimistic
 * versions (stale_version) and one change record per write. Lists are ordered by sort key, then id,
 * and paged with an opaque cursor (the offset), like the DynamoDB adapter's indexes.
 */
export class MemoryAggregateStore implements AggregateStore {
  private readonly rows = new Map<string, Row>();
  private readonly claims = new Map<string, string>();
  private readonly idempotency = new Map<string, { requestHash: string; type: AggregateType; id: string }>();
  readonly changeLog: ChangeRecord[] = [];
  /** Every write, in order: what a use case wrote through the port. */
  readonly writes: Array<{
    kind: 'create' | 'update';
    type: AggregateType;
    item: AggregateMeta;
    options: WriteOptions;
  }> = [];

  /** Puts an aggregate as it would be after earlier writes (Arrange), without a change record. */
  seed<T extends AggregateMeta>(
    type: AggregateType,
    item: T,
    placement: { parentKey?: string; sortKey?: string; claims?: UniqueClaim[] } = {},
  ): T {
    this.rows.set(rowKey(type, item.tenantId, item.id), {
      type,
      item: copy(item),
      parentKey: placement.parentKey ?? NO_PARENT,
      sortKey: placement.sortKey ?? item.id,
    });
    for (const c of placement.claims ?? []) this.claims.set(claimKey(item.tenantId, c), item.id);
    return item;
  }

  /** All aggregates of a type in a tenant, in list order (for assertions). */
  all<T extends AggregateMeta>(type: AggregateType, tenantId: string): T[] {
    return this.ordered(type, tenantId).map((r) => copy(r.item) as T);
  }

  async get<T extends AggregateMeta>(
    type: AggregateType,
    tenantId: string,
    id: string,
  ): Promise<T | undefined> {
    const row = this.rows.get(rowKey(type, tenantId, id));
    return row ? (copy(row.item) as T) : undefined;
  }

  async getMany<T extends AggregateMeta>(type: AggregateType, tenantId: string, ids: string[]): Promise<T[]> {
    const out: T[] = [];
    for (const id of new Set(ids)) {
      const found = await this.get<T>(type, tenantId, id);
      if (found) out.push(found);
    }
    return out;
  }

  async list<T extends AggregateMeta>(
    type: AggregateType,
    tenantId: string,
    options: ListOptions,
  ): Promise<Page<T>> {
    const rows = this.ordered(type, tenantId).filter(
      (r) => options.parentKey === undefined || r.parentKey === options.parentKey,
    );
    const start = options.cursor ? Number(options.cursor) : 0;
    const items = rows.slice(start, start + options.limit).map((r) => copy(r.item) as T);
    const next = start + options.limit;
    return { items, ...(next < rows.length ? { nextCursor: String(next) } : {}) };
  }

  async findByUnique(tenantId: string, claim: UniqueClaim): Promise<string | undefined> {
    return this.claims.get(claimKey(tenantId, claim));
  }

  async create<T extends AggregateMeta>(
    type: AggregateType,
    item: T,
    options: WriteOptions,
  ): Promise<{ item: T; replayed: boolean }> {
    const { items, replayed } = await this.transact([{ type, item, options }]);
    return { item: items[0] as T, replayed };
  }

  async update<T extends AggregateMeta>(
    type: AggregateType,
    item: T,
    expectedVersion: number,
    options: WriteOptions,
  ): Promise<T> {
    const { items } = await this.transact([{ type, item, expectedVersion, options }]);
    return items[0] as T;
  }

  /** All or nothing: every check is made before anything is written. */
  async transact(writes: AggregateWrite[]): Promise<{ items: AggregateMeta[]; replayed: boolean }> {
    const first = firstOfTransaction(writes);
    if (!first) return { items: [], replayed: false };
    const tenantId = first.item.tenantId;
    const key = first.options.idempotency;
    if (key) {
      const previous = this.idempotency.get(`${tenantId}\u0000${key.key}`);
      if (previous) {
        const existing = await this.get(previous.type, tenantId, previous.id);
        if (previous.requestHash === key.requestHash && existing)
          return { items: [existing], replayed: true };
        throw new ConflictError('idempotency_key_reused', 'The Idempotency-Key was used for another request');
      }
    }
    for (const w of writes) {
      const row = this.rows.get(rowKey(w.type, tenantId, w.item.id));
      if (w.expectedVersion === undefined) {
        if (row) throw new ConflictError('write_conflict', 'A concurrent write got there first');
      } else if (!row || row.item.version !== w.expectedVersion) {
        throw new ConflictError('stale_version', 'The record was changed by someone else; reload it', {
          expected: w.expectedVersion,
        });
      }
    }
    // A value released by one write of the transaction may not be claimed by another in it (as
    // DynamoDB, which refuses two operations on one item in a transaction).
    for (const w of writes) {
      const taken = (w.options.claim ?? []).find((c) => this.claims.has(claimKey(tenantId, c)));
      if (taken) throw duplicateValueError(taken);
    }
    const items: AggregateMeta[] = [];
    for (const w of writes) {
      const k = rowKey(w.type, tenantId, w.item.id);
      const before = this.rows.get(k);
      const next =
        w.expectedVersion === undefined ? copy(w.item) : { ...copy(w.item), version: w.expectedVersion + 1 };
      this.rows.set(k, {
        type: w.type,
        item: next,
        parentKey: w.options.parentKey ?? NO_PARENT,
        sortKey: w.options.sortKey,
      });
      for (const c of w.options.release ?? []) {
        if (this.claims.get(claimKey(tenantId, c)) === w.item.id) this.claims.delete(claimKey(tenantId, c));
      }
      for (const c of w.options.claim ?? []) this.claims.set(claimKey(tenantId, c), w.item.id);
      if (w.options.idempotency)
        this.idempotency.set(`${tenantId}\u0000${w.options.idempotency.key}`, {
          requestHash: w.options.idempotency.requestHash,
          type: w.type,
          id: w.item.id,
        });
      this.record(
        w.type,
        w.expectedVersion === undefined ? 'create' : 'update',
        before?.item,
        next,
        w.options,
      );
      items.push(copy(next));
    }
    return { items, replayed: false };
  }

  async replayOf<T extends AggregateMeta>(
    tenantId: string,
    idempotency: { key: string; requestHash: string },
  ): Promise<T | undefined> {
    const previous = this.idempotency.get(`${tenantId}\u0000${idempotency.key}`);
    if (!previous) return undefined;
    const existing = await this.get<T>(previous.type, tenantId, previous.id);
    if (previous.requestHash !== idempotency.requestHash || !existing)
      throw new ConflictError('idempotency_key_reused', 'The Idempotency-Key was used for another request');
    return existing;
  }

  async changes(
    tenantId: string,
    aggregateId: string,
    options: { limit: number; cursor?: string },
  ): Promise<Page<ChangeRecord>> {
    const all = this.changeLog.filter((c) => c.tenantId === tenantId && c.aggregateId === aggregateId);
    const start = options.cursor ? Number(options.cursor) : 0;
    const next = start + options.limit;
    return { items: all.slice(start, next), ...(next < all.length ? { nextCursor: String(next) } : {}) };
  }

  private ordered(type: AggregateType, tenantId: string): Row[] {
    return [...this.rows.values()]
      .filter((r) => r.type === type && r.item.tenantId === tenantId)
      .sort((a, b) =>
        a.sortKey === b.sortKey ? (a.item.id < b.item.id ? -1 : 1) : a.sortKey < b.sortKey ? -1 : 1,
      );
  }

  private record(
    type: AggregateType,
    action: 'create' | 'update',
    before: AggregateMeta | undefined,
    after: AggregateMeta,
    options: WriteOptions,
  ): void {
    this.writes.push({ kind: action, type, item: copy(after), options: copy(options) });
    this.changeLog.push({
      tenantId: after.tenantId,
      aggregateId: after.id,
      aggregateType: type,
      at: action === 'create' ? after.createdAt : after.updatedAt,
      actorId: options.actorId,
      action,
      ...(before ? { before: copy(aggregateData(before)) } : {}),
      after: copy(aggregateData(after)),
    });
  }
}
