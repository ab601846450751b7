import { describe, expect, it } from 'vitest';
import { agencyAdmins } from '../../../functions/modules/notifications/usecases/agency-admins';
import { employee, position } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

describe('agencyAdmins', () => {
  it('answers the active holders of active positions with the roles asked for (admin by default)', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.store.seed('position', position('admin-pos', { roles: ['admin'] }));
    deps.store.seed('position', position('archive-pos', { roles: ['archivist'] }));
    deps.store.seed('position', position('old-pos', { roles: ['admin'], active: false }));
    deps.store.seed('employee', employee('a1', { positionIds: ['admin-pos'] }));
    deps.store.seed('employee', employee('a2', { positionIds: ['admin-pos'], active: false }));
    deps.store.seed('employee', employee('r1', { positionIds: ['archive-pos'] }));
    deps.store.seed('employee', employee('o1', { positionIds: ['old-pos'] }));

    // Act
    const admins = await agencyAdmins(deps, 't1');
    const archive = await agencyAdmins(deps, 't1', ['archivist', 'admin']);

    // Assert
    expect(admins).toEqual(['a1']);
    expect(archive.sort()).toEqual(['a1', 'r1']);
  });
});
