import { deadlineNotifyTask } from '../../modules/execution';
import { taskHandler } from '../../platform/observability/task-handler';
import { getContainer } from '../../wiring/container';

/** Lambda entry of the `deadlineNotify` Step Functions task. */
export const handler = taskHandler('deadlineNotify', (raw) => deadlineNotifyTask(raw, getContainer()));
