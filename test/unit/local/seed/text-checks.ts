/**
 * Checks for trilingual seed texts that catch real data-entry mistakes: missing translations,
 * Cyrillic look-alikes in Azerbaijani (Cyrillic schwa Ә/ә instead of Ə/ə), the wrong "schwa"
 * code points (Ǝ U+018E, ǝ U+01DD), dotless capital I where Azerbaijani needs İ ("Informasiya"),
 * Latin letters inside Russian words, Azerbaijani letters in English, stray whitespace.
 */

export interface Trilingual {
  az: string;
  en: string;
  ru: string;
}

const cyrillic = /[\u0400-\u04FF]/;
const latin = /[A-Za-z]/;
/** Letters that look like the Azerbaijani schwa but are other characters. */
const fakeSchwa = /[\u018E\u01DD\u04D8\u04D9\u0258]/;
/** Azerbaijani alphabet (no W, no dotless-looking Latin I: capital i is İ), digits, punctuation. */
const azAllowed = /^[A-HJ-VX-Za-hj-vx-zıiÇçƏəĞğİÖöŞşÜü0-9 .,;:'"«»“”()–—\-/№]+$/;
/** Letters specific to Azerbaijani (or Turkish) that must not appear in English text. */
const azSpecific = /[ƏəıİŞşÇçĞğÖöÜü]/;
/** Russian (no Ukrainian/Azerbaijani-Cyrillic letters), digits and punctuation. */
const ruAllowed = /^[А-Яа-яЁё0-9 .,;:'"«»“”()–—\-/№]+$/;

function whitespaceProblems(value: string): string[] {
  const out: string[] = [];
  if (value !== value.trim()) out.push('leading/trailing whitespace');
  if (/\s{2,}/.test(value)) out.push('double whitespace');
  if (/\u00A0|\u200B|\u200C|\u200D|\uFEFF/.test(value)) out.push('invisible or non-breaking space');
  return out;
}

/** Words that mix Latin and Cyrillic letters (typical copy-paste look-alike mistakes). */
function mixedScriptWords(value: string): string[] {
  return value.split(/[\s.,;:()«»"“”/–—-]+/).filter((w) => cyrillic.test(w) && latin.test(w));
}

export function azProblems(value: string): string[] {
  const out = whitespaceProblems(value);
  if (value.trim() === '') return ['empty'];
  if (fakeSchwa.test(value)) out.push('look-alike schwa (must be Ə U+018F / ə U+0259)');
  if (cyrillic.test(value)) out.push('Cyrillic letters');
  if (value.includes('i\u0307')) out.push('combining dot above (bad lower-casing of İ)');
  if (!azAllowed.test(value)) {
    const bad = [...value].filter((ch) => !azAllowed.test(ch));
    out.push(`characters outside the Azerbaijani alphabet: ${JSON.stringify([...new Set(bad)].join(''))}`);
  }
  return out;
}

export function enProblems(value: string): string[] {
  const out = whitespaceProblems(value);
  if (value.trim() === '') return ['empty'];
  if (cyrillic.test(value)) out.push('Cyrillic letters');
  if (azSpecific.test(value) || fakeSchwa.test(value)) out.push('Azerbaijani letters in English text');
  return out;
}

/** `strict`: a Russian name proper (no Latin at all); otherwise only mixed-script words are refused. */
export function ruProblems(value: string, strict: boolean): string[] {
  const out = whitespaceProblems(value);
  if (value.trim() === '') return ['empty'];
  if (fakeSchwa.test(value)) out.push('Azerbaijani Cyrillic schwa in Russian text');
  if (!cyrillic.test(value) && strict) out.push('no Cyrillic letters');
  const mixed = mixedScriptWords(value);
  if (mixed.length > 0) out.push(`mixed Latin/Cyrillic words: ${mixed.join(', ')}`);
  if (strict && !ruAllowed.test(value)) {
    const bad = [...value].filter((ch) => !ruAllowed.test(ch));
    out.push(`characters outside Russian: ${JSON.stringify([...new Set(bad)].join(''))}`);
  }
  return out;
}

/**
 * All problems of a trilingual name, prefixed with where they were found. Abbreviations
 * (`abbreviation: true`) may keep a Latin brand in the Russian text (e.g. "Агентство DOST").
 */
export function nameProblems(where: string, l: Trilingual, abbreviation = false): string[] {
  return [
    ...azProblems(l.az).map((p) => `${where} az ${JSON.stringify(l.az)}: ${p}`),
    ...enProblems(l.en).map((p) => `${where} en ${JSON.stringify(l.en)}: ${p}`),
    ...ruProblems(l.ru, !abbreviation).map((p) => `${where} ru ${JSON.stringify(l.ru)}: ${p}`),
  ];
}

export function duplicates<T>(values: readonly T[]): T[] {
  const seen = new Set<T>();
  const dup = new Set<T>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}
