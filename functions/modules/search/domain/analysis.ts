/**
 * Azerbaijani (and Russian) text analysis shared by both engines. The definition — folding map,
 * transliteration, loose spelling classes, suffix chains, number rule — is data in
 * `analysis/definition.ts`; `analysis/pipeline.ts` runs it for the embedded engine and the
 * OpenSearch adapter generates its index analyzers from it.
 */
export {
  analyzeQuery,
  analyzeStrict,
  analyzeText,
  fold,
  isNumberLike,
  looseKey,
  matchesWord,
  numberKey,
  numberPrefixes,
  stemLoose,
  strictKey,
  turkicLower,
  wordKey,
  words,
  type QueryWord,
} from './analysis/pipeline';
export * as analysisDefinition from './analysis/definition';
