import type { Actor } from '../../../../../platform/kernel/aggregate';
import {
  assertAllExist,
  createAggregate,
  getOr404,
  sortable,
  updateAggregate,
  type Deps,
} from '../../../../../platform/kernel/aggregates';
import type { RouteTemplateData } from '../../../../documents';
import { today } from '../../../../execution';
import { assertStages } from '../../../domain/approval-route';
import { assertParticipants } from '../participants';
import type { RouteTemplate } from '../queries/templates';

const placement = (t: RouteTemplateData) => ({ sortKey: sortable(t.name) });

async function checkTemplate(deps: Deps, actor: Actor, data: RouteTemplateData): Promise<void> {
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
  data: RouteTemplateData,
  idempotency?: { key: string; requestHash: string },
): Promise<RouteTemplate> {
  await checkTemplate(deps, actor, data);
  return createAggregate(deps, 'route-template', actor, data, placement(data), idempotency);
}

export async function updateTemplate(
  deps: Deps,
  actor: Actor,
  id: string,
  data: RouteTemplateData,
  version: number,
): Promise<RouteTemplate> {
  const current = await getOr404<RouteTemplate>(deps, 'route-template', actor.tenantId, id);
  await checkTemplate(deps, actor, data);
  return updateAggregate(deps, 'route-template', actor, current, data, version, placement(data));
}
