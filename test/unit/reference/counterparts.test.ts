import { describe, expect, it } from 'vitest';
import { addCounterpart } from '../../../functions/modules/reference/usecases/counterparts.usecase';
import { actor } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

const input = {
  name: { az: '"Xəzər Logistika" MMC' },
  kind: 'organization' as const,
  voen: '1400057421',
  email: 'office@example.com',
  receivesElectronically: true,
  active: true,
};

describe('addCounterpart', () => {
  it('lets a registry clerk add an organization to the counterparts, replaying a retried request', async () => {
    // Arrange
    const deps = memoryDeps();
    const clerk = actor('clerk', ['clerk']);
    const idem = { key: 'k-1', requestHash: 'h-1' };

    // Act
    const created = await addCounterpart(deps, clerk, input, idem);
    const retried = await addCounterpart(deps, clerk, input, idem);

    // Assert
    expect(created).toMatchObject({ list: 'counterparts', kind: 'organization', voen: '1400057421' });
    expect(retried.id).toBe(created.id);
    expect(deps.store.writes).toHaveLength(1);
    expect(deps.store.writes[0]).toMatchObject({ type: 'ref:counterparts', options: { actorId: 'clerk' } });
  });

  it('refuses a second counterpart with the same VÖEN, naming the first', async () => {
    // Arrange
    const deps = memoryDeps();
    const first = await addCounterpart(deps, actor('clerk', ['clerk']), input, undefined);

    // Act
    const second = addCounterpart(
      deps,
      actor('clerk-2', ['clerk']),
      { ...input, name: { az: 'Xəzər' } },
      undefined,
    );

    // Assert
    await expect(second).rejects.toMatchObject({ code: 'duplicate_voen', params: { existingId: first.id } });
  });

  it('is refused to employees who are neither registry clerks nor admins', async () => {
    // Arrange
    const deps = memoryDeps();

    // Act
    const attempt = addCounterpart(deps, actor('executor', ['executor', 'head']), input, undefined);

    // Assert
    await expect(attempt).rejects.toMatchObject({ code: 'forbidden' });
    expect(deps.store.writes).toHaveLength(0);
  });
});
