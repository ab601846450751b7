/**
 * One tenant's items in memory: the stored items (what the index holds, for filters, visibility,
 * facets and highlights), the versions of removed items (tombstones) and a MiniSearch index of
 * the searchable fields. Pure and synchronous: persistence lives in `store.ts`.
 */
import MiniSearch, { type Options, type SearchResult as MiniResult } from 'minisearch';
import { searchFacets, type SearchDocument, type SearchFacet } from '../domain/search-document';
import type { SearchHit, SearchQuery, SearchResult } from '../domain/search-query';
import { highlightsOf, type Matched } from './highlight';
import { FIELD_BOOST, INDEX_FIELDS, NUMBER_FIELDS, planQuery, type QueryPlan } from './query';
import { analyzeText, numberKey } from './terms';
import { bakuDate, compareVersions, decodeCursor, encodeCursor, wrongCursor, type CursorKey } from './values';
import { visibleTo } from './visibility';

interface Entry {
  doc: SearchDocument;
  /** Baku calendar day of `registeredAt`. */
  day: string;
  /** The item's value of each of `searchFacets`, as text. */
  facets: (string | undefined)[];
  /** False once the item was replaced or removed (it may still sit in `order`). */
  live: boolean;
}

function entryOf(doc: SearchDocument): Entry {
  return {
    doc,
    day: bakuDate(doc.registeredAt),
    facets: searchFacets.map((f) => facetValue(doc, f)),
    live: true,
  };
}

/** What MiniSearch indexes of an item: every field one text. */
type Indexed = { id: string } & Record<(typeof INDEX_FIELDS)[number], string>;

const LINES = '\n';

export const miniSearchOptions: Options<Indexed> = {
  fields: [...INDEX_FIELDS],
  storeFields: [],
  tokenize: (text, field) => {
    if ((NUMBER_FIELDS as readonly string[]).includes(field ?? '') || field === 'identifiers')
      return text
        .split(LINES)
        .map(numberKey)
        .filter((k) => k !== '');
    return analyzeText(text);
  },
  processTerm: (term) => term,
  searchOptions: {
    tokenize: (text) => [text],
    processTerm: (term) => term,
    boost: FIELD_BOOST,
  },
};

function indexed(doc: SearchDocument): Indexed {
  return {
    id: doc.id,
    registrationNumber: doc.registrationNumber ?? '',
    senderNumber: doc.senderNumber ?? '',
    identifiers: doc.identifiers.join(LINES),
    parties: doc.parties.join(LINES),
    summary: doc.summary,
    note: doc.note ?? '',
    resolutions: doc.resolutions.join(LINES),
    contentText: doc.contentText,
  };
}

/** Newest first; the id breaks ties (descending, like the date). */
function byDate(a: Entry, b: Entry): number {
  const at = a.doc.registeredAt;
  const bt = b.doc.registeredAt;
  if (at !== bt) return at < bt ? 1 : -1;
  return a.doc.id < b.doc.id ? 1 : a.doc.id > b.doc.id ? -1 : 0;
}

interface Candidate {
  entry: Entry;
  score: number;
  match?: MiniResult['match'];
}

export interface TenantState {
  seq: number;
  docs: SearchDocument[];
  tombstones: [string, string][];
}

export class TenantIndex {
  /** Sequence number of the last operation applied (the operation log's numbering). */
  seq = 0;
  private readonly entries = new Map<string, Entry>();
  private readonly tombstones = new Map<string, string>();
  private mini: MiniSearch<Indexed>;
  /** Entries newest first (with some no longer live); `added` waits to be merged in at the next empty search. */
  private order: Entry[] = [];
  private added: Entry[] = [];
  private dead = 0;

  constructor(mini?: MiniSearch<Indexed>) {
    this.mini = mini ?? new MiniSearch(miniSearchOptions);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The stored state (the index itself is `indexJson`). Items are never mutated, so this is a consistent view. */
  state(): TenantState {
    return {
      seq: this.seq,
      docs: Array.from(this.entries.values(), (e) => e.doc),
      tombstones: Array.from(this.tombstones),
    };
  }

  indexJson(): string {
    return JSON.stringify(this.mini);
  }

  /**
   * Restores a stored state: with the stored MiniSearch index when given (same analysis),
   * otherwise by indexing the items again.
   */
  static restore(state: TenantState, indexJson: string | undefined): TenantIndex {
    const mini = indexJson ? MiniSearch.loadJSON<Indexed>(indexJson, miniSearchOptions) : undefined;
    const tenant = new TenantIndex(mini);
    tenant.seq = state.seq;
    for (const doc of state.docs) tenant.entries.set(doc.id, entryOf(doc));
    for (const [id, version] of state.tombstones) tenant.tombstones.set(id, version);
    if (!mini) tenant.mini.addAll(state.docs.map(indexed));
    tenant.added = Array.from(tenant.entries.values());
    return tenant;
  }

  versionOf(id: string): string | undefined {
    return this.entries.get(id)?.doc.version ?? this.tombstones.get(id);
  }

  /** Adds or replaces an item unless the index holds the same or a newer version (true when applied). */
  upsert(doc: SearchDocument): boolean {
    const current = this.versionOf(doc.id);
    if (current !== undefined && compareVersions(doc.version, current) <= 0) return false;
    this.drop(doc.id);
    this.tombstones.delete(doc.id);
    const entry = entryOf(doc);
    this.entries.set(doc.id, entry);
    this.mini.add(indexed(doc));
    this.added.push(entry);
    return true;
  }

  /** Removes an item unless the index holds a newer version; remembers the version either way. */
  remove(id: string, version: string): boolean {
    const current = this.versionOf(id);
    if (current !== undefined && compareVersions(version, current) < 0) return false;
    this.drop(id);
    this.tombstones.set(id, version);
    return true;
  }

  private drop(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.mini.discard(id);
    entry.live = false;
    this.dead += 1;
  }

  /** First index in `order` not before `entry` (binary search). */
  private position(entry: Entry, order: Entry[] = this.order): number {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (byDate(order[mid] as Entry, entry) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Every entry newest first: a few new ones are inserted, many make a new sort. */
  private sorted(): Entry[] {
    if (this.added.length === 0 && this.dead * 4 <= this.order.length) return this.order;
    if (this.added.length * 16 < this.order.length && this.dead * 4 <= this.order.length) {
      for (const entry of this.added.sort(byDate))
        if (entry.live) this.order.splice(this.position(entry), 0, entry);
    } else {
      this.order = this.order
        .concat(this.added)
        .filter((e) => e.live)
        .sort(byDate);
      this.dead = 0;
    }
    this.added = [];
    return this.order;
  }

  search(query: SearchQuery): SearchResult {
    const size = Math.min(100, Math.max(1, Math.trunc(query.size) || 1));
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const accepts = this.filterOf(query);
    const plan = planQuery(query.text);
    const within = query.within
      .map(planQuery)
      .filter((p): p is QueryPlan & Required<Pick<QueryPlan, 'query'>> => p.query !== undefined)
      .map((p) => ({ plan: p, results: this.matchesOf(p, accepts) }));
    const passes = (entry: Entry) => accepts(entry) && within.every((w) => w.results.has(entry.doc.id));

    let candidates: Candidate[];
    if (plan.query) {
      candidates = [];
      // Items the filters exclude are dropped while scoring (a weight of 0), before MiniSearch builds results.
      const boostDocument = (id: string) => {
        const entry = this.entries.get(id);
        return entry && passes(entry) ? 1 : 0;
      };
      for (const result of this.mini.search(plan.query, { boostDocument })) {
        const entry = this.entries.get(result.id as string);
        if (entry) candidates.push({ entry, score: result.score, match: result.match });
      }
      candidates.sort((a, b) => b.score - a.score || (a.entry.doc.id < b.entry.doc.id ? -1 : 1));
    } else {
      candidates = [];
      for (const entry of this.sorted())
        if (entry.live && passes(entry)) candidates.push({ entry, score: 0 });
    }

    const start = after ? this.startAfter(candidates, after, plan.query !== undefined) : 0;
    const page = candidates.slice(start, start + size);
    const last = page[page.length - 1];
    const numberKeys = [...plan.numberKeys, ...within.flatMap((w) => w.plan.numberKeys)];
    const hits = page.map((c) => {
      const matched: Matched = { terms: new Set(), fields: new Set() };
      const matches = [c.match, ...within.map((w) => w.results.get(c.entry.doc.id))];
      for (const match of matches)
        for (const [term, fields] of Object.entries(match ?? {})) {
          matched.terms.add(term);
          for (const field of fields) matched.fields.add(field);
        }
      return hitOf(c, highlightsOf(c.entry.doc, matched, numberKeys));
    });
    return {
      total: candidates.length,
      hits,
      facets: query.facets ? countFacets(candidates) : {},
      ...(last && start + size < candidates.length
        ? {
            nextCursor: encodeCursor(
              plan.query
                ? { by: 'score', score: last.score, id: last.entry.doc.id }
                : { by: 'date', at: last.entry.doc.registeredAt, id: last.entry.doc.id },
            ),
          }
        : {}),
    };
  }

  /** The items a text matches, with what matched in each. */
  private matchesOf(
    plan: Required<Pick<QueryPlan, 'query'>>,
    accepts: (entry: Entry) => boolean,
  ): Map<string, MiniResult['match']> {
    const out = new Map<string, MiniResult['match']>();
    const boostDocument = (id: string) => {
      const entry = this.entries.get(id);
      return entry && accepts(entry) ? 1 : 0;
    };
    for (const result of this.mini.search(plan.query, { boostDocument }))
      out.set(result.id as string, result.match);
    return out;
  }

  private startAfter(candidates: Candidate[], after: CursorKey, scored: boolean): number {
    if ((after.by === 'score') !== scored) wrongCursor();
    const isAfter =
      after.by === 'score'
        ? (c: Candidate) => c.score < after.score || (c.score === after.score && c.entry.doc.id > after.id)
        : (c: Candidate) =>
            c.entry.doc.registeredAt < after.at ||
            (c.entry.doc.registeredAt === after.at && c.entry.doc.id < after.id);
    let lo = 0;
    let hi = candidates.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (isAfter(candidates[mid] as Candidate)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Sources, dates, facet filters and need-to-know, as one test of an item. */
  private filterOf(query: SearchQuery): (entry: Entry) => boolean {
    const sources = query.sources && query.sources.length > 0 ? new Set<string>(query.sources) : undefined;
    const facets = searchFacets
      .map((facet, i) => [i, query.filters[facet]] as const)
      .filter((f): f is readonly [number, string[]] => f[1] !== undefined && f[1].length > 0)
      .map(([i, values]) => [i, new Set(values)] as const);
    const from = query.registeredFrom;
    const to = query.registeredTo;
    const viewer = query.viewer;
    return (entry) =>
      (!sources || sources.has(entry.doc.source)) &&
      (!from || entry.day >= from) &&
      (!to || entry.day <= to) &&
      facets.every(([i, values]) => {
        const value = entry.facets[i];
        return value !== undefined && values.has(value);
      }) &&
      visibleTo(entry.doc, viewer);
  }
}

function facetValue(doc: SearchDocument, facet: SearchFacet): string | undefined {
  const value = doc[facet];
  return value === undefined || value === '' ? undefined : String(value);
}

function countFacets(candidates: readonly Candidate[]): SearchResult['facets'] {
  const counts = searchFacets.map(() => new Map<string, number>());
  for (const { entry } of candidates)
    for (let i = 0; i < counts.length; i++) {
      const value = entry.facets[i];
      const count = counts[i] as Map<string, number>;
      if (value !== undefined) count.set(value, (count.get(value) ?? 0) + 1);
    }
  const out: SearchResult['facets'] = {};
  searchFacets.forEach((facet, i) => {
    out[facet] = Array.from(counts[i] ?? [], ([value, count]) => ({ value, count })).sort(
      (a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
    );
  });
  return out;
}

function hitOf(c: Candidate, highlights: SearchHit['highlights']): SearchHit {
  const { doc } = c.entry;
  return {
    id: doc.id,
    source: doc.source,
    kind: doc.kind,
    status: doc.status,
    ...(doc.registrationNumber ? { registrationNumber: doc.registrationNumber } : {}),
    registeredAt: doc.registeredAt,
    summary: doc.summary,
    parties: [...doc.parties],
    score: c.score,
    highlights,
  };
}
