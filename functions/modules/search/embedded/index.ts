/**
 * The embedded default's search index: a compact postings index per tenant, persisted in a folder of its own
 * (see engine.ts). One engine per folder: opening a folder that another engine of this process,
 * or another live process, holds throws.
 */
import { EmbeddedSearchEngine, type EmbeddedSearchIndex, type EmbeddedSearchOptions } from './engine';

export type { EmbeddedSearchIndex, EmbeddedSearchOptions } from './engine';

export function createEmbeddedSearchIndex(options: EmbeddedSearchOptions): EmbeddedSearchIndex {
  return new EmbeddedSearchEngine(options);
}
