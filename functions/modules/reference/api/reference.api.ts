import type { ReferenceItemData, ReferenceListName } from '../domain/lists';
import { authed, type RouteImpls } from '../../../platform/http/group-handler';
import type { Deps } from '../../../platform/kernel/aggregates';
import * as ref from '../usecases/reference.usecase';
import { addCounterpart } from '../usecases/counterparts.usecase';
import type { ReferenceInputOf } from './reference.schema';
import type { referenceRoutes } from './reference.routes';

/**
 * Each list's parsed body as the domain's item of that list (the list comes from the path): the
 * compiler checks every list's schema against `ReferenceItemData` here.
 */
const asItem: { [L in ReferenceListName]: (body: ReferenceInputOf[L]) => ReferenceItemData & { list: L } } = {
  'document-types': (body) => ({ ...body, list: 'document-types' }),
  'delivery-forms': (body) => ({ ...body, list: 'delivery-forms' }),
  'physical-forms': (body) => ({ ...body, list: 'physical-forms' }),
  classifications: (body) => ({ ...body, list: 'classifications' }),
  nomenclature: (body) => ({ ...body, list: 'nomenclature' }),
  journals: (body) => ({ ...body, list: 'journals' }),
  counterparts: (body) => ({ ...body, list: 'counterparts' }),
  regions: (body) => ({ ...body, list: 'regions' }),
  'journal-rules': (body) => ({ ...body, list: 'journal-rules' }),
};

/** The body was parsed by the list's own schema (the route's `bodyFor`), so it is that list's item. */
function itemOf<L extends ReferenceListName>(list: L, body: ReferenceInputOf[L]): ReferenceItemData {
  return asItem[list](body);
}

/** The implementations of the `reference` route group's operations. */
export const referenceApi: RouteImpls<typeof referenceRoutes, Deps> = {
  listReferenceItems: async (ctx, deps) =>
    ref.listReferenceItems(deps, authed(ctx).actor, ctx.params.list, ctx.query),
  createReferenceItem: async (ctx, deps) =>
    ref.createReferenceItem(deps, authed(ctx).actor, itemOf(ctx.params.list, ctx.body), ctx.idempotency),
  getReferenceItem: async (ctx, deps) =>
    ref.getReferenceItem(deps, authed(ctx).actor, ctx.params.list, ctx.params.id),
  updateReferenceItem: async (ctx, deps) =>
    ref.updateReferenceItem(deps, authed(ctx).actor, ctx.params.id, {
      ...itemOf(ctx.params.list, ctx.body),
      version: ctx.body.version,
    }),
  addCounterpart: async (ctx, deps) => addCounterpart(deps, authed(ctx).actor, ctx.body, ctx.idempotency),
};
