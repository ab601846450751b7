/**
 * A compact inverted index of one tenant: per field, term → postings (item ordinals ascending,
 * with the term's frequency), packed in one growable `Uint32Array` per term; field lengths in
 * typed arrays; a sorted vocabulary per field for prefixes (binary search). A query is evaluated
 * into dense score arrays over the ordinals (a score above 0 is a match), BM25 per field times
 * the field's weight, summed over the matched terms (document frequencies count live items only).
 * Removed items leave their ordinals in the postings until more than half are stale, then the
 * postings are compacted.
 */
import { FIELD_BOOST, INDEX_FIELDS, type IndexField, type Query } from './query';

/** BM25 parameters (k1, b) and the BM25+ lower bound of a matched term. */
const K = 1.2;
const B = 0.7;
const D = 0.5;
/** A prefix match weighs less than the whole word, and less the more the term is longer. */
const PREFIX_WEIGHT = 0.375;

class Postings {
  /** Pairs of (ordinal, term frequency). */
  data: Uint32Array = new Uint32Array(2);
  length = 0;

  static of(data: Uint32Array): Postings {
    const postings = new Postings();
    postings.data = data.length > 0 ? data : new Uint32Array(2);
    postings.length = data.length / 2;
    return postings;
  }

  add(ord: number, tf: number): void {
    if (this.length * 2 === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length * 2] = ord;
    this.data[this.length * 2 + 1] = tf;
    this.length += 1;
  }

  has(ord: number): boolean {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.data[mid * 2] as number;
      if (at === ord) return true;
      if (at < ord) lo = mid + 1;
      else hi = mid;
    }
    return false;
  }

  /** Keeps only the ordinals `live` accepts. */
  compact(live: (ord: number) => boolean): void {
    let n = 0;
    for (let i = 0; i < this.length; i++) {
      const ord = this.data[i * 2] as number;
      if (!live(ord)) continue;
      this.data[n * 2] = ord;
      this.data[n * 2 + 1] = this.data[i * 2 + 1] as number;
      n += 1;
    }
    this.length = n;
    if (n * 4 < this.data.length) this.data = this.data.slice(0, Math.max(2, n * 2));
  }
}

class FieldIndex {
  readonly terms = new Map<string, Postings>();
  /** Lengths (terms) of the field per ordinal. */
  lengths: Uint16Array = new Uint16Array(16);
  totalLength = 0;
  /** The vocabulary in order, and the terms added since it was last sorted. */
  private sorted: string[] = [];
  private fresh: string[] = [];

  constructor(readonly name: IndexField) {}

  add(ord: number, terms: readonly string[]): void {
    if (terms.length === 0) return;
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, tf] of counts) {
      let postings = this.terms.get(term);
      if (!postings) {
        this.terms.set(term, (postings = new Postings()));
        this.fresh.push(term);
      }
      postings.add(ord, tf);
    }
    if (ord >= this.lengths.length) {
      const grown = new Uint16Array(Math.max(ord + 1, this.lengths.length * 2));
      grown.set(this.lengths);
      this.lengths = grown;
    }
    const length = Math.min(terms.length, 0xffff);
    this.lengths[ord] = length;
    this.totalLength += length;
  }

  /** Adds a vocabulary term read from a snapshot. */
  load(term: string, postings: Postings): void {
    this.terms.set(term, postings);
    this.fresh.push(term);
  }

  drop(ord: number): void {
    if (ord < this.lengths.length) {
      this.totalLength -= this.lengths[ord] as number;
      this.lengths[ord] = 0;
    }
  }

  /** The terms that start with `prefix`, from the sorted vocabulary. */
  withPrefix(prefix: string): string[] {
    if (this.fresh.length > 0) {
      if (this.fresh.length * 16 < this.sorted.length)
        for (const term of this.fresh.sort()) this.sorted.splice(lowerBound(this.sorted, term), 0, term);
      else this.sorted = this.sorted.concat(this.fresh).sort();
      this.fresh = [];
    }
    const out: string[] = [];
    for (let i = lowerBound(this.sorted, prefix); i < this.sorted.length; i++) {
      const term = this.sorted[i] as string;
      if (!term.startsWith(prefix)) break;
      out.push(term);
    }
    return out;
  }
}

function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A query evaluated: the score of each ordinal (0: no match), and what its leaves expanded to. */
export interface Evaluated {
  scores: Float64Array;
  node: EvaluatedNode;
}

type EvaluatedNode =
  | { scores: Float64Array; terms: { field: IndexField; term: string; postings: Postings }[] }
  | { scores: Float64Array; children: EvaluatedNode[] };

export class PostingsIndex {
  private readonly fields = INDEX_FIELDS.map((name) => new FieldIndex(name));
  /** Ordinals handed out so far (the size of every dense array), live ones, stale ones. */
  private next = 0;
  private live = 0;
  private stale = 0;
  private alive: Uint8Array = new Uint8Array(16);

  get capacity(): number {
    return this.next;
  }

  /** Indexes an item's analysed fields under a new ordinal. */
  add(fields: Record<IndexField, readonly string[]>): number {
    const ord = this.next++;
    if (ord >= this.alive.length) {
      const grown = new Uint8Array(this.alive.length * 2);
      grown.set(this.alive);
      this.alive = grown;
    }
    this.alive[ord] = 1;
    this.live += 1;
    for (const field of this.fields) field.add(ord, fields[field.name]);
    return ord;
  }

  remove(ord: number): void {
    if (this.alive[ord] !== 1) return;
    this.alive[ord] = 0;
    this.live -= 1;
    this.stale += 1;
    for (const field of this.fields) field.drop(ord);
    if (this.stale > this.live && this.stale > 1000) {
      const alive = this.alive;
      for (const field of this.fields)
        for (const postings of field.terms.values()) postings.compact((o) => alive[o] === 1);
      this.stale = 0;
    }
  }

  /**
   * The index with its ordinals renumbered by `position` (-1: not kept), for a snapshot: the
   * field lengths (one base64 `Uint16Array` per field) and one `[field, term, base64 pairs]` per term.
   */
  serialize(position: Int32Array, count: number): { lengths: string[]; terms: [number, string, string][] } {
    const lengths = this.fields.map((field) => {
      const out = new Uint16Array(count);
      for (let ord = 0; ord < this.next; ord++) {
        const at = position[ord] as number;
        if (at >= 0) out[at] = field.lengths[ord] as number;
      }
      return base64(out);
    });
    const terms: [number, string, string][] = [];
    this.fields.forEach((field, f) => {
      for (const [term, postings] of field.terms) {
        const out = new Uint32Array(postings.length * 2);
        let n = 0;
        for (let i = 0; i < postings.length; i++) {
          const at = position[postings.data[i * 2] as number] as number;
          if (at < 0) continue;
          out[n * 2] = at;
          out[n * 2 + 1] = postings.data[i * 2 + 1] as number;
          n += 1;
        }
        if (n > 0) terms.push([f, term, base64(out.subarray(0, n * 2))]);
      }
    });
    return { lengths, terms };
  }

  /** An index of `count` items (ordinals 0..count-1) from `serialize`'s output. */
  static deserialize(
    count: number,
    lengths: readonly string[],
    terms: Iterable<[number, string, string]>,
  ): PostingsIndex {
    const index = new PostingsIndex();
    index.next = count;
    index.live = count;
    index.alive = new Uint8Array(Math.max(16, count)).fill(1, 0, count);
    index.fields.forEach((field, f) => {
      const read = new Uint16Array(fromBase64(lengths[f] ?? '', 2).buffer);
      field.lengths = new Uint16Array(Math.max(16, count));
      field.lengths.set(read.subarray(0, count));
      for (let i = 0; i < count; i++) field.totalLength += field.lengths[i] as number;
    });
    for (const [f, term, data] of terms) {
      const field = index.fields[f];
      if (field) field.load(term, Postings.of(new Uint32Array(fromBase64(data, 4).buffer)));
    }
    return index;
  }

  /** Whether `ord` is a live item. */
  isLive(ord: number): boolean {
    return this.alive[ord] === 1;
  }

  evaluate(query: Query): Evaluated {
    const node = this.node(query);
    return { scores: node.scores, node };
  }

  private node(query: Query): EvaluatedNode {
    if ('term' in query) return this.leaf(query);
    const children = ('all' in query ? query.all : query.any).map((q) => this.node(q));
    const scores = new Float64Array(this.next);
    if ('all' in query) {
      const [first, ...rest] = children;
      if (first) {
        scores.set(first.scores);
        for (const child of rest) {
          const other = child.scores;
          for (let i = 0; i < scores.length; i++) {
            const s = scores[i] as number;
            if (s > 0) scores[i] = (other[i] as number) > 0 ? s + (other[i] as number) : 0;
          }
        }
      }
    } else
      for (const child of children) {
        const other = child.scores;
        for (let i = 0; i < scores.length; i++) scores[i] = (scores[i] as number) + (other[i] as number);
      }
    return { scores, children };
  }

  private leaf(query: Extract<Query, { term: string }>): EvaluatedNode {
    const scores = new Float64Array(this.next);
    const terms: { field: IndexField; term: string; postings: Postings }[] = [];
    const n = Math.max(1, this.live);
    for (const field of this.fields) {
      if (!query.fields.includes(field.name)) continue;
      const boost = FIELD_BOOST[field.name];
      const avg = field.totalLength / n || 1;
      const found = query.prefix ? field.withPrefix(query.term) : [query.term];
      for (const term of found) {
        const postings = field.terms.get(term);
        if (!postings || postings.length === 0) continue;
        const { data, length } = postings;
        let df = 0;
        for (let i = 0; i < length; i++) if (this.alive[data[i * 2] as number] === 1) df += 1;
        if (df === 0) continue;
        terms.push({ field: field.name, term, postings });
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        const extra = term.length - query.term.length;
        const weight =
          boost * (extra === 0 ? 1 : (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * extra)) * idf;
        const lengths = field.lengths;
        for (let i = 0; i < length; i++) {
          const ord = data[i * 2] as number;
          if (this.alive[ord] !== 1) continue;
          const tf = data[i * 2 + 1] as number;
          const norm = 1 - B + (B * (lengths[ord] as number)) / avg;
          scores[ord] = (scores[ord] as number) + weight * (D + (tf * (K + 1)) / (tf + K * norm));
        }
      }
    }
    return { scores, terms };
  }

  /** The terms that matched an ordinal, with their fields (for highlights). */
  matched(evaluated: Evaluated, ord: number, into: { terms: Set<string>; fields: Set<string> }): void {
    const visit = (node: EvaluatedNode) => {
      if (!((node.scores[ord] as number) > 0)) return;
      if ('children' in node) for (const child of node.children) visit(child);
      else
        for (const { field, term, postings } of node.terms)
          if (postings.has(ord)) {
            into.terms.add(term);
            into.fields.add(field);
          }
    };
    visit(evaluated.node);
  }
}

/** Typed arrays as base64 (native byte order: little-endian on every platform Node runs on here). */
function base64(array: Uint16Array | Uint32Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

/** A copy of base64 bytes in an aligned buffer of whole `width`-byte elements. */
function fromBase64(text: string, width: number): Uint8Array {
  const bytes = Buffer.from(text, 'base64');
  const out = new Uint8Array(bytes.length - (bytes.length % width));
  out.set(bytes.subarray(0, out.length));
  return out;
}
