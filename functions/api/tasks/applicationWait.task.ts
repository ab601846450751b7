import { applicationWaitTask } from '../../modules/eservices';
import { taskHandler } from '../../platform/observability/task-handler';
import { workflow } from '../../wiring/adapters';
import { getContainer, wire } from '../../wiring/container';

wire({ workflow });

/** Lambda entry of the `applicationWait` Step Functions task. */
export const handler = taskHandler('applicationWait', (raw) => applicationWaitTask(raw, getContainer()));
