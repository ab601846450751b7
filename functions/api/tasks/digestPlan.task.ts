import { digestPlanTask } from '../../modules/execution';
import { taskHandler } from '../../platform/observability/task-handler';
import { workflow } from '../../wiring/adapters';
import { getContainer, wire } from '../../wiring/container';

wire({ workflow });

/** Lambda entry of the `digestPlan` Step Functions task. */
export const handler = taskHandler('digestPlan', (raw) => digestPlanTask(raw, getContainer()));
