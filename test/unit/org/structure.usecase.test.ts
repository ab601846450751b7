import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../../functions/platform/kernel/errors';
import type { DepartmentData, EmployeeData } from '../../../functions/modules/org/domain/org';
import {
  createDepartment,
  createEmployee,
  createPosition,
  createSubstitution,
  getMyNotifications,
  listDepartments,
  listEmployees,
  updateDepartment,
  updateEmployee,
  updateMyNotifications,
  updatePosition,
  updateSubstitution,
} from '../../../functions/modules/org/usecases/structure.usecase';
import { actor, employee, OTHER_TENANT, position, substitutionData } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

const admin = actor('admin-1', ['admin']);
const department = (code: string, overrides: Partial<DepartmentData> = {}): DepartmentData => ({
  name: { az: `Şöbə ${code}` },
  code,
  active: true,
  ...overrides,
});
const person = (username: string, overrides: Partial<EmployeeData> = {}): EmployeeData => ({
  fullName: `İşçi ${username}`,
  username,
  email: `${username}@agency.az`,
  positionIds: [],
  active: true,
  ...overrides,
});
const unknownAt = (path: string) => ({
  code: 'unknown_reference',
  issues: [{ path, code: 'unknown_reference' }],
});

describe('departments', () => {
  it('creates a department under its parent, its code claimed in the tenant', async () => {
    // Arrange
    const deps = memoryDeps();
    const root = await createDepartment(deps, admin, department('ROOT'), undefined);

    // Act
    const child = await createDepartment(deps, admin, department('HR', { parentId: root.id }), undefined);

    // Assert
    expect(child).toMatchObject({ code: 'HR', parentId: root.id, tenantId: 't1', version: 1 });
    expect(deps.store.writes.at(-1)?.options).toMatchObject({
      actorId: 'admin-1',
      parentKey: root.id,
      claim: [{ scope: 'department-code', value: 'hr', field: 'code' }],
    });
    expect(
      (await listDepartments(deps, admin, { limit: 10, parentId: root.id })).items.map((d) => d.id),
    ).toEqual([child.id]);
  });

  it('refuses a code already used in the tenant in any case, and an unknown parent or head position', async () => {
    // Arrange
    const deps = memoryDeps();
    await createDepartment(deps, admin, department('Maliyyə'), undefined);

    // Act
    const duplicate = createDepartment(deps, admin, department('MALİYYƏ'), undefined);
    const parent = createDepartment(deps, admin, department('X', { parentId: 'nope' }), undefined);
    const head = createDepartment(deps, admin, department('Y', { headPositionId: 'nope' }), undefined);

    // Assert
    await expect(duplicate).rejects.toMatchObject({ code: 'duplicate_value', params: { field: 'code' } });
    await expect(parent).rejects.toMatchObject(unknownAt('parentId'));
    await expect(head).rejects.toMatchObject(unknownAt('headPositionId'));
    expect(deps.store.all('department', 't1')).toHaveLength(1);
  });

  it('replays a create retried with the same idempotency key', async () => {
    // Arrange
    const deps = memoryDeps();
    const idem = { key: 'k1', requestHash: 'h1' };
    const first = await createDepartment(deps, admin, department('A'), idem);

    // Act
    const again = await createDepartment(deps, admin, department('A'), idem);

    // Assert
    expect(again.id).toBe(first.id);
    expect(deps.store.all('department', 't1')).toHaveLength(1);
  });

  it('refuses a parent that would make a cycle, and frees the old code when the code changes', async () => {
    // Arrange
    const deps = memoryDeps();
    const a = await createDepartment(deps, admin, department('A'), undefined);
    const b = await createDepartment(deps, admin, department('B', { parentId: a.id }), undefined);

    // Act
    const cycle = updateDepartment(deps, admin, a.id, { ...department('A', { parentId: b.id }), version: 1 });
    const renamed = await updateDepartment(deps, admin, a.id, { ...department('A2'), version: 1 });
    const reused = await createDepartment(deps, admin, department('A'), undefined);

    // Assert
    await expect(cycle).rejects.toMatchObject({ code: 'tree_cycle', issues: [{ path: 'parentId' }] });
    expect(renamed).toMatchObject({ code: 'A2', version: 2 });
    expect(reused.code).toBe('A');
  });

  it('refuses an update of a stale version or of a department of another tenant', async () => {
    // Arrange
    const deps = memoryDeps();
    const a = await createDepartment(deps, admin, department('A'), undefined);
    await updateDepartment(deps, admin, a.id, { ...department('A', { active: false }), version: 1 });

    // Act
    const stale = updateDepartment(deps, admin, a.id, { ...department('A'), version: 1 });
    const foreign = updateDepartment(deps, { ...admin, tenantId: OTHER_TENANT }, a.id, {
      ...department('A'),
      version: 2,
    });

    // Assert
    await expect(stale).rejects.toMatchObject({ code: 'stale_version' });
    await expect(foreign).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses to list the children of an unknown parent', async () => {
    // Arrange
    const deps = memoryDeps();

    // Act
    const listed = listDepartments(deps, admin, { limit: 10, parentId: 'nope' });

    // Assert
    await expect(listed).rejects.toMatchObject(unknownAt('parentId'));
  });
});

describe('positions', () => {
  it('belong to a known department and keep each role once', async () => {
    // Arrange
    const deps = memoryDeps();
    const dep = await createDepartment(deps, admin, department('A'), undefined);
    const data = {
      title: { az: 'Rəis' },
      departmentId: dep.id,
      kind: 'head' as const,
      roles: ['head' as const, 'head' as const, 'controller' as const],
      active: true,
    };

    // Act
    const created = await createPosition(deps, admin, data, undefined);
    const unknown = createPosition(deps, admin, { ...data, departmentId: 'nope' }, undefined);
    const moved = updatePosition(deps, admin, created.id, { ...data, departmentId: 'nope', version: 1 });

    // Assert
    expect(created.roles).toEqual(['head', 'controller']);
    await expect(unknown).rejects.toMatchObject(unknownAt('departmentId'));
    await expect(moved).rejects.toMatchObject(unknownAt('departmentId'));
  });
});

describe('employees', () => {
  it('invites the login of an active employee first, and lists the employee under the first position', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.store.seed('position', position('pos-1'), { parentKey: 'dep-1' });

    // Act
    const created = await createEmployee(deps, admin, person('aysel', { positionIds: ['pos-1'] }), undefined);

    // Assert
    expect(deps.identity.invitations).toEqual([
      { tenantId: 't1', username: 'aysel', email: 'aysel@agency.az', fullName: 'İşçi aysel' },
    ]);
    expect(
      (await listEmployees(deps, admin, { limit: 10, positionId: 'pos-1' })).items.map((e) => e.id),
    ).toEqual([created.id]);
  });

  it('creates no login for an inactive employee', async () => {
    // Arrange
    const deps = memoryDeps();

    // Act
    await createEmployee(deps, admin, person('kamran', { active: false }), undefined);

    // Assert
    expect(deps.identity.invitations).toEqual([]);
  });

  it('refuses an unknown position by its index, and a username taken by another tenant before the employee exists', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.store.seed('position', position('pos-1'));
    await deps.identity.invite({ tenantId: OTHER_TENANT, username: 'taken', email: 'x@y.az', fullName: 'X' });

    // Act
    const unknown = createEmployee(deps, admin, person('a', { positionIds: ['pos-1', 'nope'] }), undefined);
    const taken = createEmployee(deps, admin, person('taken'), undefined);

    // Assert
    await expect(unknown).rejects.toMatchObject(unknownAt('positionIds.1'));
    await expect(taken).rejects.toMatchObject({ code: 'duplicate_value', params: { field: 'username' } });
    expect(deps.store.all('employee', 't1')).toEqual([]);
  });

  it('refuses a second employee with the same username in the tenant', async () => {
    // Arrange
    const deps = memoryDeps();
    await createEmployee(deps, admin, person('aysel'), undefined);

    // Act
    const second = createEmployee(deps, admin, person('aysel', { fullName: 'Başqa' }), undefined);

    // Assert
    await expect(second).rejects.toBeInstanceOf(ConflictError);
    expect(deps.store.all('employee', 't1')).toHaveLength(1);
  });

  it('keeps the username, keeps the employee’s own notice settings, and follows activity with the login', async () => {
    // Arrange
    const deps = memoryDeps();
    const created = await createEmployee(deps, admin, person('aysel'), undefined);
    await updateMyNotifications(deps, actor(created.id), {
      email: false,
      sms: true,
      language: 'ru',
      version: 1,
    });

    // Act
    const rename = updateEmployee(deps, admin, created.id, { ...person('aysel2'), version: 2 });
    const disabled = await updateEmployee(deps, admin, created.id, {
      ...person('aysel', { active: false }),
      version: 2,
    });
    await updateEmployee(deps, admin, created.id, { ...person('aysel'), version: 3 });

    // Assert
    await expect(rename).rejects.toMatchObject({
      code: 'username_immutable',
      issues: [{ path: 'username' }],
    });
    expect(disabled.notifications).toEqual({ email: false, sms: true, language: 'ru' });
    expect(deps.identity.enabledChanges).toEqual([
      { username: 'aysel', enabled: false },
      { username: 'aysel', enabled: true },
    ]);
  });

  it('does not touch the login when an update leaves the employee as active as before', async () => {
    // Arrange
    const deps = memoryDeps();
    const created = await createEmployee(deps, admin, person('aysel'), undefined);

    // Act
    await updateEmployee(deps, admin, created.id, {
      ...person('aysel', { fullName: 'Aysel M.' }),
      version: 1,
    });

    // Assert
    expect(deps.identity.enabledChanges).toEqual([]);
    expect(deps.identity.invitations).toHaveLength(1);
  });
});

describe('substitutions', () => {
  const period = substitutionData;

  it('records an active substitute for a period, listed under the official', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.store.seed('employee', employee('official'));
    deps.store.seed('employee', employee('deputy'));

    // Act
    const created = await createSubstitution(deps, admin, period(), undefined);

    // Assert
    expect(created).toMatchObject({ employeeId: 'official', substituteId: 'deputy' });
    expect(deps.store.writes.at(-1)?.options).toMatchObject({ parentKey: 'official', sortKey: '2026-03-09' });
  });

  it('refuses oneself as substitute, an inverted period and unknown employees', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.store.seed('employee', employee('official'));

    // Act
    const self = createSubstitution(deps, admin, period({ substituteId: 'official' }), undefined);
    const inverted = createSubstitution(
      deps,
      admin,
      period({ from: '2026-03-13', to: '2026-03-09' }),
      undefined,
    );
    const unknown = createSubstitution(deps, admin, period({ substituteId: 'ghost' }), undefined);

    // Assert
    await expect(self).rejects.toMatchObject({ code: 'substitute_is_self' });
    await expect(inverted).rejects.toMatchObject({ code: 'date_range_inverted', issues: [{ path: 'to' }] });
    await expect(unknown).rejects.toMatchObject(unknownAt('substituteId'));
  });

  it('refuses an inactive substitute for an active substitution, but lets an ended one be kept inactive', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.store.seed('employee', employee('official'));
    deps.store.seed('employee', employee('deputy', { active: false }));

    // Act
    const active = createSubstitution(deps, admin, period(), undefined);
    const inactive = await createSubstitution(deps, admin, period({ active: false }), undefined);
    const reactivated = updateSubstitution(deps, admin, inactive.id, { ...period(), version: 1 });

    // Assert
    await expect(active).rejects.toMatchObject(unknownAt('substituteId'));
    expect(inactive.active).toBe(false);
    await expect(reactivated).rejects.toMatchObject(unknownAt('substituteId'));
  });
});

describe('my notification settings', () => {
  it('answers the defaults until the employee chooses, then what they chose', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.store.seed('employee', employee('e1'), { claims: [{ scope: 'username', value: 'e1' }] });
    const me = actor('e1');

    // Act
    const before = await getMyNotifications(deps, me);
    const saved = await updateMyNotifications(deps, me, {
      email: true,
      sms: true,
      language: 'en',
      digest: true,
      version: 1,
    });
    const after = await getMyNotifications(deps, me);

    // Assert
    expect(before).toEqual({ email: true, sms: false, language: 'az', version: 1, agencySms: false });
    expect(saved).toEqual({
      email: true,
      sms: true,
      language: 'en',
      digest: true,
      version: 2,
      agencySms: false,
    });
    expect(after).toEqual(saved);
    expect(deps.store.all('employee', 't1')[0]).toMatchObject({ username: 'e1', email: 'e1@agency.az' });
  });

  it('refuses a stale version', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.store.seed('employee', employee('e1'));

    // Act
    const stale = updateMyNotifications(deps, actor('e1'), {
      email: false,
      sms: false,
      language: 'az',
      version: 7,
    });

    // Assert
    await expect(stale).rejects.toMatchObject({ code: 'stale_version' });
  });
});
