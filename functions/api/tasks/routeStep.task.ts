import { routeStepTask } from '../../modules/approval';
import { taskHandler } from '../../platform/observability/task-handler';
import { email, sms, workflow } from '../../wiring/adapters';
import { getContainer, wire } from '../../wiring/container';

wire({ email, sms, workflow });

/** Lambda entry of the `routeStep` Step Functions task. */
export const handler = taskHandler('routeStep', (raw) => routeStepTask(raw, getContainer()));
