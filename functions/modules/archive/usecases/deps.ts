import type { WorkflowEngine } from '../../../platform/ports/workflow.port';
import type { SingleFileDeps } from '../../signatures';
import type { ArchiveAlerts } from '../ports';

/** What the archive's use cases need: the documents' deps (store, documents, objects, clock…). */
export type ArchiveDeps = SingleFileDeps & {
  /** Tells the archive role (and the admins) about an integrity problem. */
  readonly archiveAlerts?: ArchiveAlerts;
  /** Starts the integrity machine (absent in unit tests: the check then runs in the request). */
  readonly workflow?: WorkflowEngine;
};
