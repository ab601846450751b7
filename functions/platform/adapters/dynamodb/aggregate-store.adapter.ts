import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AggregateMeta, Page } from '../../kernel/aggregate';
import { ConflictError } from '../../kernel/errors';
import type {
  AggregateStore,
  AggregateType,
  ChangeRecord,
  ListOptions,
  UniqueClaim,
  WriteOptions,
} from '../../ports/aggregate-store.port';
import { withCursor } from './cursor';
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

function dataOf(item: AggregateMeta): Record<string, unknown> {
  const {
    id: _id,
    tenantId: _t,
    version: _v,
    createdAt: _c,
    updatedAt: _u,
    ...data
  } = item as AggregateMeta & Record<string, unknown>;
  return data;
}

interface TransactionOutcome {
  canceled: boolean;
  data: ReadonlyArray<{ rejected?: boolean; code?: string }>;
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
    const res = await withCursor(() => query.go({ limit: options.limit, cursor: options.cursor ?? null }));
    return {
      items: (res.data as StoredAggregate[]).map((row) => toItem<T>(row)),
      ...(res.cursor ? { nextCursor: res.cursor } : {}),
    };
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
        aggregate
          .create({
            tenantId: item.tenantId,
            type,
            id: item.id,
            parentKey: options.parentKey ?? NO_PARENT,
            sortKey: options.sortKey,
            data: dataOf(item),
            version: item.version,
            createdAt: item.createdAt,
            updatedAt: item.updatedAt,
          })
          .commit(),
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
        change
          .create({
            tenantId: item.tenantId,
            aggregateId: item.id,
            aggregateType: type,
            at: item.createdAt,
            changeId: randomUUID(),
            actorId: options.actorId,
            action: 'create',
            after: dataOf(item),
          })
          .commit(),
      ])
      .go()) as TransactionOutcome;

    if (!outcome.canceled) return { item, replayed: false };

    const rejected = (i: number) =>
      outcome.data[i]?.rejected === true || outcome.data[i]?.code === 'ConditionalCheckFailed';
    const idemIndex = 1 + claims.length;
    if (options.idempotency && rejected(idemIndex)) {
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
    const taken = claims.find((_c, i) => rejected(1 + i));
    if (taken) {
      throw new ConflictError('duplicate_value', `The value of ${taken.scope} is already used`, {
        field: taken.field ?? taken.scope,
        value: taken.value,
      });
    }
    throw new ConflictError('write_conflict', 'A concurrent write got there first; try again');
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
          .put({
            tenantId: item.tenantId,
            type,
            id: item.id,
            parentKey: options.parentKey ?? NO_PARENT,
            sortKey: options.sortKey,
            data: dataOf(next),
            version: next.version,
            createdAt: item.createdAt,
            updatedAt: item.updatedAt,
          })
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
          .create({
            tenantId: item.tenantId,
            aggregateId: item.id,
            aggregateType: type,
            at: item.updatedAt,
            changeId: randomUUID(),
            actorId: options.actorId,
            action: 'update',
            ...(before ? { before: dataOf(before) } : {}),
            after: dataOf(next),
          })
          .commit(),
      ])
      .go()) as TransactionOutcome;
    if (!outcome.canceled) return next;
    const rejected = (i: number) =>
      outcome.data[i]?.rejected === true || outcome.data[i]?.code === 'ConditionalCheckFailed';
    if (rejected(0)) {
      throw new ConflictError('stale_version', 'The record was changed by someone else; reload it', {
        expected: expectedVersion,
      });
    }
    const taken = claims.find((_c, i) => rejected(1 + i));
    if (taken) {
      throw new ConflictError('duplicate_value', `The value of ${taken.scope} is already used`, {
        field: taken.field ?? taken.scope,
        value: taken.value,
      });
    }
    throw new ConflictError('write_conflict', 'A concurrent write got there first; try again');
  }

  async changes(
    tenantId: string,
    aggregateId: string,
    options: { limit: number; cursor?: string },
  ): Promise<Page<ChangeRecord>> {
    const res = await withCursor(() =>
      this.model.change.query
        .primary({ tenantId, aggregateId })
        .go({ limit: options.limit, cursor: options.cursor ?? null }),
    );
    return {
      items: res.data.map((row) => ({
        tenantId: row.tenantId,
        aggregateId: row.aggregateId,
        aggregateType: row.aggregateType as AggregateType,
        at: row.at,
        actorId: row.actorId,
        action: row.action,
        ...(row.before ? { before: row.before as Record<string, unknown> } : {}),
        after: row.after as Record<string, unknown>,
      })),
      ...(res.cursor ? { nextCursor: res.cursor } : {}),
    };
  }
}
