import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../../functions/modules/documents/domain/document';
import { exportRows } from '../../../functions/modules/documents/usecases/export.usecase';
import { assignment, documentRecord } from '../../support/builders';
import { author, clerk, documentsWorld } from './world';

const registered = (id: string, number: string, at: string, overrides: Partial<DocumentRecord> = {}) =>
  documentRecord(id, {
    kind: 'incoming',
    status: 'registered',
    participants: ['clerk'],
    internal: undefined,
    incoming: { sender: { kind: 'citizen', name: 'Aysel Məmmədova' }, distribution: [] },
    registration: { journalId: 'incoming', year: 2026, seq: 1, number, at },
    ...overrides,
  });

async function all<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

describe('exportRows', () => {
  it('gives a row per selected document in the order selected, dates in Baku as dd.MM.yyyy', async () => {
    // Arrange: 21:30 UTC on 1 March is already 2 March in Baku
    const deps = documentsWorld();
    deps.documents.seed({
      documents: [
        registered('a', '1-DX/26', '2026-03-01T21:30:00.000Z', {
          status: 'in-execution',
          dueDate: '2026-03-20',
        }),
        registered('b', '2-DX/26', '2026-03-02T06:00:00.000Z'),
        documentRecord('memo', { participants: ['author'] }),
      ],
      assignments: [
        assignment('res', {
          documentId: 'a',
          kind: 'resolution',
          parentId: undefined,
          ownerId: 'head',
          status: 'open',
        }),
        assignment('x1', { documentId: 'a', parentId: 'res', ownerId: 'author', role: 'co-executor' }),
        assignment('x2', { documentId: 'a', parentId: 'res', ownerId: 'signer', role: 'responsible' }),
      ],
    });

    // Act
    const byAuthor = await all(exportRows(deps, author, { ids: ['memo'] }));
    const byClerk = await all(exportRows(deps, clerk, { ids: ['b', 'a', 'b'] }));
    const hidden = all(exportRows(deps, author, { ids: ['memo', 'b'] }));
    const unknown = all(exportRows(deps, clerk, { ids: ['a', 'nope'] }));

    // Assert: each once in the order selected; a document not visible is an unknown reference
    expect(byAuthor.map((r) => r.id)).toEqual(['memo']);
    await expect(hidden).rejects.toMatchObject({ issues: [{ path: 'ids.1' }] });
    await expect(unknown).rejects.toMatchObject({ issues: [{ path: 'ids.1' }] });
    expect(byClerk).toEqual([
      expect.objectContaining({ id: 'b', number: '2-DX/26', registeredOn: '02.03.2026', executor: '' }),
      {
        id: 'a',
        number: '1-DX/26',
        registeredOn: '02.03.2026',
        kind: 'incoming',
        party: 'Aysel Məmmədova',
        summary: 'Sənəd a',
        status: 'in-execution',
        dueDate: '20.03.2026',
        executor: 'Employee signer',
      },
    ]);
  });
});

describe('exportRows of a confidential document', () => {
  it('logs the export as a read on its operations log, and no read of an ordinary one', async () => {
    // Arrange
    const deps = documentsWorld();
    deps.documents.seed({
      documents: [
        registered('secret', '1-M/26', '2026-03-01T08:00:00.000Z', { confidential: true }),
        registered('plain', '2-DX/26', '2026-03-01T09:00:00.000Z'),
      ],
    });
    const reads = async (id: string) =>
      (await deps.documents.operations('t1', id, { limit: 100 })).items.filter((o) => o.action === 'read');

    // Act
    await all(exportRows(deps, clerk, { ids: ['secret', 'plain'] }));

    // Assert
    expect((await reads('secret')).map((o) => [o.actorId, o.changes])).toEqual([
      ['clerk', [{ field: 'read', after: 'export' }]],
    ]);
    expect(await reads('plain')).toEqual([]);
  });
});
