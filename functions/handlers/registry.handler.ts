import { authed, createGroupHandler } from '../http/group-handler';
import { resolveActor } from '../usecases/org/actor.usecase';
import { lookUpOrganization, lookUpPerson } from '../usecases/registry/registry.usecase';
import { getContainer } from '../wiring/container';

const deps = () => getContainer();

export const handler = createGroupHandler(
  'registry',
  {
    lookUpPerson: async (ctx) => lookUpPerson(deps(), authed(ctx).actor, String(ctx.params.fin)),
    lookUpOrganization: async (ctx) => lookUpOrganization(deps(), authed(ctx).actor, String(ctx.params.voen)),
  },
  () => ({
    verifier: deps().verifier,
    resolveActor: (p) => resolveActor(deps(), p),
  }),
);
