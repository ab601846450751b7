import type { Actor, Page } from '../../../platform/kernel/aggregate';
import { assertNoCycle } from '../../org';
import { BadRequestError } from '../../../platform/kernel/errors';
import {
  FLAT_LIST_PAGE,
  TREE_LIST_PAGE,
  treeLists,
  validateJournalPattern,
  type ReferenceItem,
  type ReferenceItemData,
  type ReferenceListName,
} from '../domain/lists';
import type { AggregateType } from '../../../platform/ports/aggregate-store.port';
import {
  assertExists,
  createAggregate,
  getOr404,
  listPage,
  sortable,
  updateAggregate,
  type Deps,
} from '../../../platform/kernel/aggregates';

const typeOf = (list: ReferenceListName): AggregateType => `ref:${list}`;

function placement(data: ReferenceItemData) {
  const sortKey = sortable(data.list === 'nomenclature' ? data.index : (data.code ?? data.name.az));
  const claims =
    data.list === 'journals'
      ? [{ scope: 'journal-code', value: data.code.toLocaleLowerCase('az'), field: 'code' }]
      : data.list === 'nomenclature'
        ? [{ scope: 'nomenclature-index', value: data.index.toLocaleLowerCase('az'), field: 'index' }]
        : data.code
          ? [{ scope: `${data.list}-code`, value: data.code.toLocaleLowerCase('az'), field: 'code' }]
          : [];
  return { parentKey: data.parentId ?? '-', sortKey, claims };
}

async function check(deps: Deps, actor: Actor, data: ReferenceItemData, selfId?: string): Promise<void> {
  if (data.parentId !== undefined) {
    await assertExists(deps, typeOf(data.list), actor.tenantId, data.parentId, 'parentId');
    if (selfId) {
      await assertNoCycle(
        selfId,
        data.parentId,
        async (id) => (await deps.store.get<ReferenceItem>(typeOf(data.list), actor.tenantId, id))?.parentId,
      );
    }
  }
  if (data.list === 'journals') {
    validateJournalPattern(data.pattern);
    await assertExists(deps, 'department', actor.tenantId, data.departmentId, 'departmentId');
    await assertExists(deps, 'ref:nomenclature', actor.tenantId, data.nomenclatureId, 'nomenclatureId');
  }
  if (data.list === 'nomenclature')
    await assertExists(deps, 'department', actor.tenantId, data.departmentId, 'departmentId');
}

/** Only tree lists keep a parent; elsewhere a parentId is ignored. */
function normalize(data: ReferenceItemData): ReferenceItemData {
  if (treeLists.has(data.list) || data.parentId === undefined) return data;
  const { parentId: _p, ...rest } = data;
  return rest as ReferenceItemData;
}

export async function createReferenceItem(
  deps: Deps,
  actor: Actor,
  input: ReferenceItemData,
  idem: { key: string; requestHash: string } | undefined,
): Promise<ReferenceItem> {
  const data = normalize(input);
  await check(deps, actor, data);
  return (await createAggregate(
    deps,
    typeOf(data.list),
    actor,
    data,
    placement(data),
    idem,
  )) as ReferenceItem;
}

export async function updateReferenceItem(
  deps: Deps,
  actor: Actor,
  id: string,
  input: ReferenceItemData & { version: number },
): Promise<ReferenceItem> {
  const { version, ...raw } = input;
  const data = normalize(raw as ReferenceItemData);
  const current = await getOr404<ReferenceItem>(deps, typeOf(data.list), actor.tenantId, id);
  await check(deps, actor, data, id);
  return (await updateAggregate(deps, typeOf(data.list), actor, current, data, version, {
    ...placement(data),
    oldClaims: placement(current).claims,
  })) as ReferenceItem;
}

export const getReferenceItem = (deps: Deps, actor: Actor, list: ReferenceListName, id: string) =>
  getOr404<ReferenceItem>(deps, typeOf(list), actor.tenantId, id);

export async function listReferenceItems(
  deps: Deps,
  actor: Actor,
  list: ReferenceListName,
  q: { limit: number; cursor?: string; parentId?: string },
): Promise<Page<ReferenceItem>> {
  // A tree list loads whole; a flat one pages like every list (a larger page is a 400 on `limit`).
  const max = treeLists.has(list) ? TREE_LIST_PAGE : FLAT_LIST_PAGE;
  if (q.limit > max) throw new BadRequestError([{ path: 'limit', code: 'too_big', params: { max } }]);
  // The parent is an item of the same list.
  await assertExists(deps, typeOf(list), actor.tenantId, q.parentId, 'parentId');
  return listPage(deps, typeOf(list), actor.tenantId, {
    ...q,
    ...(q.parentId ? { parentKey: q.parentId } : {}),
  });
}
