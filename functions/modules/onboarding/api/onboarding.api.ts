import { invitationTokenOf, operatorOf, type RouteImpls } from '../../../platform/http/group-handler';
import type { OnboardingDeps } from '../ports';
import { acceptInvitation, lookupInvitation } from '../usecases/invitation.usecase';
import {
  createTenant,
  getTenantRegistration,
  listTenantRegistrations,
  resendInvitation,
} from '../usecases/tenants.usecase';
import type { onboardingRoutes } from './onboarding.routes';

/** The implementations of the `onboarding` route group: thin, parse already done by the route's schemas. */
export const onboardingApi: RouteImpls<typeof onboardingRoutes, OnboardingDeps> = {
  getPlatformOperator: async (ctx) => ({ username: operatorOf(ctx).operator.username, role: 'operator' }),
  listTenantRegistrations: async (ctx, deps) => {
    operatorOf(ctx);
    return listTenantRegistrations(deps, ctx.query);
  },
  createTenant: async (ctx, deps) => createTenant(deps, operatorOf(ctx).operator, ctx.body, ctx.idempotency),
  getTenantRegistration: async (ctx, deps) => {
    operatorOf(ctx);
    return getTenantRegistration(deps, ctx.params.id);
  },
  resendTenantInvitation: async (ctx, deps) => {
    operatorOf(ctx);
    return resendInvitation(deps, ctx.params.id);
  },
  getInvitation: async (ctx, deps) => lookupInvitation(deps, invitationTokenOf(ctx)),
  acceptInvitation: async (ctx, deps) =>
    acceptInvitation(deps, { token: invitationTokenOf(ctx), password: ctx.body.password }),
};
