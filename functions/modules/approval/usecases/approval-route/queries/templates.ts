import type { Actor, AggregateMeta } from '../../../../../platform/kernel/aggregate';
import { getOr404, type Deps } from '../../../../../platform/kernel/aggregates';
import type { RouteTemplateData } from '../../../../documents';

export type RouteTemplate = AggregateMeta & RouteTemplateData;

/** Every template of the agency (a short list), by name. */
export async function listTemplates(deps: Deps, actor: Actor): Promise<RouteTemplate[]> {
  const out: RouteTemplate[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.list<RouteTemplate>('route-template', actor.tenantId, {
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

export const getTemplate = (deps: Deps, actor: Actor, id: string): Promise<RouteTemplate> =>
  getOr404<RouteTemplate>(deps, 'route-template', actor.tenantId, id);
