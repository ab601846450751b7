import { createGroupHandler } from '../http/group-handler';
import { resolveActor } from '../usecases/org/actor.usecase';
import { getContainer } from '../wiring/container';
import { config } from '../wiring/config';

const deps = () => getContainer();

/** Extra component checks the embedded default adds (its local services); none in AWS. */
const extraChecks: Array<() => Promise<Record<string, { ok: boolean; detail?: string }>>> = [];
export function addHealthCheck(check: () => Promise<Record<string, { ok: boolean; detail?: string }>>): void {
  extraChecks.push(check);
}

async function tableReachable(): Promise<{ ok: boolean; detail?: string }> {
  try {
    await deps().store.list('tenant', '__health__', { limit: 1 });
    return { ok: true };
  } catch (error) {
    return { ok: false, detail: (error as Error).name };
  }
}

export const handler = createGroupHandler(
  'system',
  {
    getHealth: async () => {
      const components: Record<string, { ok: boolean; detail?: string }> = {
        dynamodb: await tableReachable(),
      };
      for (const check of extraChecks) Object.assign(components, await check());
      const ok = Object.values(components).every((c) => c.ok);
      return { status: ok ? 'ok' : 'degraded', components };
    },
    getClientConfig: async () => {
      const cfg = config();
      return {
        oidc: {
          authority: cfg.OIDC_ISSUER,
          clientId: cfg.OIDC_CLIENT_ID,
          ...(cfg.OIDC_LOGOUT_URL ? { logoutUrl: cfg.OIDC_LOGOUT_URL } : {}),
        },
        apiBase: '/api/v1',
        serverTime: deps().clock.now().toISOString(),
      };
    },
  },
  () => ({ verifier: deps().verifier, resolveActor: (p) => resolveActor(deps(), p) }),
);
