import { describe, expect, it } from 'vitest';
import { BadRequestError, NotFoundError } from '../../../functions/platform/kernel/errors';
import { documentListQuery } from '../../../functions/modules/documents/usecases/inputs';
import {
  documentQueryOf,
  getDocument,
  listDocuments,
  listOperations,
} from '../../../functions/modules/documents/usecases/query.usecase';
import { actor, documentRecord } from '../../support/builders';
import { author, clerk, documentsWorld, outsider } from './world';

const query = (q: Record<string, unknown>) => documentListQuery.parse(q);

describe('listDocuments', () => {
  it('lists every document of the kind to the registry office, and only their own to others', async () => {
    // Arrange
    const deps = documentsWorld();
    deps.documents.seed({
      documents: [
        documentRecord('mine', { participants: ['author'] }),
        documentRecord('theirs', { participants: ['head'] }),
        documentRecord('order', { kind: 'order', participants: ['author'] }),
      ],
    });

    // Act
    const forClerk = await listDocuments(deps, clerk, query({ kind: 'internal' }));
    const forAuthor = await listDocuments(deps, author, query({ kind: 'internal' }));

    // Assert
    expect(forClerk.items.map((d) => d.id).sort()).toEqual(['mine', 'theirs']);
    expect(forAuthor.items.map((d) => d.id)).toEqual(['mine']);
    expect(deps.documents.queries.map((q) => q.query.viewer.seesAll)).toEqual([true, false]);
  });

  it('turns the filter row into a store query: Baku date bounds, folded text, statuses', async () => {
    // Arrange
    const deps = documentsWorld();

    // Act
    await listDocuments(
      deps,
      clerk,
      query({
        kind: 'incoming',
        registered: '03.2026',
        summary: '  Təmİr ',
        status: 'registered, in-execution',
        controlled: 'true',
      }),
    );

    // Assert
    expect(deps.documents.queries[0]?.query).toEqual({
      kind: 'incoming',
      order: 'desc',
      limit: 50,
      from: '2026-03-01T00:00:00.000',
      to: '2026-04-01T00:00:00.000',
      status: ['registered', 'in-execution'],
      summaryContains: 'temir',
      controlled: true,
      viewer: { employeeId: 'clerk', seesAll: true, actingFor: [], headOf: [] },
    });
  });

  it('matches number columns by prefix, whatever the case and the separators typed', async () => {
    // Arrange
    const deps = documentsWorld();
    const numbered = (id: string, number: string, documentNumber?: string) =>
      documentRecord(id, {
        kind: 'incoming',
        registration: { journalId: 'incoming', year: 2026, seq: 1, number, at: '2026-03-02T06:00:00.000Z' },
        ...(documentNumber ? { documentNumber } : {}),
      });
    deps.documents.seed({
      documents: [
        numbered('d1', 'D-1/26', 'NK-1234/05'),
        numbered('d12', 'D-12/26'),
        numbered('x1', 'XD-1/26', 'AB 77'),
      ],
    });
    const ids = async (q: Record<string, string>) =>
      (await listDocuments(deps, clerk, query({ kind: 'incoming', ...q }))).items.map((d) => d.id).sort();

    // Act + Assert
    expect(await ids({ number: 'D-1' })).toEqual(['d1', 'd12']);
    expect(await ids({ number: 'd 1/26' })).toEqual(['d1']);
    expect(await ids({ number: 'D-1/26' })).toEqual(['d1']);
    expect(await ids({ documentNumber: 'nk-1234/05' })).toEqual(['d1']);
    expect(await ids({ documentNumber: 'NK.1234' })).toEqual(['d1']);
    expect(await ids({ documentNumber: 'ab-77' })).toEqual(['x1']);
    expect(await ids({ number: '1/26' })).toEqual([]);
    // The store is asked for the folded prefixes; separators alone filter nothing.
    expect(deps.documents.queries[0]?.query).toMatchObject({ numberPrefix: 'd1' });
    expect((await listDocuments(deps, clerk, query({ kind: 'incoming', number: ' / ' }))).items).toHaveLength(
      3,
    );
  });

  it('refuses a malformed date or an unknown status as a bad request naming the filter', async () => {
    // Arrange
    const deps = documentsWorld();

    // Act
    const date = listDocuments(deps, clerk, query({ kind: 'incoming', documentDate: '31.02' }));
    const status = listDocuments(deps, clerk, query({ kind: 'incoming', status: 'draft' }));

    // Assert
    await expect(date).rejects.toBeInstanceOf(BadRequestError);
    await expect(date).rejects.toMatchObject({
      issues: [{ path: 'documentDate', code: 'invalid_date_filter' }],
    });
    await expect(status).rejects.toMatchObject({ issues: [{ path: 'status', code: 'invalid_value' }] });
    expect(deps.documents.queries).toEqual([]);
  });

  it('refuses a filter on an id that is not the tenant’s, as 422 on the filter', async () => {
    // Arrange
    const deps = documentsWorld();

    // Act
    const listed = listDocuments(
      deps,
      clerk,
      query({ kind: 'incoming', addresseeId: '6f1c1a56-0d55-4c4e-9a0c-2b7f0e0e0e0e' }),
    );

    // Assert
    await expect(listed).rejects.toMatchObject({
      code: 'unknown_reference',
      issues: [{ path: 'addresseeId' }],
    });
  });
});

describe('documentQueryOf', () => {
  it('accepts the statuses of every kind when no kind is given (personal lists)', () => {
    // Act
    const q = documentQueryOf({ order: 'asc', limit: 10, status: 'sent,draft', documentDate: '2026' });

    // Assert
    expect(q).toEqual({
      order: 'asc',
      limit: 10,
      status: ['sent', 'draft'],
      documentDateFrom: '2026-01-01',
      documentDateTo: '2027-01-01',
    });
  });
});

describe('getDocument and listOperations', () => {
  it('shows the card with the operations the status allows and the caller may do', async () => {
    // Arrange
    const deps = documentsWorld();
    deps.documents.seed({ documents: [documentRecord('memo', { participants: ['author', 'reader'] })] });

    // Act
    const forAuthor = await getDocument(deps, author, 'memo');
    const forReader = await getDocument(deps, actor('reader'), 'memo');

    // Assert
    expect(forAuthor.allowedOperations).toEqual(['update', 'attach', 'link', 'register', 'cancel']);
    expect(forReader.allowedOperations).toEqual(['link']);
  });

  it('answers 404, never 403, for a document the caller may not see', async () => {
    // Arrange
    const deps = documentsWorld();
    deps.documents.seed({ documents: [documentRecord('memo', { participants: ['author'] })] });

    // Act
    const card = getDocument(deps, outsider, 'memo');
    const log = listOperations(deps, outsider, 'memo', { limit: 10 });
    const otherTenant = getDocument(deps, { ...clerk, tenantId: 't2' }, 'memo');

    // Assert
    await expect(card).rejects.toBeInstanceOf(NotFoundError);
    await expect(log).rejects.toBeInstanceOf(NotFoundError);
    await expect(otherTenant).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('listDocuments over many documents', () => {
  it('evaluates at most the read budget per page and its cursors find the one match, once', async () => {
    // Arrange: 2,500 incoming documents a minute apart; one has the summary asked for.
    const deps = documentsWorld();
    const start = Date.parse('2026-01-05T06:00:00Z');
    deps.documents.seed({
      documents: Array.from({ length: 2500 }, (_, i) => {
        const at = new Date(start + i * 60_000).toISOString();
        return documentRecord(`d${String(i).padStart(5, '0')}`, {
          kind: 'incoming',
          status: 'registered',
          createdAt: at,
          updatedAt: at,
          summary: i === 1234 ? 'Nadir müraciət' : `Adi məktub ${i}`,
        });
      }),
    });

    // Act
    const pages: Array<{ ids: string[]; evaluated: number; cursor?: string }> = [];
    let cursor: string | undefined;
    do {
      const before = deps.documents.evaluated;
      const page = await listDocuments(
        deps,
        clerk,
        query({ kind: 'incoming', summary: 'nadir', limit: 50, ...(cursor ? { cursor } : {}) }),
      );
      pages.push({
        ids: page.items.map((d) => d.id),
        evaluated: deps.documents.evaluated - before,
        ...(page.nextCursor ? { cursor: page.nextCursor } : {}),
      });
      cursor = page.nextCursor;
    } while (cursor);

    // Assert
    expect(pages[0]).toMatchObject({ ids: [], evaluated: 1000 });
    expect(pages[0]!.cursor).toBeDefined();
    expect(pages.every((p) => p.evaluated <= 1000)).toBe(true);
    expect(pages.flatMap((p) => p.ids)).toEqual(['d01234']);
    expect(pages.reduce((n, p) => n + p.evaluated, 0)).toBe(2500);
  });
});
