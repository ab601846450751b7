import { authed, type RouteImpls } from '../../../platform/http/group-handler';
import type { Deps } from '../../../platform/kernel/aggregates';
import * as org from '../usecases/structure.usecase';
import { getMe, getTenant, updateTenant } from '../usecases/tenant.usecase';
import * as absences from '../usecases/absence.usecase';
import * as mfa from '../usecases/mfa.usecase';
import type { orgRoutes } from './org.routes';

/** The implementations of the `org` route group's operations: thin, parse already done by the route's schemas. */
export const orgApi: RouteImpls<typeof orgRoutes, Deps> = {
  getMe: async (ctx, deps) => getMe(deps, authed(ctx).actor),
  getMyMfa: async (ctx, deps) => mfa.getMfaStatus(deps, authed(ctx).actor),
  startMyTotp: async (ctx, deps) => mfa.startTotp(deps, authed(ctx).actor, ctx.accessToken),
  confirmMyTotp: async (ctx, deps) =>
    mfa.confirmTotp(deps, authed(ctx).actor, ctx.accessToken, ctx.body.code),
  getTenant: async (ctx, deps) => getTenant(deps, authed(ctx).actor),
  updateTenant: async (ctx, deps) => updateTenant(deps, authed(ctx).actor, ctx.body),

  listDepartments: async (ctx, deps) => org.listDepartments(deps, authed(ctx).actor, ctx.query),
  createDepartment: async (ctx, deps) =>
    org.createDepartment(deps, authed(ctx).actor, ctx.body, ctx.idempotency),
  getDepartment: async (ctx, deps) => org.getDepartment(deps, authed(ctx).actor, ctx.params.id),
  updateDepartment: async (ctx, deps) =>
    org.updateDepartment(deps, authed(ctx).actor, ctx.params.id, ctx.body),

  listPositions: async (ctx, deps) => org.listPositions(deps, authed(ctx).actor, ctx.query),
  createPosition: async (ctx, deps) => org.createPosition(deps, authed(ctx).actor, ctx.body, ctx.idempotency),
  getPosition: async (ctx, deps) => org.getPosition(deps, authed(ctx).actor, ctx.params.id),
  updatePosition: async (ctx, deps) => org.updatePosition(deps, authed(ctx).actor, ctx.params.id, ctx.body),

  listEmployees: async (ctx, deps) => org.listEmployees(deps, authed(ctx).actor, ctx.query),
  createEmployee: async (ctx, deps) => org.createEmployee(deps, authed(ctx).actor, ctx.body, ctx.idempotency),
  getEmployee: async (ctx, deps) => org.getEmployee(deps, authed(ctx).actor, ctx.params.id),
  updateEmployee: async (ctx, deps) => org.updateEmployee(deps, authed(ctx).actor, ctx.params.id, ctx.body),

  listSubstitutions: async (ctx, deps) => org.listSubstitutions(deps, authed(ctx).actor, ctx.query),
  createSubstitution: async (ctx, deps) =>
    org.createSubstitution(deps, authed(ctx).actor, ctx.body, ctx.idempotency),
  getSubstitution: async (ctx, deps) => org.getSubstitution(deps, authed(ctx).actor, ctx.params.id),
  updateSubstitution: async (ctx, deps) =>
    org.updateSubstitution(deps, authed(ctx).actor, ctx.params.id, ctx.body),

  listAbsences: async (ctx, deps) => absences.listAbsences(deps, authed(ctx).actor, ctx.query),
  createAbsence: async (ctx, deps) =>
    absences.createAbsence(deps, authed(ctx).actor, ctx.body, ctx.idempotency),
  getAbsence: async (ctx, deps) => absences.getAbsence(deps, authed(ctx).actor, ctx.params.id),
  updateAbsence: async (ctx, deps) =>
    absences.updateAbsence(deps, authed(ctx).actor, ctx.params.id, ctx.body),
  cancelAbsence: async (ctx, deps) =>
    absences.cancelAbsence(deps, authed(ctx).actor, ctx.params.id, ctx.body),
};
