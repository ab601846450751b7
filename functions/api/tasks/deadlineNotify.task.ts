import { deadlineNotifyTask } from '../../modules/execution';
import { getContainer } from '../../wiring/container';

/** Lambda entry of the `deadlineNotify` Step Functions task. */
export const handler = (raw: unknown) => deadlineNotifyTask(raw, getContainer());
