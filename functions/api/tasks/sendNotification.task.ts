import { sendNotificationTask } from '../../modules/notifications';
import { taskHandler } from '../../platform/observability/task-handler';
import { email, sms } from '../../wiring/adapters';
import { getContainer, wire } from '../../wiring/container';

wire({ email, sms });

/** Lambda entry of the `sendNotification` Step Functions task. */
export const handler = taskHandler('sendNotification', (raw) =>
  sendNotificationTask(raw, { email: () => getContainer().email, sms: () => getContainer().sms }),
);
