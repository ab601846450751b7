import { routeStepTask } from '../../modules/approval';
import { getContainer } from '../../wiring/container';

/** Lambda entry of the `routeStep` Step Functions task. */
export const handler = (raw: unknown) => routeStepTask(raw, getContainer());
