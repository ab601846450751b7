import { deadlineNotifyTask } from '../../modules/execution';
import { publishEvent, webhookEvent } from '../../modules/webhooks';
import { taskHandler } from '../../platform/observability/task-handler';
import { email, sms, workflow } from '../../wiring/adapters';
import { getContainer, wire } from '../../wiring/container';

wire({ email, sms, workflow });

interface OverdueInput {
  tenantId: string;
  documentId: string;
  assignmentId: string;
  event: { kind: string; at: string };
}

/**
 * Lambda entry of the `deadlineNotify` Step Functions task. The overdue event (the deadline machine
 * marks nothing in the table) also goes to the agency's webhook subscriptions from here: its id
 * follows from the resolution and the moment it fell due, so a retried task delivers nothing twice.
 */
export const handler = taskHandler('deadlineNotify', async (raw) => {
  const container = getContainer();
  const result = await deadlineNotifyTask(raw, container);
  const input = raw as OverdueInput;
  if (input.event.kind === 'overdue' && !result.skipped)
    await publishEvent(
      container,
      webhookEvent(
        'execution.overdue',
        input.tenantId,
        input.event.at,
        {
          documentId: input.documentId,
          resolutionId: input.assignmentId,
          dueDate: dueDateOf(input.event.at),
        },
        [input.assignmentId, input.event.at],
      ),
    );
  return result;
});

/** The overdue moment is the start (Baku) of the day after the due date: that day's date, minus one. */
function dueDateOf(overdueAt: string): string {
  const bakuMidnight = new Date(Date.parse(overdueAt) + 4 * 3600_000);
  return new Date(bakuMidnight.getTime() - 86400_000).toISOString().slice(0, 10);
}
