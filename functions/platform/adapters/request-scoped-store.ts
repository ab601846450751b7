import type { AggregateMeta } from '../kernel/aggregate';
import { requestMemo } from '../kernel/request-scope';
import type { AggregateStore, AggregateType } from '../ports/aggregate-store.port';

/**
 * The aggregate store with the request scope's memo on its reads (platform/kernel/request-scope.ts):
 * a decorator behind the port, wired by the container.
 */

/** The aggregates whose reads a request may share: the agency, its structure and its people. */
export const MEMOIZED_TYPES: ReadonlySet<AggregateType> = new Set<AggregateType>([
  'tenant',
  'employee',
  'position',
  'department',
]);

/**
 * The lists a request (or a batch of stream records) may share: an agency's webhook subscriptions,
 * which the fan-out reads for every event it publishes.
 */
export const MEMOIZED_LISTS: ReadonlySet<AggregateType> = new Set<AggregateType>(['webhook-subscription']);

const keyOf = (type: string, tenantId: string, id: string) => `${type}\u0000${tenantId}\u0000${id}`;
/** The scope's read under `key`, made by `read` when there is none yet (a failed read is not kept). */
function remembered<R>(memo: Map<string, Promise<unknown>>, key: string, read: () => Promise<R>): Promise<R> {
  let pending = memo.get(key) as Promise<R> | undefined;
  if (!pending) {
    const made = read();
    memo.set(key, made);
    made.catch(() => memo.get(key) === made && memo.delete(key));
    pending = made;
  }
  return pending;
}

const copy = <T>(value: T): T => (value === undefined ? value : structuredClone(value));

/** `store` with the request-scoped memo on its reads of MEMOIZED_TYPES. */
export function requestScoped(store: AggregateStore): AggregateStore {
  const forget = (types: readonly string[]) => {
    const memo = requestMemo();
    if (!memo) return;
    for (const key of [...memo.keys()])
      if (types.includes(key.slice(0, key.indexOf('\u0000')))) memo.delete(key);
  };
  const written = async <R>(types: readonly string[], write: () => Promise<R>): Promise<R> => {
    forget(types);
    try {
      return await write();
    } finally {
      forget(types);
    }
  };
  return {
    get: async <T extends AggregateMeta>(type: AggregateType, tenantId: string, id: string) => {
      const memo = requestMemo();
      if (!memo || !MEMOIZED_TYPES.has(type)) return store.get<T>(type, tenantId, id);
      return copy(await remembered(memo, keyOf(type, tenantId, id), () => store.get<T>(type, tenantId, id)));
    },
    getMany: async <T extends AggregateMeta>(type: AggregateType, tenantId: string, ids: string[]) => {
      const memo = requestMemo();
      if (!memo || !MEMOIZED_TYPES.has(type)) return store.getMany<T>(type, tenantId, ids);
      const unique = [...new Set(ids)];
      // The reads this call waits on, held here: a write meanwhile may empty the memo, not them.
      const reads = new Map(unique.map((id) => [id, memo.get(keyOf(type, tenantId, id))]));
      const missing = unique.filter((id) => !reads.get(id));
      if (missing.length > 0) {
        const batch = store.getMany<T>(type, tenantId, missing);
        for (const id of missing) {
          const key = keyOf(type, tenantId, id);
          const read = batch.then((items) => items.find((item) => item.id === id));
          reads.set(id, read);
          memo.set(key, read);
          read.catch(() => memo.get(key) === read && memo.delete(key));
        }
      }
      const found = (await Promise.all(unique.map((id) => reads.get(id)))) as Array<T | undefined>;
      return found.filter((item): item is T => item !== undefined).map(copy);
    },
    list: async <T extends AggregateMeta>(
      type: AggregateType,
      tenantId: string,
      options: Parameters<AggregateStore['list']>[2],
    ) => {
      const memo = requestMemo();
      if (!memo || !MEMOIZED_LISTS.has(type)) return store.list<T>(type, tenantId, options);
      const key = keyOf(type, tenantId, `list\u0000${JSON.stringify(options)}`);
      return copy(await remembered(memo, key, () => store.list<T>(type, tenantId, options)));
    },
    findByUnique: (tenantId, claim) => store.findByUnique(tenantId, claim),
    create: (type, item, options) => written([type], () => store.create(type, item, options)),
    update: (type, item, expectedVersion, options) =>
      written([type], () => store.update(type, item, expectedVersion, options)),
    transact: (writes) =>
      written(
        writes.map((w) => w.type),
        () => store.transact(writes),
      ),
    replayOf: (tenantId, idempotency) => store.replayOf(tenantId, idempotency),
    changes: (tenantId, aggregateId, options) => store.changes(tenantId, aggregateId, options),
  };
}
