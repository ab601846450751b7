import type * as z from 'zod';
import type { Actor } from '../../../platform/kernel/aggregate';
import type { savedFiltersInput } from './inputs';
import { assertKnown, type Deps } from '../../../platform/kernel/aggregates';
import { filterReferencesOf } from './common';

type SavedFiltersData = Omit<z.output<typeof savedFiltersInput>, 'version'>;

/** Each user's saved filters of the lists, one record per user (version 0 before the first save). */
export async function getSavedFilters(deps: Deps, actor: Actor) {
  const item = await deps.store.get<
    SavedFiltersData & { id: string; tenantId: string; version: number; createdAt: string; updatedAt: string }
  >('saved-filters', actor.tenantId, actor.employeeId);
  return { version: item?.version ?? 0, items: item?.items ?? [] };
}

export async function saveFilters(deps: Deps, actor: Actor, input: z.output<typeof savedFiltersInput>) {
  // A saved filter names objects the way the filter row does: each must be the tenant's.
  await assertKnown(
    deps,
    actor.tenantId,
    input.items.flatMap((item, i) => filterReferencesOf(item.query, `items.${i}.query.`)),
  );
  const now = deps.clock.now().toISOString();
  const base = { id: actor.employeeId, tenantId: actor.tenantId, items: input.items, updatedAt: now };
  const options = { actorId: actor.employeeId, sortKey: actor.employeeId };
  if (input.version === 0) {
    const created = await deps.store.create(
      'saved-filters',
      { ...base, version: 1, createdAt: now },
      options,
    );
    return { version: created.item.version, items: created.item.items };
  }
  const current = await deps.store.get<typeof base & { version: number; createdAt: string }>(
    'saved-filters',
    actor.tenantId,
    actor.employeeId,
  );
  const saved = await deps.store.update(
    'saved-filters',
    { ...base, version: input.version, createdAt: current?.createdAt ?? now },
    input.version,
    options,
  );
  return { version: saved.version, items: saved.items };
}
