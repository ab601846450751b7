import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Actor } from '../../../functions/platform/kernel/aggregate';
import { bakuLocalDate } from '../../../functions/modules/documents';
import {
  type Tenant,
  createDepartment,
  createEmployee,
  createPosition,
  createSubstitution,
  departmentInput,
  employeeInput,
  positionInput,
  substitutionInput,
  tenantProfile,
} from '../../../functions/modules/org';
import {
  type ReferenceItemData,
  type ReferenceListName,
  referenceInputs,
  createReferenceItem,
} from '../../../functions/modules/reference';
import {
  type ApprovalRouteTemplateData,
  createTemplate,
  routeTemplateInput,
} from '../../../functions/modules/approval';
import type { Deps } from '../../../functions/platform/kernel/aggregates';
import { demoAgencies } from './data/demo-agencies';
import * as lists from './data/reference-lists';
import { regions } from './data/regions';
import { stateBodies } from './data/state-bodies';
import type { DemoAgency } from './data/types';

/** The password of every demo login (README). */
export const DEMO_PASSWORD = 'Demo2026!';

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url');

/**
 * Seeds the demo agencies through the same use cases and schemas as the API. Every create carries
 * a deterministic idempotency key, so a seed cut short by a crash completes on the next start
 * without duplicates.
 */
export async function seedDemo(deps: Deps): Promise<{ tenants: string[]; created: boolean }> {
  let created = false;
  for (const agency of demoAgencies) created = (await seedAgency(deps, agency)) || created;
  return { tenants: demoAgencies.map((a) => a.tenant.key), created };
}

function parse<T>(schema: z.ZodType, input: unknown): T {
  return schema.parse(input) as T;
}

async function seedAgency(deps: Deps, agency: DemoAgency): Promise<boolean> {
  const tenantId = agency.tenant.key;
  const actor: Actor = { tenantId, employeeId: 'system', username: 'system', roles: new Set(['admin']) };
  const key = (kind: string, code: string, data: unknown) => ({
    key: `seed:${kind}:${code}`,
    requestHash: hash(data),
  });

  const existing = await deps.store.get<Tenant>('tenant', tenantId, tenantId);
  if (existing) return false;

  const deptIds = new Map<string, string>();
  // The seed's day: when its first record was made (a seed resumed after a crash on a later day
  // replays that record, so the relative dates below stay the same).
  let seedDay: string | undefined;
  for (const d of agency.departments) {
    const data = parse<Parameters<typeof createDepartment>[2]>(departmentInput, {
      name: d.name,
      code: d.code,
      ...(d.parentCode ? { parentId: deptIds.get(d.parentCode) } : {}),
    });
    const created = await createDepartment(deps, actor, data, key('department', d.code, data));
    seedDay ??= bakuLocalDate(created.createdAt);
    deptIds.set(d.code, created.id);
  }
  const dayOfSeed = (days: number) =>
    new Date(
      Date.parse(`${seedDay ?? bakuLocalDate(deps.clock.now().toISOString())}T00:00:00Z`) + days * 86_400_000,
    )
      .toISOString()
      .slice(0, 10);
  const positionIds = new Map<string, string>();
  for (const p of agency.positions) {
    const data = parse<Parameters<typeof createPosition>[2]>(positionInput, {
      title: p.title,
      departmentId: deptIds.get(p.departmentCode),
      kind: p.kind,
      roles: [...p.roles],
    });
    positionIds.set(p.code, (await createPosition(deps, actor, data, key('position', p.code, data))).id);
  }
  const employeeIds = new Map<string, string>();
  for (const e of agency.employees) {
    const data = parse<Parameters<typeof createEmployee>[2]>(employeeInput, {
      fullName: e.fullName,
      username: e.username,
      email: e.email,
      phone: e.phone,
      positionIds: e.positionCodes.map((c) => positionIds.get(c)),
    });
    employeeIds.set(
      e.username,
      (await createEmployee(deps, actor, data, key('employee', e.username, data))).id,
    );
  }
  for (const s of agency.substitutions) {
    const data = parse<Parameters<typeof createSubstitution>[2]>(substitutionInput, {
      employeeId: employeeIds.get(s.employee),
      substituteId: employeeIds.get(s.substitute),
      from: dayOfSeed(s.fromDay),
      to: dayOfSeed(s.toDay),
      reason: s.reason,
    });
    await createSubstitution(deps, actor, data, key('substitution', `${s.employee}:${s.fromDay}`, data));
  }

  const addItem = async (list: ReferenceListName, code: string, input: Record<string, unknown>) => {
    const data = {
      ...parse<Record<string, unknown>>(referenceInputs[list], input),
      list,
    } as ReferenceItemData;
    return (await createReferenceItem(deps, actor, data, key(list, code, data))).id;
  };
  const addTree = async (
    list: ReferenceListName,
    nodes: readonly { code: string; parentCode?: string; input: Record<string, unknown> }[],
  ) => {
    const ids = new Map<string, string>();
    for (const n of nodes) {
      const parentId = n.parentCode ? ids.get(n.parentCode) : undefined;
      ids.set(
        n.code,
        await addItem(list, n.code, { ...n.input, code: n.code, ...(parentId ? { parentId } : {}) }),
      );
    }
    return ids;
  };

  const documentTypeIds = new Map<string, string>();
  for (const t of lists.documentTypes)
    documentTypeIds.set(t.code, await addItem('document-types', t.code, { code: t.code, name: t.name }));
  const deliveryFormIds = new Map<string, string>();
  for (const t of lists.deliveryForms)
    deliveryFormIds.set(t.code, await addItem('delivery-forms', t.code, { code: t.code, name: t.name }));
  for (const t of lists.physicalForms)
    await addItem('physical-forms', t.code, { code: t.code, name: t.name });
  const classificationIds = await addTree(
    'classifications',
    lists.classifications.map((c) => ({
      code: c.code,
      ...(c.parentCode ? { parentCode: c.parentCode } : {}),
      input: { name: c.name },
    })),
  );
  for (const n of lists.nomenclatureByTenant[agency.tenant.key]) {
    await addItem('nomenclature', n.index, {
      name: n.title,
      index: n.index,
      retentionYears: n.retentionYears,
      ...(deptIds.has(n.departmentCode) ? { departmentId: deptIds.get(n.departmentCode) } : {}),
    });
  }
  const journalIds = new Map<string, string>();
  for (const j of lists.registrationJournals) {
    journalIds.set(
      j.code,
      await addItem('journals', j.code, {
        code: j.code,
        name: j.name,
        pattern: j.pattern,
        documentKind: j.documentKind,
        ...(j.confidential ? { confidential: true } : {}),
      }),
    );
  }
  const regionIds = await addTree(
    'regions',
    regions.map((r) => ({
      code: r.code,
      ...(r.parentCode ? { parentCode: r.parentCode } : {}),
      input: { name: r.name, kind: r.kind },
    })),
  );
  // Parents come before the bodies under them (checked by the seed data's tests).
  const bodyIds = new Map<string, string>();
  for (const b of stateBodies) {
    const address = b.legalAddress;
    bodyIds.set(
      b.code,
      await addItem('counterparts', b.code, {
        code: b.code,
        name: b.name,
        kind: 'state-body',
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
  for (const r of lists.journalRules) {
    await addItem('journal-rules', r.code, {
      code: r.code,
      name: r.name,
      journalId: journalIds.get(r.journalCode),
      documentKind: r.documentKind,
      priority: r.priority,
      ...(r.senderKind ? { senderKind: r.senderKind } : {}),
      classificationIds: idsOf(classificationIds, r.classificationCodes),
      documentTypeIds: idsOf(documentTypeIds, r.documentTypeCodes),
      deliveryFormIds: idsOf(deliveryFormIds, r.deliveryFormCodes),
    });
  }

  for (const t of agency.routeTemplates) {
    const data = parse<ApprovalRouteTemplateData>(routeTemplateInput, {
      name: t.name,
      kinds: [...t.kinds],
      classificationIds: t.classificationCodes.map((c) => classificationIds.get(c)),
      stages: t.stages.map((st) => ({
        kind: st.kind,
        mode: st.mode,
        participants: [
          ...(st.positions ?? []).map((c) => ({ positionId: positionIds.get(c) })),
          ...(st.people ?? []).map((u) => ({ employeeId: employeeIds.get(u) })),
        ],
        ...(st.deadlineDays ? { deadlineDays: st.deadlineDays } : {}),
        ...(st.instruction ? { instruction: st.instruction } : {}),
      })),
    });
    await createTemplate(deps, actor, data, key('route-template', t.name, data));
  }

  // The tenant record goes last: its presence means the seed of this agency is complete.
  const now = deps.clock.now().toISOString();
  const profile = parse<z.infer<typeof tenantProfile>>(tenantProfile, {
    name: agency.tenant.name,
    shortName: agency.tenant.shortName,
    legalAddress: agency.tenant.legalAddress,
    voen: agency.tenant.voen,
    email: agency.tenant.email,
    phone: agency.tenant.phone,
  });
  await deps.store.create<Tenant>(
    'tenant',
    { ...profile, id: tenantId, tenantId, version: 1, createdAt: now, updatedAt: now },
    { actorId: 'system', sortKey: profile.name.az },
  );
  return true;
}

/** The demo logins for the local identity provider (never used in AWS). */
export function demoUsers(): {
  subject: string;
  username: string;
  tenantId: string;
  email: string;
  name: string;
}[] {
  return demoAgencies.flatMap((a) =>
    a.employees.map((e) => ({
      subject: `${a.tenant.key}:${e.username}`,
      username: e.username,
      tenantId: a.tenant.key,
      email: e.email,
      name: e.fullName,
    })),
  );
}
