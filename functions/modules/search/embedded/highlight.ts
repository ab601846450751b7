/**
 * Highlighted fragments of a hit: the words of the original text whose analysed terms matched
 * (and the typed part of a matched number) wrapped in `<mark>`, everything else HTML-escaped,
 * short fragments around the matches for long texts.
 */
import type { SearchDocument } from '../domain/search-document';
import type { SearchHighlight } from '../domain/search-query';
import { escapeHtml } from './values';
import { analyzeText, numberKey } from './terms';

/** What the engine says matched in one item: the item's terms and the fields they were found in. */
export interface Matched {
  terms: Set<string>;
  fields: Set<string>;
}

const MAX_FRAGMENTS = 3;
/** A text up to this long is one fragment; longer ones are cut around the matches. */
const WHOLE = 200;
/** Characters shown on each side of a match. */
const CONTEXT = 70;
const MAX_RANGES = 30;

type Range = [number, number];

export function highlightsOf(
  doc: SearchDocument,
  matched: Matched,
  numberKeys: readonly string[],
): SearchHighlight[] {
  const out: SearchHighlight[] = [];
  if (matched.terms.size === 0) return out;
  const analysed = new Map<string, string[]>();
  const isMatch = (word: string) => {
    let terms = analysed.get(word);
    if (!terms) analysed.set(word, (terms = analyzeText(word)));
    return terms.some((t) => matched.terms.has(t));
  };
  const add = (field: SearchHighlight['field'], fragments: string[]) => {
    if (fragments.length > 0) out.push({ field, fragments });
  };
  for (const field of ['registrationNumber', 'senderNumber'] as const) {
    const value = doc[field];
    if (value && matched.fields.has(field)) {
      const fragment = markNumber(value, numberKeys);
      if (fragment) add(field, [fragment]);
    }
  }
  if (matched.fields.has('parties'))
    add(
      'parties',
      doc.parties.flatMap((party) => {
        const ranges = wordRanges(party, isMatch);
        return ranges.length > 0 ? [render(party, 0, party.length, ranges)] : [];
      }),
    );
  for (const field of ['summary', 'note', 'contentText'] as const) {
    const text = doc[field];
    if (text && matched.fields.has(field)) add(field, fragmentsOf(text, isMatch));
  }
  if (matched.fields.has('resolutions'))
    add('resolutions', doc.resolutions.flatMap((text) => fragmentsOf(text, isMatch)).slice(0, MAX_FRAGMENTS));
  return out;
}

/** The number with the part that the longest matching typed key covers marked (all of it when unsure). */
function markNumber(value: string, numberKeys: readonly string[]): string | undefined {
  const key = numberKey(value);
  const typed = numberKeys.filter((k) => key.startsWith(k)).sort((a, b) => b.length - a.length)[0];
  if (!typed) return undefined;
  let covered = '';
  let end = 0;
  for (const char of value) {
    if (covered.length >= typed.length) break;
    covered += numberKey(char);
    end += char.length;
  }
  if (covered !== typed) end = value.length;
  return `<mark>${escapeHtml(value.slice(0, end))}</mark>${escapeHtml(value.slice(end))}`;
}

function wordRanges(text: string, isMatch: (word: string) => boolean): Range[] {
  const ranges: Range[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    if (isMatch(m[0])) ranges.push([m.index, m.index + m[0].length]);
    if (ranges.length >= MAX_RANGES) break;
  }
  return ranges;
}

function fragmentsOf(text: string, isMatch: (word: string) => boolean): string[] {
  const ranges = wordRanges(text, isMatch);
  if (ranges.length === 0) return [];
  if (text.length <= WHOLE) return [render(text, 0, text.length, ranges)];
  const windows: Range[] = [];
  for (const [start, end] of ranges) {
    const from = wordStart(text, Math.max(0, start - CONTEXT));
    const to = wordEnd(text, Math.min(text.length, end + CONTEXT));
    const previous = windows[windows.length - 1];
    if (previous && from <= previous[1]) previous[1] = Math.max(previous[1], to);
    else if (windows.length < MAX_FRAGMENTS) windows.push([from, to]);
    else break;
  }
  return windows.map(([from, to]) => {
    const inside = ranges.filter(([s, e]) => s >= from && e <= to);
    const body = render(text, from, to, inside).trim();
    return `${from > 0 ? '… ' : ''}${body}${to < text.length ? ' …' : ''}`;
  });
}

/** Moves a cut forward to the start of a word (never past `limit` characters). */
function wordStart(text: string, at: number): number {
  if (at === 0) return 0;
  const space = text.slice(at, at + 20).search(/\s/u);
  return space < 0 ? at : at + space + 1;
}

function wordEnd(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const before = text.slice(Math.max(0, at - 20), at);
  const space = before.search(/\s\S*$/u);
  return space < 0 ? at : at - before.length + space;
}

function render(text: string, from: number, to: number, ranges: readonly Range[]): string {
  let out = '';
  let at = from;
  for (const [start, end] of ranges) {
    if (start < at || end > to) continue;
    out += `${escapeHtml(text.slice(at, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return out + escapeHtml(text.slice(at, to));
}
