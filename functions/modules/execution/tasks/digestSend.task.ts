/** Task Lambda of statemachines/daily-digest.asl.json (`${fn_digestSend}`): the morning digests. */
import { z } from 'zod';
import { stepTask } from '../../../platform/kernel/step-task';
import { sendDigests } from '../usecases/digest.usecase';

const event = z.object({ tenantId: z.string().min(1), at: z.iso.datetime({ offset: true }) });

export const digestSendTask = stepTask(event, sendDigests);
