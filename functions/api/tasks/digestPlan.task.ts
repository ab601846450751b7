import { digestPlanTask } from '../../modules/execution';
import { getContainer } from '../../wiring/container';

/** Lambda entry of the `digestPlan` Step Functions task. */
export const handler = (raw: unknown) => digestPlanTask(raw, getContainer());
