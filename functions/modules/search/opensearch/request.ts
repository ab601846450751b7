/**
 * `SearchQuery` → OpenSearch search body, and the response → `SearchResult`. Query words are
 * analysed here, in TypeScript, with the same pipeline the embedded engine uses, and looked up as
 * terms in fields the index analysed with the generated analyzers: both engines compare the same
 * keys.
 */
import { BadRequestError } from '../../../platform/kernel/errors';
import { analyzeQuery, isNumberLike, numberKey, strictKey, words } from '../domain/analysis';
import { searchFacets, type SearchFacet } from '../domain/search-document';
import type { SearchHighlight, SearchHit, SearchQuery, SearchResult } from '../domain/search-query';
import { numberFields, textFields, type NumberField, type TextField } from './settings';

type Json = Record<string, unknown>;

/** A strict-form match ranks above a loose one; a prefix below a whole word. */
const strictBoost = 1.5;
const prefixBoost = 0.5;
const identifierBoost = 8;
const facetSize = 50;
const fragmentSize = 150;
/** Longest text the highlighter reads (contents are indexed with offsets, so this is rarely reached). */
const maxAnalyzedOffset = 1_000_000;

/** The caller's text split as typed: each whitespace-separated token is one clause. */
function tokens(text: string): string[] {
  return text.split(/\s+/u).filter((t) => words(t).length > 0);
}

function wordClause(word: string, asPrefix: boolean): Json {
  const [analysed] = analyzeQuery(word, { asYouType: asPrefix });
  if (!analysed) return { match_none: {} };
  const strict = strictKey(words(word)[0] ?? '');
  const queries: Json[] = [];
  for (const [field, boost] of Object.entries(textFields)) {
    queries.push({ term: { [field]: { value: analysed.key, boost } } });
    queries.push({ term: { [`${field}.strict`]: { value: strict, boost: boost * strictBoost } } });
    for (const p of analysed.prefixes ?? []) {
      queries.push({ prefix: { [field]: { value: p, boost: boost * prefixBoost } } });
    }
  }
  return { dis_max: { queries, tie_breaker: 0.1 } };
}

/** One typed token: all its words in the text fields, or (when it has a digit) a number prefix. */
function tokenClause(token: string, last: boolean): Json {
  const ws = words(token);
  const textMatch: Json = {
    bool: { must: ws.map((w, i) => wordClause(w, last && i === ws.length - 1)) },
  };
  if (!isNumberLike(token)) return textMatch;
  const key = numberKey(token);
  const numberMatches = [
    ...Object.entries(numberFields).map(([field, boost]) => ({ term: { [field]: { value: key, boost } } })),
    { term: { identifiers: { value: key, boost: identifierBoost } } },
  ];
  return { bool: { should: [textMatch, ...numberMatches], minimum_should_match: 1 } };
}

function textClauses(text: string, asYouType: boolean): Json[] {
  const ts = tokens(text);
  const endsInSpace = /\s$/u.test(text);
  return ts.map((t, i) => tokenClause(t, asYouType && !endsInSpace && i === ts.length - 1));
}

/** Need-to-know, exactly as documents/domain/visibility's `visibleTo`. */
export function visibilityFilter(viewer: SearchQuery['viewer']): Json {
  const open: Json[] = [];
  if (viewer.seesAll) open.push({ match_all: {} });
  if (viewer.actingFor.length > 0) open.push({ terms: { participants: [...viewer.actingFor] } });
  if (viewer.headOf.length > 0) open.push({ terms: { participantUnits: [...viewer.headOf] } });
  return {
    bool: {
      should: [
        { term: { participants: viewer.employeeId } },
        { bool: { filter: [{ term: { confidential: true } }, { term: { accessList: viewer.employeeId } }] } },
        ...(open.length > 0
          ? [
              {
                bool: { must_not: [{ term: { confidential: true } }], should: open, minimum_should_match: 1 },
              },
            ]
          : []),
      ],
      minimum_should_match: 1,
    },
  };
}

const DAY = 86_400_000;
/** A Baku-local date (Asia/Baku is UTC+4 all year since 2016) as the instant its day starts. */
function bakuDayStart(date: string): number {
  const t = Date.parse(`${date}T00:00:00+04:00`);
  if (Number.isNaN(t)) throw new RangeError(`not a date: ${date}`);
  return t;
}

function facetFilter(facet: SearchFacet, values: string[]): Json {
  return { terms: { [facet]: facet === 'year' ? values.map(Number) : values } };
}

interface CursorValue {
  v: [number, number, string];
}

export function encodeCursor(sortValues: readonly unknown[]): string {
  return Buffer.from(JSON.stringify({ v: sortValues }), 'utf8').toString('base64url');
}

/** The `search_after` values of a cursor; `undefined` for a cursor this engine did not make. */
export function decodeCursor(cursor: string): CursorValue['v'] | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorValue>;
    const v = parsed.v;
    if (
      Array.isArray(v) &&
      v.length === 3 &&
      typeof v[0] === 'number' &&
      typeof v[1] === 'number' &&
      typeof v[2] === 'string'
    ) {
      return v;
    }
  } catch {
    // falls through
  }
  return undefined;
}

/** A cursor this engine did not make: 400 with the code the lists use. */
const invalidCursor = () => new BadRequestError([{ path: 'cursor', code: 'invalid_cursor' }]);

export function buildSearchBody(query: SearchQuery, options: { asYouType?: boolean } = {}): Json {
  const asYouType = options.asYouType ?? true;
  const must = [...textClauses(query.text, asYouType), ...query.within.flatMap((t) => textClauses(t, false))];
  const filter: Json[] = [{ term: { tenantId: query.tenantId } }, visibilityFilter(query.viewer)];
  for (const facet of searchFacets) {
    const values = query.filters[facet];
    if (values && values.length > 0) filter.push(facetFilter(facet, values));
  }
  if (query.sources && query.sources.length > 0) filter.push({ terms: { source: query.sources } });
  if (query.registeredFrom || query.registeredTo) {
    const range: Json = {};
    if (query.registeredFrom) range.gte = new Date(bakuDayStart(query.registeredFrom)).toISOString();
    if (query.registeredTo) range.lt = new Date(bakuDayStart(query.registeredTo) + DAY).toISOString();
    filter.push({ range: { registeredAt: range } });
  }
  const body: Json = {
    size: query.size,
    track_total_hits: true,
    query: {
      bool: {
        must: must.length > 0 ? must : [{ match_all: {} }],
        filter,
        must_not: [{ term: { deleted: true } }],
      },
    },
    sort: [{ _score: 'desc' }, { registeredAt: 'desc' }, { id: 'asc' }],
    _source: ['id', 'source', 'kind', 'status', 'registrationNumber', 'registeredAt', 'summary', 'parties'],
    highlight: {
      pre_tags: ['<mark>'],
      post_tags: ['</mark>'],
      encoder: 'html',
      fragment_size: fragmentSize,
      number_of_fragments: 3,
      max_analyzed_offset: maxAnalyzedOffset,
      require_field_match: true,
      fields: Object.fromEntries(highlightFields.map((f) => [f, {}])),
    },
  };
  if (query.cursor !== undefined) {
    const after = decodeCursor(query.cursor);
    if (!after) throw invalidCursor();
    body.search_after = after;
  }
  if (query.facets) {
    body.aggs = Object.fromEntries(
      searchFacets.map((f) => [f, { terms: { field: f, size: facetSize, order: { _count: 'desc' } } }]),
    );
  }
  return body;
}

const highlightFields = [
  ...Object.keys(numberFields),
  ...Object.keys(textFields).flatMap((f) => [f, `${f}.strict`]),
];

/** The part of an OpenSearch search response this adapter reads. */
export interface SearchResponseBody {
  hits: {
    total?: { value: number } | number;
    hits: {
      _score: number | null;
      _source?: Partial<SearchHitSource>;
      highlight?: Record<string, string[]>;
      sort?: unknown[];
    }[];
  };
  aggregations?: Record<
    string,
    { buckets?: { key: string | number; key_as_string?: string; doc_count: number }[] }
  >;
}

interface SearchHitSource {
  id: string;
  source: SearchHit['source'];
  kind: string;
  status: string;
  registrationNumber?: string;
  registeredAt: string;
  summary: string;
  parties: string[];
}

function highlights(raw: Record<string, string[]> | undefined): SearchHighlight[] {
  if (!raw) return [];
  const byField = new Map<SearchHighlight['field'], string[]>();
  for (const [name, fragments] of Object.entries(raw)) {
    const field = name.split('.')[0] as TextField | NumberField;
    const seen = byField.get(field) ?? [];
    for (const f of fragments) if (!seen.includes(f)) seen.push(f);
    byField.set(field, seen);
  }
  return [...byField].map(([field, fragments]) => ({ field, fragments }));
}

export function mapSearchResponse(body: SearchResponseBody, query: SearchQuery): SearchResult {
  const total = typeof body.hits.total === 'number' ? body.hits.total : (body.hits.total?.value ?? 0);
  const hits: SearchHit[] = body.hits.hits.map((h) => {
    const s = h._source ?? {};
    return {
      id: s.id ?? '',
      source: s.source ?? 'document',
      kind: s.kind ?? '',
      status: s.status ?? '',
      ...(s.registrationNumber !== undefined ? { registrationNumber: s.registrationNumber } : {}),
      registeredAt: s.registeredAt ?? '',
      summary: s.summary ?? '',
      parties: s.parties ?? [],
      score: h._score ?? 0,
      highlights: highlights(h.highlight),
    };
  });
  const facets: SearchResult['facets'] = {};
  if (query.facets && body.aggregations) {
    for (const f of searchFacets) {
      const buckets = body.aggregations[f]?.buckets;
      if (buckets)
        facets[f] = buckets.map((b) => ({ value: String(b.key_as_string ?? b.key), count: b.doc_count }));
    }
  }
  const lastSort = body.hits.hits.at(-1)?.sort;
  const full = body.hits.hits.length === query.size;
  return {
    total,
    hits,
    facets,
    ...(full && lastSort ? { nextCursor: encodeCursor(lastSort) } : {}),
  };
}
