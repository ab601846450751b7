/**
 * Task Lambda of statemachines/substitution-period.asl.json (`${fn_substitutionShift}`): moves an
 * official's pending tasks to the substitute at the period's start and back at its end.
 */
import * as z from 'zod';
import { stepTask } from '../../../platform/kernel/step-task';
import { shiftSubstitution } from '../usecases/substitution.usecase';

const event = z.object({
  tenantId: z.string().min(1),
  substitutionId: z.string().min(1),
  version: z.number().int().min(1),
  phase: z.enum(['start', 'end']),
});

export const substitutionShiftTask = stepTask(event, shiftSubstitution);
