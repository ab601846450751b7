/**
 * A typed text as a query tree for the postings index (`postings.ts`). Every word must match
 * (AND); a word matches when its analysed terms all occur in the text fields, or — for a word
 * with a digit, or the word being typed — when its number key starts a registration or sender
 * number, or equals an identifier (FİN, VÖEN). The last word, unless followed by a space, is
 * still being typed and matches as a prefix. The whole text as one number key is tried too, so
 * `NK 1234/05` finds `NK-1234/05`.
 */
import { analyzeText, numberKey } from './terms';

export const TEXT_FIELDS = ['parties', 'summary', 'note', 'resolutions', 'contentText'] as const;
export const NUMBER_FIELDS = ['registrationNumber', 'senderNumber'] as const;
export const ID_FIELDS = ['identifiers'] as const;
export const INDEX_FIELDS = [...NUMBER_FIELDS, ...ID_FIELDS, ...TEXT_FIELDS];
export type IndexField = (typeof INDEX_FIELDS)[number];

/** Relevance weights of the fields. */
export const FIELD_BOOST: Record<IndexField, number> = {
  registrationNumber: 6,
  senderNumber: 4,
  identifiers: 4,
  parties: 3,
  summary: 2,
  note: 1.5,
  resolutions: 1.2,
  contentText: 1,
};

/** A single letter expands to too much of the vocabulary: prefixes count from two characters. */
const MIN_PREFIX = 2;

/** A term in some fields (exactly or as a prefix), or every / any of some sub-queries. */
export type Query =
  { term: string; fields: readonly IndexField[]; prefix: boolean } | { all: Query[] } | { any: Query[] };

export interface QueryPlan {
  /** Undefined when the text has no searchable word (an empty search). */
  query?: Query;
  /** Number keys asked for (to mark the matched part of a number). */
  numberKeys: string[];
}

const leaf = (term: string, fields: readonly IndexField[], prefix: boolean): Query => ({
  term,
  fields,
  prefix: prefix && term.length >= MIN_PREFIX,
});

export function planQuery(text: string): QueryPlan {
  const words = text.split(/\s+/u).filter((w) => w !== '');
  const typing = !/\s$/u.test(text);
  const numberKeys: string[] = [];
  const wordQueries: Query[] = [];
  words.forEach((word, i) => {
    const last = typing && i === words.length - 1;
    const alternatives: Query[] = [];
    const terms = analyzeText(word);
    if (terms.length > 0)
      alternatives.push({
        all: terms.map((term, j) => leaf(term, TEXT_FIELDS, last && j === terms.length - 1)),
      });
    const key = numberKey(word);
    if (key !== '' && (/\d/u.test(key) || last)) {
      numberKeys.push(key);
      alternatives.push(leaf(key, NUMBER_FIELDS, true));
    }
    if (key !== '') alternatives.push(leaf(key, ID_FIELDS, last));
    if (alternatives.length > 0) wordQueries.push({ any: alternatives });
  });
  if (wordQueries.length === 0) return { numberKeys };
  const all: Query = { all: wordQueries };
  const whole = numberKey(text);
  if (words.length > 1 && /\d/u.test(whole)) {
    numberKeys.push(whole);
    return { query: { any: [all, leaf(whole, NUMBER_FIELDS, true)] }, numberKeys };
  }
  return { query: all, numberKeys };
}
