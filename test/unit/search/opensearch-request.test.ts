import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../../../functions/platform/kernel/errors';
import type { SearchQuery } from '../../../functions/modules/search';
import { visibleTo } from '../../../functions/modules/documents/domain/visibility';
import {
  buildSearchBody,
  decodeCursor,
  encodeCursor,
  mapSearchResponse,
  visibilityFilter,
} from '../../../functions/modules/search/opensearch';

type Json = Record<string, unknown>;
type Bool = { must: Json[]; filter: Json[]; must_not: Json[] };

const viewer = { employeeId: 'e1', seesAll: false, actingFor: ['e9'], headOf: ['u1'] };
const base: SearchQuery = {
  tenantId: 't1',
  viewer,
  text: '',
  within: [],
  filters: {},
  size: 20,
  facets: false,
};
const boolOf = (body: Json) => (body.query as { bool: Bool }).bool;

/** All `term`/`prefix` leaves of a clause, as `kind field value`. */
function leaves(clause: unknown): string[] {
  if (Array.isArray(clause)) return clause.flatMap(leaves);
  if (clause === null || typeof clause !== 'object') return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(clause)) {
    if ((k === 'term' || k === 'prefix') && v && typeof v === 'object') {
      for (const [field, spec] of Object.entries(v as Json)) {
        const value = typeof spec === 'object' && spec !== null ? (spec as Json).value : spec;
        out.push(`${k} ${field} ${String(value)}`);
      }
    } else out.push(...leaves(v));
  }
  return out;
}

/**
 * A tiny evaluator of the bool/term/terms/match_all subset the visibility filter uses, to check it
 * against `visibleTo` on every combination.
 */
function evaluate(q: Json, doc: Record<string, unknown>): boolean {
  const [[kind, spec]] = Object.entries(q) as [[string, Json]];
  const has = (field: string, value: unknown) => {
    const v = doc[field];
    return Array.isArray(v) ? v.includes(value) : v === value;
  };
  switch (kind) {
    case 'match_all':
      return true;
    case 'term': {
      const [[field, value]] = Object.entries(spec) as [[string, unknown]];
      return has(field, value);
    }
    case 'terms': {
      const [[field, values]] = Object.entries(spec) as [[string, unknown[]]];
      return values.some((v) => has(field, v));
    }
    case 'bool': {
      const b = spec as {
        should?: Json[];
        filter?: Json[];
        must_not?: Json[];
        minimum_should_match?: number;
      };
      const filters = (b.filter ?? []).every((c) => evaluate(c, doc));
      const nots = (b.must_not ?? []).every((c) => !evaluate(c, doc));
      const should = b.should ?? [];
      const min = b.minimum_should_match ?? (should.length > 0 && !b.filter ? 1 : 0);
      return filters && nots && should.filter((c) => evaluate(c, doc)).length >= min;
    }
    default:
      throw new Error(kind);
  }
}

describe('OpenSearch search requests', () => {
  it('filters every query by tenant and visibility, and hides tombstones', () => {
    const body = buildSearchBody(base);
    const bool = boolOf(body);
    expect(bool.filter[0]).toEqual({ term: { tenantId: 't1' } });
    expect(bool.filter[1]).toEqual(visibilityFilter(viewer));
    expect(bool.must).toEqual([{ match_all: {} }]);
    expect(bool.must_not).toEqual([{ term: { deleted: true } }]);
    expect(body.size).toBe(20);
    expect(body.track_total_hits).toBe(true);
    expect(body.sort).toEqual([{ _score: 'desc' }, { registeredAt: 'desc' }, { id: 'asc' }]);
    expect(body.aggs).toBeUndefined();
  });

  it('mirrors the need-to-know rule exactly', () => {
    const people = ['e1', 'e9', 'x'];
    const docs = [];
    for (const participants of [[], ['e1'], ['e9'], ['x']])
      for (const participantUnits of [[], ['u1'], ['u2']])
        for (const confidential of [false, true])
          for (const accessList of [[], ['e1'], ['e9']])
            docs.push({ participants, participantUnits, confidential, accessList });
    const viewers = [];
    for (const seesAll of [false, true])
      for (const actingFor of [[], ['e9']])
        for (const headOf of [[], ['u1']])
          viewers.push({ employeeId: people[0] ?? 'e1', seesAll, actingFor, headOf });
    for (const v of viewers)
      for (const d of docs)
        expect(evaluate(visibilityFilter(v), d), JSON.stringify({ v, d })).toBe(visibleTo(d, v));
  });

  it('analyses words like the embedded engine and matches the last one by prefix', () => {
    const body = buildSearchBody({ ...base, text: 'MAMMADOVA ərizələ' });
    const [first, last] = boolOf(body).must;
    const firstLeaves = leaves(first);
    expect(firstLeaves).toContain('term summary mamadov');
    expect(firstLeaves).toContain('term summary.strict mammadova');
    expect(firstLeaves).toContain('term contentText mamadov');
    expect(firstLeaves.some((l) => l.startsWith('prefix'))).toBe(false);
    const lastLeaves = leaves(last);
    expect(lastLeaves).toContain('prefix summary arizala');
    expect(lastLeaves).toContain('prefix summary ariza');
    expect(lastLeaves).toContain('prefix parties ariza');
  });

  it('does not treat a finished last word as a prefix', () => {
    const body = buildSearchBody({ ...base, text: 'ərizə ' });
    expect(leaves(boolOf(body).must).some((l) => l.startsWith('prefix'))).toBe(false);
  });

  it('matches a token with a digit against the number keys too', () => {
    const [clause] = boolOf(buildSearchBody({ ...base, text: 'nk-1234' })).must;
    const should = (clause as { bool: { should: Json[]; minimum_should_match: number } }).bool;
    expect(should.minimum_should_match).toBe(1);
    expect(leaves(should.should)).toEqual(
      expect.arrayContaining([
        'term registrationNumber nk1234',
        'term senderNumber nk1234',
        'term identifiers nk1234',
      ]),
    );
  });

  it('adds search-within texts as further musts, without prefixes', () => {
    const bool = boolOf(buildSearchBody({ ...base, text: 'ərizə', within: ['Məmmədova', 'документов'] }));
    expect(bool.must).toHaveLength(3);
    expect(leaves(bool.must[1])).toContain('term summary mamadov');
    expect(leaves(bool.must[2])).toContain('term contentText dokumant');
    expect(leaves(bool.must.slice(1)).some((l) => l.startsWith('prefix'))).toBe(false);
  });

  it('filters facets, sources and Baku dates, and counts facets', () => {
    const body = buildSearchBody({
      ...base,
      filters: { kind: ['incoming', 'outgoing'], year: ['2026'], departmentId: [] },
      sources: ['document'],
      registeredFrom: '2026-01-01',
      registeredTo: '2026-01-31',
      facets: true,
    });
    const filter = boolOf(body).filter;
    expect(filter).toContainEqual({ terms: { kind: ['incoming', 'outgoing'] } });
    expect(filter).toContainEqual({ terms: { year: [2026] } });
    expect(filter).toContainEqual({ terms: { source: ['document'] } });
    expect(filter).toContainEqual({
      range: { registeredAt: { gte: '2025-12-31T20:00:00.000Z', lt: '2026-01-31T20:00:00.000Z' } },
    });
    expect(JSON.stringify(filter)).not.toContain('departmentId');
    expect(Object.keys(body.aggs as Json).sort()).toEqual(
      ['classificationId', 'departmentId', 'kind', 'nomenclatureId', 'status', 'year'].sort(),
    );
    expect((body.aggs as Record<string, Json>).kind).toEqual({
      terms: { field: 'kind', size: 50, order: { _count: 'desc' } },
    });
  });

  it('highlights with <mark> and escapes the rest', () => {
    const h = buildSearchBody({ ...base, text: 'x' }).highlight as Json;
    expect(h.pre_tags).toEqual(['<mark>']);
    expect(h.post_tags).toEqual(['</mark>']);
    expect(h.encoder).toBe('html');
    expect(Object.keys(h.fields as Json)).toEqual(
      expect.arrayContaining([
        'registrationNumber',
        'summary',
        'summary.strict',
        'contentText',
        'resolutions',
      ]),
    );
  });

  it('pages with an opaque cursor over search_after', () => {
    const cursor = encodeCursor([1.5, 1767225600000, 'd-9']);
    expect(cursor).not.toContain('d-9');
    expect(decodeCursor(cursor)).toEqual([1.5, 1767225600000, 'd-9']);
    expect(buildSearchBody({ ...base, cursor }).search_after).toEqual([1.5, 1767225600000, 'd-9']);
    expect(() => buildSearchBody({ ...base, cursor: 'nonsense' })).toThrow(BadRequestError);
    expect(decodeCursor(encodeCursor(['a']))).toBeUndefined();
  });
});

describe('OpenSearch search responses', () => {
  const response = {
    hits: {
      total: { value: 42 },
      hits: [
        {
          _score: 3.2,
          _source: {
            id: 'd1',
            source: 'document' as const,
            kind: 'incoming',
            status: 'registered',
            registrationNumber: 'D-1/26',
            registeredAt: '2026-01-05T08:00:00.000Z',
            summary: 'Ərizə',
            parties: ['Məmmədova Aysel'],
          },
          highlight: {
            summary: ['<mark>Ərizə</mark>'],
            'summary.strict': ['<mark>Ərizə</mark>', 'ikinci &lt;b&gt;'],
            registrationNumber: ['<mark>D-1/26</mark>'],
          },
          sort: [3.2, 1767600000000, 'd1'],
        },
        {
          _score: 1,
          _source: {
            id: 'd2',
            source: 'document' as const,
            kind: 'internal',
            status: 'draft',
            registeredAt: '2026-01-06T08:00:00.000Z',
            summary: '',
            parties: [],
          },
          sort: [1, 1767686400000, 'd2'],
        },
      ],
    },
    aggregations: {
      kind: {
        buckets: [
          { key: 'incoming', doc_count: 30 },
          { key: 'internal', doc_count: 12 },
        ],
      },
      year: { buckets: [{ key: 2026, doc_count: 42 }] },
    },
  };

  it('maps hits, highlights (merged per field), facets and the next cursor', () => {
    const result = mapSearchResponse(response, { ...base, size: 2, facets: true });
    expect(result.total).toBe(42);
    expect(result.hits.map((h) => h.id)).toEqual(['d1', 'd2']);
    expect(result.hits[0]).toMatchObject({
      registrationNumber: 'D-1/26',
      score: 3.2,
      parties: ['Məmmədova Aysel'],
    });
    expect(result.hits[1]).not.toHaveProperty('registrationNumber');
    expect(result.hits[0]?.highlights).toEqual([
      { field: 'summary', fragments: ['<mark>Ərizə</mark>', 'ikinci &lt;b&gt;'] },
      { field: 'registrationNumber', fragments: ['<mark>D-1/26</mark>'] },
    ]);
    expect(result.facets).toEqual({
      kind: [
        { value: 'incoming', count: 30 },
        { value: 'internal', count: 12 },
      ],
      year: [{ value: '2026', count: 42 }],
    });
    expect(decodeCursor(result.nextCursor ?? '')).toEqual([1, 1767686400000, 'd2']);
  });

  it('has no next cursor on a short page and no facets unless asked', () => {
    const result = mapSearchResponse(response, { ...base, size: 20 });
    expect(result.nextCursor).toBeUndefined();
    expect(result.facets).toEqual({});
  });
});
