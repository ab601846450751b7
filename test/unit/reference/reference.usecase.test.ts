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

const counterpart = (overrides: Partial<Extract<ReferenceItemData, { list: 'counterparts' }>> = {}) =>
  ({
    list: 'counterparts',
    name: { az: '"Xəzər Logistika" MMC' },
    kind: 'organization',
    voen: '1400057421',
    active: true,
    ...overrides,
  }) as const;

describe('counterparts', () => {
  it('holds each VÖEN once in the same write, and names the counterpart that has it', async () => {
    // Arrange
    const deps = memoryDeps();
    const first = await createReferenceItem(deps, admin, counterpart(), undefined);

    // Act
    const again = createReferenceItem(
      deps,
      admin,
      counterpart({ name: { az: 'Xəzər Logistika' } }),
      undefined,
    );

    // Assert
    expect(deps.store.writes[0]).toMatchObject({
      options: { claim: [{ scope: 'counterpart-voen', value: '1400057421', field: 'voen' }] },
    });
    await expect(again).rejects.toMatchObject({
      code: 'duplicate_voen',
      params: { field: 'voen', existingId: first.id },
    });
    expect(deps.store.writes).toHaveLength(1);
  });

  it('frees the old VÖEN when it changes, and refuses to take another counterpart’s on update', async () => {
    // Arrange
    const deps = memoryDeps();
    const a = await createReferenceItem(deps, admin, counterpart(), undefined);
    const b = await createReferenceItem(deps, admin, counterpart({ voen: '1700038881' }), undefined);

    // Act
    const moved = await updateReferenceItem(deps, admin, a.id, {
      ...counterpart({ voen: '1500012341' }),
      version: 1,
    });
    const taken = updateReferenceItem(deps, admin, b.id, {
      ...counterpart({ voen: '1500012341' }),
      version: 1,
    });
    const reused = await createReferenceItem(deps, admin, counterpart({ voen: '1400057421' }), undefined);

    // Assert
    expect(moved.version).toBe(2);
    await expect(taken).rejects.toMatchObject({ code: 'duplicate_voen', params: { existingId: a.id } });
    expect(reused.id).not.toBe(a.id);
  });

  it('refuses an unknown region or parent body, a parent body that makes a cycle, and e-mail delivery without an e-mail', async () => {
    // Arrange
    const deps = memoryDeps();
    const ministry = await createReferenceItem(
      deps,
      admin,
      counterpart({ voen: undefined, kind: 'state-body' }),
      undefined,
    );
    const service = await createReferenceItem(
      deps,
      admin,
      counterpart({ voen: undefined, kind: 'state-body', parentBodyId: ministry.id }),
      undefined,
    );

    // Act
    const noRegion = createReferenceItem(deps, admin, counterpart({ regionId: 'nowhere' }), undefined);
    const noParent = createReferenceItem(deps, admin, counterpart({ parentBodyId: 'nobody' }), undefined);
    const cycle = updateReferenceItem(deps, admin, ministry.id, {
      ...counterpart({ voen: undefined, kind: 'state-body', parentBodyId: service.id }),
      version: 1,
    });
    const noEmail = createReferenceItem(
      deps,
      admin,
      counterpart({ receivesElectronically: true }),
      undefined,
    );

    // Assert
    await expect(noRegion).rejects.toMatchObject(unknownAt('regionId'));
    await expect(noParent).rejects.toMatchObject(unknownAt('parentBodyId'));
    await expect(cycle).rejects.toMatchObject({
      code: 'tree_cycle',
      issues: [{ path: 'parentBodyId', code: 'tree_cycle' }],
    });
    await expect(noEmail).rejects.toMatchObject({
      code: 'electronic_needs_email',
      issues: [{ path: 'email', code: 'electronic_needs_email' }],
    });
    expect(deps.store.writes).toHaveLength(2);
  });

  it('keeps the legal address with its place in the regions list and the parent body', async () => {
    // Arrange
    const deps = memoryDeps();
    const baku = await createReferenceItem(
      deps,
      admin,
      { list: 'regions', name: { az: 'Bakı şəhəri' }, kind: 'city', active: true },
      undefined,
    );
    const ministry = await createReferenceItem(
      deps,
      admin,
      counterpart({ voen: undefined, kind: 'state-body' }),
      undefined,
    );

    // Act
    const created = await createReferenceItem(
      deps,
      admin,
      counterpart({
        regionId: baku.id,
        postalCode: 'AZ1000',
        address: 'Nobel prospekti 61',
        email: 'office@example.com',
        receivesElectronically: true,
        parentBodyId: ministry.id,
      }),
      undefined,
    );

    // Assert
    expect(await getReferenceItem(deps, admin, 'counterparts', created.id)).toMatchObject({
      regionId: baku.id,
      postalCode: 'AZ1000',
      address: 'Nobel prospekti 61',
      receivesElectronically: true,
      parentBodyId: ministry.id,
    });
  });
});

describe('journal rules', () => {
  type Rule = Extract<ReferenceItemData, { list: 'journal-rules' }>;
  const rule = (overrides: Partial<Rule> = {}): Rule => ({
    list: 'journal-rules',
    name: { az: 'Vətəndaş müraciətləri' },
    active: true,
    journalId: 'citizens',
    documentKind: 'incoming',
    priority: 20,
    senderKind: 'citizen',
    documentTypeIds: [],
    classificationIds: [],
    departmentIds: [],
    deliveryFormIds: [],
    ...overrides,
  });

  function withJournals() {
    const deps = memoryDeps();
    deps.store.seed('ref:journals', { ...meta('citizens'), ...journal({ code: 'citizens' }) });
    deps.store.seed('ref:journals', {
      ...meta('orders'),
      ...journal({ code: 'orders', documentKind: 'order' }),
    });
    deps.store.seed('ref:journals', {
      ...meta('general'),
      ...journal({ code: 'general', documentKind: 'any' }),
    });
    deps.store.seed('ref:classifications', { ...meta('personnel'), ...classification('03.01') });
    return deps;
  }

  it('keeps a rule sorted by its priority, each id once', async () => {
    // Arrange
    const deps = withJournals();

    // Act
    const created = await createReferenceItem(
      deps,
      admin,
      rule({
        journalId: 'general',
        documentKind: 'order',
        senderKind: undefined,
        classificationIds: ['personnel', 'personnel'],
      }),
      undefined,
    );

    // Assert
    expect(created).toMatchObject({ journalId: 'general', classificationIds: ['personnel'] });
    expect(deps.store.writes[0]?.options.sortKey).toMatch(/^020 /);
  });

  it('refuses a journal of another kind, a sender kind outside incoming documents, and unknown ids', async () => {
    // Arrange
    const deps = withJournals();

    // Act
    const otherKind = createReferenceItem(deps, admin, rule({ journalId: 'orders' }), undefined);
    const noJournal = createReferenceItem(deps, admin, rule({ journalId: 'missing' }), undefined);
    const senderOnOrder = createReferenceItem(
      deps,
      admin,
      rule({ journalId: 'orders', documentKind: 'order' }),
      undefined,
    );
    const unknownType = createReferenceItem(deps, admin, rule({ documentTypeIds: ['nope'] }), undefined);
    const unknownDept = createReferenceItem(deps, admin, rule({ departmentIds: ['personnel'] }), undefined);

    // Assert
    await expect(otherKind).rejects.toMatchObject({
      code: 'journal_kind_mismatch',
      issues: [{ path: 'journalId', code: 'journal_kind_mismatch' }],
    });
    await expect(noJournal).rejects.toMatchObject(unknownAt('journalId'));
    await expect(senderOnOrder).rejects.toMatchObject({
      code: 'sender_kind_incoming_only',
      issues: [{ path: 'senderKind', code: 'sender_kind_incoming_only' }],
    });
    await expect(unknownType).rejects.toMatchObject(unknownAt('documentTypeIds.0'));
    await expect(unknownDept).rejects.toMatchObject(unknownAt('departmentIds.0'));
    expect(deps.store.writes).toHaveLength(0);
  });
});
