import { platformAgencyOf } from '../../../platform/kernel/platform-directory';
import type { Actor, Page } from '../../../platform/kernel/aggregate';
import { assertNoCycle } from '../../org';
import { BadRequestError, BusinessRuleError, ConflictError } from '../../../platform/kernel/errors';
import {
  FLAT_LIST_PAGE,
  TREE_LIST_PAGE,
  treeLists,
  validateJournalPattern,
  type ReferenceItem,
  type ReferenceItemData,
  type ReferenceListName,
} from '../domain/lists';
import type { AggregateType, UniqueClaim } from '../../../platform/ports/aggregate-store.port';
import {
  assertAllExist,
  assertExists,
  createAggregate,
  getOr404,
  listPage,
  sortable,
  unknownReference,
  updateAggregate,
  type Deps,
} from '../../../platform/kernel/aggregates';

const typeOf = (list: ReferenceListName): AggregateType => `ref:${list}`;
type Journal = Extract<ReferenceItem, { list: 'journals' }>;
type Counterpart = Extract<ReferenceItem, { list: 'counterparts' }>;

/** A counterpart's VÖEN is held by a uniqueness item written in the same transaction as the item. */
const voenClaim = (voen: string): UniqueClaim => ({ scope: 'counterpart-voen', value: voen, field: 'voen' });

function sortKeyOf(data: ReferenceItemData): string {
  if (data.list === 'nomenclature') return sortable(data.index);
  // Rules are listed in the order they are tried.
  if (data.list === 'journal-rules')
    return sortable(`${String(data.priority).padStart(3, '0')} ${data.code ?? data.name.az}`);
  return sortable(data.code ?? data.name.az);
}

function placement(data: ReferenceItemData) {
  const claims: UniqueClaim[] =
    data.list === 'journals'
      ? [{ scope: 'journal-code', value: data.code.toLocaleLowerCase('az'), field: 'code' }]
      : data.list === 'nomenclature'
        ? [{ scope: 'nomenclature-index', value: data.index.toLocaleLowerCase('az'), field: 'index' }]
        : data.code
          ? [{ scope: `${data.list}-code`, value: data.code.toLocaleLowerCase('az'), field: 'code' }]
          : [];
  if (data.list === 'counterparts' && data.voen) claims.push(voenClaim(data.voen));
  return { parentKey: data.parentId ?? '-', sortKey: sortKeyOf(data), claims };
}

/**
 * A VÖEN another counterpart holds: 409 `duplicate_voen` naming the counterpart that has it, so
 * that a clerk who raced another one to add the same organization can take the one already there.
 */
async function withVoenConflict<T>(
  deps: Deps,
  actor: Actor,
  data: ReferenceItemData,
  write: () => Promise<T>,
) {
  try {
    return await write();
  } catch (error) {
    if (
      data.list === 'counterparts' &&
      data.voen &&
      error instanceof ConflictError &&
      error.code === 'duplicate_value' &&
      error.params.field === 'voen'
    ) {
      const existingId = await deps.store.findByUnique(actor.tenantId, voenClaim(data.voen));
      throw new ConflictError('duplicate_voen', 'A counterpart with this VÖEN exists', {
        field: 'voen',
        voen: data.voen,
        ...(existingId ? { existingId } : {}),
      });
    }
    throw error;
  }
}

function ruleError(code: string, path: string, message: string): BusinessRuleError {
  return new BusinessRuleError(code, message, {}, [{ path, code }]);
}

async function checkCounterpart(deps: Deps, actor: Actor, data: ReferenceItemData, selfId?: string) {
  if (data.list !== 'counterparts') return;
  if (data.receivesElectronically && !data.email)
    throw ruleError(
      'electronic_needs_email',
      'email',
      'A counterpart that receives electronically needs an e-mail',
    );
  await assertExists(deps, 'ref:regions', actor.tenantId, data.regionId, 'regionId');
  if (data.parentBodyId === undefined) return;
  await assertExists(deps, 'ref:counterparts', actor.tenantId, data.parentBodyId, 'parentBodyId');
  if (!selfId) return;
  try {
    await assertNoCycle(
      selfId,
      data.parentBodyId,
      async (id) => (await deps.store.get<Counterpart>('ref:counterparts', actor.tenantId, id))?.parentBodyId,
    );
  } catch (error) {
    if (error instanceof BusinessRuleError && error.code === 'tree_cycle')
      throw ruleError('tree_cycle', 'parentBodyId', 'The parent body would make a cycle');
    throw error;
  }
}

async function checkJournalRule(deps: Deps, actor: Actor, data: ReferenceItemData) {
  if (data.list !== 'journal-rules') return;
  const t = actor.tenantId;
  const journal = await deps.store.get<Journal>('ref:journals', t, data.journalId);
  if (!journal) throw unknownReference('journalId');
  if (journal.documentKind !== 'any' && journal.documentKind !== data.documentKind)
    throw ruleError('journal_kind_mismatch', 'journalId', 'The journal numbers documents of another kind');
  if (data.senderKind && data.documentKind !== 'incoming')
    throw ruleError('sender_kind_incoming_only', 'senderKind', 'Only incoming documents have a sender');
  await assertAllExist(deps, 'ref:document-types', t, data.documentTypeIds, 'documentTypeIds');
  await assertAllExist(deps, 'ref:classifications', t, data.classificationIds, 'classificationIds');
  await assertAllExist(deps, 'department', t, data.departmentIds, 'departmentIds');
  await assertAllExist(deps, 'ref:delivery-forms', t, data.deliveryFormIds, 'deliveryFormIds');
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
  await checkCounterpart(deps, actor, data, selfId);
  await checkJournalRule(deps, actor, data);
}

const distinct = (ids: string[]) => [...new Set(ids)];

/** Only tree lists keep a parent; elsewhere a parentId is ignored. A rule's lists hold each id once. */
function normalize(input: ReferenceItemData): ReferenceItemData {
  let data = input;
  if (data.list === 'journal-rules') {
    data = {
      ...data,
      documentTypeIds: distinct(data.documentTypeIds),
      classificationIds: distinct(data.classificationIds),
      departmentIds: distinct(data.departmentIds),
      deliveryFormIds: distinct(data.deliveryFormIds),
    };
  }
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
  return withVoenConflict(
    deps,
    actor,
    data,
    async () =>
      (await createAggregate(deps, typeOf(data.list), actor, data, placement(data), idem)) as ReferenceItem,
  );
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
  return withVoenConflict(
    deps,
    actor,
    data,
    async () =>
      (await updateAggregate(deps, typeOf(data.list), actor, current, data, version, {
        ...placement(data),
        oldClaims: placement(current).claims,
      })) as ReferenceItem,
  );
}

/**
 * Counterparts as the web shows them: `onPlatform` says whether the organization is an agency on
 * the platform (by its VÖEN in the platform's register), so it receives electronically there.
 * The page's VÖENs are looked up together (concurrently, one key read each).
 */
async function withPlatform<T extends ReferenceItem>(deps: Deps, items: T[]): Promise<T[]> {
  const voens = [...new Set(items.flatMap((i) => (i.list === 'counterparts' && i.voen ? [i.voen] : [])))];
  if (voens.length === 0) return items;
  const found = await Promise.all(voens.map((v) => platformAgencyOf(deps.store, v)));
  const on = new Set(voens.filter((_, i) => found[i] !== undefined));
  return items.map((i) => (i.list === 'counterparts' ? { ...i, onPlatform: !!i.voen && on.has(i.voen) } : i));
}

export const getReferenceItem = async (deps: Deps, actor: Actor, list: ReferenceListName, id: string) =>
  (await withPlatform(deps, [await getOr404<ReferenceItem>(deps, typeOf(list), actor.tenantId, id)]))[0]!;

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
  const page = await listPage<ReferenceItem>(deps, typeOf(list), actor.tenantId, {
    ...q,
    ...(q.parentId ? { parentKey: q.parentId } : {}),
  });
  return list === 'counterparts' ? { ...page, items: await withPlatform(deps, page.items) } : page;
}
