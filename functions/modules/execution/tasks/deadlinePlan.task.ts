/** Task Lambda of statemachines/execution-deadline.asl.json (`${fn_deadlinePlan}`): the next deadline event. */
import * as z from 'zod';
import { stepTask } from '../../../platform/kernel/step-task';
import { planDeadline } from '../usecases/deadline.usecase';

const event = z.object({
  tenantId: z.string().min(1),
  documentId: z.string().min(1),
  assignmentId: z.string().min(1),
  after: z.iso.datetime({ offset: true }),
});

export const deadlinePlanTask = stepTask(event, planDeadline);
