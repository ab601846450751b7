import type { WorkflowEngine } from '../../platform/ports/workflow.port';
import type { ExecutionDeps } from '../execution';

/**
 * What the reports need from outside: the documents' and execution's stores and calendar (through
 * their public faces), the object store for exported workbooks, and the workflow engine that runs
 * an export job (absent in unit tests: the job then runs in the request).
 */
export type ReportDeps = ExecutionDeps & {
  readonly workflow?: WorkflowEngine;
};
