import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../../functions/platform/kernel/errors';
import { resolveActor } from '../../../functions/modules/org/usecases/actor.usecase';
import { employee, OTHER_TENANT, position } from '../../support/builders';
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
