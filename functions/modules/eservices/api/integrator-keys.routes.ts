import type { RouteDef } from '../../../platform/http/route';
import * as s from './integrator-keys.schema';

const V1 = '/api/v1/integrator-keys';
const admin = { group: 'eservices', tag: 'eservices', auth: 'jwt', roles: ['admin'] } as const;

/**
 * API keys for integrators (a state portal): an agency's admins make and revoke them. A public
 * request with `X-Api-Key` counts against the key's own limit instead of its client address's.
 */
export const integratorKeyRoutes = [
  {
    ...admin,
    method: 'GET',
    path: V1,
    operationId: 'listIntegratorKeys',
    summary: 'The agency’s integrator API keys (live, or revoked with `revoked=true`), oldest first',
    query: s.integratorKeyListQuery,
    response: s.integratorKeyPage,
    successStatus: 200,
  },
  {
    ...admin,
    method: 'POST',
    path: V1,
    operationId: 'createIntegratorKey',
    summary:
      'Makes an API key for an integrator with its requests a minute; the answer carries the key, which is never shown again',
    body: s.createIntegratorKeyBody,
    idempotent: true,
    response: s.integratorKeyWithSecret,
    successStatus: 201,
  },
  {
    ...admin,
    method: 'POST',
    path: `${V1}/{id}/revoke`,
    operationId: 'revokeIntegratorKey',
    summary:
      'Revokes a key at once (the version seen): its next request is refused; revoking it again changes nothing',
    params: s.integratorKeyParam,
    body: s.revokeIntegratorKeyBody,
    response: s.integratorKey,
    successStatus: 200,
  },
] as const satisfies readonly RouteDef[];
