/** Task Lambda of statemachines/archive-integrity.asl.json (`${fn_archiveIntegrityPlan}`): the next night's check. */
import * as z from 'zod';
import { stepTask } from '../../../platform/kernel/step-task';
import { planIntegrity } from '../usecases/schedule.usecase';

const event = z.object({
  tenantId: z.string().min(1).max(100),
  year: z.number().int().min(2000).max(2100),
  after: z.iso.datetime({ offset: true }),
});

export const archiveIntegrityPlanTask = stepTask(event, planIntegrity);
