import { authed, type RouteImpls } from '../../../platform/http/group-handler';
import type { EServiceDeps } from '../ports';
import {
  createIntegratorKey,
  listIntegratorKeys,
  revokeIntegratorKey,
} from '../usecases/integrator-keys.usecase';
import type { integratorKeyRoutes } from './integrator-keys.routes';

/** The implementations of the integrator keys' operations (in the `eservices` route group). */
export const integratorKeysApi: RouteImpls<typeof integratorKeyRoutes, EServiceDeps> = {
  listIntegratorKeys: async (ctx, deps) => listIntegratorKeys(deps, authed(ctx).actor, ctx.query),
  createIntegratorKey: async (ctx, deps) =>
    createIntegratorKey(deps, authed(ctx).actor, ctx.body, ctx.idempotency),
  revokeIntegratorKey: async (ctx, deps) =>
    revokeIntegratorKey(deps, authed(ctx).actor, ctx.params.id, ctx.body.version),
};
