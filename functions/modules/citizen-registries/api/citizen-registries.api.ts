import { authed, type RouteImpls } from '../../../platform/http/group-handler';
import { lookUpOrganization, lookUpPerson, type RegistryDeps } from '../usecases/lookup.usecase';
import type { citizenRegistriesRoutes } from './citizen-registries.routes';

/** The implementations of the `registry` route group's operations. */
export const citizenRegistriesApi: RouteImpls<typeof citizenRegistriesRoutes, RegistryDeps> = {
  lookUpPerson: async (ctx, deps) => lookUpPerson(deps, authed(ctx).actor, ctx.params.fin),
  lookUpOrganization: async (ctx, deps) => lookUpOrganization(deps, authed(ctx).actor, ctx.params.voen),
};
