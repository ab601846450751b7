import { authed, type RouteImpls } from '../../../platform/http/group-handler';
import type { ApplicationReviewDeps } from '../ports';
import { getApplication, listApplications, recordDecisions } from '../usecases/review/officer.usecase';
import type { reviewRoutes } from './review.routes';

/** The implementations of the agency's application routes (group `eservices`). */
export const reviewApi: RouteImpls<typeof reviewRoutes, ApplicationReviewDeps> = {
  listEServiceApplications: async (ctx, deps) =>
    listApplications(deps, authed(ctx).actor, ctx.params.code, ctx.query),
  getEServiceApplication: async (ctx, deps) => getApplication(deps, authed(ctx).actor, ctx.params.number),
  recordEServiceDecisions: async (ctx, deps) =>
    recordDecisions(deps, authed(ctx).actor, ctx.params.number, ctx.body),
};
