import { archiveIntegrityCheckTask } from '../../modules/archive';
import { taskHandler } from '../../platform/observability/task-handler';
import { archiveAlertsOf, email, objects, sms } from '../../wiring/adapters';
import { getContainer, wire } from '../../wiring/container';

wire({ archiveAlerts: archiveAlertsOf, email, objects, sms });

/** Lambda entry of the `archiveIntegrityCheck` Step Functions task. */
export const handler = taskHandler('archiveIntegrityCheck', (raw) =>
  archiveIntegrityCheckTask(raw, getContainer()),
);
