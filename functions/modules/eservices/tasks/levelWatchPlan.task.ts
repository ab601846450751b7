/**
 * Task Lambda of statemachines/eservice-level-watch.asl.json (`${fn_levelWatchPlan}`): the next
 * event of an application's service level, or stop (level-watch/watch.usecase.ts).
 */
import * as z from 'zod';
import { stepTask } from '../../../platform/kernel/step-task';
import type { ApplicationReviewDeps } from '../ports';
import { planLevelWatch } from '../usecases/level-watch/watch.usecase';

const event = z.object({
  tenantId: z.string().min(1).max(128),
  applicationId: z.string().min(1).max(32),
  after: z.iso.datetime({ offset: true }),
});

export const levelWatchPlanTask = stepTask(
  event,
  (deps: ApplicationReviewDeps, input: z.infer<typeof event>) => planLevelWatch(deps, input),
);
