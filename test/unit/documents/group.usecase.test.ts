import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../../functions/modules/documents/domain/document';
import { groupArchive } from '../../../functions/modules/documents/usecases/group.usecase';
import { ForbiddenError, BusinessRuleError } from '../../../functions/platform/kernel/errors';
import { documentRecord, referenceItem } from '../../support/builders';
import { clerk, documentsWorld, head } from './world';

const letter = (id: string, overrides: Partial<DocumentRecord> = {}) =>
  documentRecord(id, {
    kind: 'incoming',
    status: 'executed',
    authorId: 'clerk',
    participants: ['clerk'],
    internal: undefined,
    ...overrides,
  });

function world(...docs: DocumentRecord[]) {
  const deps = documentsWorld();
  deps.store.seed(
    'ref:nomenclature',
    referenceItem('case-1', {
      list: 'nomenclature',
      name: { az: 'Vətəndaş müraciətləri' },
      index: '01-05',
      retentionYears: 5,
      active: true,
    }),
  );
  deps.store.seed(
    'ref:nomenclature',
    referenceItem('case-old', {
      list: 'nomenclature',
      name: { az: 'Köhnə iş' },
      index: '09-01',
      retentionYears: null,
      active: false,
    }),
  );
  deps.documents.seed({ documents: docs });
  return deps;
}

const key = { key: 'groupArchiveDocuments:clerk:run-1', requestHash: 'h' };

describe('groupArchive', () => {
  it('files each document into the case file and archives it, with a result per document', async () => {
    // Arrange
    const deps = world(
      letter('a'),
      letter('b', { status: 'in-execution' }),
      letter('c', { version: 3 }),
      letter('d'),
    );

    // Act
    const out = await groupArchive(deps, clerk, {
      documents: [
        { id: 'a', version: 1 },
        { id: 'b', version: 1 },
        { id: 'c', version: 2 },
        { id: 'd', version: 1 },
        { id: 'a', version: 1 },
      ],
      nomenclatureId: 'case-1',
    });

    // Assert
    expect(out.results).toEqual([
      { id: 'a', ok: true, version: 2 },
      {
        id: 'b',
        ok: false,
        code: 'operation_not_allowed',
        params: { operation: 'archive', status: 'in-execution' },
      },
      { id: 'c', ok: false, code: 'stale_version', params: { expected: 2 } },
      { id: 'd', ok: true, version: 2 },
    ]);
    expect(await deps.documents.get('t1', 'a')).toMatchObject({
      status: 'archived',
      nomenclatureId: 'case-1',
    });
    expect(await deps.documents.get('t1', 'b')).toMatchObject({ status: 'in-execution' });
    const [entry] = (await deps.documents.operations('t1', 'd', { limit: 5 })).items;
    expect(entry).toMatchObject({ action: 'archive', actorId: 'clerk' });
    expect(entry?.changes).toEqual(
      expect.arrayContaining([
        { field: 'status', before: 'executed', after: 'archived' },
        { field: 'nomenclatureId', after: 'case-1' },
      ]),
    );
  });

  it('answers a retried request with the same key as done, archiving nothing twice', async () => {
    // Arrange
    const deps = world(letter('a'), letter('b'));
    const input = {
      documents: [
        { id: 'a', version: 1 },
        { id: 'b', version: 1 },
      ],
      nomenclatureId: 'case-1',
    };
    await groupArchive(deps, clerk, input, key);

    // Act
    const retried = await groupArchive(deps, clerk, input, key);

    // Assert
    expect(retried.results).toEqual([
      { id: 'a', ok: true, version: 2 },
      { id: 'b', ok: true, version: 2 },
    ]);
    expect((await deps.documents.operations('t1', 'a', { limit: 5 })).items).toHaveLength(1);
  });

  it('refuses an inactive case file, an id it cannot see, and anyone but the registry office', async () => {
    // Arrange
    const deps = world(
      letter('a'),
      documentRecord('other-tenant', { tenantId: 't2', participants: ['clerk'] }),
    );
    const documents = [{ id: 'a', version: 1 }];

    // Act
    const inactive = groupArchive(deps, clerk, { documents, nomenclatureId: 'case-old' });
    const unknown = groupArchive(deps, clerk, {
      documents: [...documents, { id: 'other-tenant', version: 1 }],
      nomenclatureId: 'case-1',
    });
    const byHead = groupArchive(deps, head, { documents, nomenclatureId: 'case-1' });

    // Assert
    await expect(inactive).rejects.toBeInstanceOf(BusinessRuleError);
    await expect(unknown).rejects.toMatchObject({ issues: [{ path: 'documents.1.id' }] });
    await expect(byHead).rejects.toBeInstanceOf(ForbiddenError);
    expect(await deps.documents.get('t1', 'a')).toMatchObject({ status: 'executed', version: 1 });
  });
});
