import { currentTenant } from './context';

/**
 * The clients of each tenant, built on first use and kept for at most `max` tenants (the least
 * recently used is dropped; its credentials come from the same cache, so nothing is lost).
 */
export class PerTenant<C> {
  private readonly clients = new Map<string, C>();

  constructor(
    private readonly build: (tenantId: string) => C,
    private readonly max = 200,
  ) {}

  get(tenantId: string): C {
    let client = this.clients.get(tenantId);
    if (client === undefined) client = this.build(tenantId);
    else this.clients.delete(tenantId);
    this.clients.set(tenantId, client);
    while (this.clients.size > this.max) this.clients.delete(this.clients.keys().next().value as string);
    return client;
  }

  get size(): number {
    return this.clients.size;
  }
}

/**
 * A client that is the tenant's own inside a tenant context and the process's own outside it
 * (SDK v3 keeps one credential provider per client, so switching credentials per request takes
 * one client per tenant). Every property is read from the chosen client when it is used:
 * ElectroDB and the adapters call `send` (or the store's methods) on it each time.
 */
export function routedByTenant<C extends object>(own: C, tenants: PerTenant<C>): C {
  return new Proxy(own, {
    get(target, property) {
      const tenantId = currentTenant();
      const chosen = tenantId === undefined ? target : tenants.get(tenantId);
      const value: unknown = Reflect.get(chosen, property, chosen);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(chosen) : value;
    },
  });
}
