import type { Actor } from '../../../../../platform/kernel/aggregate';
import { NotFoundError } from '../../../../../platform/kernel/errors';
import { assertVersion, retryOnStale, visibleDocument, type DocumentRecord } from '../../../../documents';
import { actionNotAllowed, type AssignmentAction } from '../../../domain/assignment';
import type { ExecutionDeps } from '../../common';
import {
  bump,
  onBehalf,
  type AssignmentActionContext,
  type AssignmentActionInput,
} from '../assignment-action';
import { actionsFor } from '../assignment-rights';
import { commitTree } from '../commit-tree';
import { acceptResolution, returnResolution } from './control-resolution';
import { approveRouteTask, rejectRouteTask } from './decide-route-task';
import { reportExecution } from './report-execution';

export type { AssignmentActionInput } from '../assignment-action';

/**
 * An executor's report (text plus an optional reply document), the responsible executor's closing,
 * the controller's acceptance or return, a route task's decision, or a recipient's "read". Each is
 * one transaction with the document's log entry; a stale document version gets 409.
 */
export async function actOnAssignment(
  deps: ExecutionDeps,
  actor: Actor,
  documentId: string,
  assignmentId: string,
  action: AssignmentAction,
  input: AssignmentActionInput,
): Promise<DocumentRecord> {
  const doc = await visibleDocument(deps, actor, documentId);
  assertVersion(doc, input.version);
  const all = await deps.documents.assignments(actor.tenantId, documentId);
  const a = all.find((x) => x.id === assignmentId);
  if (!a) throw new NotFoundError('assignment not found');
  if (!actionsFor(actor, a, all).includes(action)) throw actionNotAllowed(a, action);
  const now = deps.clock.now().toISOString();
  const ctx: AssignmentActionContext = { deps, actor, documentId, doc, all, a, input, now };
  switch (action) {
    case 'report':
    case 'close':
      return reportExecution(ctx, action);
    case 'accept':
      return acceptResolution(ctx);
    case 'return':
      return returnResolution(ctx);
    case 'approve':
    case 'sign':
      return approveRouteTask(ctx, action);
    case 'reject':
      return rejectRouteTask(ctx);
    case 'read':
      return commitTree(deps, actor, {
        doc,
        assignments: [bump(ctx, a, { status: 'read' })],
        action: 'information-read',
        ...onBehalf(actor, a),
        changes: [{ field: 'assignment', after: { id: a.id, status: 'read' } }],
      });
    default:
      throw actionNotAllowed(a, action);
  }
}

/** Resolution actions race on the document version; commuting ones (read marks) retry on the fresh state. */
export const markRead = (
  deps: ExecutionDeps,
  actor: Actor,
  documentId: string,
  assignmentId: string,
): Promise<DocumentRecord> =>
  retryOnStale(3, async () => {
    const doc = await visibleDocument(deps, actor, documentId);
    return actOnAssignment(deps, actor, documentId, assignmentId, 'read', { version: doc.version });
  });
