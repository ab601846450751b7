import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { aggregateData, type AggregateMeta, type Page } from '../../kernel/aggregate';
import { ConflictError } from '../../kernel/errors';
import {
  duplicateValueError,
  type AggregateStore,
  type AggregateType,
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

/**
 * Why a canceled write failed when not on its first item: a unique value already taken (the
 * claims are the writes right after the aggregate), else a concurrent write.
 */
function claimConflict(outcome: TransactionOutcome, claims: UniqueClaim[]): ConflictError {
  const taken = claims.find((_c, i) => rejected(outcome, 1 + i));
  if (taken) return duplicateValueError(taken);
  return new ConflictError('write_conflict', 'A concurrent write got there first; try again');
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
    const { idempotency, service } = this.model;
    const claims = options.claim ?? [];
    const outcome = (await service.transaction
      .write(({ aggregate, unique, idempotency: idem, change }) => [
        aggregate.create(aggregateRow(type, item, options)).commit(),
        ...claims.map((c) =>
          unique
            .create({ tenantId: item.tenantId, scope: c.scope, value: c.value, ownerId: item.id })
            .commit(),
        ),
        ...(options.idempotency
          ? [
              idem
                .create({
                  tenantId: item.tenantId,
                  key: options.idempotency.key,
                  requestHash: options.idempotency.requestHash,
                  aggregateType: type,
                  aggregateId: item.id,
                  createdAt: item.createdAt,
                  ttl: Math.floor(Date.parse(item.createdAt) / 1000) + IDEMPOTENCY_TTL_SECONDS,
                })
                .commit(),
            ]
          : []),
        change.create(changeRow(type, item, options, { action: 'create', at: item.createdAt })).commit(),
      ])
      .go()) as TransactionOutcome;

    if (!outcome.canceled) return { item, replayed: false };

    if (options.idempotency && rejected(outcome, 1 + claims.length)) {
      const previous = await idempotency.get({ tenantId: item.tenantId, key: options.idempotency.key }).go();
      if (previous.data && previous.data.requestHash === options.idempotency.requestHash) {
        const existing = await this.get<T>(
          previous.data.aggregateType as AggregateType,
          item.tenantId,
          previous.data.aggregateId,
        );
        if (existing) return { item: existing, replayed: true };
      }
      throw new ConflictError('idempotency_key_reused', 'The Idempotency-Key was used for another request');
    }
    throw claimConflict(outcome, claims);
  }

  async update<T extends AggregateMeta>(
    type: AggregateType,
    item: T,
    expectedVersion: number,
    options: WriteOptions,
  ): Promise<T> {
    const { service } = this.model;
    const before = await this.get<T>(type, item.tenantId, item.id);
    const claims = options.claim ?? [];
    const releases = options.release ?? [];
    const next = { ...item, version: expectedVersion + 1 } as T;
    const outcome = (await service.transaction
      .write(({ aggregate, unique, change }) => [
        aggregate
          .put(aggregateRow(type, next, options))
          .where((attr, op) => op.eq(attr.version, expectedVersion))
          .commit(),
        ...claims.map((c) =>
          unique
            .create({ tenantId: item.tenantId, scope: c.scope, value: c.value, ownerId: item.id })
            .commit(),
        ),
        ...releases.map((c) =>
          unique
            .delete({ tenantId: item.tenantId, scope: c.scope, value: c.value })
            .where((attr, op) => op.eq(attr.ownerId, item.id))
            .commit(),
        ),
        change
          .create(changeRow(type, next, options, { action: 'update', at: item.updatedAt, before }))
          .commit(),
      ])
      .go()) as TransactionOutcome;
    if (!outcome.canceled) return next;
    if (rejected(outcome, 0)) {
      throw new ConflictError('stale_version', 'The record was changed by someone else; reload it', {
        expected: expectedVersion,
      });
    }
    throw claimConflict(outcome, claims);
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
