import type { Actor } from '../../../../../platform/kernel/aggregate';
import { BusinessRuleError, ConflictError } from '../../../../../platform/kernel/errors';
import { assertDocuments, type DocumentRecord, type LinkWrite } from '../../../../documents';
import type { ExecutionDeps } from '../../common';
import { bump, documentExecuted, onBehalf, type AssignmentActionContext } from '../assignment-action';
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
  if (action === 'report') {
    changed.push(bump(ctx, a, { status: 'reported', reports: [...a.reports, report] }));
  } else {
    const open = all.filter((s) => s.kind === 'resolution' && s.parentId === a.id && s.status !== 'executed');
    if (open.length > 0)
      throw new ConflictError('subresolutions_open', 'Sub-resolutions under this assignment are still open', {
        count: open.length,
      });
    changed.push(bump(ctx, a, { status: 'done', reports: [...a.reports, report], closedAt: now }));
    const r = all.find((x) => x.id === a.parentId)!;
    const executed = !r.controllerId;
    changed.push(
      bump(ctx, r, { status: executed ? 'executed' : 'closed', ...(executed ? { closedAt: now } : {}) }),
    );
    if (executed) patch = documentExecuted(doc, all, r);
  }
  return commitTree(deps, actor, {
    doc,
    ...(patch ? { patch } : {}),
    assignments: changed,
    action: action === 'report' ? 'execution-report' : 'execution-close',
    ...onBehalf(actor, a),
    changes: [
      { field: 'assignment', after: { id: a.id, status: changed[0]!.record.status, text } },
      ...(patch?.status ? [{ field: 'status', before: doc.status, after: patch.status }] : []),
    ],
    links,
  });
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
