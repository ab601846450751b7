import { deadlinePlanTask } from '../../modules/execution';
import { taskHandler } from '../../platform/observability/task-handler';
import { getContainer } from '../../wiring/container';

/** Lambda entry of the `deadlinePlan` Step Functions task. */
export const handler = taskHandler('deadlinePlan', (raw) => deadlinePlanTask(raw, getContainer()));
