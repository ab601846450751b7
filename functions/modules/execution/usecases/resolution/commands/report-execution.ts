import type { Actor } from '../../../../../platform/kernel/aggregate';
import { BusinessRuleError, ConflictError } from '../../../../../platform/kernel/errors';
import { assertDocuments, type DocumentRecord, type LinkWrite } from '../../../../documents';
import type { ExecutionDeps } from '../../common';
import {
  bump,
  closeResolution,
  documentExecuted,
  onBehalf,
  type AssignmentActionContext,
} from '../assignment-action';
import { isOpenResolution } from '../../../domain/assignment';
import { stopDeadline } from '../deadline-machine';
import { commitTree, type Changed } from '../commit-tree';

/**
 * An executor's report (text plus an optional reply document), or the responsible executor's
 * closing: the assignment is done and its resolution goes to the controller (or is executed at
 * once when nobody controls it).
 */
export async function reportExecution(
  ctx: AssignmentActionContext,
  action: 'report' | 'close',
): Promise<DocumentRecord> {
  const { deps, actor, documentId, doc, all, a, input, now } = ctx;
  if (!input.text?.trim())
    throw new BusinessRuleError('report_text_required', 'Write what was done', {}, [
      { path: 'text', code: 'required' },
    ]);
  const text = input.text.trim();
  if (input.replyDocumentId) await assertReply(deps, actor, documentId, input.replyDocumentId);
  const report = {
    at: now,
    by: actor.employeeId,
    ...onBehalf(actor, a),
    text,
    ...(input.replyDocumentId ? { documentId: input.replyDocumentId } : {}),
  };
  const changed: Changed[] = [];
  const links: LinkWrite[] = input.replyDocumentId
    ? [{ from: input.replyDocumentId, to: documentId, type: 'reply' }]
    : [];
  let patch: Partial<DocumentRecord> | undefined;
  let closing: ReturnType<typeof closeResolution> | undefined;
  if (action === 'report') {
    changed.push(bump(ctx, a, { status: 'reported', reports: [...a.reports, report] }));
  } else {
    const open = all.filter((s) => s.parentId === a.id && isOpenResolution(s));
    if (open.length > 0)
      throw new ConflictError('subresolutions_open', 'Sub-resolutions under this assignment are still open', {
        count: open.length,
      });
    changed.push(bump(ctx, a, { status: 'done', reports: [...a.reports, report], closedAt: now }));
    const r = all.find((x) => x.id === a.parentId)!;
    if (r.controllerId) changed.push(bump(ctx, r, { status: 'closed' }));
    else {
      // Nobody controls it: executed at once, and the work still open under it ends with it.
      closing = closeResolution(ctx, r, [a.id]);
      changed.push(...closing.changed);
      patch = documentExecuted(doc, all, r);
    }
  }
  const saved = await commitTree(deps, actor, {
    doc,
    ...(patch ? { patch } : {}),
    assignments: changed,
    action: action === 'report' ? 'execution-report' : 'execution-close',
    ...onBehalf(actor, a),
    changes: [
      { field: 'assignment', after: { id: a.id, status: changed[0]!.record.status, text } },
      ...(closing?.changes ?? []),
      ...(patch?.status ? [{ field: 'status', before: doc.status, after: patch.status }] : []),
    ],
    links,
  });
  for (const r of closing?.withdrawn ?? []) await stopDeadline(deps, r);
  return saved;
}

/**
 * A reply document named in a report: one the executor may see, or one registered as the answer to
 * this very document (the clerk registers the outgoing reply the executor prepared).
 */
async function assertReply(
  deps: ExecutionDeps,
  actor: Actor,
  documentId: string,
  replyId: string,
): Promise<void> {
  const reply = await deps.documents.get(actor.tenantId, replyId);
  if (reply && (reply.outgoing?.inReplyTo === documentId || reply.internal?.answersId === documentId)) return;
  await assertDocuments(deps, actor, [[replyId, 'replyDocumentId']]);
}
