import { archiveIntegrityPlanTask } from '../../modules/archive';
import { taskHandler } from '../../platform/observability/task-handler';
import { workflow } from '../../wiring/adapters';
import { getContainer, wire } from '../../wiring/container';

wire({ workflow });

/** Lambda entry of the `archiveIntegrityPlan` Step Functions task. */
export const handler = taskHandler('archiveIntegrityPlan', (raw) =>
  archiveIntegrityPlanTask(raw, getContainer()),
);
