import { authed, type RouteImpls } from '../../../platform/http/group-handler';
import type { ExecutionDeps } from '../../execution';
import {
  createTemplate,
  getRoute,
  getTemplate,
  listTemplates,
  startRoute,
  updateRoute,
  updateTemplate,
} from '../usecases/approval-route.usecase';
import type { approvalRoutes } from './approval.routes';

/** The implementations of the approval routes' operations (the `execution` route group). */
export const approvalApi: RouteImpls<typeof approvalRoutes, ExecutionDeps> = {
  listRouteTemplates: async (ctx, deps) => ({ items: await listTemplates(deps, authed(ctx).actor) }),
  createRouteTemplate: async (ctx, deps) =>
    createTemplate(deps, authed(ctx).actor, ctx.body, ctx.idempotency),
  updateRouteTemplate: async (ctx, deps) => {
    const { version, ...data } = ctx.body;
    return updateTemplate(deps, authed(ctx).actor, ctx.params.id, data, version);
  },
  getRouteTemplate: async (ctx, deps) => getTemplate(deps, authed(ctx).actor, ctx.params.id),
  getDocumentRoute: async (ctx, deps) => getRoute(deps, authed(ctx).actor, ctx.params.id),
  updateDocumentRoute: async (ctx, deps) => updateRoute(deps, authed(ctx).actor, ctx.params.id, ctx.body),
  startDocumentRoute: async (ctx, deps) => startRoute(deps, authed(ctx).actor, ctx.params.id, ctx.body),
};
