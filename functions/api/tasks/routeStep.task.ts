import { routeStepTask } from '../../modules/approval';
import { taskHandler } from '../../platform/observability/task-handler';
import { getContainer } from '../../wiring/container';

/** Lambda entry of the `routeStep` Step Functions task. */
export const handler = taskHandler('routeStep', (raw) => routeStepTask(raw, getContainer()));
