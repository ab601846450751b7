import type { AggregateMeta, Page } from '../kernel/aggregate';
import { ConflictError } from '../kernel/errors';

/** Aggregate types kept by the store; reference list items are `ref:<list>`. */
export type AggregateType =
  | 'tenant'
  | 'department'
  | 'position'
  | 'employee'
  | 'substitution'
  | 'absence'
  | 'invitation'
  | 'tenant-registration'
  | 'saved-filters'
  | 'calendar'
  | 'route-template'
  | 'single-file'
  | 'agency-ca'
  | 'signer-key'
  | 'archive-tenant'
  | 'archive-holding'
  | 'archive-root'
  | 'archive-report'
  | 'archive-case'
  | 'archive-disposal'
  | 'archive-sweep'
  | `ref:${string}`
  | 'archive-transfer'
  | 'report-export'
  | 'exchange-received'
  | 'exchange-settings'
  | 'webhook-subscription'
  | 'webhook-delivery'
  | 'eservice'
  | 'eservice-version'
  | 'eservice-application'
  | 'eservice-visa-counter'
  | 'integrator-key';

/** A value that must be unique within the tenant, e.g. { scope: 'username', value: 'admin' }. */
export interface UniqueClaim {
  scope: string;
  value: string;
  /** The request field that carries the value, named in a duplicate_value error. */
  field?: string;
}

/** What every store answers when a claimed value is already taken: 409 `duplicate_value`. */
export function duplicateValueError(claim: UniqueClaim): ConflictError {
  return new ConflictError('duplicate_value', `The value of ${claim.scope} is already used`, {
    field: claim.field ?? claim.scope,
    value: claim.value,
  });
}

export interface ChangeRecord {
  tenantId: string;
  aggregateId: string;
  aggregateType: AggregateType;
  at: string;
  actorId: string;
  action: 'create' | 'update';
  before?: Record<string, unknown>;
  after: Record<string, unknown>;
}

export interface WriteOptions {
  /** Who acts (employee id, or 'system' for seeding). */
  actorId: string;
  /** Values claimed for this aggregate (new on create; on update only the new ones). */
  claim?: UniqueClaim[];
  /** Values this update gives up. */
  release?: UniqueClaim[];
  /** A client-supplied key: the same key and request replays the first result. */
  idempotency?: { key: string; requestHash: string };
  /** Grouping for listing by parent (parentId, departmentId...). */
  parentKey?: string;
  /** Sort key within lists (e.g. code or folded name). */
  sortKey: string;
}

/**
 * One aggregate of a multi-aggregate transaction (`transact`): a create when `expectedVersion` is
 * absent, otherwise an update of the stored version given (the item's `version` is ignored; the
 * stored one becomes `expectedVersion + 1`).
 */
export interface AggregateWrite {
  type: AggregateType;
  item: AggregateMeta;
  expectedVersion?: number;
  options: WriteOptions;
}

/**
 * What every store checks before a transaction: all writes belong to one tenant, and only the
 * first may carry an idempotency key. Gives the first write, or undefined when there is none.
 */
export function firstOfTransaction(writes: readonly AggregateWrite[]): AggregateWrite | undefined {
  const first = writes[0];
  if (!first) return undefined;
  if (writes.some((w) => w.item.tenantId !== first.item.tenantId))
    throw new Error('transact: every write must belong to one tenant');
  if (writes.slice(1).some((w) => w.options.idempotency))
    throw new Error('transact: only the first write may carry an idempotency key');
  return first;
}

export interface ListOptions {
  limit: number;
  cursor?: string;
  /** Only the children of this parent (by WriteOptions.parentKey). */
  parentKey?: string;
}

/**
 * Tenant-scoped storage of aggregates. Every call is keyed by the tenant; a create or update writes
 * the aggregate, its unique claims, its idempotency record and its change record in ONE transaction.
 * Creates fail with ConflictError('duplicate_value') on a taken claim; updates with
 * ConflictError('stale_version') when the stored version is not the expected one.
 */
export interface AggregateStore {
  get<T extends AggregateMeta>(type: AggregateType, tenantId: string, id: string): Promise<T | undefined>;
  getMany<T extends AggregateMeta>(type: AggregateType, tenantId: string, ids: string[]): Promise<T[]>;
  list<T extends AggregateMeta>(
    type: AggregateType,
    tenantId: string,
    options: ListOptions,
  ): Promise<Page<T>>;
  findByUnique(tenantId: string, claim: UniqueClaim): Promise<string | undefined>;
  create<T extends AggregateMeta>(
    type: AggregateType,
    item: T,
    options: WriteOptions,
  ): Promise<{ item: T; replayed: boolean }>;
  update<T extends AggregateMeta>(
    type: AggregateType,
    item: T,
    expectedVersion: number,
    options: WriteOptions,
  ): Promise<T>;
  /**
   * Several aggregates of one tenant in ONE transaction, each with its claims, releases and change
   * record, and the idempotency record of the first write (only the first may carry one): all are
   * written or none. Errors as `create` and `update` (idempotency_key_reused, stale_version,
   * duplicate_value, write_conflict). A replayed idempotent request writes nothing and answers the
   * stored aggregate of the first write alone. DynamoDB takes at most 100 items per transaction.
   */
  transact(writes: AggregateWrite[]): Promise<{ items: AggregateMeta[]; replayed: boolean }>;
  /**
   * What an earlier request under this idempotency key created (the aggregate as stored now), for
   * use cases whose rules would refuse the retry of their own first write; undefined when the key
   * is new. The same key with another request is ConflictError('idempotency_key_reused').
   */
  replayOf<T extends AggregateMeta>(
    tenantId: string,
    idempotency: { key: string; requestHash: string },
  ): Promise<T | undefined>;
  changes(
    tenantId: string,
    aggregateId: string,
    options: { limit: number; cursor?: string },
  ): Promise<Page<ChangeRecord>>;
}
