import { archiveIntegrityCheckTask } from '../../modules/archive';
import { taskHandler } from '../../platform/observability/task-handler';
import { getContainer } from '../../wiring/container';

/** Lambda entry of the `archiveIntegrityCheck` Step Functions task. */
export const handler = taskHandler('archiveIntegrityCheck', (raw) =>
  archiveIntegrityCheckTask(raw, getContainer()),
);
