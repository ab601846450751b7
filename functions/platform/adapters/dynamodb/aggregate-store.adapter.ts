import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { aggregateData, type AggregateMeta, type Page } from '../../kernel/aggregate';
import { ConflictError } from '../../kernel/errors';
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
} from '../../ports/aggregate-store.port';
import { pageOf } from './cursor';
import { createModel, type Model } from './entities';

const NO_PARENT = '-';
const IDEMPOTENCY_TTL_SECONDS = 7 * 24 * 3600;

type StoredAggregate = {
  tenantId: string;
  type: string;
  id: string;
  data: Record<string, unknown>;
  version: number;
  createdAt: string;
  updatedAt: string;
};

function toItem<T extends AggregateMeta>(row: StoredAggregate): T {
  return {
    ...(row.data as object),
    id: row.id,
    tenantId: row.tenantId,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  } as T;
}

interface TransactionOutcome {
  canceled: boolean;
  data: ReadonlyArray<{ rejected?: boolean; code?: string }>;
}

/** Whether the i-th write of a canceled transaction was refused by its condition. */
function rejected(outcome: TransactionOutcome, i: number): boolean {
  return outcome.data[i]?.rejected === true || outcome.data[i]?.code === 'ConditionalCheckFailed';
}

/** The aggregate's row: its data apart from the keys and version it is stored under. */
function aggregateRow(type: AggregateType, item: AggregateMeta, options: WriteOptions) {
  return {
    tenantId: item.tenantId,
    type,
    id: item.id,
    parentKey: options.parentKey ?? NO_PARENT,
    sortKey: options.sortKey,
    data: aggregateData(item),
    version: item.version,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

/** The change record of a write: who wrote the aggregate when, its data before and after. */
function changeRow(
  type: AggregateType,
  item: AggregateMeta,
  options: WriteOptions,
  change: { action: 'create' | 'update'; at: string; before?: AggregateMeta },
) {
  return {
    tenantId: item.tenantId,
    aggregateId: item.id,
    aggregateType: type,
    at: change.at,
    changeId: randomUUID(),
    actorId: options.actorId,
    action: change.action,
    ...(change.before ? { before: aggregateData(change.before) } : {}),
    after: aggregateData(item),
  };
}

/** DynamoDB (ElectroDB) implementation of AggregateStore; the same code against DynamoDB Local. */
export class DynamoAggregateStore implements AggregateStore {
  private readonly model: Model;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.model = createModel(client, table);
  }

  async get<T extends AggregateMeta>(
    type: AggregateType,
    tenantId: string,
    id: string,
  ): Promise<T | undefined> {
    const res = await this.model.aggregate.get({ tenantId, type, id }).go();
    return res.data ? toItem<T>(res.data as StoredAggregate) : undefined;
  }

  async getMany<T extends AggregateMeta>(type: AggregateType, tenantId: string, ids: string[]): Promise<T[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const res = await this.model.aggregate.get(unique.map((id) => ({ tenantId, type, id }))).go();
    return (res.data as StoredAggregate[]).map((row) => toItem<T>(row));
  }

  async list<T extends AggregateMeta>(
    type: AggregateType,
    tenantId: string,
    options: ListOptions,
  ): Promise<Page<T>> {
    const query =
      options.parentKey !== undefined
        ? this.model.aggregate.query.byParent({ tenantId, type, parentKey: options.parentKey })
        : this.model.aggregate.query.byType({ tenantId, type });
    return pageOf(
      () => query.go({ limit: options.limit, cursor: options.cursor ?? null }),
      (row) => toItem<T>(row as StoredAggregate),
    );
  }

  async findByUnique(tenantId: string, claim: UniqueClaim): Promise<string | undefined> {
    const res = await this.model.unique.get({ tenantId, scope: claim.scope, value: claim.value }).go();
    return res.data?.ownerId;
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

  async transact(writes: AggregateWrite[]): Promise<{ items: AggregateMeta[]; replayed: boolean }> {
    const { service } = this.model;
    const first = firstOfTransaction(writes);
    if (!first) return { items: [], replayed: false };
    const tenantId = first.item.tenantId;
    const before = await Promise.all(
      writes.map((w) =>
        w.expectedVersion === undefined ? undefined : this.get(w.type, w.item.tenantId, w.item.id),
      ),
    );
    const stored = writes.map((w) =>
      w.expectedVersion === undefined ? w.item : { ...w.item, version: w.expectedVersion + 1 },
    );
    // Which write and role each item of the transaction has, to explain a cancellation.
    type Slot =
      | { role: 'aggregate' | 'change'; write: number }
      | { role: 'claim' | 'release'; write: number; claim: UniqueClaim }
      | { role: 'idempotency'; write: number };
    const slots: Slot[] = writes.flatMap((w, i): Slot[] => [
      { role: 'aggregate', write: i },
      ...(w.options.claim ?? []).map((claim) => ({ role: 'claim' as const, write: i, claim })),
      ...(w.options.release ?? []).map((claim) => ({ role: 'release' as const, write: i, claim })),
      ...(w.options.idempotency ? [{ role: 'idempotency' as const, write: i }] : []),
      { role: 'change', write: i },
    ]);
    const outcome = (await service.transaction
      .write(({ aggregate, unique, idempotency: idem, change }) =>
        slots.map((slot) => {
          const w = writes[slot.write]!;
          const item = stored[slot.write]!;
          switch (slot.role) {
            case 'aggregate':
              return w.expectedVersion === undefined
                ? aggregate.create(aggregateRow(w.type, item, w.options)).commit()
                : aggregate
                    .put(aggregateRow(w.type, item, w.options))
                    .where((attr, op) => op.eq(attr.version, w.expectedVersion!))
                    .commit();
            case 'claim':
              return unique
                .create({ tenantId, scope: slot.claim.scope, value: slot.claim.value, ownerId: item.id })
                .commit();
            case 'release':
              return unique
                .delete({ tenantId, scope: slot.claim.scope, value: slot.claim.value })
                .where((attr, op) => op.eq(attr.ownerId, item.id))
                .commit();
            case 'idempotency':
              return idem
                .create({
                  tenantId,
                  key: w.options.idempotency!.key,
                  requestHash: w.options.idempotency!.requestHash,
                  aggregateType: w.type,
                  aggregateId: item.id,
                  createdAt: item.createdAt,
                  ttl: Math.floor(Date.parse(item.createdAt) / 1000) + IDEMPOTENCY_TTL_SECONDS,
                })
                .commit();
            case 'change':
              return change
                .create(
                  changeRow(
                    w.type,
                    item,
                    w.options,
                    w.expectedVersion === undefined
                      ? { action: 'create', at: item.createdAt }
                      : { action: 'update', at: item.updatedAt, before: before[slot.write] },
                  ),
                )
                .commit();
          }
        }),
      )
      .go()) as TransactionOutcome;
    if (!outcome.canceled) return { items: stored, replayed: false };

    const refused = slots.filter((_s, i) => rejected(outcome, i));
    const key = first.options.idempotency;
    if (key && refused.some((s) => s.role === 'idempotency')) {
      const existing = await this.replayOf(tenantId, key);
      if (existing) return { items: [existing], replayed: true };
      throw new ConflictError('idempotency_key_reused', 'The Idempotency-Key was used for another request');
    }
    const stale = refused.find(
      (s) => s.role === 'aggregate' && writes[s.write]!.expectedVersion !== undefined,
    );
    if (stale) {
      throw new ConflictError('stale_version', 'The record was changed by someone else; reload it', {
        expected: writes[stale.write]!.expectedVersion!,
      });
    }
    const taken = refused.find((s) => s.role === 'claim');
    if (taken && taken.role === 'claim') throw duplicateValueError(taken.claim);
    throw new ConflictError('write_conflict', 'A concurrent write got there first; try again');
  }

  async replayOf<T extends AggregateMeta>(
    tenantId: string,
    idempotency: { key: string; requestHash: string },
  ): Promise<T | undefined> {
    const previous = await this.model.idempotency.get({ tenantId, key: idempotency.key }).go();
    if (!previous.data) return undefined;
    const existing =
      previous.data.requestHash === idempotency.requestHash
        ? await this.get<T>(previous.data.aggregateType as AggregateType, tenantId, previous.data.aggregateId)
        : undefined;
    if (!existing)
      throw new ConflictError('idempotency_key_reused', 'The Idempotency-Key was used for another request');
    return existing;
  }

  async changes(
    tenantId: string,
    aggregateId: string,
    options: { limit: number; cursor?: string },
  ): Promise<Page<ChangeRecord>> {
    return pageOf(
      () =>
        this.model.change.query
          .primary({ tenantId, aggregateId })
          .go({ limit: options.limit, cursor: options.cursor ?? null }),
      (row) => ({
        tenantId: row.tenantId,
        aggregateId: row.aggregateId,
        aggregateType: row.aggregateType as AggregateType,
        at: row.at,
        actorId: row.actorId,
        action: row.action,
        ...(row.before ? { before: row.before as Record<string, unknown> } : {}),
        after: row.after as Record<string, unknown>,
      }),
    );
  }
}
