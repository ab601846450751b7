import { isOpenResolution, isStillWorking } from '../domain/assignment';
import { nextDeadlineEvent, type DeadlineEvent } from '../domain/deadline';
import { notifyEmployees, type NotifyDeps } from '../../notifications';
import { deadlinePolicy, tenantCalendar, type ExecutionDeps } from './common';

export interface DeadlineRef {
  tenantId: string;
  documentId: string;
  assignmentId: string;
}

export type DeadlinePlan =
  { action: 'stop'; reason: string } | { action: 'wait'; at: string; event: DeadlineEvent };

async function resolutionOf(deps: ExecutionDeps, ref: DeadlineRef) {
  const all = await deps.documents.assignments(ref.tenantId, ref.documentId);
  const resolution = all.find((a) => a.id === ref.assignmentId && a.kind === 'resolution');
  return { all, resolution };
}

/**
 * The deadline machine's next step: the first event after `after`, from the resolution's current due
 * date (a changed date moves the next events), or stop once it is executed or gone.
 */
export async function planDeadline(
  deps: ExecutionDeps,
  ref: DeadlineRef & { after: string },
): Promise<DeadlinePlan> {
  const { resolution } = await resolutionOf(deps, ref);
  if (!resolution) return { action: 'stop', reason: 'not-found' };
  // Executed, or withdrawn with the resolution above it: nothing left to watch.
  if (!isOpenResolution(resolution)) return { action: 'stop', reason: resolution.status };
  if (!resolution.dueDate || !resolution.controllerId) return { action: 'stop', reason: 'not-controlled' };
  const [calendar, policy] = await Promise.all([
    tenantCalendar(deps, ref.tenantId),
    deadlinePolicy(deps, ref.tenantId),
  ]);
  const event = nextDeadlineEvent(calendar, resolution.dueDate, policy, ref.after);
  return { action: 'wait', at: event.at, event };
}

/**
 * Sends one deadline event's notices: reminders to the executors still working, the overdue notice
 * to them and the controller, escalations to the controller and the resolution's author.
 */
export async function notifyDeadline(
  deps: ExecutionDeps & NotifyDeps,
  input: DeadlineRef & { event: DeadlineEvent; executionId: string },
): Promise<{ sent: number; skipped?: string }> {
  const { all, resolution } = await resolutionOf(deps, input);
  if (!resolution || !isOpenResolution(resolution) || !resolution.dueDate)
    return { sent: 0, skipped: 'executed' };
  const document = await deps.documents.get(input.tenantId, input.documentId);
  if (!document) return { sent: 0, skipped: 'not-found' };
  const working = all
    .filter((a) => a.parentId === resolution.id && isStillWorking(a))
    .map((a) => a.assigneeId);
  const { event } = input;
  const recipients =
    event.kind === 'reminder'
      ? working
      : event.kind === 'overdue'
        ? [...working, resolution.controllerId!]
        : [resolution.controllerId!, resolution.authorId];
  return notifyEmployees(deps, {
    tenantId: input.tenantId,
    document,
    kind: event.kind,
    recipients,
    dueDate: resolution.dueDate,
    ...(event.kind === 'reminder' ? { daysLeft: event.n } : {}),
    ...(event.kind === 'escalation' ? { escalation: event.n } : {}),
    key: `${input.executionId}:${event.kind}:${event.n}`,
  });
}
