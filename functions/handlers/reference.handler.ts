import type { ReferenceItemData, ReferenceListName } from '../domain/reference/lists';
import { authed, createGroupHandler } from '../http/group-handler';
import { resolveActor } from '../usecases/org/actor.usecase';
import * as ref from '../usecases/reference/reference.usecase';
import { getContainer } from '../wiring/container';

const deps = () => getContainer();

/** The body was validated by the list's own schema (the route's `bodyFor`); the list comes from the path. */
function itemOf(list: ReferenceListName, body: unknown) {
  return { ...(body as object), list } as ReferenceItemData & { version: number };
}

export const handler = createGroupHandler(
  'reference',
  {
    listReferenceItems: async (ctx) =>
      ref.listReferenceItems(
        deps(),
        authed(ctx).actor,
        ctx.params.list as ReferenceListName,
        ctx.query as { limit: number },
      ),
    createReferenceItem: async (ctx) => {
      const list = ctx.params.list as ReferenceListName;
      return ref.createReferenceItem(deps(), authed(ctx).actor, itemOf(list, ctx.body), ctx.idempotency);
    },
    getReferenceItem: async (ctx) =>
      ref.getReferenceItem(
        deps(),
        authed(ctx).actor,
        ctx.params.list as ReferenceListName,
        String(ctx.params.id),
      ),
    updateReferenceItem: async (ctx) => {
      const list = ctx.params.list as ReferenceListName;
      return ref.updateReferenceItem(
        deps(),
        authed(ctx).actor,
        String(ctx.params.id),
        itemOf(list, ctx.body),
      );
    },
  },
  () => ({ verifier: deps().verifier, resolveActor: (p) => resolveActor(deps(), p) }),
);
