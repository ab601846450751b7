import { createHash } from 'node:crypto';
import type { Actor } from '../../../platform/kernel/aggregate';
import type { Deps } from '../../../platform/kernel/aggregates';
import type { ReferenceItemData, ReferenceListName } from '../domain/lists';
import {
  classifications,
  deliveryForms,
  documentTypes,
  journalRules,
  physicalForms,
  registrationJournals,
} from '../domain/standard-lists/lists';
import { regions } from '../domain/standard-lists/regions';
import { stateBodies } from '../domain/standard-lists/state-bodies';
import { createReferenceItem } from './reference.usecase';
import { boundedTasks } from '../../../platform/kernel/bounded';

/** The ids of the standard items a caller may refer to by code (e.g. a demo route template). */
export interface StandardListIds {
  classifications: ReadonlyMap<string, string>;
  regions: ReadonlyMap<string, string>;
}

/** How many standard items are written side by side (each a transaction of its own). */
export const STANDARD_LISTS_CONCURRENCY = 8;

/**
 * The reference lists every agency starts with: document types, delivery and physical forms,
 * classifications, registration journals, the journal rules, the regions and the state bodies as
 * counterparts (with their parent bodies, legal addresses and e-mails where known). The
 * platform's onboarding of a new agency and the demo seed both call this, so a new tenant gets
 * exactly what the demo agencies have (their nomenclature, org structure and route templates are
 * demo data, not standard).
 *
 * Every item is written through the same use case as the API, with an idempotency key of its
 * list and code (`standard:<list>:<code>`): a run cut short completes on the next one without
 * duplicates, and a retry finds the items it wrote even if the data was corrected meanwhile.
 * Independent items are written side by side (a few at a time), an item only once everything it
 * refers to is written; a run cut short therefore leaves no item that refers to a missing one.
 */
export async function seedStandardLists(
  deps: Deps,
  actor: Actor,
  options: { concurrency?: number } = {},
): Promise<StandardListIds> {
  const tasks = boundedTasks(options.concurrency ?? STANDARD_LISTS_CONCURRENCY);
  const add = (
    list: ReferenceListName,
    code: string,
    after: readonly (Promise<string> | undefined)[],
    data: () => Promise<Record<string, unknown>>,
  ): Promise<string> =>
    tasks.run(after, async () => {
      const item = { ...(await data()), code, list, active: true } as ReferenceItemData;
      const idem = {
        key: `standard:${list}:${code}`,
        requestHash: createHash('sha256').update(`${list}\u0000${code}`).digest('base64url'),
      };
      return (await createReferenceItem(deps, actor, item, idem)).id;
    });
  // What an item refers to is written before it: by the time its data is built, these are done.
  const idOf = async (p: Promise<string> | undefined) => (p ? await p : undefined);
  // Parents come before the items under them in every tree (checked by the data's tests).
  const tree = (
    list: ReferenceListName,
    nodes: readonly { code: string; parentCode?: string; data: Record<string, unknown> }[],
  ) => {
    const ids = new Map<string, Promise<string>>();
    for (const n of nodes) {
      const parent = n.parentCode ? ids.get(n.parentCode) : undefined;
      ids.set(
        n.code,
        add(list, n.code, [parent], async () => {
          const parentId = await idOf(parent);
          return { ...n.data, ...(parentId ? { parentId } : {}) };
        }),
      );
    }
    return ids;
  };

  const documentTypeIds = new Map(
    documentTypes.map((t) => [t.code, add('document-types', t.code, [], async () => ({ name: t.name }))]),
  );
  const deliveryFormIds = new Map(
    deliveryForms.map((t) => [t.code, add('delivery-forms', t.code, [], async () => ({ name: t.name }))]),
  );
  for (const t of physicalForms) add('physical-forms', t.code, [], async () => ({ name: t.name }));
  const classificationIds = tree(
    'classifications',
    classifications.map((c) => ({
      code: c.code,
      ...(c.parentCode ? { parentCode: c.parentCode } : {}),
      data: { name: c.name },
    })),
  );
  const journalIds = new Map(
    registrationJournals.map((j) => [
      j.code,
      add('journals', j.code, [], async () => ({
        name: j.name,
        pattern: j.pattern,
        documentKind: j.documentKind,
        ...(j.confidential ? { confidential: true } : {}),
      })),
    ]),
  );
  const regionIds = tree(
    'regions',
    regions.map((r) => ({
      code: r.code,
      ...(r.parentCode ? { parentCode: r.parentCode } : {}),
      data: { name: r.name, kind: r.kind },
    })),
  );
  // Parents come before the bodies under them (checked by the data's tests); addresses name regions.
  const bodyIds = new Map<string, Promise<string>>();
  for (const b of stateBodies) {
    const address = b.legalAddress;
    const parent = b.parentCode ? bodyIds.get(b.parentCode) : undefined;
    const region = address ? regionIds.get(address.regionCode) : undefined;
    bodyIds.set(
      b.code,
      add('counterparts', b.code, [parent, region], async () => ({
        name: b.name,
        kind: 'state-body',
        // Written as the API would default them (this use case does not parse the HTTP schemas).
        receivesElectronically: false,
        ...(b.parentCode ? { parentBodyId: await idOf(parent) } : {}),
        ...(address
          ? {
              regionId: await idOf(region),
              address: address.street,
              ...(address.postalCode ? { postalCode: address.postalCode } : {}),
            }
          : {}),
        ...(b.email ? { email: b.email } : {}),
      })),
    );
  }
  const promisesOf = (map: Map<string, Promise<string>>, codes: readonly string[] = []) =>
    codes.map((c) => map.get(c));
  const idsOf = (map: Map<string, Promise<string>>, codes: readonly string[] = []) =>
    Promise.all(promisesOf(map, codes).map(idOf));
  for (const r of journalRules) {
    add(
      'journal-rules',
      r.code,
      [
        journalIds.get(r.journalCode),
        ...promisesOf(classificationIds, r.classificationCodes),
        ...promisesOf(documentTypeIds, r.documentTypeCodes),
        ...promisesOf(deliveryFormIds, r.deliveryFormCodes),
      ],
      async () => ({
        name: r.name,
        journalId: await idOf(journalIds.get(r.journalCode)),
        documentKind: r.documentKind,
        priority: r.priority,
        ...(r.senderKind ? { senderKind: r.senderKind } : {}),
        classificationIds: await idsOf(classificationIds, r.classificationCodes),
        documentTypeIds: await idsOf(documentTypeIds, r.documentTypeCodes),
        deliveryFormIds: await idsOf(deliveryFormIds, r.deliveryFormCodes),
        departmentIds: [],
      }),
    );
  }
  await tasks.settled();
  const idMap = async (map: Map<string, Promise<string>>) =>
    new Map(await Promise.all([...map].map(async ([code, p]) => [code, await p] as const)));
  return { classifications: await idMap(classificationIds), regions: await idMap(regionIds) };
}
