import { substitutionShiftTask } from '../../modules/execution';
import { taskHandler } from '../../platform/observability/task-handler';
import { getContainer } from '../../wiring/container';

/** Lambda entry of the `substitutionShift` Step Functions task. */
export const handler = taskHandler('substitutionShift', (raw) => substitutionShiftTask(raw, getContainer()));
