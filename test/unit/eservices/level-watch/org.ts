import { routeStepTask } from '../../../../functions/modules/approval';
import { department, employee, position } from '../../../support/builders';
import type { MemoryAggregateStore } from '../../../support/fakes/aggregate-store';

/**
 * The units above the review world's officer, placed as the org use cases place them (positions
 * under their unit, employees under their first position):
 *
 *   consular (head: consulhead, named as the unit's head position)
 *   └─ visa (head: visahead, a position of kind head; no named head position) ── officer
 */
export function seedVisaUnits(store: MemoryAggregateStore): void {
  store.seed('department', department('consular', { headPositionId: 'consulhead-pos' }), { parentKey: '-' });
  store.seed('department', department('visa', { parentId: 'consular' }), { parentKey: 'consular' });
  const staff: Array<[string, string, 'head' | 'specialist']> = [
    ['consulhead', 'consular', 'head'],
    ['visahead', 'visa', 'head'],
    ['officer', 'visa', 'specialist'],
  ];
  for (const [id, departmentId, kind] of staff) {
    store.seed('position', position(`${id}-pos`, { departmentId, kind }), { parentKey: departmentId });
    store.seed('employee', employee(id, { positionIds: [`${id}-pos`] }), { parentKey: `${id}-pos` });
  }
}

/** The application's route reaches its first step (as the route's machine would): the tasks are made. */
export async function firstStepReached(
  deps: Parameters<typeof routeStepTask>[1],
  tenantId: string,
  documentId: string,
): Promise<void> {
  await routeStepTask({ taskToken: 'route-step-0', tenantId, documentId, round: 1, step: 0 }, deps);
}
