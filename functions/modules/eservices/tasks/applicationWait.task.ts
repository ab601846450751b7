/**
 * Task Lambda of statemachines/eservice-application.asl.json (`${fn_applicationWait}`,
 * `.waitForTaskToken`): keeps the token on the application while it waits on the event, or
 * answers it at once when the event already happened.
 */
import * as z from 'zod';
import { stepTask } from '../../../platform/kernel/step-task';
import { keepWaiting } from '../usecases/flow/machine';

const event = z.object({
  taskToken: z.string().min(1),
  tenantId: z.string().min(1),
  applicationId: z.string().min(1),
  on: z.enum(['confirmation', 'payment', 'decision']),
});

export const applicationWaitTask = stepTask(event, keepWaiting);
