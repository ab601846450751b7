/**
 * Task Lambda of statemachines/document-route.asl.json (`${fn_routeStep}`, `.waitForTaskToken`):
 * makes the step's tasks and keeps the token on the step; people's decisions complete it.
 */
import { z } from 'zod';
import { ValidationError } from '../../domain/errors';
import { activateStep } from '../../usecases/routes/route.usecase';
import { getContainer } from '../../wiring/container';

const event = z.object({
  taskToken: z.string().min(1),
  tenantId: z.string().min(1),
  documentId: z.string().min(1),
  round: z.number().int().min(1),
  step: z.number().int().min(0),
});

export async function handler(raw: unknown): Promise<{ activated: true }> {
  const parsed = event.safeParse(raw);
  if (!parsed.success) {
    throw new ValidationError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })));
  }
  await activateStep(getContainer(), parsed.data);
  return { activated: true };
}
