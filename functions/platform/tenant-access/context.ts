import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The tenant a request works for (issue 18). The HTTP layer runs the use case of every request
 * with a tenant claim inside `inTenant`; the table and bucket clients read it to pick the
 * tenant-scoped credentials (AWS) or to check each request against the tenant policy (embedded
 * default). Operator, public and invitation routes, tasks and the stream consumer run outside any
 * tenant: with the function's own role.
 */
const tenants = new AsyncLocalStorage<string>();

/** Runs `work` (and everything it starts) as a request of `tenantId`. */
export function inTenant<T>(tenantId: string, work: () => Promise<T>): Promise<T> {
  return tenants.run(tenantId, work);
}

/** The tenant of the request this code runs for, if any. */
export function currentTenant(): string | undefined {
  return tenants.getStore();
}

/**
 * Runs `work` outside any tenant, with the function's own role: only for the platform's own
 * bookkeeping that a tenant's request keeps up to date for that same tenant (each caller names
 * its reason). Everything else a tenant's request does stays inside its tenant.
 */
export function outsideTenant<T>(work: () => Promise<T>): Promise<T> {
  return tenants.exit(work);
}
