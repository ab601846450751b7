import type { SearchDocument } from './domain/search-document';
import type { SearchQuery, SearchResult } from './domain/search-query';

/**
 * The search index: OpenSearch on AWS (`opensearch/`), the embedded engine locally (`embedded/`).
 * The same behaviour tests run against both shapes of the port.
 */
export interface SearchIndex {
  /**
   * Adds or replaces items. Idempotent; an item whose `version` is not newer than the indexed one
   * is ignored. Resolves once the change is durable (a crash after it loses nothing).
   */
  upsert(docs: readonly SearchDocument[]): Promise<void>;
  /** Removes items (a delete older than the indexed version is ignored). Durable like `upsert`. */
  remove(refs: readonly { tenantId: string; id: string; version: string }[]): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  /** Number of items of a tenant (tests, backfill progress). */
  count(tenantId: string): Promise<number>;
}

/** Text of one file of a document's contents: text layers, office files, OCR of images and scans. */
export interface TextExtractor {
  extract(input: {
    bytes: Uint8Array;
    mediaType: string;
    fileName: string;
  }): Promise<{ text: string; method: 'text-layer' | 'office' | 'ocr' | 'plain' | 'none'; pages: number }>;
}
