/**
 * Task Lambda of statemachines/document-route.asl.json (`${fn_routeStep}`, `.waitForTaskToken`):
 * makes the step's tasks and keeps the token on the step; people's decisions complete it.
 */
import { z } from 'zod';
import { ValidationError } from '../../../platform/kernel/errors';
import { activateStep } from '../usecases/approval-route/commands/activate-step';

const event = z.object({
  taskToken: z.string().min(1),
  tenantId: z.string().min(1),
  documentId: z.string().min(1),
  round: z.number().int().min(1),
  step: z.number().int().min(0),
});

export async function routeStepTask(
  raw: unknown,
  deps: Parameters<typeof activateStep>[0],
): Promise<{ activated: true }> {
  const parsed = event.safeParse(raw);
  if (!parsed.success) {
    throw new ValidationError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })));
  }
  await activateStep(deps, parsed.data);
  return { activated: true };
}
