/**
 * The task lines a document carries (stored with it, in the same transaction): resolutions and
 * assignments of execution control and approval routes, and the personal-list lines they put in
 * people's lists. Their rules live with execution control and approval routes; the records are
 * part of the document aggregate.
 */
/*
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

/**
 * Personal lists (the left menu): each is a query on its own key, never a scan. `awaiting-resolution`
 * (Dərkənar gözləyənlər): documents addressed to the user that wait for their resolution.
 */
export const inboxBoxes = [
  'execution',
  'approval',
  'information',
  'control',
  'mine',
  'awaiting-resolution',
] as const;
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
