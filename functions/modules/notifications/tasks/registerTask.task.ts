/**
 * Task Lambda of statemachines/human-step.asl.json (`${fn_registerTask}`, `.waitForTaskToken`):
 * keeps the task token on the assignment; the step then waits for the user's decision.
 */
import { z } from 'zod';
import { ValidationError } from '../../../platform/kernel/errors';
import { registerHumanTask } from '../usecases/register-human-task.usecase';

const event = z.object({
  taskToken: z.string().min(1),
  executionId: z.string().min(1),
  tenantId: z.string().min(1),
  assignmentId: z.string().min(1),
  assignee: z.string().min(1),
});

export async function registerTaskTask(
  raw: unknown,
  deps: Parameters<typeof registerHumanTask>[0],
): Promise<{ registered: true }> {
  const parsed = event.safeParse(raw);
  if (!parsed.success) {
    throw new ValidationError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })));
  }
  return registerHumanTask(deps, parsed.data);
}
