/** Runtime configuration served by the gateway (public): where the OIDC issuer and the API live. */
export interface ClientConfig {
  oidc: { authority: string; clientId: string; logoutUrl?: string };
  apiBase: string;
  /** The server's now when the configuration was read. */
  serverTime?: string;
}

/** How far the server's clock is from this browser's (the embedded default's clock can be moved). */
let clockOffsetMs = 0;

/** Now by the server's clock: dates the user sees and defaults agree with the deadlines. */
export function serverNow(): Date {
  return new Date(Date.now() + clockOffsetMs);
}

let pending: Promise<ClientConfig> | null = null;

export function loadClientConfig(): Promise<ClientConfig> {
  pending ??= fetch('/api/v1/client-config', { headers: { Accept: 'application/json' } }).then(
    async (res) => {
      if (!res.ok) throw new Error(`client-config: HTTP ${res.status}`);
      const body = (await res.json()) as ClientConfig;
      if (!body?.oidc?.authority || !body.oidc.clientId) throw new Error('client-config: oidc missing');
      const server = body.serverTime ? Date.parse(body.serverTime) : Number.NaN;
      if (Number.isFinite(server)) clockOffsetMs = server - Date.now();
      return { ...body, apiBase: body.apiBase || '/api/v1' };
    },
  );
  // A failed fetch must not stick: the next call tries again.
  pending.catch(() => {
    pending = null;
  });
  return pending;
}
