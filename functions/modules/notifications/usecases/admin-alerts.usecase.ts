import { allPages } from '../../../platform/kernel/aggregate';
import type { AdminAlerts } from '../../documents';
import type { Employee, Position } from '../../org';
import { notifyEmployees, type NotifyDeps } from './notify.usecase';

/** Admin alerts by the admins' own notice preferences (e-mail, SMS, language). */
export function adminAlerts(deps: NotifyDeps): AdminAlerts {
  return {
    async contentProblem({ document, fileName, problem, key }) {
      const admins = await agencyAdmins(deps, document.tenantId);
      if (admins.length === 0) return;
      await notifyEmployees(deps, {
        tenantId: document.tenantId,
        document,
        kind: problem === 'missing' ? 'content-missing' : 'content-damaged',
        recipients: admins,
        file: fileName,
        tab: 'contents',
        key,
      });
    },
  };
}

/** The active employees of the tenant who hold an active position with the admin role. */
async function agencyAdmins(deps: NotifyDeps, tenantId: string): Promise<string[]> {
  const positions = await allPages((page) => deps.store.list<Position>('position', tenantId, page));
  const adminPositions = new Set(
    positions.filter((p) => p.active && p.roles.includes('admin')).map((p) => p.id),
  );
  const employees = await allPages((page) => deps.store.list<Employee>('employee', tenantId, page));
  return employees
    .filter((e) => e.active && e.positionIds.some((p) => adminPositions.has(p)))
    .map((e) => e.id);
}
