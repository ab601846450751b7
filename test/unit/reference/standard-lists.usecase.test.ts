import { describe, expect, it } from 'vitest';
import type { ReferenceItem } from '../../../functions/modules/reference/domain/lists';
import { seedStandardLists } from '../../../functions/modules/reference/usecases/standard-lists.usecase';
import {
  classifications,
  documentTypes,
  registrationJournals,
} from '../../../functions/modules/reference/domain/standard-lists/lists';
import { regions } from '../../../functions/modules/reference/domain/standard-lists/regions';
import { stateBodies } from '../../../functions/modules/reference/domain/standard-lists/state-bodies';
import { actor } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

const system = actor('system', ['admin']);

describe('seedStandardLists', () => {
  it('writes every standard list of a new agency, trees linked by id', async () => {
    // Arrange
    const deps = memoryDeps();

    // Act
    const ids = await seedStandardLists(deps, system);

    // Assert
    const all = (list: string) => deps.store.all<ReferenceItem>(`ref:${list}`, 't1');
    expect(all('document-types')).toHaveLength(documentTypes.length);
    expect(
      all('journals')
        .map((j) => j.code)
        .sort(),
    ).toEqual(registrationJournals.map((j) => j.code).sort());
    expect(all('counterparts')).toHaveLength(stateBodies.length);
    expect(all('counterparts').every((c) => c.list === 'counterparts' && c.kind === 'state-body')).toBe(true);
    expect(all('regions')).toHaveLength(regions.length);
    expect(all('nomenclature')).toEqual([]);
    const child = classifications.find((c) => c.parentCode)!;
    const stored = all('classifications').find((c) => c.code === child.code);
    expect(stored?.parentId).toBe(ids.classifications.get(child.parentCode!));
    expect(all('journals').every((j) => j.active)).toBe(true);
  });

  it('completes a run cut short without duplicates, and a further run writes nothing', async () => {
    // Arrange: a first run that dies after 40 items
    const deps = memoryDeps();
    let left = 40;
    const crashing = {
      ...deps,
      store: new Proxy(deps.store, {
        get(target, prop) {
          const value = Reflect.get(target, prop, target) as unknown;
          if (prop === 'create')
            return async (...args: Parameters<typeof target.create>) => {
              if (left-- <= 0) throw new Error('crash');
              return target.create(...args);
            };
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }),
    };
    await expect(seedStandardLists(crashing, system)).rejects.toThrow('crash');

    // Act
    await seedStandardLists(deps, system);
    const written = deps.store.writes.length;
    const again = await seedStandardLists(deps, system);

    // Assert
    expect(deps.store.all('ref:regions', 't1')).toHaveLength(regions.length);
    expect(deps.store.all('ref:document-types', 't1')).toHaveLength(documentTypes.length);
    expect(deps.store.writes).toHaveLength(written);
    expect(again.regions.size).toBe(regions.length);
  });

  it('keeps each tenant to itself', async () => {
    // Arrange
    const deps = memoryDeps();

    // Act
    await seedStandardLists(deps, system);
    await seedStandardLists(deps, { ...system, tenantId: 't2' });

    // Assert
    expect(deps.store.all('ref:journals', 't1')).toHaveLength(registrationJournals.length);
    expect(deps.store.all('ref:journals', 't2')).toHaveLength(registrationJournals.length);
  });
});
