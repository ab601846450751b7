import { authed, type RouteImpls } from '../../../platform/http/group-handler';
import type { ExecutionDeps } from '../../execution';
import { startRoute } from '../usecases/approval-route/commands/start-route';
import { createTemplate, updateTemplate } from '../usecases/approval-route/commands/templates';
import { updateRoute } from '../usecases/approval-route/commands/update-route';
import { getRoute } from '../usecases/approval-route/queries/document-route';
import { getTemplate, listTemplates } from '../usecases/approval-route/queries/templates';
import type { approvalRoutes } from './approval.routes';

/** The implementations of the approval routes' operations (the `execution` route group). */
export const approvalApi: RouteImpls<typeof approvalRoutes, ExecutionDeps> = {
  listApprovalRouteTemplates: async (ctx, deps) => ({ items: await listTemplates(deps, authed(ctx).actor) }),
  createApprovalRouteTemplate: async (ctx, deps) =>
    createTemplate(deps, authed(ctx).actor, ctx.body, ctx.idempotency),
  updateApprovalRouteTemplate: async (ctx, deps) => {
    const { version, ...data } = ctx.body;
    return updateTemplate(deps, authed(ctx).actor, ctx.params.id, data, version);
  },
  getApprovalRouteTemplate: async (ctx, deps) => getTemplate(deps, authed(ctx).actor, ctx.params.id),
  getApprovalRoute: async (ctx, deps) => getRoute(deps, authed(ctx).actor, ctx.params.id),
  updateApprovalRoute: async (ctx, deps) => updateRoute(deps, authed(ctx).actor, ctx.params.id, ctx.body),
  startApprovalRoute: async (ctx, deps) => startRoute(deps, authed(ctx).actor, ctx.params.id, ctx.body),
};
