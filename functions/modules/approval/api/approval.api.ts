import { authed, type RequestContext, type RouteImpl } from '../../../platform/http/group-handler';
import type { RouteStage, RouteTemplateData } from '../../documents';
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

const id = (ctx: RequestContext) => String(ctx.params.id);

/** The implementations of the approval routes' operations (the `execution` route group). */
export const approvalApi: Record<string, RouteImpl<ExecutionDeps>> = {
  listRouteTemplates: async (ctx, deps) => ({ items: await listTemplates(deps, authed(ctx).actor) }),
  createRouteTemplate: async (ctx, deps) =>
    createTemplate(deps, authed(ctx).actor, ctx.body as RouteTemplateData, ctx.idempotency),
  updateRouteTemplate: async (ctx, deps) => {
    const { version, ...data } = ctx.body as RouteTemplateData & { version: number };
    return updateTemplate(deps, authed(ctx).actor, id(ctx), data, version);
  },
  getRouteTemplate: async (ctx, deps) => getTemplate(deps, authed(ctx).actor, id(ctx)),
  getDocumentRoute: async (ctx, deps) => getRoute(deps, authed(ctx).actor, id(ctx)),
  updateDocumentRoute: async (ctx, deps) =>
    updateRoute(
      deps,
      authed(ctx).actor,
      id(ctx),
      ctx.body as { version: number; templateId?: string; stages: RouteStage[] },
    ),
  startDocumentRoute: async (ctx, deps) =>
    startRoute(deps, authed(ctx).actor, id(ctx), ctx.body as { version: number; comment?: string }),
};
