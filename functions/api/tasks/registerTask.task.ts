import { registerTaskTask } from '../../modules/notifications';
import { getContainer } from '../../wiring/container';

/** Lambda entry of the `registerTask` Step Functions task. */
export const handler = (raw: unknown) => registerTaskTask(raw, { inbox: () => getContainer().taskInbox });
