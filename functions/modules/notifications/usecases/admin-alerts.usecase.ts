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
  const adminPositions = new Set<string>();
  let cursor: string | undefined;
  do {
    const page: { items: Position[]; nextCursor?: string } = await deps.store.list<Position>(
      'position',
      tenantId,
      {
        limit: 100,
        ...(cursor ? { cursor } : {}),
      },
    );
    for (const p of page.items) if (p.active && p.roles.includes('admin')) adminPositions.add(p.id);
    cursor = page.nextCursor;
  } while (cursor);
  const admins: string[] = [];
  cursor = undefined;
  do {
    const page: { items: Employee[]; nextCursor?: string } = await deps.store.list<Employee>(
      'employee',
      tenantId,
      {
        limit: 100,
        ...(cursor ? { cursor } : {}),
      },
    );
    for (const e of page.items)
      if (e.active && e.positionIds.some((p) => adminPositions.has(p))) admins.push(e.id);
    cursor = page.nextCursor;
  } while (cursor);
  return admins;
}
