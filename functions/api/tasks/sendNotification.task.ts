import { sendNotificationTask } from '../../modules/notifications';
import { getContainer } from '../../wiring/container';

/** Lambda entry of the `sendNotification` Step Functions task. */
export const handler = (raw: unknown) =>
  sendNotificationTask(raw, { email: () => getContainer().email, sms: () => getContainer().sms });
