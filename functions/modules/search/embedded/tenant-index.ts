/**
 * One tenant's items in memory: the stored items (what the index holds, for filters, visibility,
 * facets and highlights), the versions of removed items (tombstones) and a compact postings index
 * of the searchable fields (`postings.ts`). Pure and synchronous: persistence lives in `engine.ts`.
 */
import { searchFacets, type SearchDocument, type SearchFacet } from '../domain/search-document';
import type { SearchHit, SearchQuery, SearchResult } from '../domain/search-query';
import { highlightsOf, type Matched } from './highlight';
import { PostingsIndex, type Evaluated } from './postings';
import { planQuery, type IndexField } from './query';
import { analyzeText, numberKey } from './terms';
import { bakuDate, compareVersions, decodeCursor, encodeCursor, wrongCursor, type CursorKey } from './values';
import { visibleTo } from './visibility';

interface Entry {
  doc: SearchDocument;
  /** The item's ordinal in the postings index. */
  ord: number;
  /** Baku calendar day of `registeredAt`. */
  day: string;
  /** False once the item was replaced or removed (it may still sit in `order`). */
  live: boolean;
}

/** The terms of an item per indexed field: numbers and identifiers one key per value, texts their words. */
function analysed(doc: SearchDocument): Record<IndexField, string[]> {
  const keys = (values: readonly (string | undefined)[]) =>
    values.map((v) => numberKey(v ?? '')).filter((k) => k !== '');
  const words = (values: readonly (string | undefined)[]) => values.flatMap((v) => (v ? analyzeText(v) : []));
  return {
    registrationNumber: keys([doc.registrationNumber]),
    senderNumber: keys([doc.senderNumber]),
    identifiers: keys(doc.identifiers),
    parties: words(doc.parties),
    summary: words([doc.summary]),
    note: words([doc.note]),
    resolutions: words(doc.resolutions),
    contentText: words([doc.contentText]),
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
}

/** Score descending, then id ascending: the order of a text search. */
const before = (a: Candidate, b: Candidate) =>
  a.score > b.score || (a.score === b.score && a.entry.doc.id < b.entry.doc.id);

export interface TenantState {
  seq: number;
  docs: SearchDocument[];
  tombstones: [string, string][];
}

/** The postings of a state's items, numbered by their place in `docs` (see `PostingsIndex.serialize`). */
export interface StoredPostings {
  lengths: string[];
  terms: [number, string, string][];
}

export class TenantIndex {
  /** Sequence number of the last operation applied (the operation log's numbering). */
  seq = 0;
  private readonly entries = new Map<string, Entry>();
  private readonly tombstones = new Map<string, string>();
  private postings = new PostingsIndex();
  /** Live entries by ordinal. */
  private readonly byOrd: (Entry | undefined)[] = [];
  /**
   * Columns by ordinal, for filters and facet counts without touching the items: per facet the
   * code of the item's value (-1: none; value → code and back beside it), the source's code, the
   * Baku day as yyyymmdd and whether the item is confidential.
   */
  private readonly facetCodes = searchFacets.map(() => new Map<string, number>());
  private readonly facetValues = searchFacets.map((): string[] => []);
  private facetColumns: Int32Array[] = searchFacets.map(() => new Int32Array(16));
  private readonly sourceCodes = new Map<string, number>();
  private sourceColumn: Int32Array = new Int32Array(16);
  private dayColumn: Int32Array = new Int32Array(16);
  private confidentialColumn: Uint8Array = new Uint8Array(16);
  /** Entries newest first (with some no longer live); `added` waits to be merged in at the next empty search. */
  private order: Entry[] = [];
  private added: Entry[] = [];
  private dead = 0;

  get size(): number {
    return this.entries.size;
  }

  /** The stored state. Items are never mutated, so this is a consistent view. */
  state(): TenantState {
    return {
      seq: this.seq,
      docs: Array.from(this.entries.values(), (e) => e.doc),
      tombstones: Array.from(this.tombstones),
    };
  }

  /** The state with its postings, taken at once (the postings change with the next write). */
  stored(): { state: TenantState; postings: StoredPostings } {
    const state = this.state();
    const position = new Int32Array(this.postings.capacity).fill(-1);
    state.docs.forEach((doc, i) => {
      const entry = this.entries.get(doc.id);
      if (entry) position[entry.ord] = i;
    });
    return { state, postings: this.postings.serialize(position, state.docs.length) };
  }

  /** Restores a stored state: with its stored postings when given (same analysis), otherwise by indexing the items again. */
  static restore(state: TenantState, postings?: StoredPostings): TenantIndex {
    const tenant = new TenantIndex();
    tenant.seq = state.seq;
    if (postings)
      tenant.postings = PostingsIndex.deserialize(state.docs.length, postings.lengths, postings.terms);
    state.docs.forEach((doc, i) => tenant.entries.set(doc.id, tenant.entryOf(doc, postings ? i : undefined)));
    for (const [id, version] of state.tombstones) tenant.tombstones.set(id, version);
    tenant.added = Array.from(tenant.entries.values());
    return tenant;
  }

  /** A new entry; `stored` is its ordinal when the postings already hold it. */
  private entryOf(doc: SearchDocument, stored?: number): Entry {
    const ord = stored ?? this.postings.add(analysed(doc));
    if (ord >= this.dayColumn.length) {
      const size = Math.max(ord + 1, this.dayColumn.length * 2);
      const grow = <T extends Int32Array | Uint8Array>(column: T, make: (n: number) => T): T => {
        const grown = make(size);
        grown.set(column);
        return grown;
      };
      this.facetColumns = this.facetColumns.map((c) => grow(c, (n) => new Int32Array(n)));
      this.sourceColumn = grow(this.sourceColumn, (n) => new Int32Array(n));
      this.dayColumn = grow(this.dayColumn, (n) => new Int32Array(n));
      this.confidentialColumn = grow(this.confidentialColumn, (n) => new Uint8Array(n));
    }
    const day = bakuDate(doc.registeredAt);
    this.dayColumn[ord] = dayNumber(day);
    this.confidentialColumn[ord] = doc.confidential ? 1 : 0;
    let source = this.sourceCodes.get(doc.source);
    if (source === undefined) this.sourceCodes.set(doc.source, (source = this.sourceCodes.size));
    this.sourceColumn[ord] = source;
    searchFacets.forEach((facet, i) => {
      const codes = this.facetColumns[i] as Int32Array;
      const value = facetValue(doc, facet);
      if (value === undefined) {
        codes[ord] = -1;
        return;
      }
      const dict = this.facetCodes[i] as Map<string, number>;
      let code = dict.get(value);
      if (code === undefined) {
        const values = this.facetValues[i] as string[];
        dict.set(value, (code = values.length));
        values.push(value);
      }
      codes[ord] = code;
    });
    const entry: Entry = { doc, ord, day, live: true };
    this.byOrd[ord] = entry;
    return entry;
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
    const entry = this.entryOf(doc);
    this.entries.set(doc.id, entry);
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
    this.postings.remove(entry.ord);
    this.byOrd[entry.ord] = undefined;
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
    const within = query.within.flatMap((text) => {
      const p = planQuery(text);
      return p.query ? [{ plan: p, evaluated: this.postings.evaluate(p.query) }] : [];
    });
    const passes = (entry: Entry) =>
      accepts(entry) && within.every((w) => (w.evaluated.scores[entry.ord] as number) > 0);

    let matches: Entry[];
    let page: Candidate[];
    let more: boolean;
    let evaluated: Evaluated | undefined;
    if (plan.query) {
      if (after && after.by !== 'score') wrongCursor();
      evaluated = this.postings.evaluate(plan.query);
      const { scores } = evaluated;
      matches = [];
      // The best `size` after the cursor, kept in order; `rest` counts the others after it.
      page = [];
      let rest = 0;
      for (let ord = 0; ord < scores.length; ord++) {
        const score = scores[ord] as number;
        if (!(score > 0)) continue;
        const entry = this.byOrd[ord];
        if (!entry || !passes(entry)) continue;
        matches.push(entry);
        const c = { entry, score };
        if (
          after &&
          after.by === 'score' &&
          !(score < after.score || (score === after.score && entry.doc.id > after.id))
        )
          continue;
        if (page.length === size && !before(c, page[size - 1] as Candidate)) {
          rest += 1;
          continue;
        }
        let at = page.length;
        while (at > 0 && before(c, page[at - 1] as Candidate)) at -= 1;
        page.splice(at, 0, c);
        if (page.length > size) {
          page.pop();
          rest += 1;
        }
      }
      more = rest > 0;
    } else {
      matches = [];
      for (const entry of this.sorted()) if (entry.live && passes(entry)) matches.push(entry);
      const start = after ? this.startAfter(matches, after) : 0;
      page = matches.slice(start, start + size).map((entry) => ({ entry, score: 0 }));
      more = start + size < matches.length;
    }

    const last = page[page.length - 1];
    const numberKeys = [...plan.numberKeys, ...within.flatMap((w) => w.plan.numberKeys)];
    const hits = page.map((c) => {
      const matched: Matched = { terms: new Set(), fields: new Set() };
      if (evaluated) {
        this.postings.matched(evaluated, c.entry.ord, matched);
        for (const w of within) this.postings.matched(w.evaluated, c.entry.ord, matched);
      }
      return hitOf(c, highlightsOf(c.entry.doc, matched, numberKeys));
    });
    return {
      total: matches.length,
      hits,
      facets: query.facets ? this.countFacets(matches) : {},
      ...(last && more
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

  /** Where the page after `after` starts in entries newest first. */
  private startAfter(entries: Entry[], after: CursorKey): number {
    if (after.by !== 'date') wrongCursor();
    const isAfter = (e: Entry) =>
      e.doc.registeredAt < after.at || (e.doc.registeredAt === after.at && e.doc.id < after.id);
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (isAfter(entries[mid] as Entry)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Sources, dates, facet filters and need-to-know, as one test of an item (mostly on the columns). */
  private filterOf(query: SearchQuery): (entry: Entry) => boolean {
    const sources =
      query.sources && query.sources.length > 0
        ? new Set(query.sources.map((source) => this.sourceCodes.get(source) ?? -2))
        : undefined;
    const facets = searchFacets
      .map((facet, i) => [i, query.filters[facet]] as const)
      .filter((f): f is readonly [number, string[]] => f[1] !== undefined && f[1].length > 0)
      .map(([i, values]) => {
        const dict = this.facetCodes[i] as Map<string, number>;
        return [this.facetColumns[i] as Int32Array, new Set(values.map((v) => dict.get(v) ?? -2))] as const;
      });
    const from = query.registeredFrom;
    const to = query.registeredTo;
    const fromDay = from ? dayNumber(from) : 0;
    const toDay = to ? dayNumber(to) : 0;
    // A day that is not yyyy-MM-dd compares as text, as the stored days do.
    const days =
      (from && fromDay === 0) || (to && toDay === 0)
        ? (entry: Entry) => (!from || entry.day >= from) && (!to || entry.day <= to)
        : (entry: Entry) => {
            const day = this.dayColumn[entry.ord] as number;
            return (!from || day >= fromDay) && (!to || day <= toDay);
          };
    const viewer = query.viewer;
    const sourceColumn = this.sourceColumn;
    const confidential = this.confidentialColumn;
    return (entry) => {
      const ord = entry.ord;
      if (sources && !sources.has(sourceColumn[ord] as number)) return false;
      if ((from || to) && !days(entry)) return false;
      for (const [column, codes] of facets) if (!codes.has(column[ord] as number)) return false;
      return (viewer.seesAll && confidential[ord] === 0) || visibleTo(entry.doc, viewer);
    };
  }

  /** Counts of each facet's values over all the matches; by count, then value. */
  private countFacets(matches: readonly Entry[]): SearchResult['facets'] {
    const counts = this.facetValues.map((values) => new Int32Array(values.length));
    const columns = this.facetColumns;
    for (const { ord } of matches)
      for (let i = 0; i < counts.length; i++) {
        const code = (columns[i] as Int32Array)[ord] as number;
        const count = counts[i] as Int32Array;
        if (code >= 0) count[code] = (count[code] as number) + 1;
      }
    const out: SearchResult['facets'] = {};
    searchFacets.forEach((facet, i) => {
      const values = this.facetValues[i] as string[];
      const list: { value: string; count: number }[] = [];
      (counts[i] as Int32Array).forEach((count, code) => {
        if (count > 0) list.push({ value: values[code] as string, count });
      });
      out[facet] = list.sort(
        (a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
      );
    });
    return out;
  }
}

/** `yyyy-MM-dd` as the number yyyymmdd (0 when it is not such a day). */
function dayNumber(day: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? Number(day.replaceAll('-', '')) : 0;
}

function facetValue(doc: SearchDocument, facet: SearchFacet): string | undefined {
  const value = doc[facet];
  return value === undefined || value === '' ? undefined : String(value);
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
