/**
 * Task Lambda of statemachines/daily-digest.asl.json (`${fn_digestStart}`): at the digest time,
 * starts the day's sending (`daily-digest-send`, one execution per agency and day).
 */
import * as z from 'zod';
import { stepTask } from '../../../platform/kernel/step-task';
import { startDigestDay } from '../usecases/digest.usecase';

const event = z.object({ tenantId: z.string().min(1), at: z.iso.datetime({ offset: true }) });

export const digestStartTask = stepTask(event, startDigestDay);
