import type { Actor } from '../../functions/platform/kernel/aggregate';
import type { MemoryAggregateStore } from './fakes/aggregate-store';
import { actor, department, employee, position } from './builders';

/**
 * A small agency for the need-to-know tests: the board (root) with the director, the registry with
 * a clerk, the legal department (head and lawyer), IT (head and developer) and its security sector
 * (an operator) under IT.
 *
 *   board ── director
 *   ├─ registry ── clerk
 *   ├─ legal ── legalhead, lawyer
 *   └─ it ── ithead, dev
 *      └─ security ── secop
 */
export function seedOrgTree(store: MemoryAggregateStore): void {
  store.seed('department', department('board'));
  for (const id of ['registry', 'legal', 'it'])
    store.seed('department', department(id, { parentId: 'board' }));
  store.seed('department', department('security', { parentId: 'it' }));
  const staff: Array<[string, string, 'head' | 'specialist' | 'clerk', Actor['roles']]> = [
    ['director', 'board', 'head', new Set(['head'])],
    ['clerk', 'registry', 'clerk', new Set(['clerk'])],
    ['legalhead', 'legal', 'head', new Set(['head', 'approver'])],
    ['lawyer', 'legal', 'specialist', new Set(['executor'])],
    ['ithead', 'it', 'head', new Set(['head'])],
    ['dev', 'it', 'specialist', new Set(['executor'])],
    ['secop', 'security', 'specialist', new Set(['executor'])],
  ];
  for (const [id, departmentId, kind, roles] of staff) {
    store.seed('position', position(`${id}-pos`, { departmentId, kind, roles: [...roles] as never }));
    store.seed('employee', employee(id, { positionIds: [`${id}-pos`] }), {
      claims: [{ scope: 'username', value: id }],
    });
  }
}

/** An actor of the tree with the reach resolveActor would give it (for use-case tests). */
export function treeActor(id: string, roles: string[], reach: Partial<NonNullable<Actor['reach']>> = {}) {
  return actor(id, roles as never, { reach: { agencyHead: false, headOf: [], actingFor: [], ...reach } });
}
