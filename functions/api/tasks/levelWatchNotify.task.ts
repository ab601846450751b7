import { levelWatchNotifyTask } from '../../modules/eservices';
import { taskHandler } from '../../platform/observability/task-handler';
import { email, sms } from '../../wiring/adapters';
import { getContainer, wire } from '../../wiring/container';

wire({ email, sms });

/** Lambda entry of the `levelWatchNotify` Step Functions task (the level's reminder and escalation). */
export const handler = taskHandler('levelWatchNotify', (raw) => levelWatchNotifyTask(raw, getContainer()));
