import { applicationNotifyTask } from '../../modules/eservices';
import { taskHandler } from '../../platform/observability/task-handler';
import { email, sms } from '../../wiring/adapters';
import { getContainer, wire } from '../../wiring/container';

wire({ email, sms });

/** Lambda entry of the `applicationNotify` Step Functions task. */
export const handler = taskHandler('applicationNotify', (raw) => applicationNotifyTask(raw, getContainer()));
