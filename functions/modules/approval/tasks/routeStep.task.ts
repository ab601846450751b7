/**
 * Task Lambda of statemachines/document-route.asl.json (`${fn_routeStep}`, `.waitForTaskToken`):
 * makes the step's tasks and keeps the token on the step; people's decisions complete it.
 */
import * as z from 'zod';
import { stepTask } from '../../../platform/kernel/step-task';
import { activateStep } from '../usecases/approval-route/commands/activate-step';

const event = z.object({
  taskToken: z.string().min(1),
  tenantId: z.string().min(1),
  documentId: z.string().min(1),
  round: z.number().int().min(1),
  step: z.number().int().min(0),
});

export const routeStepTask = stepTask(
  event,
  async (deps: Parameters<typeof activateStep>[0], input): Promise<{ activated: true }> => {
    await activateStep(deps, input);
    return { activated: true };
  },
);
