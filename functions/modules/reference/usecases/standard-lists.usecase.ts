import { createHash } from 'node:crypto';
import type { Actor } from '../../../platform/kernel/aggregate';
import type { Deps } from '../../../platform/kernel/aggregates';
import type { ReferenceItemData, ReferenceListName } from '../domain/lists';
import {
  classifications,
  deliveryForms,
  documentTypes,
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
 * classifications, registration journals, the state bodies as counterparts and the regions. The
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

  for (const t of documentTypes) await add('document-types', t.code, { name: t.name });
  for (const t of deliveryForms) await add('delivery-forms', t.code, { name: t.name });
  for (const t of physicalForms) await add('physical-forms', t.code, { name: t.name });
  const classificationIds = await tree(
    'classifications',
    classifications.map((c) => ({
      code: c.code,
      ...(c.parentCode ? { parentCode: c.parentCode } : {}),
      data: { name: c.name },
    })),
  );
  for (const j of registrationJournals) {
    await add('journals', j.code, { name: j.name, pattern: j.pattern, documentKind: j.documentKind });
  }
  for (const b of stateBodies) await add('counterparts', b.code, { name: b.name, kind: 'state-body' });
  const regionIds = await tree(
    'regions',
    regions.map((r) => ({
      code: r.code,
      ...(r.parentCode ? { parentCode: r.parentCode } : {}),
      data: { name: r.name, kind: r.kind },
    })),
  );
  return { classifications: classificationIds, regions: regionIds };
}
