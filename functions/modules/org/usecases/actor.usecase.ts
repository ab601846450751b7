import { allPages, type Actor, type Reach } from '../../../platform/kernel/aggregate';
import { ForbiddenError } from '../../../platform/kernel/errors';
import type { Department, Employee, Position, Substitution, Tenant } from '../domain/org';
import type { Role } from '../../../platform/kernel/roles';
import type { VerifiedPrincipal } from '../../../platform/ports/token-verifier.port';
import type { Deps } from '../../../platform/kernel/aggregates';

/**
 * The acting employee behind a verified token: found by username within the token's tenant only.
 * A valid token without an active employee in that tenant may do nothing.
 */
export async function resolveActor(deps: Deps, principal: VerifiedPrincipal): Promise<Actor> {
  const tenantId = principal.tenantId;
  // What does not depend on the employee is read at the same time as the username's claim: the
  // agency's MFA setting (only for a sign-in without a second factor) and its substitutions.
  const [employeeId, mfaMissing, substitutions] = await Promise.all([
    deps.store.findByUnique(tenantId, { scope: 'username', value: principal.username }),
    principal.mfa
      ? false
      : deps.store.get<Tenant>('tenant', tenantId, tenantId).then((t) => t?.requireMfa === true),
    substitutionsOf(deps, tenantId),
  ]);
  const employee = employeeId ? await deps.store.get<Employee>('employee', tenantId, employeeId) : undefined;
  if (!employee || !employee.active) throw new ForbiddenError('No active employee for this identity');
  const active = await activePositions(deps, tenantId, employee);
  const roles = new Set<Role>(active.flatMap((p) => p.roles));
  const departmentIds = [...new Set(active.map((p) => p.departmentId))];
  return {
    tenantId,
    employeeId: employee.id,
    username: employee.username,
    roles,
    departmentIds,
    reach: await reachOf(deps, tenantId, employee.id, active, substitutions),
    ...(principal.mfa ? { mfa: true } : {}),
    ...(mfaMissing ? { mfaMissing } : {}),
  };
}

/** The agency's substitutions, read whole: an agency keeps tens of them a year. */
const substitutionsOf = (deps: Deps, tenantId: string) =>
  allPages((page) => deps.store.list<Substitution>('substitution', tenantId, page));

/** An employee's active positions, in the order the employee lists them. */
async function activePositions(deps: Deps, tenantId: string, employee: Employee): Promise<Position[]> {
  const positions = await deps.store.getMany<Position>('position', tenantId, employee.positionIds);
  const order = (p: Position) => employee.positionIds.indexOf(p.id);
  return positions.filter((p) => p.active).sort((a, b) => order(a) - order(b));
}

/** Today's date in Baku (UTC+4 all year), the calendar substitutions are written in. */
const bakuToday = (now: Date) => new Date(now.getTime() + 4 * 3_600_000).toISOString().slice(0, 10);

/**
 * A position heads its own department when the department names it as its head position, or, when
 * the department names none, when it is of kind `head`. Deputies head nothing by their position.
 */
function heads(position: Position, department: Department | undefined): boolean {
  if (!department || !department.active) return false;
  return department.headPositionId ? department.headPositionId === position.id : position.kind === 'head';
}

/**
 * What the actor oversees today: their own head positions and those of every official they
 * substitute today (an active substitution whose period covers today). Substitutions are read
 * whole per request: an agency keeps tens of them a year.
 */
export async function reachOf(
  deps: Deps,
  tenantId: string,
  employeeId: string,
  own: Position[],
  /** The agency's substitutions when already read (read here otherwise). */
  read?: Substitution[],
): Promise<Reach> {
  const today = bakuToday(deps.clock.now());
  const substitutions = read ?? (await substitutionsOf(deps, tenantId));
  const actingFor = [
    ...new Set(
      substitutions
        .filter((s) => s.active && s.substituteId === employeeId && s.from <= today && today <= s.to)
        .map((s) => s.employeeId),
    ),
  ];
  const officials = (await deps.store.getMany<Employee>('employee', tenantId, actingFor)).filter(
    (e) => e.active,
  );
  const theirs = (await Promise.all(officials.map((e) => activePositions(deps, tenantId, e)))).flat();
  const candidates = [...own, ...theirs];
  const departments = new Map(
    (
      await deps.store.getMany<Department>(
        'department',
        tenantId,
        candidates.map((p) => p.departmentId),
      )
    ).map((d) => [d.id, d]),
  );
  const headed = candidates
    .filter((p) => heads(p, departments.get(p.departmentId)))
    .map((p) => p.departmentId);
  const headOf = [...new Set(headed)];
  return {
    agencyHead: headOf.some((id) => departments.get(id)?.parentId === undefined),
    headOf,
    actingFor,
  };
}
