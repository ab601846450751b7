import { deadlinePlanTask } from '../../modules/execution';
import { getContainer } from '../../wiring/container';

/** Lambda entry of the `deadlinePlan` Step Functions task. */
export const handler = (raw: unknown) => deadlinePlanTask(raw, getContainer());
