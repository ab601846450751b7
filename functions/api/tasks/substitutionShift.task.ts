import { substitutionShiftTask } from '../../modules/execution';
import { getContainer } from '../../wiring/container';

/** Lambda entry of the `substitutionShift` Step Functions task. */
export const handler = (raw: unknown) => substitutionShiftTask(raw, getContainer());
