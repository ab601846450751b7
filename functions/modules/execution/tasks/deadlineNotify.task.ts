/** Task Lambda of statemachines/execution-deadline.asl.json (`${fn_deadlineNotify}`): one event's notices. */
import { z } from 'zod';
import { ValidationError } from '../../../platform/kernel/errors';
import { notifyDeadline } from '../usecases/deadline.usecase';

const event = z.object({
  tenantId: z.string().min(1),
  documentId: z.string().min(1),
  assignmentId: z.string().min(1),
  executionId: z.string().min(1),
  event: z.object({
    kind: z.enum(['reminder', 'overdue', 'escalation']),
    at: z.iso.datetime({ offset: true }),
    n: z.number().int().min(0),
  }),
});

export async function deadlineNotifyTask(
  raw: unknown,
  deps: Parameters<typeof notifyDeadline>[0],
): Promise<{ sent: number; skipped?: string }> {
  const parsed = event.safeParse(raw);
  if (!parsed.success) {
    throw new ValidationError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })));
  }
  return notifyDeadline(deps, parsed.data);
}
