import type { AssignmentAction, InboxBox } from '../domain/execution/assignment';
import type { NotificationPreferences } from '../domain/org/org';
import { authed, createGroupHandler, type RequestContext } from '../http/group-handler';
import {
  getCalendar,
  getCalendarYear,
  listCalendarYears,
  updateCalendar,
  updateCalendarYear,
} from '../usecases/execution/calendar.usecase';
import type { ExecutionDeps } from '../usecases/execution/common';
import { listInbox, type InboxListQuery } from '../usecases/execution/inbox.usecase';
import {
  actOnAssignment,
  executionView,
  markRead,
  writeResolution,
  type AssignmentActionInput,
  type WriteResolutionInput,
} from '../usecases/execution/resolution.usecase';
import { cardOf } from '../usecases/documents/query.usecase';
import { getMyNotifications, updateMyNotifications } from '../usecases/org/structure.usecase';
import { resolveActor } from '../usecases/org/actor.usecase';
import type { MovableHolidaysInput } from '../domain/calendar/movable-holidays';
import type { CalendarOverride } from '../domain/calendar/working-days';
import type { RouteStage, RouteTemplateData } from '../domain/routes/route';
import {
  createTemplate,
  getRoute,
  getTemplate,
  listTemplates,
  startRoute,
  updateRoute,
  updateTemplate,
} from '../usecases/routes/route.usecase';
import { getContainer } from '../wiring/container';

const deps = (): ExecutionDeps => getContainer();
const id = (ctx: RequestContext) => String(ctx.params.id);
const year = (ctx: RequestContext) => Number(ctx.params.year);

export const handler = createGroupHandler(
  'execution',
  {
    getExecution: async (ctx) => executionView(deps(), authed(ctx).actor, id(ctx)),
    writeResolution: async (ctx) =>
      cardOf(
        authed(ctx).actor,
        await writeResolution(deps(), authed(ctx).actor, id(ctx), ctx.body as WriteResolutionInput),
      ),
    actOnAssignment: async (ctx) => {
      const actor = authed(ctx).actor;
      const action = String(ctx.params.action) as AssignmentAction;
      const assignmentId = String(ctx.params.assignmentId);
      const doc =
        action === 'read'
          ? await markRead(deps(), actor, id(ctx), assignmentId)
          : await actOnAssignment(
              deps(),
              actor,
              id(ctx),
              assignmentId,
              action,
              ctx.body as AssignmentActionInput,
            );
      return cardOf(actor, doc);
    },
    listInbox: async (ctx) =>
      listInbox(deps(), authed(ctx).actor, String(ctx.params.box) as InboxBox, ctx.query as InboxListQuery),
    getCalendar: async (ctx) =>
      getCalendar(deps(), authed(ctx).actor, Number((ctx.query as { year: number }).year)),
    updateCalendar: async (ctx) =>
      updateCalendar(
        deps(),
        authed(ctx).actor,
        ctx.body as { version: number; year?: number; weekend?: number[]; days: CalendarOverride[] },
      ),
    listCalendarYears: async (ctx) => listCalendarYears(deps(), authed(ctx).actor),
    getCalendarYear: async (ctx) => getCalendarYear(deps(), authed(ctx).actor, year(ctx)),
    updateCalendarYear: async (ctx) =>
      updateCalendarYear(
        deps(),
        authed(ctx).actor,
        year(ctx),
        ctx.body as MovableHolidaysInput & { version: number },
      ),
    listRouteTemplates: async (ctx) => ({ items: await listTemplates(deps(), authed(ctx).actor) }),
    createRouteTemplate: async (ctx) =>
      createTemplate(deps(), authed(ctx).actor, ctx.body as RouteTemplateData, ctx.idempotency),
    updateRouteTemplate: async (ctx) => {
      const { version, ...data } = ctx.body as RouteTemplateData & { version: number };
      return updateTemplate(deps(), authed(ctx).actor, id(ctx), data, version);
    },
    getRouteTemplate: async (ctx) => getTemplate(deps(), authed(ctx).actor, id(ctx)),
    getDocumentRoute: async (ctx) => getRoute(deps(), authed(ctx).actor, id(ctx)),
    updateDocumentRoute: async (ctx) =>
      updateRoute(
        deps(),
        authed(ctx).actor,
        id(ctx),
        ctx.body as { version: number; templateId?: string; stages: RouteStage[] },
      ),
    startDocumentRoute: async (ctx) =>
      startRoute(deps(), authed(ctx).actor, id(ctx), ctx.body as { version: number; comment?: string }),
    getMyNotifications: async (ctx) => getMyNotifications(deps(), authed(ctx).actor),
    updateMyNotifications: async (ctx) =>
      updateMyNotifications(
        deps(),
        authed(ctx).actor,
        ctx.body as NotificationPreferences & { version: number },
      ),
  },
  () => ({
    verifier: getContainer().verifier,
    resolveActor: (p) => resolveActor(deps(), p),
  }),
);
