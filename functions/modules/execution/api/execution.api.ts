import type { AssignmentAction } from '../domain/assignment';
import type { InboxBox } from '../../documents';
import { authed, type RequestContext, type RouteImpl } from '../../../platform/http/group-handler';
import {
  getCalendar,
  getCalendarYear,
  listCalendarYears,
  updateCalendar,
  updateCalendarYear,
} from '../usecases/calendar.usecase';
import type { ExecutionDeps } from '../usecases/common';
import { listInbox, type InboxListQuery } from '../usecases/inbox.usecase';
import {
  actOnAssignment,
  executionView,
  markRead,
  writeResolution,
  type AssignmentActionInput,
  type WriteResolutionInput,
} from '../usecases/resolution.usecase';
import { cardOf } from '../../documents';
import type { MovableHolidaysInput } from '../domain/calendar/movable-holidays';
import type { CalendarOverride } from '../domain/calendar/working-days';

const id = (ctx: RequestContext) => String(ctx.params.id);
/** The actions that decide a route task (counted as ApprovalDecision). */
const approvalDecisions: ReadonlySet<AssignmentAction> = new Set(['approve', 'sign', 'reject']);
const year = (ctx: RequestContext) => Number(ctx.params.year);

/** The implementations of the `execution` route group's operations. */
export const executionApi: Record<string, RouteImpl<ExecutionDeps>> = {
  getExecution: async (ctx, deps) => executionView(deps, authed(ctx).actor, id(ctx)),
  writeResolution: async (ctx, deps) =>
    cardOf(
      authed(ctx).actor,
      await writeResolution(deps, authed(ctx).actor, id(ctx), ctx.body as WriteResolutionInput),
    ),
  actOnAssignment: async (ctx, deps) => {
    const actor = authed(ctx).actor;
    const action = String(ctx.params.action) as AssignmentAction;
    const assignmentId = String(ctx.params.assignmentId);
    const doc =
      action === 'read'
        ? await markRead(deps, actor, id(ctx), assignmentId)
        : await actOnAssignment(
            deps,
            actor,
            id(ctx),
            assignmentId,
            action,
            ctx.body as AssignmentActionInput,
          );
    if (approvalDecisions.has(action)) deps.metrics?.count('ApprovalDecision', { decision: action });
    return cardOf(actor, doc);
  },
  listInbox: async (ctx, deps) =>
    listInbox(deps, authed(ctx).actor, String(ctx.params.box) as InboxBox, ctx.query as InboxListQuery),
  getCalendar: async (ctx, deps) =>
    getCalendar(deps, authed(ctx).actor, Number((ctx.query as { year: number }).year)),
  updateCalendar: async (ctx, deps) =>
    updateCalendar(
      deps,
      authed(ctx).actor,
      ctx.body as { version: number; year?: number; weekend?: number[]; days: CalendarOverride[] },
    ),
  listCalendarYears: async (ctx, deps) => listCalendarYears(deps, authed(ctx).actor),
  getCalendarYear: async (ctx, deps) => getCalendarYear(deps, authed(ctx).actor, year(ctx)),
  updateCalendarYear: async (ctx, deps) =>
    updateCalendarYear(
      deps,
      authed(ctx).actor,
      year(ctx),
      ctx.body as MovableHolidaysInput & { version: number },
    ),
};
