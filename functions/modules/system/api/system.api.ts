import type { RouteImpls } from '../../../platform/http/group-handler';
import type { AggregateStore } from '../../../platform/ports/aggregate-store.port';
import type { Clock } from '../../../platform/ports/clock.port';
import type { systemRoutes } from './system.routes';

/** What the system operations need. */
export interface SystemDeps {
  store: AggregateStore;
  clock: Clock;
  web: { oidcIssuer: string; oidcClientId: string; oidcLogoutUrl?: string };
}

/** Extra component checks the embedded default adds (its local services); none in AWS. */
const extraChecks: Array<() => Promise<Record<string, { ok: boolean; detail?: string }>>> = [];
export function addHealthCheck(check: () => Promise<Record<string, { ok: boolean; detail?: string }>>): void {
  extraChecks.push(check);
}

async function tableReachable(deps: SystemDeps): Promise<{ ok: boolean; detail?: string }> {
  try {
    await deps.store.list('tenant', '__health__', { limit: 1 });
    return { ok: true };
  } catch (error) {
    return { ok: false, detail: (error as Error).name };
  }
}

/** The implementations of the `system` route group's operations. */
export const systemApi: RouteImpls<typeof systemRoutes, SystemDeps> = {
  getHealth: async (_ctx, deps) => {
    const components: Record<string, { ok: boolean; detail?: string }> = {
      dynamodb: await tableReachable(deps),
    };
    for (const check of extraChecks) Object.assign(components, await check());
    const ok = Object.values(components).every((c) => c.ok);
    return { status: ok ? 'ok' : 'degraded', components };
  },
  getClientConfig: async (_ctx, deps) => {
    return {
      oidc: {
        authority: deps.web.oidcIssuer,
        clientId: deps.web.oidcClientId,
        ...(deps.web.oidcLogoutUrl ? { logoutUrl: deps.web.oidcLogoutUrl } : {}),
      },
      apiBase: '/api/v1',
      serverTime: deps.clock.now().toISOString(),
    };
  },
};
