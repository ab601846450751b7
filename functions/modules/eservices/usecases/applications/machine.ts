/**
 * Starting an application's machine: once per application (the execution is named after it, so a
 * second start starts nothing). The submit starts it right after the create; the table-stream
 * consumer starts it for every new application too, which makes the start certain when the submit
 * died in between or the engine refused it for a moment. The start itself is the flow's.
 */
import { ConflictError } from '../../../../platform/kernel/errors';
import type { WorkflowEngine } from '../../../../platform/ports/workflow.port';
import { startApplicationExecution } from '../flow/signal';

export async function ensureApplicationMachine(
  deps: { workflow: WorkflowEngine },
  application: { tenantId: string; id: string },
): Promise<void> {
  try {
    await startApplicationExecution(deps, application.tenantId, application.id);
  } catch (error) {
    // An execution of that name exists (its input written another way): the machine runs or ran.
    if (!(error instanceof ConflictError && error.code === 'workflow_name_conflict')) throw error;
  }
}
