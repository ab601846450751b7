import { BusinessRuleError } from '../../../../../platform/kernel/errors';
import type { DocumentRecord } from '../../../../documents';
import { bump, closeResolution, documentExecuted, type AssignmentActionContext } from '../assignment-action';
import { commitTree } from '../commit-tree';
import { stopDeadline } from '../deadline-machine';

/**
 * The controller accepts a closed resolution: it is executed, the work still open under it (a
 * co-executor who never reported, a sub-resolution) ends with it in the same transaction, and the
 * deadline machines stop.
 */
export async function acceptResolution(ctx: AssignmentActionContext): Promise<DocumentRecord> {
  const { deps, actor, doc, all, a, input } = ctx;
  const patch = documentExecuted(doc, all, a);
  const closing = closeResolution(ctx, a);
  const saved = await commitTree(deps, actor, {
    doc,
    ...(patch ? { patch } : {}),
    assignments: closing.changed,
    action: 'execution-accept',
    changes: [
      {
        field: 'resolution',
        before: { id: a.id, status: a.status },
        after: { id: a.id, status: 'executed' },
      },
      ...closing.changes,
      ...(patch?.status ? [{ field: 'status', before: doc.status, after: patch.status }] : []),
    ],
    ...(input.comment ? { comment: input.comment } : {}),
  });
  for (const r of [a, ...closing.withdrawn]) await stopDeadline(deps, r);
  return saved;
}

/** The controller returns a closed resolution, saying why: it reopens, back to its responsible executor. */
export async function returnResolution(ctx: AssignmentActionContext): Promise<DocumentRecord> {
  const { deps, actor, doc, all, a, input } = ctx;
  if (!input.comment?.trim())
    throw new BusinessRuleError('return_comment_required', 'Say why it is returned', {}, [
      { path: 'comment', code: 'required' },
    ]);
  const responsible = all.find((x) => x.parentId === a.id && x.role === 'responsible');
  return commitTree(deps, actor, {
    doc,
    assignments: [
      bump(ctx, a, { status: 'open', comment: input.comment }),
      ...(responsible ? [bump(ctx, responsible, { status: 'returned', comment: input.comment })] : []),
    ],
    action: 'execution-return',
    changes: [
      {
        field: 'resolution',
        before: { id: a.id, status: a.status },
        after: { id: a.id, status: 'open' },
      },
    ],
    comment: input.comment,
  });
}
