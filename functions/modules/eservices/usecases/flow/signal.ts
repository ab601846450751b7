/**
 * Answering the machine's wait once an event is recorded, and making sure an application's machine
 * runs at all (the submit may have stopped between its write and the start).
 */
import { ConflictError } from '../../../../platform/kernel/errors';
import type { WorkflowEngine } from '../../../../platform/ports/workflow.port';
import {
  APPLICATION_MACHINE,
  applicationExecutionName,
  type ApplicationMachineInput,
  type ApplicationRecord,
} from '../application-records';
import type { WaitOn } from './next';

/** Tokens the engine refuses because the wait is already over: the machine has moved on. */
const SETTLED_TOKEN_ERRORS = ['TaskDoesNotExist', 'TaskTimedOut', 'InvalidToken'];

/** Starts the application's execution (idempotent by name: a running or ended one is left as it is). */
export async function startApplicationExecution(
  deps: { readonly workflow: WorkflowEngine },
  tenantId: string,
  applicationId: string,
): Promise<void> {
  const input: ApplicationMachineInput = { tenantId, applicationId };
  await deps.workflow.start({
    machine: APPLICATION_MACHINE,
    name: applicationExecutionName(tenantId, applicationId),
    input,
  });
}

/**
 * After the event `on` is recorded: answers the machine's token when it waits on that event (an
 * answered or timed-out token is fine), else makes sure the machine runs — when it reaches the
 * wait, `applicationWait` finds the event recorded and goes on.
 */
export async function signalRecorded(
  deps: { readonly workflow: WorkflowEngine },
  record: ApplicationRecord,
  on: WaitOn,
): Promise<void> {
  if (record.waiting?.on === on) {
    try {
      await deps.workflow.taskSucceeded(record.waiting.taskToken, { on });
    } catch (error) {
      if (!SETTLED_TOKEN_ERRORS.includes((error as Error).name)) throw error;
    }
    return;
  }
  try {
    await startApplicationExecution(deps, record.tenantId, record.id);
  } catch (error) {
    // An execution of that name exists (started with its input written another way): it runs.
    if (!(error instanceof ConflictError && error.code === 'workflow_name_conflict')) throw error;
  }
}
