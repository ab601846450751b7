import { digestSendTask } from '../../modules/execution';
import { taskHandler } from '../../platform/observability/task-handler';
import { email } from '../../wiring/adapters';
import { getContainer, wire } from '../../wiring/container';

wire({ email });

/** Lambda entry of the `digestSend` Step Functions task. */
export const handler = taskHandler('digestSend', (raw) => digestSendTask(raw, getContainer()));
