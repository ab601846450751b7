import { digestSendTask } from '../../modules/execution';
import { getContainer } from '../../wiring/container';

/** Lambda entry of the `digestSend` Step Functions task. */
export const handler = (raw: unknown) => digestSendTask(raw, getContainer());
