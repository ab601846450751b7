import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../functions/platform/kernel/errors';
import {
  getSavedFilters,
  saveFilters,
} from '../../../functions/modules/documents/usecases/saved-filters.usecase';
import { actor, employee } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

const me = actor('e1');
const filter = (query: Record<string, string>) => ({
  id: '0b3c8e8e-6f0a-4c3e-9d3e-0c8a1d2b3c4d',
  name: 'Mənim nəzarətim',
  list: 'incoming',
  query,
});

describe('saved filters', () => {
  it('are empty at version 0 until the first save, then one record per user', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.store.seed('employee', employee('e2'));

    // Act
    const before = await getSavedFilters(deps, me);
    const saved = await saveFilters(deps, me, { version: 0, items: [filter({ controllerId: 'e2' })] });
    const again = await saveFilters(deps, me, { version: 1, items: [] });
    const otherUser = await getSavedFilters(deps, actor('e3'));

    // Assert
    expect(before).toEqual({ version: 0, items: [] });
    expect(saved).toEqual({ version: 1, items: [filter({ controllerId: 'e2' })] });
    expect(again).toEqual({ version: 2, items: [] });
    expect(await getSavedFilters(deps, me)).toEqual(again);
    expect(otherUser).toEqual({ version: 0, items: [] });
  });

  it('refuses a save from a stale copy', async () => {
    // Arrange
    const deps = memoryDeps();
    await saveFilters(deps, me, { version: 0, items: [] });
    await saveFilters(deps, me, { version: 1, items: [] });

    // Act
    const stale = saveFilters(deps, me, { version: 1, items: [] });
    const secondFirst = saveFilters(deps, me, { version: 0, items: [] });

    // Assert
    await expect(stale).rejects.toMatchObject({ code: 'stale_version' });
    await expect(secondFirst).rejects.toBeInstanceOf(ConflictError);
  });

  it('refuses a filter naming an object that is not the tenant’s, on its path', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.store.seed('employee', employee('e2', { tenantId: 't2' }));

    // Act
    const saved = saveFilters(deps, me, {
      version: 0,
      items: [filter({ summary: 'təmir' }), filter({ addresseeId: 'e2' })],
    });

    // Assert
    await expect(saved).rejects.toMatchObject({
      issues: [{ path: 'items.1.query.addresseeId', code: 'unknown_reference' }],
    });
  });
});
