import { requireMfa } from '../../../../../platform/kernel/mfa';
import { BusinessRuleError } from '../../../../../platform/kernel/errors';
import type { DocumentRecord } from '../../../../documents';
import { bump, onBehalf, type AssignmentActionContext } from '../assignment-action';
import { commitTree } from '../commit-tree';

/** An endorsement approved or a signing signed; the route moves on when its step's tasks end. */
export async function approveRouteTask(
  ctx: AssignmentActionContext,
  action: 'approve' | 'sign',
): Promise<DocumentRecord> {
  const { deps, actor, doc, a, input, now } = ctx;
  // An endorsement (viza) or a signature is a PAdES signature on the single file, made before the
  // commit and written with it: the decision never stands without its signature.
  const right = a.kind === 'endorsement' ? 'endorse' : a.kind === 'signing' ? 'sign' : undefined;
  // Whoever puts a signature or an endorsement on the single file signs with a second factor where
  // the agency requires it (issue 18).
  if (right) requireMfa(actor, right === 'sign' ? 'sign' : 'endorse');
  const behalf = onBehalf(actor, a);
  const signature =
    right && deps.esign ? await deps.esign.sign(actor, doc, { right, at: now, ...behalf }) : undefined;
  return commitTree(deps, actor, {
    doc,
    ...(signature ? { patch: { signatures: [...(doc.signatures ?? []), signature] } } : {}),
    assignments: [
      bump(ctx, a, {
        status: action === 'sign' ? 'signed' : 'approved',
        closedAt: now,
        ...(input.comment ? { comment: input.comment } : {}),
      }),
    ],
    action: action === 'sign' ? 'route-sign' : 'route-approve',
    ...behalf,
    changes: [
      {
        field: 'assignment',
        after: { id: a.id, kind: a.kind, status: action === 'sign' ? 'signed' : 'approved' },
      },
    ],
    ...(input.comment ? { comment: input.comment } : {}),
  });
}

/** A route task rejected, saying why: the step's other open tasks are withdrawn. */
export async function rejectRouteTask(ctx: AssignmentActionContext): Promise<DocumentRecord> {
  const { deps, actor, doc, all, a, input, now } = ctx;
  if (!input.comment?.trim())
    throw new BusinessRuleError('reject_comment_required', 'Say why it is rejected', {}, [
      { path: 'comment', code: 'required' },
    ]);
  // The other open tasks of the same step are withdrawn: the route goes back to the author.
  const others = all.filter(
    (x) => x.id !== a.id && x.routeStep === a.routeStep && x.status === 'pending' && x.kind === a.kind,
  );
  return commitTree(deps, actor, {
    doc,
    assignments: [
      bump(ctx, a, { status: 'rejected', closedAt: now, comment: input.comment }),
      ...others.map((x) => bump(ctx, x, { status: 'withdrawn', closedAt: now })),
    ],
    action: 'route-reject',
    ...onBehalf(actor, a),
    changes: [{ field: 'assignment', after: { id: a.id, kind: a.kind, status: 'rejected' } }],
    comment: input.comment,
  });
}
