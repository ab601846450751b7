import { digestSendTask } from '../../modules/execution';
import { taskHandler } from '../../platform/observability/task-handler';
import { getContainer } from '../../wiring/container';

/** Lambda entry of the `digestSend` Step Functions task. */
export const handler = taskHandler('digestSend', (raw) => digestSendTask(raw, getContainer()));
