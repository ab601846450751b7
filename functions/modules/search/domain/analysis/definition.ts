/**
 * The one definition of Kargüzar's search analysis. Both engines are driven by this data: the
 * embedded engine runs it in TypeScript (`pipeline.ts`), the OpenSearch adapter turns it into index
 * settings (`opensearch/settings.ts`). Every rule is a regular expression whose meaning is the same
 * in JavaScript (`u` flag) and in Java (Lucene's `pattern_replace`): literals, character classes,
 * `\p{L}`, bounded look-behind, lazy quantifiers and back-references only.
 *
 * A word's search key is built in these steps:
 * 1. `charRules`: apostrophes and combining marks go (`Bakı'da` is one word; a decomposed `İ`
 *    becomes `I`).
 * 2. Split into words at every run of characters that are neither letters nor digits.
 * 3. Turkic lower-casing (I → ı, İ → i) and `ё` → `е`.
 * 4. Russian Snowball stemming (a no-op on Latin words).
 * 5. `transliteration`: Cyrillic (Russian and the old Azerbaijani alphabet) to Azerbaijani Latin,
 *    so `Мамедова` and `Məmmədova` meet.
 * 6. `folding`: ə→e, ı→i, ş→s, ç→c, ğ→g, ö→o, ü→u.
 * 7. `looseRules`: what people type on Russian keyboards and in passports: kh→x, q→g, e and a one
 *    vowel (ə was folded to e, so `Mammadova`, `memmedova` and `Məmmədova` meet), `iyev` → iev
 *    (`Aliev` / `Əliyev`), doubled letters once (`Mamedova` / `Məmmədova`).
 * 8. `stemmer`: the longest Azerbaijani suffix chain is cut when at least `minStem` letters stay.
 */

export interface Rule {
  /** Java- and JavaScript-compatible regular expression. */
  pattern: string;
  /** Replacement (`$1` refers to a group in both languages). */
  replacement: string;
}

export const charRules: readonly Rule[] = [{ pattern: "['’‘ʼ`´\\p{M}]", replacement: '' }];

/** Word boundaries: any run of characters that are neither letters nor digits. */
export const wordSeparator = '[^\\p{L}\\p{N}]+';

export const preStemRules: readonly Rule[] = [{ pattern: 'ё', replacement: 'е' }];

const cyrillicConsonants = 'бвгджзйклмнпрстфхцчшщғҹһјҝқ';

/** Cyrillic to Azerbaijani Latin, applied in order (multi-letter and contextual rules first). */
export const transliteration: readonly Rule[] = [
  // е is "ye" at the start of a word and after a vowel or a sign (Алиев → aliyev), else e.
  { pattern: `(?<![${cyrillicConsonants}])е`, replacement: 'ye' },
  { pattern: 'дж', replacement: 'c' },
  ...Object.entries({
    а: 'a',
    б: 'b',
    в: 'v',
    г: 'g',
    д: 'd',
    е: 'e',
    ж: 'j',
    з: 'z',
    и: 'i',
    й: 'y',
    к: 'k',
    л: 'l',
    м: 'm',
    н: 'n',
    о: 'o',
    п: 'p',
    р: 'r',
    с: 's',
    т: 't',
    у: 'u',
    ф: 'f',
    х: 'x',
    ц: 'ts',
    ч: 'ç',
    ш: 'ş',
    щ: 'ş',
    ъ: '',
    ы: 'ı',
    ь: '',
    э: 'e',
    ю: 'yu',
    я: 'ya',
    // The Azerbaijani Cyrillic alphabet (1939–1991), still on older papers.
    ә: 'ə',
    ғ: 'ğ',
    ҹ: 'c',
    һ: 'h',
    ј: 'y',
    ҝ: 'g',
    қ: 'q',
    ө: 'ö',
    ү: 'ü',
  }).map(([from, to]) => ({ pattern: from, replacement: to })),
];

/** Azerbaijani letters to their plain Latin base (what people type without the layout). */
export const folding: Readonly<Record<string, string>> = {
  ə: 'e',
  ı: 'i',
  ş: 's',
  ç: 'c',
  ğ: 'g',
  ö: 'o',
  ü: 'u',
};

/**
 * Loose spelling classes. They trade a little precision for the forms people type; the OpenSearch
 * index also keeps the strict (only folded) form as a sub-field that ranks exact spellings first.
 */
export const looseRules: readonly Rule[] = [
  { pattern: 'kh', replacement: 'x' },
  { pattern: 'q', replacement: 'g' },
  { pattern: 'e', replacement: 'a' },
  // Surnames in -iyev written -iev (Aliev, Guliev); not before other vowels, where `y` is a
  // buffer before an ending (ərazi-yə).
  { pattern: 'iy(?=av)', replacement: 'i' },
  { pattern: '(\\p{L})\\1+', replacement: '$1' },
];

/** Fewest letters a stem keeps: shorter words are never cut (`evdə` stays whole). */
export const minStem = 3;

/**
 * Suffix chains, written in the loose alphabet (a = a/e/ə, i = ı/i, u = u/ü, o = o/ö). Only
 * suffixes that cannot be mistaken for the end of a stem start a chain: a lone vowel (`-a`, `-ı`) or
 * a vowel-initial ending (`-ın`) is cut only after the plural (`kitabı`, `qadın` stay whole, since
 * `qadın` would otherwise lose `-ın`), and endings that follow vowels (`-ya`, `-nın`, `-sı`) only
 * after a vowel (`dünya` keeps its `ya`).
 */
const caseAfterConsonant = ['in', 'un', 'a', 'i', 'u', 'da', 'dan', 'la'];
const caseAfterVowel = ['nin', 'nun', 'ni', 'nu', 'da', 'dan'];
/**
 * Endings with the buffer y, cut only after a, o or u: after i, `-ya` is far more often the end of a
 * word (Rusiya, komissiya, Türkiyə) than a dative (ərazi-yə, which is the accepted miss).
 */
const caseAfterVowelY = ['ya', 'yi', 'yu', 'yla'];
/** Case endings after a third-person possessive (`ərizəsinin`, `ərizəsində`). */
const caseAfterPossessive = ['nin', 'nun', 'na', 'ni', 'nu', 'nda', 'ndan', 'nla'];
/** First and second person possessives end in a consonant; the third person's in a vowel (then n). */
const possessivePersonal = ['imiz', 'umuz', 'iniz', 'unuz', 'im', 'um'];
const possessiveThird = ['in', 'un', 'i', 'u'];
const possessiveAfterVowel = ['miz', 'muz', 'niz', 'nuz', 'si', 'su'];
const copula = ['dir', 'dur'];

const alt = (xs: readonly string[]): string => `(?:${[...xs].sort((a, b) => b.length - a.length).join('|')})`;

export const suffixChains: readonly string[] = [
  // Plural, then a possessive and/or a case ending: ərizələrin, kitablarımızda, sənədlərə.
  `lar(?:${alt(possessivePersonal)}${alt(caseAfterConsonant)}?|${alt(possessiveThird)}${alt(caseAfterPossessive)}?|${alt(caseAfterConsonant)})?${alt(copula)}?`,
  // After a vowel: a possessive (and a case ending through its n), or a case ending.
  `(?<=[aiou])(?:${alt(possessiveAfterVowel)}${alt(caseAfterPossessive)}?|${alt(caseAfterVowel)})${alt(copula)}?`,
  `(?<=[aou])${alt(caseAfterVowelY)}${alt(copula)}?`,
  // After a consonant and at least four letters: the third person possessive with a case ending
  // through its n (Prezident-i-nin, vaxt-ı-nda); shorter stems are rather vowel-final (Bakı-nın).
  `(?<=.{3}[^aiou])${alt(possessiveThird.filter((p) => p.length === 1))}${alt(caseAfterPossessive)}`,
  // After a consonant: only the consonant-initial locative and ablative, and the copula.
  `(?<=[^aiou])(?:${alt(['da', 'dan'])}|${alt(copula)})`,
  // Female surnames: Məmmədova / Мамедова / Mamedova meet Məmmədov.
  '(?<=[ao]v)a',
];

/** Endings that can open a chain: an as-you-type prefix that ends in a part of one also matches without it. */
export const suffixOpeners: readonly string[] = [
  ...new Set(['lar', ...caseAfterVowel, ...caseAfterVowelY, ...possessiveAfterVowel, 'da', 'dan', ...copula]),
];

/** The stemmer as one rule: the shortest stem of at least `minStem` letters followed by a chain. */
export const stemmer: Rule = {
  pattern: `^(.{${minStem},}?)(?:${suffixChains.join('|')})$`,
  replacement: '$1',
};

/** Registration and sender numbers: everything but letters and digits goes (`D-1/26` → `d126`). */
export const numberRules: readonly Rule[] = [{ pattern: '[^\\p{L}\\p{N}]+', replacement: '' }];

/** The longest number prefix the index stores (edge n-grams of the number key). */
export const maxNumberPrefix = 24;
