/**
 * Task Lambda of statemachines/daily-digest-send.asl.json (`${fn_digestSend}`, one Map iteration):
 * the morning digests of one batch of employees.
 */
import * as z from 'zod';
import { stepTask } from '../../../platform/kernel/step-task';
import { sendDigests } from '../usecases/digest.usecase';

const event = z.object({
  tenantId: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
  employeeIds: z.array(z.string().min(1)).max(100),
});

export const digestSendTask = stepTask(event, sendDigests);
