import type { Actor } from '../../../../../platform/kernel/aggregate';
import { visibleDocument } from '../../../../documents';
import type { ExecutionDeps } from '../../common';
import { actingForAddressee, actionsFor, mayResolve } from '../assignment-rights';

/** The document's resolutions and assignments, with what the caller may do on each. */
export async function executionView(deps: ExecutionDeps, actor: Actor, documentId: string) {
  // The tree first, then the document: the version handed out is never older than the tree shown
  // (both change in one transaction), so acting on what is shown never gets a needless 409.
  const all = await deps.documents.assignments(actor.tenantId, documentId);
  const doc = await visibleDocument(deps, actor, documentId);
  all.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return {
    documentId,
    documentVersion: doc.version,
    documentStatus: doc.status,
    canResolve: mayResolve(actor, doc, all, (await actingForAddressee(deps, actor, doc)) !== undefined),
    assignments: all.map((a) => ({ ...a, actions: actionsFor(actor, a, all) })),
  };
}
