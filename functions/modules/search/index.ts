/** The search capability's public face. */
export type { SearchDocument, SearchFacet, SearchSource } from './domain/search-document';
export { searchFacets } from './domain/search-document';
export type { SearchQuery, SearchResult, SearchHit, SearchViewer } from './domain/search-query';
export type { SearchIndex, TextExtractor } from './ports';
export { createTextExtractor, tessdataFilesToBundle, BUNDLED_TESSDATA_FOLDER } from './extraction';
export type { TextExtractorOptions, ExtractionLimits } from './extraction';
export { createEmbeddedSearchIndex, type EmbeddedSearchIndex, type EmbeddedSearchOptions } from './embedded';
