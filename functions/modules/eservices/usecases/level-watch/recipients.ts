/**
 * Who hears of an application's service level: the people holding the open tasks of its document's
 * running route (the reminder), and for the escalation also their supervisors — the head of each
 * holder's unit (the department of the holder's first position), or, for a holder who heads that
 * unit, the head of the unit above. The route's initiator is the system that registered the
 * application, so it cannot be the one escalated to.
 */
import type { AssignmentRecord, DocumentRecord } from '../../../documents';
import type { Department, Employee, Position } from '../../../org';
import type { ApplicationReviewDeps } from '../../ports';

/** Assignment states in which a route task still waits on its holder. */
const OPEN: ReadonlySet<AssignmentRecord['status']> = new Set(['open', 'pending', 'returned']);

/** How far up the units a supervisor is looked for (the org tree is shallow; a cycle stops here). */
const MAX_LEVELS = 10;

/**
 * The holders of the running route's open tasks (the acting holder of a redirected task, not the
 * official it was made to): the active steps' tasks and, for an execution step, the executions
 * under its resolution.
 */
export async function openTaskHolders(deps: ApplicationReviewDeps, doc: DocumentRecord): Promise<string[]> {
  const route = doc.route;
  if (!route || route.state !== 'running') return [];
  const tracked = new Set(
    route.steps
      .filter((s) => s.state === 'active')
      .flatMap((s) => s.assignees.filter((a) => a.status === 'pending').map((a) => a.assignmentId)),
  );
  if (tracked.size === 0) return [];
  const all = await deps.documents.assignments(doc.tenantId, doc.id);
  const holders = all
    .filter(
      (a) =>
        (tracked.has(a.id) || (a.parentId !== undefined && tracked.has(a.parentId))) && OPEN.has(a.status),
    )
    .map((a) => a.assigneeId);
  return [...new Set(holders)];
}

/** The active holders of a unit's head position (the named one, or its positions of kind head). */
async function headsOfUnit(
  deps: ApplicationReviewDeps,
  tenantId: string,
  unit: Department,
): Promise<string[]> {
  let positions: string[];
  if (unit.headPositionId) positions = [unit.headPositionId];
  else {
    const page = await deps.store.list<Position>('position', tenantId, { limit: 100, parentKey: unit.id });
    positions = page.items.filter((p) => p.active && p.kind === 'head').map((p) => p.id);
  }
  const out: string[] = [];
  for (const positionId of positions) {
    const page = await deps.store.list<Employee>('employee', tenantId, { limit: 100, parentKey: positionId });
    out.push(...page.items.filter((e) => e.active).map((e) => e.id));
  }
  return out;
}

/** The supervisor(s) of one official: the nearest unit head above them who is not themselves. */
async function supervisorsOf(
  deps: ApplicationReviewDeps,
  tenantId: string,
  employeeId: string,
): Promise<string[]> {
  const employee = await deps.store.get<Employee>('employee', tenantId, employeeId);
  const positionId = employee?.positionIds[0];
  const position = positionId ? await deps.store.get<Position>('position', tenantId, positionId) : undefined;
  let unitId: string | undefined = position?.departmentId;
  for (let level = 0; unitId && level < MAX_LEVELS; level++) {
    const unit: Department | undefined = await deps.store.get<Department>('department', tenantId, unitId);
    if (!unit) return [];
    const heads = unit.active
      ? (await headsOfUnit(deps, tenantId, unit)).filter((id) => id !== employeeId)
      : [];
    if (heads.length > 0) return heads;
    unitId = unit.parentId;
  }
  return [];
}

/** The supervisors of the holders, without the holders themselves. */
export async function supervisorsOfAll(
  deps: ApplicationReviewDeps,
  tenantId: string,
  holders: readonly string[],
): Promise<string[]> {
  const out = new Set<string>();
  for (const holder of holders) for (const id of await supervisorsOf(deps, tenantId, holder)) out.add(id);
  for (const holder of holders) out.delete(holder);
  return [...out];
}
