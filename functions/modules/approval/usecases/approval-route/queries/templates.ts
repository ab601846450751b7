import type { Actor, AggregateMeta } from '../../../../../platform/kernel/aggregate';
import { getOr404, type Deps } from '../../../../../platform/kernel/aggregates';
import type { ApprovalRouteTemplateData } from '../../../../documents';

export type ApprovalRouteTemplate = AggregateMeta & ApprovalRouteTemplateData;

/** Every template of the agency (a short list), by name. */
export async function listTemplates(deps: Deps, actor: Actor): Promise<ApprovalRouteTemplate[]> {
  const out: ApprovalRouteTemplate[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.list<ApprovalRouteTemplate>('route-template', actor.tenantId, {
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

export const getTemplate = (deps: Deps, actor: Actor, id: string): Promise<ApprovalRouteTemplate> =>
  getOr404<ApprovalRouteTemplate>(deps, 'route-template', actor.tenantId, id);
