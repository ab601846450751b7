/** Task Lambda of statemachines/execution-deadline.asl.json (`${fn_deadlineNotify}`): one event's notices. */
import * as z from 'zod';
import { stepTask } from '../../../platform/kernel/step-task';
import { notifyDeadline } from '../usecases/deadline.usecase';

const event = z.object({
  tenantId: z.string().min(1),
  documentId: z.string().min(1),
  assignmentId: z.string().min(1),
  executionId: z.string().min(1),
  event: z.object({
    kind: z.enum(['reminder', 'overdue', 'escalation']),
    at: z.iso.datetime({ offset: true }),
    n: z.number().int().min(0),
  }),
});

export const deadlineNotifyTask = stepTask(event, notifyDeadline);
