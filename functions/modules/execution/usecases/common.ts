import type { ApprovalProgress } from '../ports';
import { azerbaijanCalendar } from '../domain/calendar/azerbaijan';
import type { MovableHolidays } from '../domain/calendar/movable-holidays';
import {
  mergeCalendars,
  type CalendarOverrides,
  type WorkingCalendar,
} from '../domain/calendar/working-days';
import type { AggregateMeta } from '../../../platform/kernel/aggregate';
import type { Log } from '../../../platform/ports/log.port';
import {
  type DocumentRecord,
  bakuLocalDate,
  arrivalSortKey,
  controlSortKey,
  type AssignmentRecord,
  type InboxEntry,
  type DocumentDeps,
} from '../../documents';
import { notifyEmployees, type SmsBudget } from '../../notifications';
import { isOpenResolution, isStillWorking } from '../domain/assignment';
import { defaultDeadlinePolicy, type DeadlinePolicy, type Tenant } from '../../org';
import type { SmsSender } from '../../../platform/ports/sms.port';
import type { WorkflowEngine } from '../../../platform/ports/workflow.port';

export interface ExecutionDeps extends DocumentDeps {
  readonly workflow?: WorkflowEngine;
  readonly sms?: SmsSender;
  /** The agencies' monthly SMS budgets (an SMS goes only when the agency has SMS on and parts left). */
  readonly smsBudget?: SmsBudget;
  /** Structured operational warnings (no personal data); absent in tools that need none. */
  readonly log?: Log;
  /** The approval route's side of finished tasks (the approval module; absent: no route moves). */
  readonly approval?: ApprovalProgress;
}

/** The state machine watching one controlled resolution, and its execution name (one per resolution). */
export const DEADLINE_MACHINE = 'execution-deadline';
export const deadlineExecutionName = (resolutionId: string) => `deadline-${resolutionId}`;

/** A tenant's calendar edits, kept as one aggregate with a fixed id. */
export const CALENDAR_ID = 'working-calendar';
export type CalendarAggregate = AggregateMeta & CalendarOverrides;

/**
 * The agency's yearly data of the state calendar (lunar holidays, Cabinet transfers), every year in
 * one aggregate beside the edits: one read gives the calendar of any year.
 */
export const CALENDAR_YEARS_ID = 'working-calendar-years';
export type CalendarYearsAggregate = AggregateMeta & { years: MovableHolidays[] };

/**
 * The tenant's edits and yearly data (if any) and its calendar: the Azerbaijani state calendar
 * (any year, computed when first needed) with the yearly data and the edits applied. A year
 * without yearly data counts fixed holidays and weekends only and logs a warning when a
 * computation first steps into it.
 */
export async function calendarWithEdits(
  deps: ExecutionDeps,
  tenantId: string,
): Promise<{ own?: CalendarAggregate; years?: CalendarYearsAggregate; calendar: WorkingCalendar }> {
  const found = await deps.store.getMany<AggregateMeta>('calendar', tenantId, [
    CALENDAR_ID,
    CALENDAR_YEARS_ID,
  ]);
  const own = found.find((item) => item.id === CALENDAR_ID) as CalendarAggregate | undefined;
  const years = found.find((item) => item.id === CALENDAR_YEARS_ID) as CalendarYearsAggregate | undefined;
  const base = azerbaijanCalendar({
    years: years?.years ?? [],
    onMissingYear: (year) =>
      deps.log?.warn('calendar_year_without_movable_holidays', {
        tenantId,
        year,
        detail: 'no Ramazan, Qurban or transfer data: fixed holidays and weekends only',
      }),
  });
  return {
    ...(own ? { own } : {}),
    ...(years ? { years } : {}),
    calendar: own ? mergeCalendars(base, own) : base,
  };
}

export async function tenantCalendar(deps: ExecutionDeps, tenantId: string): Promise<WorkingCalendar> {
  return (await calendarWithEdits(deps, tenantId)).calendar;
}

export async function deadlinePolicy(deps: ExecutionDeps, tenantId: string): Promise<DeadlinePolicy> {
  const tenant = await deps.store.get<Tenant>('tenant', tenantId, tenantId);
  return tenant?.deadlinePolicy ?? defaultDeadlinePolicy;
}

export const today = (deps: Pick<ExecutionDeps, 'clock'>) => bakuLocalDate(deps.clock.now().toISOString());

/** Who takes a new task meant for an official on a date (the documents module keeps the rule). */
export { actingHolder } from '../../documents';

/** Lines that show an assignment in its holder's personal lists (and the controller's). */
export function linesOf(a: AssignmentRecord, now: string): InboxEntry[] {
  const base = {
    tenantId: a.tenantId,
    documentId: a.documentId,
    receivedAt: a.createdAt,
    status: a.status,
    taskKind: a.kind,
    ...(a.dueDate ? { dueDate: a.dueDate } : {}),
    ...(a.ownerId !== a.assigneeId ? { onBehalfOf: a.ownerId } : {}),
  };
  const mine = (userId: string): InboxEntry => ({
    ...base,
    userId,
    box: 'mine',
    assignmentId: '',
    receivedAt: now,
    sortKey: arrivalSortKey(now, a.documentId),
    open: true,
  });
  switch (a.kind) {
    case 'execution': {
      const open = isStillWorking(a);
      return [
        {
          ...base,
          userId: a.assigneeId,
          box: 'execution',
          assignmentId: a.id,
          sortKey: controlSortKey(open, a.dueDate, `${a.documentId}#${a.id}`),
          open,
        },
        mine(a.assigneeId),
      ];
    }
    case 'information':
      return [
        {
          ...base,
          userId: a.assigneeId,
          box: 'information',
          assignmentId: a.id,
          sortKey: arrivalSortKey(a.createdAt, `${a.documentId}#${a.id}`),
          open: a.status === 'unread',
          read: a.status === 'read',
        },
        mine(a.assigneeId),
      ];
    case 'endorsement':
    case 'signing':
    case 'task': {
      // Endorsements and signatures wait in Razılaşdırmaya gələnlər; writing a resolution is work to do.
      const open = a.status === 'pending';
      return [
        {
          ...base,
          userId: a.assigneeId,
          box: a.kind === 'task' ? 'execution' : 'approval',
          assignmentId: a.id,
          sortKey: controlSortKey(open, a.dueDate, `${a.documentId}#${a.id}`),
          open,
        },
        mine(a.assigneeId),
      ];
    }
    case 'resolution': {
      const lines = [mine(a.authorId)];
      if (a.controllerId) {
        const open = isOpenResolution(a);
        lines.push({
          ...base,
          userId: a.controllerId,
          box: 'control',
          assignmentId: a.id,
          sortKey: controlSortKey(open, a.dueDate, `${a.documentId}#${a.id}`),
          open,
        });
      }
      return lines;
    }
  }
}

/** Lines of many assignments, one `mine` line per user (the last wins). */
export function linesOfAll(records: AssignmentRecord[], now: string): InboxEntry[] {
  const byKey = new Map<string, InboxEntry>();
  for (const line of records.flatMap((r) => linesOf(r, now)))
    byKey.set(`${line.userId}#${line.box}#${line.documentId}#${line.assignmentId}`, line);
  return [...byKey.values()];
}

/** Task kinds whose holder must act (information lines are records, not work). */
const actionable = new Set<AssignmentRecord['kind']>(['execution', 'endorsement', 'signing', 'task']);

/**
 * Tells the holders of new tasks, after the commit that made them. Best effort: the task is in
 * their list either way; a notice already sent for a task is not sent again.
 */
export async function notifyNewTasks(
  deps: ExecutionDeps,
  doc: DocumentRecord,
  made: AssignmentRecord[],
): Promise<void> {
  for (const a of made) {
    if (!actionable.has(a.kind)) continue;
    try {
      await notifyEmployees(deps, {
        tenantId: doc.tenantId,
        document: doc,
        kind: 'new-task',
        recipients: [a.assigneeId],
        ...(a.dueDate ? { dueDate: a.dueDate } : {}),
        tab: a.kind === 'endorsement' || a.kind === 'signing' ? 'route' : 'execution',
        key: `new-task:${a.id}`,
      });
    } catch {
      // The line in the holder's list stands; a lost e-mail is not a lost task.
    }
  }
}
