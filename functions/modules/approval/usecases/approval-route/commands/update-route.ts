import type { Actor } from '../../../../../platform/kernel/aggregate';
import {
  allow,
  assertVersion,
  unknownReference,
  visibleDocument,
  type ApprovalRoute,
  type ApprovalStage,
} from '../../../../documents';
import { today, type ExecutionDeps } from '../../../../execution';
import { assertStages } from '../../../domain/approval-route';
import { assertParticipants } from '../participants';
import type { ApprovalRouteTemplate } from '../queries/templates';
import { currentRoute, editable, mayRoute, refuseRunning, view, type ApprovalRouteView } from '../route-view';

/** The author shapes the route before it starts (or after a rejection, before resubmitting). */
export async function updateRoute(
  deps: ExecutionDeps,
  actor: Actor,
  documentId: string,
  input: { version: number; templateId?: string; stages: ApprovalStage[] },
): Promise<ApprovalRouteView> {
  const doc = await visibleDocument(deps, actor, documentId);
  assertVersion(doc, input.version);
  allow(mayRoute(actor, doc), 'route');
  const before = await currentRoute(deps, actor, doc);
  if (!editable(before)) refuseRunning();
  assertStages(input.stages, today(deps));
  await assertParticipants(deps, actor.tenantId, input.stages);
  let templateName = before?.templateName;
  if (input.templateId && input.templateId !== before?.templateId) {
    // A template of the tenant made for this kind of document.
    const template = await deps.store.get<ApprovalRouteTemplate>(
      'route-template',
      actor.tenantId,
      input.templateId,
    );
    if (!template || !template.kinds.includes(doc.kind)) throw unknownReference('templateId');
    templateName = template.name;
  }
  const templateId = input.templateId ?? before?.templateId;
  const route: ApprovalRoute = {
    ...(before ?? { state: 'draft', round: 0, steps: [] }),
    ...(templateId ? { templateId } : {}),
    ...(templateName ? { templateName } : {}),
    stages: input.stages,
  };
  const now = deps.clock.now().toISOString();
  const { document } = await deps.documents.commit({
    document: { ...doc, route, updatedAt: now },
    expectedVersion: doc.version,
    operation: {
      actorId: actor.employeeId,
      action: 'route-edit',
      changes: [{ field: 'route', before: before?.stages, after: input.stages }],
    },
  });
  return view(document, route, actor);
}
