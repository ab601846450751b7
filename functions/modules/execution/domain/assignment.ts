import { BusinessRuleError, ConflictError } from '../../../platform/kernel/errors';
import type { AssignmentRecord, AssignmentStatus, ExecutorRole } from '../../documents';

/**
 * An execution assignment whose holder still has to act: pending or returned, or the responsible
 * executor's until they close it (a co-executor's part ends with the report).
 */
export function isStillWorking(a: AssignmentRecord): boolean {
  if (a.kind !== 'execution') return false;
  return (
    a.status === 'pending' || a.status === 'returned' || (a.role === 'responsible' && a.status === 'reported')
  );
}

/** A resolution still in work: open, or closed by its responsible executor and awaiting the controller. */
export function isOpenResolution(a: AssignmentRecord): boolean {
  return a.kind === 'resolution' && (a.status === 'open' || a.status === 'closed');
}

/**
 * What closing a resolution does to the work under it: every assignment below it that is still
 * open ends with it. An execution whose report is in counts as done; an execution not reported
 * (pending, returned) and a sub-resolution not executed are withdrawn, with everything under them.
 * Notices for information are left as they are: they are records to read, not work.
 */
export function closedBelow(
  all: readonly AssignmentRecord[],
  resolutionId: string,
): Array<{ record: AssignmentRecord; status: AssignmentStatus }> {
  const out: Array<{ record: AssignmentRecord; status: AssignmentStatus }> = [];
  const below = (parentId: string) => all.filter((x) => x.parentId === parentId);
  const queue = below(resolutionId);
  for (let x = queue.shift(); x; x = queue.shift()) {
    queue.push(...below(x.id));
    if (x.kind === 'execution' && (x.status === 'pending' || x.status === 'returned'))
      out.push({ record: x, status: 'withdrawn' });
    else if (x.kind === 'execution' && x.status === 'reported') out.push({ record: x, status: 'done' });
    else if (isOpenResolution(x)) out.push({ record: x, status: 'withdrawn' });
  }
  return out;
}

const transitions: Record<string, readonly AssignmentStatus[]> = {
  report: ['pending', 'returned', 'reported'],
  close: ['pending', 'returned', 'reported'],
  accept: ['closed'],
  return: ['closed'],
  read: ['unread', 'read'],
  'sub-resolution': ['pending', 'returned', 'reported'],
  approve: ['pending'],
  sign: ['pending'],
  reject: ['pending'],
};

export type AssignmentAction = keyof typeof transitions;

/**
 * Actions a caller posts on an assignment (`sub-resolution` has its own route): report … read for
 * execution and control, approve, sign, reject for route tasks.
 */
export const postedAssignmentActions = [
  'report',
  'close',
  'accept',
  'return',
  'read',
  'approve',
  'sign',
  'reject',
] as const satisfies readonly AssignmentAction[];

export function statusAllows(a: AssignmentRecord, action: AssignmentAction): boolean {
  return transitions[action]!.includes(a.status);
}

/** The refusal of an action the assignment does not allow (409, nothing changes). */
export function actionNotAllowed(a: AssignmentRecord, action: AssignmentAction): ConflictError {
  return new ConflictError(
    'assignment_action_not_allowed',
    `Action ${action} is not allowed in ${a.status}`,
    {
      action,
      assignmentStatus: a.status,
    },
  );
}

export function assertAssignmentAction(a: AssignmentRecord, action: AssignmentAction): void {
  if (!statusAllows(a, action)) throw actionNotAllowed(a, action);
}

export interface ResolutionInput {
  text: string;
  executors: Array<{ employeeId: string; responsible?: boolean }>;
  forInformation?: string[];
  controllerId?: string;
  dueDate?: string;
}

const rule = (code: string, path: string, message: string) =>
  new BusinessRuleError(code, message, {}, [{ path, code }]);

/**
 * Checks a resolution: at least one executor, each named once, exactly one responsible (the first
 * when none is marked), a due date not before today and, under a parent, not after the parent's.
 * Returns the executors with their roles.
 */
export function planResolution(
  input: ResolutionInput,
  today: string,
  parentDueDate: string | undefined,
): Array<{ employeeId: string; role: ExecutorRole }> {
  if (input.executors.length === 0)
    throw rule('executor_required', 'executors', 'Name at least one executor');
  const ids = input.executors.map((e) => e.employeeId);
  if (new Set(ids).size !== ids.length)
    throw rule('duplicate_executor', 'executors', 'An executor is named twice');
  const marked = input.executors.filter((e) => e.responsible);
  if (marked.length > 1) throw rule('one_responsible', 'executors', 'Only one executor can be responsible');
  if (input.dueDate !== undefined) {
    if (input.dueDate < today) throw rule('due_date_in_past', 'dueDate', 'The due date is in the past');
    if (parentDueDate !== undefined && input.dueDate > parentDueDate)
      throw rule('due_after_parent', 'dueDate', 'The due date is after the parent resolution’s');
  }
  if (input.controllerId !== undefined && input.dueDate === undefined && parentDueDate === undefined)
    throw rule('due_date_required', 'dueDate', 'A controlled resolution needs a due date');
  const responsible = marked[0]?.employeeId ?? ids[0]!;
  return ids.map((employeeId) => ({
    employeeId,
    role: employeeId === responsible ? 'responsible' : 'co-executor',
  }));
}

/** Whole days from `today` to the due date (negative when overdue), both Baku calendar dates. */
export function daysLeft(dueDate: string, today: string): number {
  return Math.round((Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
