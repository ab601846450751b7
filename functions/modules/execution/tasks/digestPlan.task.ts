/** Task Lambda of statemachines/daily-digest.asl.json (`${fn_digestPlan}`): the next digest time. */
import * as z from 'zod';
import { stepTask } from '../../../platform/kernel/step-task';
import { planDigest } from '../usecases/digest.usecase';

const event = z.object({
  tenantId: z.string().min(1),
  year: z.number().int().min(2000).max(2100),
  after: z.iso.datetime({ offset: true }),
});

export const digestPlanTask = stepTask(event, planDigest);
