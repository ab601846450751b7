import type { Actor } from '../../../../../platform/kernel/aggregate';
import {
  assertAllExist,
  createAggregate,
  getOr404,
  sortable,
  updateAggregate,
  type Deps,
} from '../../../../../platform/kernel/aggregates';
import type { ApprovalRouteTemplateData } from '../../../../documents';
import { today } from '../../../../execution';
import { assertStages } from '../../../domain/approval-route';
import { assertParticipants } from '../participants';
import type { ApprovalRouteTemplate } from '../queries/templates';

const placement = (t: ApprovalRouteTemplateData) => ({ sortKey: sortable(t.name) });

async function checkTemplate(deps: Deps, actor: Actor, data: ApprovalRouteTemplateData): Promise<void> {
  assertStages(data.stages, today(deps));
  await assertParticipants(deps, actor.tenantId, data.stages);
  await assertAllExist(
    deps,
    'ref:classifications',
    actor.tenantId,
    data.classificationIds,
    'classificationIds',
  );
}

export async function createTemplate(
  deps: Deps,
  actor: Actor,
  data: ApprovalRouteTemplateData,
  idempotency?: { key: string; requestHash: string },
): Promise<ApprovalRouteTemplate> {
  await checkTemplate(deps, actor, data);
  return createAggregate(deps, 'route-template', actor, data, placement(data), idempotency);
}

export async function updateTemplate(
  deps: Deps,
  actor: Actor,
  id: string,
  data: ApprovalRouteTemplateData,
  version: number,
): Promise<ApprovalRouteTemplate> {
  const current = await getOr404<ApprovalRouteTemplate>(deps, 'route-template', actor.tenantId, id);
  await checkTemplate(deps, actor, data);
  return updateAggregate(deps, 'route-template', actor, current, data, version, placement(data));
}
