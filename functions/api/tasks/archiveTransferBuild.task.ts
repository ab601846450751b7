import { archiveTransferBuildTask } from '../../modules/archive';
import { taskHandler } from '../../platform/observability/task-handler';
import { objects } from '../../wiring/adapters';
import { getContainer, wire } from '../../wiring/container';

wire({ objects });

/** Lambda entry of the `archiveTransferBuild` Step Functions task. */
export const handler = taskHandler('archiveTransferBuild', (raw) =>
  archiveTransferBuildTask(raw, getContainer()),
);
