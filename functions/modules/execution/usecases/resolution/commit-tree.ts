import type { Actor } from '../../../../platform/kernel/aggregate';
import {
  applyOperation,
  commitWithAddresseeLines,
  type AppliedOperation,
  type AssignmentRecord,
  type DocumentRecord,
  type FieldChange,
  type Idempotency,
  type LinkWrite,
} from '../../../documents';
import { linesOfAll, type ExecutionDeps } from '../common';

/** An assignment written by a change, with the version it had when read (absent: a new one). */
export type Changed = { record: AssignmentRecord; expectedVersion?: number };

export interface TreeChange {
  doc: DocumentRecord;
  /** Document fields set by the change (status, control, participants...). */
  patch?: Partial<DocumentRecord>;
  assignments: Changed[];
  action: string;
  changes: FieldChange[];
  comment?: string;
  onBehalfOf?: string;
  links?: LinkWrite[];
  /** The request's idempotency record, written in the same transaction. */
  idempotency?: Idempotency;
}

/**
 * One transaction: the document (version checked), the changed assignments, their list lines and
 * the log entry. Route tasks among the changes move the document's route on; when a step ends, the
 * document operation it implies is applied (a signature numbers an order in this very transaction)
 * and the route machine waiting on the step hears the outcome after the commit.
 */
export async function commitTree(
  deps: ExecutionDeps,
  actor: Actor,
  change: TreeChange,
): Promise<DocumentRecord> {
  const now = deps.clock.now().toISOString();
  const participants = new Set(change.doc.participants);
  for (const { record } of change.assignments) {
    for (const id of [record.assigneeId, record.ownerId, record.authorId, record.controllerId])
      if (id) participants.add(id);
  }
  let next: DocumentRecord = {
    ...change.doc,
    ...change.patch,
    participants: [...participants],
    updatedAt: now,
  };
  // The approval route (if the document has one) moves on when its step's tasks end.
  const progress = deps.approval?.afterTasks(
    next,
    change.assignments.map((a) => a.record),
    now,
    change.comment,
  );
  let applied: AppliedOperation | undefined;
  if (progress) {
    next = progress.document;
    const ended = progress.ended;
    if (ended) {
      // The step's operation (agree, sign, return) goes through the documents module, exactly as
      // the operations route performs it: a signed order takes its number in this transaction.
      if (ended.operation) {
        applied = await applyOperation(deps, actor, next, ended.operation, {}, now);
        next = applied.document;
      }
      const { operation: _op, ...logged } = ended;
      if (next.status !== change.doc.status && !change.changes.some((c) => c.field === 'status'))
        change.changes.push({ field: 'status', before: change.doc.status, after: next.status });
      change.changes.push({ field: 'route', after: logged });
    }
  }
  const numbering = applied?.numbering;
  const { document } = await commitWithAddresseeLines(deps, change.doc, {
    document: next,
    expectedVersion: change.doc.version,
    ...(numbering ? { numbering } : {}),
    ...(change.idempotency ? { idempotency: change.idempotency } : {}),
    operation: {
      actorId: actor.employeeId,
      ...(change.onBehalfOf ? { onBehalfOf: change.onBehalfOf } : {}),
      action: change.action,
      changes: change.changes,
      ...(change.comment ? { comment: change.comment } : {}),
    },
    assignments: change.assignments,
    inbox: linesOfAll(
      change.assignments.map((a) => a.record),
      now,
    ),
    ...(change.links?.length ? { links: change.links } : {}),
  });
  if (numbering) deps.metrics?.count('DocumentRegistered', { kind: document.kind });
  if (progress?.ended) await deps.approval?.signal(document, progress.ended.step);
  return document;
}
