import { ValidationError } from '../domain/errors';
import type { ReferenceItemData, ReferenceListName } from '../domain/reference/lists';
import { authed, createGroupHandler } from '../http/group-handler';
import { issuesFromZod } from '../http/problem';
import { referenceInputs, referenceUpdates } from '../schemas/reference.schema';
import { resolveActor } from '../usecases/org/actor.usecase';
import * as ref from '../usecases/reference/reference.usecase';
import { getContainer } from '../wiring/container';

const deps = () => getContainer();

/** The body's schema depends on the list named in the path. */
function parseItem(list: ReferenceListName, body: unknown, update: boolean) {
  const schema = (update ? referenceUpdates : referenceInputs)[list];
  const result = schema.safeParse(body);
  if (!result.success) throw new ValidationError(issuesFromZod(result.error));
  return { ...result.data, list } as ReferenceItemData & { version: number };
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
      return ref.createReferenceItem(
        deps(),
        authed(ctx).actor,
        parseItem(list, ctx.body, false),
        ctx.idempotency,
      );
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
        parseItem(list, ctx.body, true),
      );
    },
  },
  () => ({ verifier: deps().verifier, resolveActor: (p) => resolveActor(deps(), p) }),
);
