import { digestPlanTask } from '../../modules/execution';
import { taskHandler } from '../../platform/observability/task-handler';
import { getContainer } from '../../wiring/container';

/** Lambda entry of the `digestPlan` Step Functions task. */
export const handler = taskHandler('digestPlan', (raw) => digestPlanTask(raw, getContainer()));
