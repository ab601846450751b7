import { deadlineNotifyTask } from '../../modules/execution';
import { taskHandler } from '../../platform/observability/task-handler';
import { email, sms } from '../../wiring/adapters';
import { getContainer, wire } from '../../wiring/container';

wire({ email, sms });

/** Lambda entry of the `deadlineNotify` Step Functions task. */
export const handler = taskHandler('deadlineNotify', (raw) => deadlineNotifyTask(raw, getContainer()));
