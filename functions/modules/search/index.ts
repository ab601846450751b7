/** The search capability's public face. */
export type { SearchDocument, SearchFacet, SearchSource } from './domain/search-document';
export { searchFacets } from './domain/search-document';
export type { SearchQuery, SearchResult, SearchHit, SearchViewer } from './domain/search-query';
export type { SearchIndex, TextExtractor } from './ports';
export { searchRoutes } from './api/search.routes';
export { searchApi } from './api/search.api';
export type { SearchDeps } from './usecases/deps';
export { indexDocument, rebuildSearchIndex, type RebuildProgress } from './usecases/index-document.usecase';
export { searchDocumentOf } from './usecases/search-item';
export { contentTextKey } from './usecases/content-text';
export { createEmbeddedSearchIndex, type EmbeddedSearchIndex, type EmbeddedSearchOptions } from './embedded';
export { createOpenSearchIndex } from './opensearch';
export { createTextExtractor, tessdataFilesToBundle, BUNDLED_TESSDATA_FOLDER } from './extraction';
export type { TextExtractorOptions, ExtractionLimits } from './extraction';
export { extractContentTextTask } from './tasks/extractContentText.task';
