import type { Actor } from '../../../../../platform/kernel/aggregate';
import { visibleDocument } from '../../../../documents';
import type { ExecutionDeps } from '../../../../execution';
import { currentRoute, view, type ApprovalRouteView } from '../route-view';

/** The document's route as the Viza tab shows it: its own, or the template it would get now. */
export async function getRoute(
  deps: ExecutionDeps,
  actor: Actor,
  documentId: string,
): Promise<ApprovalRouteView> {
  const doc = await visibleDocument(deps, actor, documentId);
  return view(doc, await currentRoute(deps, actor, doc), actor);
}
