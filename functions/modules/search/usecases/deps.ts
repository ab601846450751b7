import type { DocumentStore } from '../../documents';
import type { Deps } from '../../../platform/kernel/aggregates';
import type { Log } from '../../../platform/ports/log.port';
import type { ObjectStore } from '../../../platform/ports/object-store.port';
import type { WorkflowEngine } from '../../../platform/ports/workflow.port';
import type { SearchIndex, TextExtractor } from '../ports';

/** What the search use cases need from the container. */
export interface SearchDeps extends Deps {
  documents: DocumentStore;
  /** The index (OpenSearch on AWS, the embedded engine locally); built on first use. */
  readonly search: SearchIndex;
  /** False where no search is deployed (AWS without the collection): the indexer then does nothing. */
  readonly searchEnabled: boolean;
  /** The contents' files and the text extracted from them (indexer only). */
  readonly objects?: ObjectStore;
  /** Text of a content file (indexer only). */
  readonly extractor?: TextExtractor;
  /**
   * Starts the content-text machine for a file without its text (AWS and the embedded default);
   * absent (unit tests), the text is extracted in line.
   */
  readonly workflow?: WorkflowEngine;
  readonly log?: Log;
}
