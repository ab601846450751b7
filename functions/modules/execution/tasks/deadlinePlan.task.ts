/** Task Lambda of statemachines/execution-deadline.asl.json (`${fn_deadlinePlan}`): the next deadline event. */
import { z } from 'zod';
import { ValidationError } from '../../../platform/kernel/errors';
import { planDeadline, type DeadlinePlan } from '../usecases/deadline.usecase';

const event = z.object({
  tenantId: z.string().min(1),
  documentId: z.string().min(1),
  assignmentId: z.string().min(1),
  after: z.iso.datetime({ offset: true }),
});

export async function deadlinePlanTask(
  raw: unknown,
  deps: Parameters<typeof planDeadline>[0],
): Promise<DeadlinePlan> {
  const parsed = event.safeParse(raw);
  if (!parsed.success) {
    throw new ValidationError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })));
  }
  return planDeadline(deps, parsed.data);
}
