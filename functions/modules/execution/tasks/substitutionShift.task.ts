/**
 * Task Lambda of statemachines/substitution-period.asl.json (`${fn_substitutionShift}`): moves an
 * official's pending tasks to the substitute at the period's start and back at its end.
 */
import { z } from 'zod';
import { ValidationError } from '../../../platform/kernel/errors';
import { shiftSubstitution } from '../usecases/substitution.usecase';

const event = z.object({
  tenantId: z.string().min(1),
  substitutionId: z.string().min(1),
  version: z.number().int().min(1),
  phase: z.enum(['start', 'end']),
});

export async function substitutionShiftTask(
  raw: unknown,
  deps: Parameters<typeof shiftSubstitution>[0],
): Promise<{ moved: number }> {
  const parsed = event.safeParse(raw);
  if (!parsed.success) {
    throw new ValidationError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })));
  }
  return shiftSubstitution(deps, parsed.data);
}
