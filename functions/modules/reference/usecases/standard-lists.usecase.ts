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

/** The ids of the standard items a caller may refer to by code (e.g. a demo route template). */
export interface StandardListIds {
  classifications: ReadonlyMap<string, string>;
  regions: ReadonlyMap<string, string>;
}

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
 */
export async function seedStandardLists(deps: Deps, actor: Actor): Promise<StandardListIds> {
  const add = async (list: ReferenceListName, code: string, data: Record<string, unknown>) => {
    const item = { ...data, code, list, active: true } as ReferenceItemData;
    const idem = {
      key: `standard:${list}:${code}`,
      requestHash: createHash('sha256').update(`${list}\u0000${code}`).digest('base64url'),
    };
    return (await createReferenceItem(deps, actor, item, idem)).id;
  };
  const tree = async (
    list: ReferenceListName,
    nodes: readonly { code: string; parentCode?: string; data: Record<string, unknown> }[],
  ) => {
    const ids = new Map<string, string>();
    for (const n of nodes) {
      const parentId = n.parentCode ? ids.get(n.parentCode) : undefined;
      ids.set(n.code, await add(list, n.code, { ...n.data, ...(parentId ? { parentId } : {}) }));
    }
    return ids;
  };

  const documentTypeIds = new Map<string, string>();
  for (const t of documentTypes)
    documentTypeIds.set(t.code, await add('document-types', t.code, { name: t.name }));
  const deliveryFormIds = new Map<string, string>();
  for (const t of deliveryForms)
    deliveryFormIds.set(t.code, await add('delivery-forms', t.code, { name: t.name }));
  for (const t of physicalForms) await add('physical-forms', t.code, { name: t.name });
  const classificationIds = await tree(
    'classifications',
    classifications.map((c) => ({
      code: c.code,
      ...(c.parentCode ? { parentCode: c.parentCode } : {}),
      data: { name: c.name },
    })),
  );
  const journalIds = new Map<string, string>();
  for (const j of registrationJournals) {
    journalIds.set(
      j.code,
      await add('journals', j.code, { name: j.name, pattern: j.pattern, documentKind: j.documentKind }),
    );
  }
  const regionIds = await tree(
    'regions',
    regions.map((r) => ({
      code: r.code,
      ...(r.parentCode ? { parentCode: r.parentCode } : {}),
      data: { name: r.name, kind: r.kind },
    })),
  );
  // Parents come before the bodies under them (checked by the data's tests); addresses name regions.
  const bodyIds = new Map<string, string>();
  for (const b of stateBodies) {
    const address = b.legalAddress;
    bodyIds.set(
      b.code,
      await add('counterparts', b.code, {
        name: b.name,
        kind: 'state-body',
        // Written as the API would default them (this use case does not parse the HTTP schemas).
        receivesElectronically: false,
        ...(b.parentCode ? { parentBodyId: bodyIds.get(b.parentCode) } : {}),
        ...(address
          ? {
              regionId: regionIds.get(address.regionCode),
              address: address.street,
              ...(address.postalCode ? { postalCode: address.postalCode } : {}),
            }
          : {}),
        ...(b.email ? { email: b.email } : {}),
      }),
    );
  }
  const idsOf = (map: Map<string, string>, codes: readonly string[] = []) => codes.map((c) => map.get(c));
  for (const r of journalRules) {
    await add('journal-rules', r.code, {
      name: r.name,
      journalId: journalIds.get(r.journalCode),
      documentKind: r.documentKind,
      priority: r.priority,
      ...(r.senderKind ? { senderKind: r.senderKind } : {}),
      classificationIds: idsOf(classificationIds, r.classificationCodes),
      documentTypeIds: idsOf(documentTypeIds, r.documentTypeCodes),
      deliveryFormIds: idsOf(deliveryFormIds, r.deliveryFormCodes),
      departmentIds: [],
    });
  }
  return { classifications: classificationIds, regions: regionIds };
}
