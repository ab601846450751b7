import { archiveIntegrityPlanTask } from '../../modules/archive';
import { taskHandler } from '../../platform/observability/task-handler';
import { getContainer } from '../../wiring/container';

/** Lambda entry of the `archiveIntegrityPlan` Step Functions task. */
export const handler = taskHandler('archiveIntegrityPlan', (raw) =>
  archiveIntegrityPlanTask(raw, getContainer()),
);
