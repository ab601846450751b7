import { authed, type RouteImpl } from '../../../platform/http/group-handler';
import { lookUpOrganization, lookUpPerson } from '../usecases/lookup.usecase';

/** The implementations of the `registry` route group's operations. */
export const citizenRegistriesApi: Record<string, RouteImpl> = {
  lookUpPerson: async (ctx, deps) => lookUpPerson(deps, authed(ctx).actor, String(ctx.params.fin)),
  lookUpOrganization: async (ctx, deps) =>
    lookUpOrganization(deps, authed(ctx).actor, String(ctx.params.voen)),
};
