import type { Actor } from '../../domain/aggregate';
import { ForbiddenError } from '../../domain/errors';
import type { Employee, Position } from '../../domain/org/org';
import type { Role } from '../../domain/org/roles';
import type { VerifiedPrincipal } from '../../ports/token-verifier.port';
import type { Deps } from '../shared/aggregates';

/**
 * The acting employee behind a verified token: found by username within the token's tenant only.
 * A valid token without an active employee in that tenant may do nothing.
 */
export async function resolveActor(deps: Deps, principal: VerifiedPrincipal): Promise<Actor> {
  const employeeId = await deps.store.findByUnique(principal.tenantId, {
    scope: 'username',
    value: principal.username,
  });
  const employee = employeeId
    ? await deps.store.get<Employee>('employee', principal.tenantId, employeeId)
    : undefined;
  if (!employee || !employee.active) throw new ForbiddenError('No active employee for this identity');
  const positions = await deps.store.getMany<Position>('position', principal.tenantId, employee.positionIds);
  const order = (p: Position) => employee.positionIds.indexOf(p.id);
  const active = positions.filter((p) => p.active).sort((a, b) => order(a) - order(b));
  const roles = new Set<Role>(active.flatMap((p) => p.roles));
  const departmentIds = [...new Set(active.map((p) => p.departmentId))];
  return {
    tenantId: principal.tenantId,
    employeeId: employee.id,
    username: employee.username,
    roles,
    departmentIds,
  };
}
