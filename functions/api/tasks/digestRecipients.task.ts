import { digestRecipientsTask } from '../../modules/execution';
import { taskHandler } from '../../platform/observability/task-handler';
import { getContainer } from '../../wiring/container';

/** Lambda entry of the `digestRecipients` Step Functions task. */
export const handler = taskHandler('digestRecipients', (raw) => digestRecipientsTask(raw, getContainer()));
