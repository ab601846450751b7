import { archiveTransferBuildTask } from '../../modules/archive';
import { taskHandler } from '../../platform/observability/task-handler';
import { getContainer } from '../../wiring/container';

/** Lambda entry of the `archiveTransferBuild` Step Functions task. */
export const handler = taskHandler('archiveTransferBuild', (raw) =>
  archiveTransferBuildTask(raw, getContainer()),
);
