import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../../functions/platform/kernel/errors';
import { resolveActor } from '../../../functions/modules/org/usecases/actor.usecase';
import { department, employee, OTHER_TENANT, position, substitution } from '../../support/builders';
import { seedOrgTree } from '../../support/org-tree';
import { memoryDeps } from '../../support/memory-deps';

const principal = (username: string, tenantId = 't1') => ({ subject: `sub-${username}`, tenantId, username });

function arranged() {
  const deps = memoryDeps();
  deps.store.seed('position', position('clerk-pos', { departmentId: 'registry', roles: ['clerk'] }));
  deps.store.seed('position', position('head-pos', { departmentId: 'board', roles: ['head', 'controller'] }));
  deps.store.seed(
    'position',
    position('old-pos', { departmentId: 'archive', roles: ['admin'], active: false }),
  );
  deps.store.seed(
    'employee',
    employee('e1', { username: 'aysel', positionIds: ['head-pos', 'old-pos', 'clerk-pos'] }),
    {
      claims: [{ scope: 'username', value: 'aysel' }],
    },
  );
  deps.store.seed('employee', employee('e2', { username: 'left', active: false }), {
    claims: [{ scope: 'username', value: 'left' }],
  });
  return deps;
}

describe('resolveActor', () => {
  it('takes the roles of active positions only, departments in the order of the positions', async () => {
    // Arrange
    const deps = arranged();

    // Act
    const actor = await resolveActor(deps, principal('aysel'));

    // Assert
    expect(actor).toEqual({
      tenantId: 't1',
      employeeId: 'e1',
      username: 'aysel',
      roles: new Set(['head', 'controller', 'clerk']),
      departmentIds: ['board', 'registry'],
      reach: { agencyHead: false, headOf: [], actingFor: [] },
    });
  });

  it('forbids a valid token without an active employee of the token’s tenant', async () => {
    // Arrange
    const deps = arranged();

    // Act
    const unknown = resolveActor(deps, principal('nobody'));
    const inactive = resolveActor(deps, principal('left'));
    const otherTenant = resolveActor(deps, principal('aysel', OTHER_TENANT));

    // Assert
    await expect(unknown).rejects.toBeInstanceOf(ForbiddenError);
    await expect(inactive).rejects.toBeInstanceOf(ForbiddenError);
    await expect(otherTenant).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('the reach of an actor (need-to-know)', () => {
  const reachOf = async (deps: ReturnType<typeof memoryDeps>, username: string) =>
    (await resolveActor(deps, principal(username))).reach;

  it('a head position heads its department; the root department’s head is the agency head', async () => {
    // Arrange
    const deps = memoryDeps();
    seedOrgTree(deps.store);

    // Act + Assert
    expect(await reachOf(deps, 'director')).toEqual({ agencyHead: true, headOf: ['board'], actingFor: [] });
    expect(await reachOf(deps, 'legalhead')).toEqual({ agencyHead: false, headOf: ['legal'], actingFor: [] });
    expect(await reachOf(deps, 'lawyer')).toEqual({ agencyHead: false, headOf: [], actingFor: [] });
    expect(await reachOf(deps, 'clerk')).toEqual({ agencyHead: false, headOf: [], actingFor: [] });
  });

  it('a department that names its head position is headed by that position only', async () => {
    // Arrange
    const deps = memoryDeps();
    seedOrgTree(deps.store);
    deps.store.seed('department', department('legal', { parentId: 'board', headPositionId: 'lawyer-pos' }));

    // Act + Assert
    expect((await reachOf(deps, 'lawyer'))?.headOf).toEqual(['legal']);
    expect((await reachOf(deps, 'legalhead'))?.headOf).toEqual([]);
  });

  it('a substitute heads what the official heads, only while the substitution covers the day', async () => {
    // Arrange: the lawyer stands in for the director from 9 to 13 March (Baku)
    const deps = memoryDeps();
    seedOrgTree(deps.store);
    deps.store.seed('substitution', substitution('s1', { employeeId: 'director', substituteId: 'lawyer' }), {
      parentKey: 'director',
    });
    deps.store.seed(
      'substitution',
      substitution('s2', { employeeId: 'ithead', substituteId: 'lawyer', active: false }),
      { parentKey: 'ithead' },
    );
    const acting = { agencyHead: true, headOf: ['board'], actingFor: ['director'] };
    const own = { agencyHead: false, headOf: [], actingFor: [] };

    // Act + Assert
    expect(await reachOf(deps, 'lawyer')).toEqual(own);
    deps.clock.set('2026-03-08T20:00:00.000Z'); // 9 March, 00:00 Baku
    expect(await reachOf(deps, 'lawyer')).toEqual(acting);
    deps.clock.set('2026-03-13T19:59:00.000Z'); // 13 March, 23:59 Baku
    expect(await reachOf(deps, 'lawyer')).toEqual(acting);
    deps.clock.set('2026-03-13T20:00:00.000Z'); // 14 March
    expect(await reachOf(deps, 'lawyer')).toEqual(own);
  });
});
