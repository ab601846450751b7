import { applicationNextTask } from '../../modules/eservices';
import { taskHandler } from '../../platform/observability/task-handler';
import { getContainer } from '../../wiring/container';

/** Lambda entry of the `applicationNext` Step Functions task. */
export const handler = taskHandler('applicationNext', (raw) => applicationNextTask(raw, getContainer()));
