/**
 * Task Lambda of statemachines/eservice-level-watch.asl.json (`${fn_levelWatchNotify}`): one event's
 * notices, at most once per application (level-watch/watch.usecase.ts).
 */
import * as z from 'zod';
import { stepTask } from '../../../platform/kernel/step-task';
import type { NotifyDeps } from '../../notifications';
import type { ApplicationReviewDeps } from '../ports';
import { notifyLevelEvent } from '../usecases/level-watch/watch.usecase';

const event = z.object({
  tenantId: z.string().min(1).max(128),
  applicationId: z.string().min(1).max(32),
  event: z.object({
    kind: z.enum(['reminder', 'escalation']),
    at: z.iso.datetime({ offset: true }),
  }),
});

export const levelWatchNotifyTask = stepTask(
  event,
  (deps: ApplicationReviewDeps & NotifyDeps, input: z.infer<typeof event>) => notifyLevelEvent(deps, input),
);
