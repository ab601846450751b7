import type { Actor } from '../../../platform/kernel/aggregate';
import { ForbiddenError } from '../../../platform/kernel/errors';
import type { Employee, Position } from '../domain/org';
import type { Role } from '../../../platform/kernel/roles';
import type { VerifiedPrincipal } from '../../../platform/ports/token-verifier.port';
import type { Deps } from '../../../platform/kernel/aggregates';

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
