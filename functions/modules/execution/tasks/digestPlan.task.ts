/** Task Lambda of statemachines/daily-digest.asl.json (`${fn_digestPlan}`): the next digest time. */
import { z } from 'zod';
import { ValidationError } from '../../../platform/kernel/errors';
import { planDigest, type DigestPlan } from '../usecases/digest.usecase';

const event = z.object({
  tenantId: z.string().min(1),
  year: z.number().int().min(2000).max(2100),
  after: z.iso.datetime({ offset: true }),
});

export async function digestPlanTask(
  raw: unknown,
  deps: Parameters<typeof planDigest>[0],
): Promise<DigestPlan> {
  const parsed = event.safeParse(raw);
  if (!parsed.success) {
    throw new ValidationError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })));
  }
  return planDigest(deps, parsed.data);
}
