/** Task Lambda of statemachines/eservice-application.asl.json (`${fn_applicationCancel}`): a wait's window ran out. */
import * as z from 'zod';
import { stepTask } from '../../../platform/kernel/step-task';
import { cancelLate } from '../usecases/flow/machine';

const event = z.object({
  tenantId: z.string().min(1),
  applicationId: z.string().min(1),
  reason: z.enum(['not-confirmed', 'not-paid']),
});

export const applicationCancelTask = stepTask(event, cancelLate);
