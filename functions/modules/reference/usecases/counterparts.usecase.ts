import type { Actor } from '../../../platform/kernel/aggregate';
import type { Deps } from '../../../platform/kernel/aggregates';
import { ForbiddenError } from '../../../platform/kernel/errors';
import type { ReferenceItem, ReferenceItemData } from '../domain/lists';
import { createReferenceItem } from './reference.usecase';

export type CounterpartInput = Omit<Extract<ReferenceItemData, { list: 'counterparts' }>, 'list'>;

/**
 * Adds an organization or state body to the counterparts, as a registry clerk does while
 * registering a letter from a sender not yet in the list (admins keep every other list to
 * themselves). The same checks as the admins' list route apply; a VÖEN already in the list is
 * refused in the same transaction that would have written the item (409 `duplicate_voen`).
 */
export async function addCounterpart(
  deps: Deps,
  actor: Actor,
  input: CounterpartInput,
  idem: { key: string; requestHash: string } | undefined,
): Promise<ReferenceItem> {
  if (!actor.roles.has('clerk') && !actor.roles.has('admin'))
    throw new ForbiddenError('Only the registry office and admins add counterparts');
  return createReferenceItem(deps, actor, { ...input, list: 'counterparts' }, idem);
}
