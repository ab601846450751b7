/**
 * Text folding and a summary similarity score for repeat-appeal detection ("earlier documents that
 * look like the same matter") and for the lists' "contains" filters.
 */

/**
 * Summaries at or above this score are offered as possibly the same matter. 0.5 sits between the
 * clusters the tests pin down: rephrasings of one request (extra "təkrar", "barədə" ↔ "haqqında",
 * inflected endings, text typed without az letters) score about 0.8–1, while different matters
 * that share only the kind of request ("ərizə", "müraciət") or one topic word stay under 0.4.
 * Same subject with another request ("torpaq sahəsi" leased vs documented) lands near 0.6 and is
 * offered: it is a hint for the clerk, who decides, and a missed repeat costs more than a spare one.
 */
export const SIMILAR_SUMMARY_THRESHOLD = 0.5;

// Letters whose plain Latin/Cyrillic twin a user may type instead (no az keyboard, old habits).
const FOLD: Record<string, string> = {
  ı: 'i',
  ə: 'e',
  ö: 'o',
  ü: 'u',
  ğ: 'g',
  ç: 'c',
  ş: 's',
  ё: 'е',
};

// Deleted rather than spaced, so "mə'lumat" and "məlumat" fold alike.
const APOSTROPHES = /['’‘ʼ`]/g;

/**
 * Lowercase with the Azerbaijani dotted/dotless i handled (İ→i, I→ı, then ı→i), the letters of
 * FOLD replaced, punctuation turned into spaces and spaces collapsed. Word order is kept, so the
 * result also serves substring ("contains") filters when the query is folded the same way.
 */
export function foldText(s: string): string {
  return (
    s
      .normalize('NFC')
      // Before toLowerCase, which would leave İ as i + a combining dot; I (az: ı) ends as i too.
      .replace(/[İI]/g, 'i')
      .toLowerCase()
      .replace(/[ıəöüğçşё]/g, (ch) => FOLD[ch] ?? ch)
      // Marks NFC could not compose (e.g. the dot left by another system's lowercased İ).
      .replace(/\p{M}/gu, '')
      .replace(APOSTROPHES, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}

const MIN_WORD_LENGTH = 3;
const MAX_SEARCH_TOKENS = 30;
/** Azerbaijani is suffixing: the first five letters stand in for the stem (as F5 stemming does for Turkish). */
const STEM_LENGTH = 5;
/** Equal shares: stems say which words are shared, trigrams catch the endings and typos stems miss. */
const WORD_WEIGHT = 0.5;

/** Grammatical words of az, en and ru, in folded form. */
const STOP_WORDS = new Set(
  [
    // az
    've',
    'ile',
    'ucun',
    'barede',
    'haqqinda',
    'dair',
    'uzre',
    'gore',
    'olan',
    'olunmasi',
    'kimi',
    'yaxud',
    // en
    'the',
    'of',
    'and',
    'for',
    'about',
    'regarding',
    'with',
    'from',
    // ru
    'и',
    'в',
    'о',
    'об',
    'по',
    'на',
    'для',
    'от',
    'при',
  ].map(foldText),
);

/**
 * Words that name the kind of request rather than its matter: nearly every summary has one, so
 * they would make unrelated appeals look alike. Ignored by the score, kept for search. Az and ru
 * inflect, so any word with the same stem counts; English stems are too ambiguous ("appea…").
 */
const GENRE_STEMS = new Set(
  [
    'ərizə',
    'müraciət',
    'şikayət',
    'təklif',
    'təkrar',
    'sorğu',
    'xahiş',
    'заявление',
    'обращение',
    'жалоба',
    'просьба',
    'повторно',
  ].map((w) => stem(foldText(w))),
);
const GENRE_WORDS_EN = new Set(['application', 'request', 'complaint', 'appeal', 'repeated']);

/** Folded distinct words of at least three letters, first occurrences first, at most 30. */
export function searchTokens(s: string): string[] {
  const words = foldText(s)
    .split(' ')
    .filter((w) => w.length >= MIN_WORD_LENGTH && !STOP_WORDS.has(w));
  return [...new Set(words)].slice(0, MAX_SEARCH_TOKENS);
}

/**
 * How alike two summaries are, 0 (nothing shared) to 1 (same words after folding): the mean of
 * the Dice coefficient over stemmed content words and over their character trigrams.
 */
export function summarySimilarity(a: string, b: string): number {
  const wordsA = contentWords(a);
  const wordsB = contentWords(b);
  if (wordsA.length === 0 || wordsB.length === 0) {
    // Nothing but genre or stop words: only an identical text says anything.
    const fa = foldText(a);
    return fa !== '' && fa === foldText(b) ? 1 : 0;
  }
  const words = dice(stems(wordsA), stems(wordsB));
  const trigrams = dice(trigramSet(wordsA), trigramSet(wordsB));
  return WORD_WEIGHT * words + (1 - WORD_WEIGHT) * trigrams;
}

export function isSimilarSummary(a: string, b: string): boolean {
  return summarySimilarity(a, b) >= SIMILAR_SUMMARY_THRESHOLD;
}

function contentWords(s: string): string[] {
  return foldText(s)
    .split(' ')
    .filter((w) => (w.length >= MIN_WORD_LENGTH || /^\d+$/.test(w)) && !STOP_WORDS.has(w) && !isGenreWord(w));
}

function isGenreWord(word: string): boolean {
  return GENRE_WORDS_EN.has(word) || GENRE_STEMS.has(stem(word));
}

function stem(word: string): string {
  return word.slice(0, STEM_LENGTH);
}

function stems(words: string[]): Set<string> {
  return new Set(words.map(stem));
}

/** Trigrams of each word padded with spaces, so word starts and ends count too. */
function trigramSet(words: string[]): Set<string> {
  const grams = new Set<string>();
  for (const word of words) {
    const padded = ` ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

function dice(x: Set<string>, y: Set<string>): number {
  if (x.size === 0 && y.size === 0) return 0;
  let shared = 0;
  for (const item of x) if (y.has(item)) shared++;
  return (2 * shared) / (x.size + y.size);
}
