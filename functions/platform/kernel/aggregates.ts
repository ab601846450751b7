import { randomUUID } from 'node:crypto';
import type { Actor, AggregateMeta, Page } from './aggregate';
import { BusinessRuleError, NotFoundError } from './errors';
import type { AggregateStore, AggregateType, UniqueClaim } from '../ports/aggregate-store.port';
import type { Clock } from '../ports/clock.port';
import type { IdentityDirectory } from '../ports/identity-directory.port';
import type { MfaDirectory } from '../ports/mfa.port';

export interface Deps {
  store: AggregateStore;
  clock: Clock;
  /** Employee logins. Absent only while seeding demo users, whose logins the seed provisions. */
  identity?: IdentityDirectory;
  /** Second sign-in factors (TOTP); the org routes of the signed-in user's own MFA use it. */
  mfa?: MfaDirectory;
}

export interface Placement {
  parentKey?: string;
  sortKey: string;
  claims?: UniqueClaim[];
}

/** Folds text for sorting: lower case, Azerbaijani letters kept in alphabetical order. */
export function sortable(value: string): string {
  return value.toLocaleLowerCase('az').normalize('NFC').slice(0, 100);
}

export async function createAggregate<D extends object>(
  deps: Deps,
  type: AggregateType,
  actor: Pick<Actor, 'tenantId' | 'employeeId'>,
  data: D,
  placement: Placement,
  idempotency?: { key: string; requestHash: string },
): Promise<AggregateMeta & D> {
  const now = deps.clock.now().toISOString();
  const item = {
    ...data,
    id: randomUUID(),
    tenantId: actor.tenantId,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const result = await deps.store.create(type, item, {
    actorId: actor.employeeId,
    sortKey: placement.sortKey,
    ...(placement.parentKey !== undefined ? { parentKey: placement.parentKey } : {}),
    ...(placement.claims ? { claim: placement.claims } : {}),
    ...(idempotency ? { idempotency } : {}),
  });
  return result.item;
}

export async function updateAggregate<D extends object>(
  deps: Deps,
  type: AggregateType,
  actor: Pick<Actor, 'tenantId' | 'employeeId'>,
  current: AggregateMeta & D,
  data: D,
  expectedVersion: number,
  placement: Placement & { oldClaims?: UniqueClaim[] },
): Promise<AggregateMeta & D> {
  const now = deps.clock.now().toISOString();
  const item = {
    ...data,
    id: current.id,
    tenantId: current.tenantId,
    version: current.version,
    createdAt: current.createdAt,
    updatedAt: now,
  };
  const key = (c: UniqueClaim) => `${c.scope}\u0000${c.value}`;
  const oldKeys = new Set((placement.oldClaims ?? []).map(key));
  const newKeys = new Set((placement.claims ?? []).map(key));
  return deps.store.update(type, item, expectedVersion, {
    actorId: actor.employeeId,
    sortKey: placement.sortKey,
    ...(placement.parentKey !== undefined ? { parentKey: placement.parentKey } : {}),
    claim: (placement.claims ?? []).filter((c) => !oldKeys.has(key(c))),
    release: (placement.oldClaims ?? []).filter((c) => !newKeys.has(key(c))),
  });
}

export async function getOr404<T extends AggregateMeta>(
  deps: Deps,
  type: AggregateType,
  tenantId: string,
  id: string,
): Promise<T> {
  const item = await deps.store.get<T>(type, tenantId, id);
  if (!item) throw new NotFoundError(`${type} not found`);
  return item;
}

/** A reference to another aggregate of the same tenant must exist; otherwise 422 on that field. */
export async function assertExists(
  deps: Deps,
  type: AggregateType,
  tenantId: string,
  id: string | undefined,
  path: string,
): Promise<void> {
  if (id === undefined) return;
  const found = await deps.store.get(type, tenantId, id);
  if (!found) {
    throw new BusinessRuleError('unknown_reference', `Unknown ${type}`, {}, [
      { path, code: 'unknown_reference' },
    ]);
  }
}

export async function assertAllExist(
  deps: Deps,
  type: AggregateType,
  tenantId: string,
  ids: string[],
  path: string,
): Promise<void> {
  const found = new Set((await deps.store.getMany(type, tenantId, ids)).map((x) => x.id));
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) {
    throw new BusinessRuleError('unknown_reference', `Unknown ${type}`, {}, [
      { path: `${path}.${missing}`, code: 'unknown_reference' },
    ]);
  }
}

/** A reference to check: the type it must name, the id given (absent: nothing to check), its field path. */
export type Reference = readonly [type: AggregateType, id: string | undefined, path: string];

export function unknownReference(path: string): BusinessRuleError {
  return new BusinessRuleError('unknown_reference', 'Unknown reference', {}, [
    { path, code: 'unknown_reference' },
  ]);
}

/**
 * Many references at once, one batched read per aggregate type: each must name an aggregate of
 * its type in the tenant that `accept` takes (e.g. only active ones); the first that does not, in
 * the order given, is 422 `unknown_reference` on its path. Returns what was found, by type and id.
 */
export async function assertKnown<T extends AggregateMeta = AggregateMeta>(
  deps: Pick<Deps, 'store'>,
  tenantId: string,
  refs: readonly Reference[],
  accept: (item: T) => boolean = () => true,
): Promise<(type: AggregateType, id: string) => T | undefined> {
  const wanted = new Map<AggregateType, Set<string>>();
  for (const [type, id] of refs) if (id) wanted.set(type, (wanted.get(type) ?? new Set()).add(id));
  const found = new Map<string, T>();
  const key = (type: AggregateType, id: string) => `${type}\u0000${id}`;
  await Promise.all(
    [...wanted].map(async ([type, ids]) => {
      for (const item of await deps.store.getMany<T>(type, tenantId, [...ids]))
        if (accept(item)) found.set(key(type, item.id), item);
    }),
  );
  for (const [type, id, path] of refs) if (id && !found.has(key(type, id))) throw unknownReference(path);
  return (type, id) => found.get(key(type, id));
}

/** Only active items count (employees, positions, reference list items keep an `active` flag). */
export const isActive = (item: AggregateMeta & { active?: boolean }) => item.active !== false;

export function listPage<T extends AggregateMeta>(
  deps: Deps,
  type: AggregateType,
  tenantId: string,
  query: { limit: number; cursor?: string; parentKey?: string },
): Promise<Page<T>> {
  return deps.store.list<T>(type, tenantId, {
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
    ...(query.parentKey ? { parentKey: query.parentKey } : {}),
  });
}

/** Strips the version a client sends with an update from the stored data. */
export function withoutVersion<T extends { version: number }>(input: T): Omit<T, 'version'> {
  const { version: _v, ...rest } = input;
  return rest;
}
