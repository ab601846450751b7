import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Reads that one request repeats, done once (issue 17). A request (an HTTP call, a task) runs in a
 * scope; inside it, the aggregate store's `get`/`getMany` of the read-mostly aggregates answer a
 * copy of what the same request already read (platform/adapters/request-scoped-store.ts). Nothing outlives the scope, so the memo never serves one request's
 * reads to another: roles, positions and substitutions are as fresh as the request itself.
 * A write through the store forgets what the scope read of the types it writes, before and after,
 * successful or not (a retry after a conflict reads afresh); an aggregate store's write touches
 * only the aggregates it names. Outside a scope the store is used as it is.
 */
const scope = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

/** Runs `work` in a request scope of its own (a nested scope is a new, empty one). */
export function inRequestScope<T>(work: () => Promise<T>): Promise<T> {
  return scope.run(new Map(), work);
}

/** The memo of the request running now, if any (the aggregate store's decorator keeps its reads there). */
export function requestMemo(): Map<string, Promise<unknown>> | undefined {
  return scope.getStore();
}
