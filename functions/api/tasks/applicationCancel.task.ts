import { applicationCancelTask } from '../../modules/eservices';
import { taskHandler } from '../../platform/observability/task-handler';
import { payments, workflow } from '../../wiring/adapters';
import { getContainer, wire } from '../../wiring/container';

wire({ payments, workflow });

/** Lambda entry of the `applicationCancel` Step Functions task. */
export const handler = taskHandler('applicationCancel', (raw) => applicationCancelTask(raw, getContainer()));
