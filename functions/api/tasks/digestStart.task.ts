import { digestStartTask } from '../../modules/execution';
import { taskHandler } from '../../platform/observability/task-handler';
import { getContainer } from '../../wiring/container';

/** Lambda entry of the `digestStart` Step Functions task. */
export const handler = taskHandler('digestStart', (raw) => digestStartTask(raw, getContainer()));
