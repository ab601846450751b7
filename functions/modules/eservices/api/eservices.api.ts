import { authed, type RouteImpls } from '../../../platform/http/group-handler';
import { inTenant } from '../../../platform/tenant-access/context';
import type {
  ApplicationFlowDeps,
  ApplicationReviewDeps,
  EVisaKeyDeps,
  PublicApplicationDeps,
} from '../ports';
import { getCatalogueService, listCatalogue } from '../usecases/catalogue.usecase';
import {
  createService,
  getService,
  listServices,
  publishService,
  startNextDraft,
  updateDraft,
} from '../usecases/services.usecase';
import type { eserviceRoutes } from './eservices.routes';
import { flowApi } from './flow.api';
import { reviewApi } from './review.api';
import { publicApplicationsApi } from './public-applications.api';
import { verifyApi } from './verify.api';
import { integratorKeysApi } from './integrator-keys.api';

/** The implementations of the `eservices` route group's operations. */
export const eservicesApi: RouteImpls<
  typeof eserviceRoutes,
  PublicApplicationDeps & ApplicationFlowDeps & ApplicationReviewDeps & EVisaKeyDeps
> = {
  listEServices: async (ctx, deps) => listServices(deps, authed(ctx).actor, ctx.query),
  createEService: async (ctx, deps) => createService(deps, authed(ctx).actor, ctx.body, ctx.idempotency),
  getEService: async (ctx, deps) => getService(deps, authed(ctx).actor, ctx.params.code),
  updateEServiceDraft: async (ctx, deps) => updateDraft(deps, authed(ctx).actor, ctx.params.code, ctx.body),
  publishEServiceDraft: async (ctx, deps) =>
    publishService(deps, authed(ctx).actor, ctx.params.code, ctx.body),
  startEServiceDraft: async (ctx, deps) => startNextDraft(deps, authed(ctx).actor, ctx.params.code, ctx.body),
  // Anonymous reads of one agency: with that agency's scoped credentials, like a signed-in request.
  listCatalogue: async (ctx, deps) =>
    inTenant(ctx.params.agency, () => listCatalogue(deps, ctx.params.agency, ctx.query)),
  getCatalogueService: async (ctx, deps) =>
    inTenant(ctx.params.agency, () => getCatalogueService(deps, ctx.params.agency, ctx.params.code)),
  // The citizens' public application API (issue 15, third slice).
  ...publicApplicationsApi,
  ...flowApi,
  ...verifyApi,
  // The agency's side of applications (issue 15, review).
  ...reviewApi,
  // Integrators' API keys (issue 15).
  ...integratorKeysApi,
};
