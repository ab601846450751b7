import { allPages } from '../../../platform/kernel/aggregate';
import type { Role } from '../../../platform/kernel/roles';
import type { AggregateStore } from '../../../platform/ports/aggregate-store.port';
import type { Employee, Position } from '../../org';

/** The active employees of the tenant who hold an active position with one of the roles (admin). */
export async function agencyAdmins(
  deps: { store: AggregateStore },
  tenantId: string,
  roles: Role[] = ['admin'],
): Promise<string[]> {
  const positions = await allPages((page) => deps.store.list<Position>('position', tenantId, page));
  const adminPositions = new Set(
    positions.filter((p) => p.active && p.roles.some((r) => roles.includes(r))).map((p) => p.id),
  );
  const employees = await allPages((page) => deps.store.list<Employee>('employee', tenantId, page));
  return employees
    .filter((e) => e.active && e.positionIds.some((p) => adminPositions.has(p)))
    .map((e) => e.id);
}
