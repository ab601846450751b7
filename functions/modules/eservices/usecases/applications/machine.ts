/**
 * Starting an application's machine: once per application (the execution is named after it, so a
 * second start starts nothing). The submit starts it right after the create; the table-stream
 * consumer starts it for every new application too, which makes the start certain when the submit
 * died in between or the engine refused it for a moment.
 */
import type { WorkflowEngine } from '../../../../platform/ports/workflow.port';
import {
  APPLICATION_MACHINE,
  applicationExecutionName,
  type ApplicationMachineInput,
} from '../application-records';

export async function ensureApplicationMachine(
  deps: { workflow: WorkflowEngine },
  application: { tenantId: string; id: string },
): Promise<void> {
  const input: ApplicationMachineInput = { tenantId: application.tenantId, applicationId: application.id };
  await deps.workflow.start({
    machine: APPLICATION_MACHINE,
    name: applicationExecutionName(application.tenantId, application.id),
    input,
  });
}
