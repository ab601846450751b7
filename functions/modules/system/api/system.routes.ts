import * as z from 'zod';
import type { RouteDef } from '../../../platform/http/route';

const V1 = '/api/v1';

const health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    components: z.record(
      z.string().max(40),
      z.object({ ok: z.boolean(), detail: z.string().max(200).optional() }),
    ),
  })
  .meta({ id: 'Health' });

const clientConfig = z
  .object({
    oidc: z.object({
      authority: z.string().max(500),
      clientId: z.string().max(200),
      logoutUrl: z.string().max(500).optional(),
    }),
    apiBase: z.string().max(100),
    /** The server's now: the web app's "today" (the embedded default's clock may be moved). */
    serverTime: z.iso.datetime(),
  })
  .meta({ id: 'ClientConfig' });

/** Health and the web client's public configuration. */
export const systemRoutes = [
  {
    method: 'GET',
    path: '/api/health',
    group: 'system',
    operationId: 'getHealth',
    summary: 'Health of the API and its components',
    tag: 'system',
    auth: 'public',
    response: health,
    successStatus: 200,
  },
  {
    method: 'GET',
    path: `${V1}/client-config`,
    group: 'system',
    operationId: 'getClientConfig',
    summary: 'Public configuration of the web client',
    tag: 'system',
    auth: 'public',
    response: clientConfig,
    successStatus: 200,
  },
] as const satisfies readonly RouteDef[];
