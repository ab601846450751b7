import { BusinessRuleError, ConflictError } from '../errors';

/**
 * Execution control (icraya nəzarət). A resolution (dərkənar) is a node of a tree under a
 * document: its author names executors (one responsible, any co-executors), for-information
 * recipients, a controller and a due date. Each executor gets an execution assignment; an executor
 * may write a sub-resolution under their own assignment, so the tree grows downwards.
 */
export const assignmentKinds = [
  'resolution',
  'execution',
  'information',
  // Route tasks: an endorsement (viza), a signature, or writing the resolution (dərkənar).
  'endorsement',
  'signing',
  'task',
] as const;
export type AssignmentKind = (typeof assignmentKinds)[number];

export const executorRoles = ['responsible', 'co-executor'] as const;
export type ExecutorRole = (typeof executorRoles)[number];

/**
 * resolution: open → closed (the responsible executor closed it; awaiting the controller) →
 *   executed; a return sends closed → open.
 * execution: pending → reported → done; returned (by the controller) behaves as pending.
 * information: unread → read.
 * endorsement / signing (route tasks): pending → approved | signed | rejected; withdrawn when
 *   another participant of the same step rejected first.
 * task (write the resolution, a route stage): pending → done when the holder writes it.
 */
export const assignmentStatuses = [
  'open',
  'closed',
  'executed',
  'pending',
  'reported',
  'returned',
  'done',
  'unread',
  'read',
  'approved',
  'signed',
  'rejected',
  'withdrawn',
] as const;
export type AssignmentStatus = (typeof assignmentStatuses)[number];

export interface ExecutionReport {
  at: string;
  by: string;
  onBehalfOf?: string;
  text: string;
  /** A reply document (e.g. the outgoing answer) linked to the controlled document. */
  documentId?: string;
}

export interface AssignmentRecord {
  tenantId: string;
  id: string;
  documentId: string;
  kind: AssignmentKind;
  /** For execution and information: the resolution; for a sub-resolution: the executor's assignment. */
  parentId?: string;
  /** The top resolution of the tree. */
  rootId: string;
  /** Who wrote it (a resolution) or who gave it (the resolution's author). */
  authorId: string;
  /** Who must act now: the official, or their substitute while one acts. */
  assigneeId: string;
  /** The official the assignment was made to (differs from assigneeId while redirected). */
  ownerId: string;
  role?: ExecutorRole;
  text?: string;
  /** yyyy-MM-dd (Baku calendar date), inclusive. */
  dueDate?: string;
  controllerId?: string;
  status: AssignmentStatus;
  reports: ExecutionReport[];
  /** The controller's comment when returning, or the reason of the last change. */
  comment?: string;
  /** The route step that made it (route tasks, and the resolution of an execution stage). */
  routeStep?: number;
  /** The deadline state machine watching a controlled resolution. */
  deadlineExecution?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  closedAt?: string;
}

/** Personal lists (the left menu): each is a query on its own key, never a scan. */
export const inboxBoxes = ['execution', 'approval', 'information', 'control', 'mine'] as const;
export type InboxBox = (typeof inboxBoxes)[number];

/** One line of a personal list. `sortKey` orders the list; `open` lines are the live ones. */
export interface InboxEntry {
  tenantId: string;
  userId: string;
  box: InboxBox;
  documentId: string;
  /** The assignment behind the line ('' for a document-level line, e.g. Etdiklərim). */
  assignmentId: string;
  sortKey: string;
  open: boolean;
  receivedAt: string;
  dueDate?: string;
  read?: boolean;
  /** The assignment's status (or the document's for document-level lines). */
  status: string;
  /** The official this line stands for when a substitute holds it. */
  onBehalfOf?: string;
  /** What the task behind the line is (endorse, sign, execute, write the resolution...). */
  taskKind?: AssignmentKind;
}

/** Control lines: open first, the earliest due date first (so overdue ones lead), then closed ones. */
export function controlSortKey(open: boolean, dueDate: string | undefined, documentId: string): string {
  return `${open ? '0' : '1'}#${dueDate ?? '9999-12-31'}#${documentId}`;
}

/** Lines sorted by arrival (newest first when queried descending). */
export function arrivalSortKey(receivedAt: string, documentId: string): string {
  return `${receivedAt}#${documentId}`;
}

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
