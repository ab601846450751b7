import type {
  DepartmentData,
  EmployeeData,
  PositionData,
  SubstitutionData,
  TenantProfile,
} from '../domain/org/org';
import { authed, createGroupHandler, type RouteImpl } from '../http/group-handler';
import { resolveActor } from '../usecases/org/actor.usecase';
import * as org from '../usecases/org/structure.usecase';
import { getMe, getTenant, updateTenant } from '../usecases/org/tenant.usecase';
import { getContainer } from '../wiring/container';

type Query = { limit: number; cursor?: string } & Record<string, string | number | undefined>;

const deps = () => getContainer();
const id = (params: Record<string, unknown>) => String(params.id);

/** CRUD wiring for one aggregate: thin, parse already done by the route's schemas. */
function crud<D>(
  name: string,
  ops: {
    list: (d: ReturnType<typeof deps>, a: ReturnType<typeof authed>['actor'], q: Query) => Promise<unknown>;
    create: (
      d: ReturnType<typeof deps>,
      a: ReturnType<typeof authed>['actor'],
      data: D,
      idem: ReturnType<typeof authed>['idempotency'],
    ) => Promise<unknown>;
    get: (d: ReturnType<typeof deps>, a: ReturnType<typeof authed>['actor'], id: string) => Promise<unknown>;
    update: (
      d: ReturnType<typeof deps>,
      a: ReturnType<typeof authed>['actor'],
      id: string,
      data: D & { version: number },
    ) => Promise<unknown>;
  },
): Record<string, RouteImpl> {
  const title = name[0]?.toUpperCase() + name.slice(1);
  return {
    [`list${title}s`]: async (ctx) => ops.list(deps(), authed(ctx).actor, ctx.query as Query),
    [`create${title}`]: async (ctx) => ops.create(deps(), authed(ctx).actor, ctx.body as D, ctx.idempotency),
    [`get${title}`]: async (ctx) => ops.get(deps(), authed(ctx).actor, id(ctx.params)),
    [`update${title}`]: async (ctx) =>
      ops.update(deps(), authed(ctx).actor, id(ctx.params), ctx.body as D & { version: number }),
  };
}

export const handler = createGroupHandler(
  'org',
  {
    getMe: async (ctx) => getMe(deps(), authed(ctx).actor),
    getTenant: async (ctx) => getTenant(deps(), authed(ctx).actor),
    updateTenant: async (ctx) =>
      updateTenant(deps(), authed(ctx).actor, ctx.body as TenantProfile & { version: number }),
    ...crud<DepartmentData>('department', {
      list: org.listDepartments,
      create: org.createDepartment,
      get: org.getDepartment,
      update: org.updateDepartment,
    }),
    ...crud<PositionData>('position', {
      list: org.listPositions,
      create: org.createPosition,
      get: org.getPosition,
      update: org.updatePosition,
    }),
    ...crud<EmployeeData>('employee', {
      list: org.listEmployees,
      create: org.createEmployee,
      get: org.getEmployee,
      update: org.updateEmployee,
    }),
    ...crud<SubstitutionData>('substitution', {
      list: org.listSubstitutions,
      create: org.createSubstitution,
      get: org.getSubstitution,
      update: org.updateSubstitution,
    }),
  },
  () => ({ verifier: deps().verifier, resolveActor: (p) => resolveActor(deps(), p) }),
);
