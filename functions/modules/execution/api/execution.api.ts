import { cardOf } from '../../documents';
import { authed, type RouteImpls } from '../../../platform/http/group-handler';
import {
  getCalendar,
  getCalendarYear,
  listCalendarYears,
  updateCalendar,
  updateCalendarYear,
} from '../usecases/calendar.usecase';
import type { ExecutionDeps } from '../usecases/common';
import { groupResolution } from '../usecases/group-resolution.usecase';
import { withReasons } from '../../../platform/http/group-results';
import { listInbox } from '../usecases/inbox.usecase';
import { actOnAssignment, markRead } from '../usecases/resolution/commands/act-on-assignment';
import { writeResolution } from '../usecases/resolution/commands/write-resolution';
import { executionView } from '../usecases/resolution/queries/execution-view';
import type { executionRoutes } from './execution.routes';

/** The actions that decide an approval route's task (counted as ApprovalDecision). */
const approvalDecisions: ReadonlySet<string> = new Set(['approve', 'sign', 'reject']);

/** The implementations of the `execution` route group's operations. */
export const executionApi: RouteImpls<typeof executionRoutes, ExecutionDeps> = {
  getExecution: async (ctx, deps) => executionView(deps, authed(ctx).actor, ctx.params.id),
  writeResolution: async (ctx, deps) =>
    cardOf(
      authed(ctx).actor,
      await writeResolution(deps, authed(ctx).actor, ctx.params.id, ctx.body, ctx.idempotency),
    ),
  writeGroupResolution: async (ctx, deps) =>
    withReasons(await groupResolution(deps, authed(ctx).actor, ctx.body, ctx.idempotency), ctx.lang),
  actOnAssignment: async (ctx, deps) => {
    const actor = authed(ctx).actor;
    const { id, assignmentId, action } = ctx.params;
    const doc =
      action === 'read'
        ? await markRead(deps, actor, id, assignmentId)
        : await actOnAssignment(deps, actor, id, assignmentId, action, ctx.body);
    if (approvalDecisions.has(action)) deps.metrics?.count('ApprovalDecision', { decision: action });
    return cardOf(actor, doc);
  },
  listInbox: async (ctx, deps) => listInbox(deps, authed(ctx).actor, ctx.params.box, ctx.query),
  getCalendar: async (ctx, deps) => getCalendar(deps, authed(ctx).actor, ctx.query.year),
  updateCalendar: async (ctx, deps) => updateCalendar(deps, authed(ctx).actor, ctx.body),
  listCalendarYears: async (ctx, deps) => listCalendarYears(deps, authed(ctx).actor),
  getCalendarYear: async (ctx, deps) => getCalendarYear(deps, authed(ctx).actor, ctx.params.year),
  updateCalendarYear: async (ctx, deps) =>
    updateCalendarYear(deps, authed(ctx).actor, ctx.params.year, ctx.body),
};
