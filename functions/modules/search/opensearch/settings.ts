/**
 * The OpenSearch index's settings and mappings, generated from the analysis definition
 * (`domain/analysis/definition.ts`), so the index analyses text exactly as the embedded engine does.
 */
import { analysisDefinition as def } from '../domain/analysis';
import type { Rule } from '../domain/analysis/definition';

type Json = Record<string, unknown>;

function ruleFilters(prefix: string, rules: readonly Rule[], all = true): Record<string, Json> {
  return Object.fromEntries(
    rules.map((r, i) => [
      `${prefix}_${i}`,
      { type: 'pattern_replace', pattern: r.pattern, replacement: r.replacement, all },
    ]),
  );
}

const foldRules: Rule[] = Object.entries(def.folding).map(([from, to]) => ({
  pattern: from,
  replacement: to,
}));

const filters = {
  az_lowercase: { type: 'lowercase', language: 'turkish' },
  ...ruleFilters('az_prestem', def.preStemRules),
  ru_stem: { type: 'stemmer', language: 'russian' },
  ...ruleFilters('az_translit', def.transliteration),
  ...ruleFilters('az_fold', foldRules),
  ...ruleFilters('az_loose', def.looseRules),
  az_stem: {
    type: 'pattern_replace',
    pattern: def.stemmer.pattern,
    replacement: def.stemmer.replacement,
    all: false,
  },
  ...ruleFilters('az_number', def.numberRules),
  az_edge_ngram: { type: 'edge_ngram', min_gram: 1, max_gram: def.maxNumberPrefix },
} satisfies Record<string, Json>;

type FilterName = keyof typeof filters;
const names = (prefix: string): FilterName[] =>
  (Object.keys(filters) as FilterName[]).filter((n) => n.startsWith(`${prefix}_`));

const wordsFront = ['az_lowercase', ...names('az_prestem')];
const strictChain = [...names('az_translit'), ...names('az_fold')];
const numberChain = ['az_lowercase', ...names('az_fold'), ...names('az_number')];

/** Analysis settings: step by step the same as `analysis/pipeline.ts`. */
export const analysis = {
  char_filter: {
    az_chars: {
      type: 'pattern_replace',
      pattern: def.charRules.map((r) => r.pattern).join('|'),
      replacement: '',
    },
  },
  tokenizer: {
    az_words: { type: 'pattern', pattern: def.wordSeparator },
  },
  filter: filters,
  analyzer: {
    /** The search key: what `analyzeText` gives. */
    az_key: {
      type: 'custom',
      char_filter: ['az_chars'],
      tokenizer: 'az_words',
      filter: [...wordsFront, 'ru_stem', ...strictChain, ...names('az_loose'), 'az_stem'],
    },
    /** Folded and transliterated, not loosened or stemmed: what `analyzeStrict` gives. */
    az_strict: {
      type: 'custom',
      char_filter: ['az_chars'],
      tokenizer: 'az_words',
      filter: [...wordsFront, ...strictChain],
    },
    /** A number's key and all its prefixes (`D-1/26` → d, d1, d12, d126). */
    az_number_index: {
      type: 'custom',
      char_filter: ['az_chars'],
      tokenizer: 'keyword',
      filter: [...numberChain, 'az_edge_ngram'],
    },
    /** A number's key: what `numberKey` gives. */
    az_number: {
      type: 'custom',
      char_filter: ['az_chars'],
      tokenizer: 'keyword',
      filter: numberChain,
    },
  },
};

/** The text fields searched by words, with their weight. */
export const textFields = {
  parties: 4,
  summary: 3,
  note: 1.5,
  resolutions: 1.5,
  contentText: 1,
} as const;
export type TextField = keyof typeof textFields;

/** The number fields searched by prefix of their key, with their weight. */
export const numberFields = { registrationNumber: 10, senderNumber: 8 } as const;
export type NumberField = keyof typeof numberFields;

const keyword = { type: 'keyword' };
const text = (offsets = false): Json => ({
  type: 'text',
  analyzer: 'az_key',
  ...(offsets ? { index_options: 'offsets' } : {}),
  fields: {
    strict: { type: 'text', analyzer: 'az_strict', ...(offsets ? { index_options: 'offsets' } : {}) },
  },
});
const number: Json = {
  type: 'text',
  analyzer: 'az_number_index',
  search_analyzer: 'az_number',
  fields: { raw: keyword },
};

/**
 * One field per `SearchDocument` field (`dynamic: strict` refuses anything else), plus `deleted`
 * (tombstones of removed items, so a late, older upsert cannot bring one back).
 */
export const mappings = {
  dynamic: 'strict',
  properties: {
    tenantId: keyword,
    id: keyword,
    source: keyword,
    version: keyword,
    kind: keyword,
    status: keyword,
    registrationNumber: number,
    senderNumber: number,
    registeredAt: { type: 'date' },
    year: { type: 'integer' },
    parties: text(),
    identifiers: { type: 'text', analyzer: 'az_number' },
    summary: text(),
    note: text(),
    resolutions: text(),
    contentText: text(true),
    departmentId: keyword,
    classificationId: keyword,
    nomenclatureId: keyword,
    participants: keyword,
    participantUnits: keyword,
    confidential: { type: 'boolean' },
    accessList: keyword,
    deleted: { type: 'boolean' },
  },
};

/** The body of `PUT <index>`. No shard or replica settings: OpenSearch Serverless manages those. */
export function indexBody(): { settings: Json; mappings: typeof mappings } {
  return { settings: { analysis }, mappings };
}
