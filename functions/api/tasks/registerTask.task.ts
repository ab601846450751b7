import { registerTaskTask } from '../../modules/notifications';
import { taskHandler } from '../../platform/observability/task-handler';
import { getContainer } from '../../wiring/container';

/** Lambda entry of the `registerTask` Step Functions task. */
export const handler = taskHandler('registerTask', (raw) =>
  registerTaskTask(raw, { inbox: () => getContainer().taskInbox }),
);
