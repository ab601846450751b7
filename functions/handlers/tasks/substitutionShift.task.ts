/**
 * Task Lambda of statemachines/substitution-period.asl.json (`${fn_substitutionShift}`): moves an
 * official's pending tasks to the substitute at the period's start and back at its end.
 */
import { z } from 'zod';
import { ValidationError } from '../../domain/errors';
import { shiftSubstitution } from '../../usecases/execution/substitution.usecase';
import { getContainer } from '../../wiring/container';

const event = z.object({
  tenantId: z.string().min(1),
  substitutionId: z.string().min(1),
  version: z.number().int().min(1),
  phase: z.enum(['start', 'end']),
});

export async function handler(raw: unknown): Promise<{ moved: number }> {
  const parsed = event.safeParse(raw);
  if (!parsed.success) {
    throw new ValidationError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })));
  }
  return shiftSubstitution(getContainer(), parsed.data);
}
