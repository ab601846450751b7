import type { Actor } from '../../../../platform/kernel/aggregate';
import {
  allowedOperations,
  transition,
  type AssignmentRecord,
  type DocumentRecord,
  type FieldChange,
} from '../../../documents';
import { closedBelow } from '../../domain/assignment';
import type { ExecutionDeps } from '../common';
import type { Changed } from './commit-tree';

export interface AssignmentActionInput {
  version: number;
  text?: string;
  /** A reply document that executes the controlled one (linked as its reply). */
  replyDocumentId?: string;
  comment?: string;
}

/**
 * One action on one assignment, checked and ready to commit: the document at the version the caller
 * saw, its whole resolution tree, the assignment acted on, and the moment of the action.
 */
export interface AssignmentActionContext {
  deps: ExecutionDeps;
  actor: Actor;
  documentId: string;
  doc: DocumentRecord;
  all: AssignmentRecord[];
  a: AssignmentRecord;
  input: AssignmentActionInput;
  now: string;
}

/** The assignment changed by the action, written only if nobody changed it since it was read. */
export const bump = (
  ctx: AssignmentActionContext,
  r: AssignmentRecord,
  patch: Partial<AssignmentRecord>,
): Changed => ({
  record: { ...r, ...patch, updatedAt: ctx.now },
  expectedVersion: r.version,
});

/** A substitute acts on behalf of the assignment's owner. */
export const onBehalf = (actor: Actor, a: AssignmentRecord) =>
  a.ownerId !== actor.employeeId ? { onBehalfOf: a.ownerId } : {};

/** When the last open top resolution is executed, the document is executed too. */
export function documentExecuted(
  doc: DocumentRecord,
  all: AssignmentRecord[],
  executing: AssignmentRecord,
): Partial<DocumentRecord> | undefined {
  if (executing.parentId) return undefined;
  const stillOpen = all.some(
    (r) => r.kind === 'resolution' && !r.parentId && r.id !== executing.id && r.status !== 'executed',
  );
  if (stillOpen) return undefined;
  // A kind whose status has no execution (an outgoing letter's §150 task to deliver it otherwise):
  // the resolution is executed, the document's status stays.
  if (!allowedOperations(doc.kind, doc.status).includes('execute')) return undefined;
  return { status: transition(doc.kind, doc.status, 'execute') };
}

/**
 * The resolution `r` executed, and the work still open under it ended with it (see `closedBelow`):
 * the changed assignments, their log lines, and the sub-resolutions withdrawn (whose deadline
 * machines stop after the commit). Every path that closes a resolution commits these together.
 */
export function closeResolution(
  ctx: AssignmentActionContext,
  r: AssignmentRecord,
  skip: readonly string[] = [],
): { changed: Changed[]; changes: FieldChange[]; withdrawn: AssignmentRecord[] } {
  const ended = closedBelow(ctx.all, r.id).filter((x) => !skip.includes(x.record.id));
  return {
    changed: [
      bump(ctx, r, { status: 'executed', closedAt: ctx.now }),
      ...ended.map((x) => bump(ctx, x.record, { status: x.status, closedAt: ctx.now })),
    ],
    changes: ended.map((x) => ({
      field: 'assignment',
      before: { id: x.record.id, kind: x.record.kind, status: x.record.status },
      after: { id: x.record.id, kind: x.record.kind, status: x.status },
    })),
    withdrawn: ended.filter((x) => x.record.kind === 'resolution').map((x) => x.record),
  };
}
