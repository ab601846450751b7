import { describe, expect, it } from 'vitest';
import type { ReferenceItemData } from '../../../functions/modules/reference/domain/lists';
import {
  createReferenceItem,
  getReferenceItem,
  listReferenceItems,
  updateReferenceItem,
} from '../../../functions/modules/reference/usecases/reference.usecase';
import { actor, meta, OTHER_TENANT } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

const admin = actor('admin', ['admin']);
const unknownAt = (path: string) => ({
  code: 'unknown_reference',
  issues: [{ path, code: 'unknown_reference' }],
});
const journal = (overrides: Partial<Extract<ReferenceItemData, { list: 'journals' }>> = {}) =>
  ({
    list: 'journals',
    name: { az: 'Daxil olan sənədlər' },
    code: 'DX',
    pattern: '{seq}-DX/{yy}',
    documentKind: 'incoming',
    active: true,
    ...overrides,
  }) as const;
const classification = (code: string, parentId?: string) =>
  ({
    list: 'classifications',
    name: { az: `Təsnifat ${code}` },
    code,
    active: true,
    ...(parentId ? { parentId } : {}),
  }) as const;

describe('reference items', () => {
  it('creates a journal with a valid pattern and claims its code in any case', async () => {
    // Arrange
    const deps = memoryDeps();

    // Act
    const created = await createReferenceItem(deps, admin, journal(), undefined);
    const duplicate = createReferenceItem(deps, admin, journal({ code: 'dx' }), undefined);

    // Assert
    expect(created).toMatchObject({ list: 'journals', code: 'DX', version: 1 });
    expect(deps.store.writes[0]).toMatchObject({
      type: 'ref:journals',
      options: { claim: [{ scope: 'journal-code', value: 'dx', field: 'code' }] },
    });
    await expect(duplicate).rejects.toMatchObject({ code: 'duplicate_value', params: { field: 'code' } });
  });

  it('refuses a journal pattern without exactly one {seq} or with an unknown token', async () => {
    // Arrange
    const deps = memoryDeps();

    // Act
    const noSeq = createReferenceItem(deps, admin, journal({ pattern: 'DX/{year}' }), undefined);
    const twice = createReferenceItem(deps, admin, journal({ pattern: '{seq}/{seq:3}' }), undefined);
    const unknownToken = createReferenceItem(deps, admin, journal({ pattern: '{seq}/{month}' }), undefined);

    // Assert
    for (const p of [noSeq, twice, unknownToken])
      await expect(p).rejects.toMatchObject({
        code: 'invalid_journal_pattern',
        issues: [{ path: 'pattern' }],
      });
    expect(deps.store.writes).toEqual([]);
  });

  it('refuses a journal naming an unknown department or nomenclature item', async () => {
    // Arrange
    const deps = memoryDeps();

    // Act
    const dept = createReferenceItem(deps, admin, journal({ departmentId: 'nope' }), undefined);
    const nomenclature = createReferenceItem(deps, admin, journal({ nomenclatureId: 'nope' }), undefined);

    // Assert
    await expect(dept).rejects.toMatchObject(unknownAt('departmentId'));
    await expect(nomenclature).rejects.toMatchObject(unknownAt('nomenclatureId'));
  });

  it('claims a nomenclature index, and a code per list (the same code in two lists is fine)', async () => {
    // Arrange
    const deps = memoryDeps();
    const nomenclature = {
      list: 'nomenclature',
      name: { az: 'Əmrlər' },
      index: '01-05',
      retentionYears: 10,
      active: true,
    } as const;

    // Act
    await createReferenceItem(deps, admin, nomenclature, undefined);
    const sameIndex = createReferenceItem(deps, admin, { ...nomenclature, name: { az: 'Başqa' } }, undefined);
    await createReferenceItem(deps, admin, classification('A'), undefined);
    const documentType = await createReferenceItem(
      deps,
      admin,
      { list: 'document-types', name: { az: 'Ərizə' }, code: 'A', active: true },
      undefined,
    );

    // Assert
    await expect(sameIndex).rejects.toMatchObject({ code: 'duplicate_value', params: { field: 'index' } });
    expect(documentType.code).toBe('A');
  });

  it('keeps a parent only in tree lists, and the parent must be an item of the same list', async () => {
    // Arrange
    const deps = memoryDeps();
    const root = await createReferenceItem(deps, admin, classification('ROOT'), undefined);
    deps.store.seed('ref:regions', {
      ...meta('region-1'),
      list: 'regions',
      name: { az: 'Bakı' },
      kind: 'city',
      active: true,
    });

    // Act
    const child = await createReferenceItem(deps, admin, classification('CHILD', root.id), undefined);
    const flat = await createReferenceItem(
      deps,
      admin,
      { list: 'delivery-forms', name: { az: 'Kuryer' }, parentId: 'whatever', active: true },
      undefined,
    );
    const foreignParent = createReferenceItem(deps, admin, classification('X', 'region-1'), undefined);

    // Assert
    expect(child.parentId).toBe(root.id);
    expect(flat).not.toHaveProperty('parentId');
    await expect(foreignParent).rejects.toMatchObject(unknownAt('parentId'));
    expect(
      (await listReferenceItems(deps, admin, 'classifications', { limit: 10, parentId: root.id })).items,
    ).toEqual([child]);
  });

  it('refuses a parent that would make a cycle, and frees the old code on a change of code', async () => {
    // Arrange
    const deps = memoryDeps();
    const a = await createReferenceItem(deps, admin, classification('A'), undefined);
    const b = await createReferenceItem(deps, admin, classification('B', a.id), undefined);

    // Act
    const cycle = updateReferenceItem(deps, admin, a.id, { ...classification('A', b.id), version: 1 });
    const recoded = await updateReferenceItem(deps, admin, a.id, { ...classification('A1'), version: 1 });
    const reused = await createReferenceItem(deps, admin, classification('A'), undefined);

    // Assert
    await expect(cycle).rejects.toMatchObject({ code: 'tree_cycle' });
    expect(recoded).toMatchObject({ code: 'A1', version: 2 });
    expect(reused.code).toBe('A');
  });

  it('finds items of the caller’s tenant only, and refuses to list under an unknown parent', async () => {
    // Arrange
    const deps = memoryDeps();
    const item = await createReferenceItem(deps, admin, classification('A'), undefined);

    // Act
    const own = await getReferenceItem(deps, admin, 'classifications', item.id);
    const foreign = getReferenceItem(deps, { ...admin, tenantId: OTHER_TENANT }, 'classifications', item.id);
    const orphanList = listReferenceItems(deps, admin, 'classifications', { limit: 10, parentId: 'nope' });

    // Assert
    expect(own.id).toBe(item.id);
    await expect(foreign).rejects.toMatchObject({ code: 'not_found' });
    await expect(orphanList).rejects.toMatchObject(unknownAt('parentId'));
  });
});
