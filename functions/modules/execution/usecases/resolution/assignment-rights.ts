/*
 * What a caller may do in a document's resolution tree: shown by the execution view, enforced by
 * the commands.
 */
import type { Actor } from '../../../../platform/kernel/aggregate';
import { allowedOperations, permitted, type AssignmentRecord, type DocumentRecord } from '../../../documents';
import { statusAllows, type AssignmentAction } from '../../domain/assignment';
import { actingHolder, today, type ExecutionDeps } from '../common';

/**
 * The official the caller stands in for on this document: its addressee, while a substitution
 * makes the caller their acting substitute today (the waiting document is in the caller's
 * Dərkənar gözləyənlər on the addressee's behalf).
 */
export async function actingForAddressee(
  deps: ExecutionDeps,
  actor: Actor,
  doc: DocumentRecord,
): Promise<string | undefined> {
  const addressee = doc.addresseeId;
  if (!addressee || addressee === actor.employeeId) return undefined;
  const holder = await actingHolder(deps, actor.tenantId, addressee, today(deps));
  return holder === actor.employeeId ? addressee : undefined;
}

/** `forAddressee`: the caller is the addressee's acting substitute (see actingForAddressee). */
export function mayResolve(
  actor: Actor,
  doc: DocumentRecord,
  all: AssignmentRecord[],
  forAddressee = false,
): boolean {
  const hasTask = all.some((a) => a.kind === 'task' && a.status === 'pending' && holds(actor, a));
  return (
    allowedOperations(doc.kind, doc.status).includes('resolve') &&
    (permitted(actor, doc, 'resolve') || hasTask || forAddressee)
  );
}

export const holds = (actor: Actor, a: AssignmentRecord) =>
  a.assigneeId === actor.employeeId || a.ownerId === actor.employeeId;

export function actionsFor(actor: Actor, a: AssignmentRecord, all: AssignmentRecord[]): AssignmentAction[] {
  const can = (action: AssignmentAction) => statusAllows(a, action);
  const out: AssignmentAction[] = [];
  if (a.kind === 'execution' && holds(actor, a)) {
    const parent = all.find((r) => r.id === a.parentId);
    if (can('report') && parent?.status === 'open') out.push('report');
    if (a.role === 'responsible' && can('close') && parent?.status === 'open') out.push('close');
    if (can('sub-resolution') && parent?.status === 'open') out.push('sub-resolution');
  }
  if (a.kind === 'resolution' && a.controllerId === actor.employeeId && can('accept'))
    out.push('accept', 'return');
  if (a.kind === 'information' && holds(actor, a) && a.status === 'unread') out.push('read');
  if (a.kind === 'endorsement' && holds(actor, a) && can('approve')) out.push('approve', 'reject');
  if (a.kind === 'signing' && holds(actor, a) && can('sign')) out.push('sign', 'reject');
  return out;
}
