/**
 * The analysis definition (`definition.ts`) run in TypeScript: what the embedded engine indexes and
 * queries with. The OpenSearch index runs the same rules as its analyzers.
 */
import { stemRussian as russianStemmer } from '../../../../platform/kernel/stemming';
import {
  charRules,
  folding,
  looseRules,
  maxNumberPrefix,
  numberRules,
  preStemRules,
  stemmer,
  suffixOpeners,
  minStem,
  transliteration,
  wordSeparator,
  type Rule,
} from './definition';

type Compiled = readonly { re: RegExp; replacement: string | ((c: string) => string) }[];

/** A rule that replaces one plain letter (a step of a letter-for-letter table). */
const isLetterRule = (r: Rule) => /^\p{L}$/u.test(r.pattern);

/**
 * Compiles rules in order. A run of one-letter rules becomes one table lookup: the same result as
 * applying them one by one, as long as no replacement brings back a letter of the run (checked).
 */
function compile(rules: readonly Rule[]): Compiled {
  const out: { re: RegExp; replacement: string | ((c: string) => string) }[] = [];
  let run: Rule[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const table = new Map(run.map((r) => [r.pattern, r.replacement]));
    if (run.some((r) => [...r.replacement].some((c) => table.has(c)))) {
      for (const r of run) out.push({ re: new RegExp(r.pattern, 'gu'), replacement: r.replacement });
    } else {
      const re = new RegExp(`[${run.map((r) => r.pattern).join('')}]`, 'gu');
      out.push({ re, replacement: (c: string) => table.get(c) ?? c });
    }
    run = [];
  };
  for (const r of rules) {
    if (isLetterRule(r)) {
      run.push(r);
      continue;
    }
    flush();
    out.push({ re: new RegExp(r.pattern, 'gu'), replacement: r.replacement });
  }
  flush();
  return out;
}

const apply = (rules: Compiled, s: string): string =>
  rules.reduce(
    (acc, r) =>
      typeof r.replacement === 'string' ? acc.replace(r.re, r.replacement) : acc.replace(r.re, r.replacement),
    s,
  );

const chars = compile(charRules);
const preStem = compile(preStemRules);
const translit = compile(transliteration);
const loose = compile(looseRules);
const numbers = compile(numberRules);
const stem = { re: new RegExp(stemmer.pattern, 'u'), replacement: stemmer.replacement };
const separator = new RegExp(wordSeparator, 'u');
const foldRe = new RegExp(`[${Object.keys(folding).join('')}]`, 'gu');
const cyrillic = /[\u0400-\u04ff]/u;

/** Lower-cases with the Turkic rules (I → ı, İ → i). */
export function turkicLower(text: string): string {
  return text.replace(/I/g, 'ı').replace(/İ/g, 'i').toLowerCase();
}

/** Azerbaijani letters to their plain base (ə→e, ı→i, ş→s, ç→c, ğ→g, ö→o, ü→u). */
export function fold(text: string): string {
  return text.replace(foldRe, (c) => folding[c] ?? c);
}

/** Lower-cased words of a text, apostrophes and combining marks gone (steps 1–3). */
export function words(text: string): string[] {
  return apply(chars, text.normalize('NFC'))
    .split(separator)
    .filter((w) => w !== '')
    .map((w) => apply(preStem, turkicLower(w)));
}

/** A word (from `words`) through transliteration and folding, unstemmed: the strict form. */
export function strictKey(word: string): string {
  // The transliteration rules only touch Cyrillic letters.
  return fold(cyrillic.test(word) ? apply(translit, word) : word);
}

/** A word (from `words`) in the loose spelling classes, unstemmed: what a typed prefix is compared with. */
export function looseKey(word: string): string {
  return apply(loose, strictKey(word));
}

/** Cuts the Azerbaijani suffix chain from a loose key. */
export function stemLoose(key: string): string {
  return key.replace(stem.re, stem.replacement);
}

/** The search key of one word (from `words`): Russian stem, transliteration, folding, loose classes, stem. */
export function wordKey(word: string): string {
  const cached = keyCache.get(word);
  if (cached !== undefined) return cached;
  const russian = cyrillic.test(word) ? russianStemmer(word) : word;
  const key = stemLoose(looseKey(russian));
  // Texts repeat their words: a bounded memo of recent words keeps indexing fast.
  if (keyCache.size >= keyCacheSize) keyCache.clear();
  keyCache.set(word, key);
  return key;
}

const keyCacheSize = 50_000;
const keyCache = new Map<string, string>();

/** Search keys of a text, one per word, in order: what both indexing and querying compare. */
export function analyzeText(text: string): string[] {
  return words(text).map(wordKey);
}

/** Strict forms of a text's words (folded, not loosened, not stemmed): ranks exact spellings first. */
export function analyzeStrict(text: string): string[] {
  return words(text).map(strictKey);
}

/** One word of a query. */
export interface QueryWord {
  /** The word's search key (as `analyzeText` gives it). */
  key: string;
  /**
   * Set on the last word of an as-you-type query: the word may be unfinished, so it also matches
   * every key that starts with one of these (the typed word loosened, unstemmed and stemmed).
   */
  prefixes?: string[];
}

/**
 * A query's words through the same analysis as the indexed text. With `asYouType` the last word
 * (when the text does not end in a space) may be a prefix: an unfinished `ərizələ` still reaches the
 * key `ariza` without its unfinished ending, and `Məmməd` reaches `mamadov`.
 */
export function analyzeQuery(text: string, options: { asYouType?: boolean } = {}): QueryWord[] {
  const ws = words(text);
  const out: QueryWord[] = ws.map((w) => ({ key: wordKey(w) }));
  const last = out.at(-1);
  const lastWord = ws.at(-1);
  if (options.asYouType && last && lastWord !== undefined && !/[^\p{L}\p{N}]$/u.test(text)) {
    const russian = cyrillic.test(lastWord) ? russianStemmer(lastWord) : lastWord;
    const typed = looseKey(lastWord);
    const candidates = [typed, looseKey(russian), last.key];
    // `ərizələ` is `ərizə` plus the start of `-lər`: the stem before the unfinished ending.
    for (let k = 1; k < typed.length - minStem + 1 && k <= 3; k++) {
      const tail = typed.slice(-k);
      // One letter is too little evidence, except the `l` of the plural.
      const opens = (k > 1 || tail === 'l') && suffixOpeners.some((s) => s.length > k && s.startsWith(tail));
      if (opens) candidates.push(typed.slice(0, -k));
    }
    last.prefixes = [...new Set(candidates)].filter((p) => p !== '');
  }
  return out;
}

/** Whether an indexed key matches a query word (exactly, or by a prefix on the last word). */
export function matchesWord(query: QueryWord, indexedKey: string): boolean {
  return indexedKey === query.key || (query.prefixes ?? []).some((p) => indexedKey.startsWith(p));
}

/**
 * A registration or sender number without case, Azerbaijani letters or separators:
 * `D-1/26` → `d126`, `NK-1234/05` → `nk123405`. Compared by prefix (`D-1` → `d1`).
 */
export function numberKey(value: string): string {
  return apply(numbers, fold(turkicLower(apply(chars, value.normalize('NFC')))));
}

/** Every prefix of a number's key (edge n-grams, 1 to `maxNumberPrefix` characters). */
export function numberPrefixes(value: string): string[] {
  const key = numberKey(value);
  const out: string[] = [];
  for (let n = 1; n <= Math.min(key.length, maxNumberPrefix); n++) out.push(key.slice(0, n));
  return out;
}

/** Whether a query token looks like a number (has a digit): it is then matched against numbers too. */
export function isNumberLike(token: string): boolean {
  return /\p{N}/u.test(token);
}
