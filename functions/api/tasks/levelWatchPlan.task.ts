import { levelWatchPlanTask } from '../../modules/eservices';
import { taskHandler } from '../../platform/observability/task-handler';
import { getContainer } from '../../wiring/container';

/** Lambda entry of the `levelWatchPlan` Step Functions task (issue 15: an application's service level). */
export const handler = taskHandler('levelWatchPlan', (raw) => levelWatchPlanTask(raw, getContainer()));
