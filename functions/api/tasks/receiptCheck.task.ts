import { receiptCheckTask } from '../../modules/exchange';
import { taskHandler } from '../../platform/observability/task-handler';
import { email, sms } from '../../wiring/adapters';
import { getContainer, wire } from '../../wiring/container';

wire({ email, sms });

/** Lambda entry of the `receiptCheck` Step Functions task. */
export const handler = taskHandler('receiptCheck', (raw) => receiptCheckTask(raw, getContainer()));
