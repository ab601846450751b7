import type { ReferenceItemData, ReferenceListName } from '../domain/lists';
import { authed, type RouteImpl } from '../../../platform/http/group-handler';
import * as ref from '../usecases/reference.usecase';

/** The body was validated by the list's own schema (the route's `bodyFor`); the list comes from the path. */
function itemOf(list: ReferenceListName, body: unknown) {
  return { ...(body as object), list } as ReferenceItemData & { version: number };
}

/** The implementations of the `reference` route group's operations. */
export const referenceApi: Record<string, RouteImpl> = {
  listReferenceItems: async (ctx, deps) =>
    ref.listReferenceItems(
      deps,
      authed(ctx).actor,
      ctx.params.list as ReferenceListName,
      ctx.query as { limit: number },
    ),
  createReferenceItem: async (ctx, deps) => {
    const list = ctx.params.list as ReferenceListName;
    return ref.createReferenceItem(deps, authed(ctx).actor, itemOf(list, ctx.body), ctx.idempotency);
  },
  getReferenceItem: async (ctx, deps) =>
    ref.getReferenceItem(
      deps,
      authed(ctx).actor,
      ctx.params.list as ReferenceListName,
      String(ctx.params.id),
    ),
  updateReferenceItem: async (ctx, deps) => {
    const list = ctx.params.list as ReferenceListName;
    return ref.updateReferenceItem(deps, authed(ctx).actor, String(ctx.params.id), itemOf(list, ctx.body));
  },
};
