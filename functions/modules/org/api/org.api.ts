import type {
  DepartmentData,
  EmployeeData,
  PositionData,
  SubstitutionData,
  TenantProfile,
} from '../domain/org';
import { authed, type RouteImpl } from '../../../platform/http/group-handler';
import type { Deps } from '../../../platform/kernel/aggregates';
import * as org from '../usecases/structure.usecase';
import { getMe, getTenant, updateTenant } from '../usecases/tenant.usecase';

type Query = { limit: number; cursor?: string } & Record<string, string | number | undefined>;

const id = (params: Record<string, unknown>) => String(params.id);

/** CRUD wiring for one aggregate: thin, parse already done by the route's schemas. */
function crud<D>(
  name: string,
  ops: {
    list: (d: Deps, a: ReturnType<typeof authed>['actor'], q: Query) => Promise<unknown>;
    create: (
      d: Deps,
      a: ReturnType<typeof authed>['actor'],
      data: D,
      idem: ReturnType<typeof authed>['idempotency'],
    ) => Promise<unknown>;
    get: (d: Deps, a: ReturnType<typeof authed>['actor'], id: string) => Promise<unknown>;
    update: (
      d: Deps,
      a: ReturnType<typeof authed>['actor'],
      id: string,
      data: D & { version: number },
    ) => Promise<unknown>;
  },
): Record<string, RouteImpl<Deps>> {
  const title = name[0]?.toUpperCase() + name.slice(1);
  return {
    [`list${title}s`]: async (ctx, deps) => ops.list(deps, authed(ctx).actor, ctx.query as Query),
    [`create${title}`]: async (ctx, deps) =>
      ops.create(deps, authed(ctx).actor, ctx.body as D, ctx.idempotency),
    [`get${title}`]: async (ctx, deps) => ops.get(deps, authed(ctx).actor, id(ctx.params)),
    [`update${title}`]: async (ctx, deps) =>
      ops.update(deps, authed(ctx).actor, id(ctx.params), ctx.body as D & { version: number }),
  };
}

/** The implementations of the `org` route group's operations. */
export const orgApi: Record<string, RouteImpl> = {
  getMe: async (ctx, deps) => getMe(deps, authed(ctx).actor),
  getTenant: async (ctx, deps) => getTenant(deps, authed(ctx).actor),
  updateTenant: async (ctx, deps) =>
    updateTenant(deps, authed(ctx).actor, ctx.body as TenantProfile & { version: number }),
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
};
