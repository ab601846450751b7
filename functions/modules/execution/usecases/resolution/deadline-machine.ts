import type { AssignmentRecord } from '../../../documents';
import { isOpenResolution } from '../../domain/assignment';
import { DEADLINE_MACHINE, deadlineExecutionName, type ExecutionDeps } from '../common';

/** Starts the deadline machine of a controlled resolution; idempotent by name (the same input every time). */
export async function ensureDeadline(deps: ExecutionDeps, r: AssignmentRecord): Promise<void> {
  if (!r.controllerId || !r.dueDate || !isOpenResolution(r) || !deps.workflow) return;
  await deps.workflow.start({
    machine: DEADLINE_MACHINE,
    name: deadlineExecutionName(r.id),
    input: { tenantId: r.tenantId, documentId: r.documentId, assignmentId: r.id, after: r.createdAt },
  });
}

/** After the transaction: a failure here is retried by the stream consumer. */
export async function startDeadline(deps: ExecutionDeps, r: AssignmentRecord): Promise<void> {
  try {
    await ensureDeadline(deps, r);
  } catch {
    // Not lost: the table-stream consumer (deadlineWatch) starts it from the committed resolution.
  }
}

export async function stopDeadline(deps: ExecutionDeps, r: AssignmentRecord): Promise<void> {
  if (!r.controllerId || !r.dueDate || !deps.workflow) return;
  try {
    const arn = deps.workflow.executionArn(DEADLINE_MACHINE, deadlineExecutionName(r.id));
    await deps.workflow.stop(arn, 'executed');
  } catch {
    // Already ended, or never started: the machine also stops itself at its next event.
  }
}
