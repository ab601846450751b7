import type { Actor, Page } from '../../../platform/kernel/aggregate';
import {
  assertNoCycle,
  assertSubstitutionRange,
  defaultNotificationPreferences,
  type Department,
  type DepartmentData,
  type Employee,
  type EmployeeData,
  type NotificationPreferences,
  type Position,
  type PositionData,
  type Substitution,
  type SubstitutionData,
  type Tenant,
  tenantSms,
} from '../domain/org';
import { BusinessRuleError, ConflictError } from '../../../platform/kernel/errors';
import {
  assertAllExist,
  assertExists,
  assertKnown,
  createAggregate,
  getOr404,
  listPage,
  sortable,
  updateAggregate,
  unknownReference,
  type Deps,
} from '../../../platform/kernel/aggregates';

type Idem = { key: string; requestHash: string } | undefined;
type ListQuery = { limit: number; cursor?: string };
type Versioned<T> = T & { version: number };

// Departments: a tree, codes unique in the tenant.

const departmentPlacement = (d: DepartmentData) => ({
  parentKey: d.parentId ?? '-',
  sortKey: sortable(d.code),
  claims: [{ scope: 'department-code', value: d.code.toLocaleLowerCase('az'), field: 'code' }],
});

async function checkDepartment(
  deps: Deps,
  actor: Actor,
  data: DepartmentData,
  selfId?: string,
): Promise<void> {
  await assertExists(deps, 'department', actor.tenantId, data.parentId, 'parentId');
  await assertExists(deps, 'position', actor.tenantId, data.headPositionId, 'headPositionId');
  if (selfId) {
    await assertNoCycle(
      selfId,
      data.parentId,
      async (id) => (await deps.store.get<Department>('department', actor.tenantId, id))?.parentId,
    );
  }
}

export async function createDepartment(
  deps: Deps,
  actor: Actor,
  data: DepartmentData,
  idem: Idem,
): Promise<Department> {
  await checkDepartment(deps, actor, data);
  return createAggregate(deps, 'department', actor, data, departmentPlacement(data), idem);
}

export async function updateDepartment(
  deps: Deps,
  actor: Actor,
  id: string,
  input: Versioned<DepartmentData>,
): Promise<Department> {
  const { version, ...data } = input;
  const current = await getOr404<Department>(deps, 'department', actor.tenantId, id);
  await checkDepartment(deps, actor, data, id);
  return updateAggregate(deps, 'department', actor, current, data, version, {
    ...departmentPlacement(data),
    oldClaims: departmentPlacement(current).claims,
  });
}

export const getDepartment = (deps: Deps, actor: Actor, id: string) =>
  getOr404<Department>(deps, 'department', actor.tenantId, id);
export async function listDepartments(
  deps: Deps,
  actor: Actor,
  q: ListQuery & { parentId?: string },
): Promise<Page<Department>> {
  await assertExists(deps, 'department', actor.tenantId, q.parentId, 'parentId');
  return listPage(deps, 'department', actor.tenantId, {
    ...q,
    ...(q.parentId ? { parentKey: q.parentId } : {}),
  });
}

// Positions: belong to a department and carry roles.

const positionPlacement = (p: PositionData) => ({ parentKey: p.departmentId, sortKey: sortable(p.title.az) });

export async function createPosition(
  deps: Deps,
  actor: Actor,
  data: PositionData,
  idem: Idem,
): Promise<Position> {
  await assertExists(deps, 'department', actor.tenantId, data.departmentId, 'departmentId');
  return createAggregate(
    deps,
    'position',
    actor,
    { ...data, roles: [...new Set(data.roles)] },
    positionPlacement(data),
    idem,
  );
}

export async function updatePosition(
  deps: Deps,
  actor: Actor,
  id: string,
  input: Versioned<PositionData>,
): Promise<Position> {
  const { version, ...data } = input;
  const current = await getOr404<Position>(deps, 'position', actor.tenantId, id);
  await assertExists(deps, 'department', actor.tenantId, data.departmentId, 'departmentId');
  return updateAggregate(
    deps,
    'position',
    actor,
    current,
    { ...data, roles: [...new Set(data.roles)] },
    version,
    positionPlacement(data),
  );
}

export const getPosition = (deps: Deps, actor: Actor, id: string) =>
  getOr404<Position>(deps, 'position', actor.tenantId, id);
export async function listPositions(
  deps: Deps,
  actor: Actor,
  q: ListQuery & { departmentId?: string },
): Promise<Page<Position>> {
  await assertExists(deps, 'department', actor.tenantId, q.departmentId, 'departmentId');
  return listPage(deps, 'position', actor.tenantId, {
    ...q,
    ...(q.departmentId ? { parentKey: q.departmentId } : {}),
  });
}

// Employees: unique username (the login) in the tenant; listed under their first position.

const employeePlacement = (e: EmployeeData) => ({
  parentKey: e.positionIds[0] ?? '-',
  sortKey: sortable(e.fullName),
  claims: [{ scope: 'username', value: e.username, field: 'username' }],
});

/**
 * The login is created first: a username taken by another tenant's login must fail before the
 * employee exists. Both steps are idempotent, so a retried request completes both.
 */
export async function createEmployee(
  deps: Deps,
  actor: Actor,
  data: EmployeeData,
  idem: Idem,
): Promise<Employee> {
  await assertAllExist(deps, 'position', actor.tenantId, data.positionIds, 'positionIds');
  if (data.active) {
    await deps.identity?.invite({
      tenantId: actor.tenantId,
      username: data.username,
      email: data.email,
      fullName: data.fullName,
    });
  }
  return createAggregate(deps, 'employee', actor, data, employeePlacement(data), idem);
}

export async function updateEmployee(
  deps: Deps,
  actor: Actor,
  id: string,
  input: Versioned<EmployeeData>,
): Promise<Employee> {
  const { version, ...data } = input;
  const current = await getOr404<Employee>(deps, 'employee', actor.tenantId, id);
  if (data.username !== current.username) {
    // The username is the login: renaming it would orphan the login and its history.
    throw new BusinessRuleError('username_immutable', 'The username cannot change', {}, [
      { path: 'username', code: 'username_immutable' },
    ]);
  }
  await assertAllExist(deps, 'position', actor.tenantId, data.positionIds, 'positionIds');
  // The employee's own notification preferences are not the admin's to drop.
  const kept = current.notifications ? { notifications: current.notifications } : {};
  const updated = await updateAggregate(deps, 'employee', actor, current, { ...data, ...kept }, version, {
    ...employeePlacement(data),
    oldClaims: employeePlacement(current).claims,
  });
  if (data.active !== current.active && deps.identity) {
    if (data.active) {
      await deps.identity.invite({
        tenantId: actor.tenantId,
        username: data.username,
        email: data.email,
        fullName: data.fullName,
      });
    }
    await deps.identity.setEnabled(data.username, data.active);
  }
  return updated;
}

export const getEmployee = (deps: Deps, actor: Actor, id: string) =>
  getOr404<Employee>(deps, 'employee', actor.tenantId, id);
export async function listEmployees(
  deps: Deps,
  actor: Actor,
  q: ListQuery & { positionId?: string },
): Promise<Page<Employee>> {
  await assertExists(deps, 'position', actor.tenantId, q.positionId, 'positionId');
  return listPage(deps, 'employee', actor.tenantId, {
    ...q,
    ...(q.positionId ? { parentKey: q.positionId } : {}),
  });
}

// Substitutions: an employee's substitute for a date range (used by routing).

export const substitutionPlacement = (s: SubstitutionData) => ({ parentKey: s.employeeId, sortKey: s.from });

/**
 * The official is an employee of the tenant; the substitute, while the substitution is active, an
 * active one (tasks handed to someone who cannot sign in would be stranded).
 */
async function checkSubstitution(deps: Deps, actor: Actor, data: SubstitutionData): Promise<void> {
  assertSubstitutionRange(data);
  const found = await assertKnown<Employee>(deps, actor.tenantId, [
    ['employee', data.employeeId, 'employeeId'],
    ['employee', data.substituteId, 'substituteId'],
  ]);
  if (data.active && !found('employee', data.substituteId)?.active) throw unknownReference('substituteId');
}

export async function createSubstitution(
  deps: Deps,
  actor: Actor,
  data: SubstitutionData,
  idem: Idem,
): Promise<Substitution> {
  await checkSubstitution(deps, actor, data);
  return createAggregate(deps, 'substitution', actor, data, substitutionPlacement(data), idem);
}

export async function updateSubstitution(
  deps: Deps,
  actor: Actor,
  id: string,
  input: Versioned<SubstitutionData>,
): Promise<Substitution> {
  const { version, ...fields } = input;
  const current = await getOr404<Substitution>(deps, 'substitution', actor.tenantId, id);
  if (current.absenceId) {
    // One source of truth: the absence's dates and substitute make this substitution.
    throw new ConflictError('substitution_follows_absence', 'Change the absence this substitution follows');
  }
  await checkSubstitution(deps, actor, fields);
  // A replaced substitute may hold the official's tasks: the period's machine moves them on.
  const former = new Set(current.formerSubstituteIds ?? []);
  if (current.substituteId !== fields.substituteId) former.add(current.substituteId);
  former.delete(fields.substituteId);
  const data: SubstitutionData = {
    ...fields,
    ...(former.size > 0 ? { formerSubstituteIds: [...former] } : {}),
  };
  return updateAggregate(deps, 'substitution', actor, current, data, version, substitutionPlacement(data));
}

export const getSubstitution = (deps: Deps, actor: Actor, id: string) =>
  getOr404<Substitution>(deps, 'substitution', actor.tenantId, id);
export async function listSubstitutions(
  deps: Deps,
  actor: Actor,
  q: ListQuery & { employeeId?: string },
): Promise<Page<Substitution>> {
  await assertExists(deps, 'employee', actor.tenantId, q.employeeId, 'employeeId');
  return listPage(deps, 'substitution', actor.tenantId, {
    ...q,
    ...(q.employeeId ? { parentKey: q.employeeId } : {}),
  });
}

/** Whether the caller's agency sends SMS at all (the preference is kept either way). */
async function agencySms(deps: Deps, actor: Actor): Promise<boolean> {
  const tenant = await deps.store.get<Tenant>('tenant', actor.tenantId, actor.tenantId);
  return tenantSms(tenant).enabled;
}

/** The caller's own notification preferences (channels and language), and whether the agency sends SMS. */
export async function getMyNotifications(
  deps: Deps,
  actor: Actor,
): Promise<NotificationPreferences & { version: number; agencySms: boolean }> {
  const [me, sms] = await Promise.all([
    getOr404<Employee>(deps, 'employee', actor.tenantId, actor.employeeId),
    agencySms(deps, actor),
  ]);
  return { ...defaultNotificationPreferences, ...me.notifications, version: me.version, agencySms: sms };
}

export async function updateMyNotifications(
  deps: Deps,
  actor: Actor,
  input: NotificationPreferences & { version: number; agencySms?: boolean },
): Promise<NotificationPreferences & { version: number; agencySms: boolean }> {
  // `agencySms` is the agency's setting, shown with the preferences: never stored on the employee.
  const { version, agencySms: _shown, ...notifications } = input;
  const current = await getOr404<Employee>(deps, 'employee', actor.tenantId, actor.employeeId);
  const { id: _id, tenantId: _t, version: _v, createdAt: _c, updatedAt: _u, ...data } = current;
  const updated = await updateAggregate(
    deps,
    'employee',
    actor,
    current,
    { ...data, notifications },
    version,
    {
      ...employeePlacement(current),
      oldClaims: employeePlacement(current).claims,
    },
  );
  return { ...notifications, version: updated.version, agencySms: await agencySms(deps, actor) };
}
