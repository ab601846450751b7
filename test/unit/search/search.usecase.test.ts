import { describe, expect, it } from 'vitest';
import { quickSearch, searchDocuments } from '../../../functions/modules/search/usecases/search.usecase';
import { searchQueryInput } from '../../../functions/modules/search/usecases/inputs';
import type { SearchHit } from '../../../functions/modules/search/domain/search-query';
import { actor } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';
import { RecordingIndex } from './recording-index';

const clerk = actor('clerk', ['clerk']);
const head = actor('boss', ['executor'], { reach: { agencyHead: false, headOf: ['dep'], actingFor: ['x'] } });

function world(searchEnabled = true) {
  return { ...memoryDeps(), search: new RecordingIndex(), searchEnabled };
}

const hit = (id: string, registrationNumber?: string): SearchHit => ({
  id,
  source: 'document',
  kind: 'internal',
  status: 'registered',
  ...(registrationNumber ? { registrationNumber } : {}),
  registeredAt: '2026-03-02T06:00:00.000Z',
  summary: id,
  parties: [],
  score: 1,
  highlights: [],
});

describe('searchDocuments', () => {
  it('asks the index in the caller’s tenant, as the lists’ viewer, with the filters combined', async () => {
    // Arrange
    const deps = world();
    const input = searchQueryInput.parse({
      q: ' ərizə ',
      within: 'torpaq,sahə',
      kind: 'incoming,outgoing',
      year: '2026',
      from: '2026-01-01',
      to: '2026-03-31',
      limit: '10',
    });

    // Act
    await searchDocuments(deps, head, input);

    // Assert
    expect(deps.search.queries).toEqual([
      {
        tenantId: 't1',
        viewer: { employeeId: 'boss', seesAll: false, actingFor: ['x'], headOf: ['dep'] },
        text: 'ərizə',
        within: ['torpaq', 'sahə'],
        filters: { kind: ['incoming', 'outgoing'], year: ['2026'] },
        registeredFrom: '2026-01-01',
        registeredTo: '2026-03-31',
        size: 10,
        facets: true,
      },
    ]);
  });

  it('gives registry clerks the view of every non-confidential document, as the lists do', async () => {
    const deps = world();
    await searchDocuments(deps, clerk, searchQueryInput.parse({}));
    expect(deps.search.queries[0]).toMatchObject({ text: '', within: [], filters: {}, size: 20 });
    expect(deps.search.queries[0]!.viewer.seesAll).toBe(true);
  });

  it('refuses a period that ends before it starts, and unknown parameters', () => {
    expect(searchQueryInput.safeParse({ from: '2026-03-02', to: '2026-03-01' }).success).toBe(false);
    expect(searchQueryInput.safeParse({ tenantId: 't2' }).success).toBe(false);
    expect(
      searchQueryInput.safeParse({
        kind: Array(21)
          .fill('k')
          .map((k, i) => k + i)
          .join(','),
      }).success,
    ).toBe(false);
  });

  it('says so where no search is deployed', async () => {
    await expect(searchDocuments(world(false), clerk, searchQueryInput.parse({}))).rejects.toMatchObject({
      code: 'search_unavailable',
    });
  });
});

describe('quickSearch', () => {
  it('keeps the hits whose registration number starts with the text, without case or separators', async () => {
    const deps = world();
    deps.search.answer = {
      total: 4,
      hits: [hit('a', 'D-1/26'), hit('b', 'D-12/26'), hit('c', 'XR-1/26'), hit('d')],
      facets: {},
    };

    const { items } = await quickSearch(deps, clerk, 'd1');

    expect(items.map((h) => h.id)).toEqual(['a', 'b']);
    expect(deps.search.queries[0]).toMatchObject({ text: 'd1', facets: false, tenantId: 't1' });
  });
});
