import { createHash } from 'node:crypto';
import type * as z from 'zod';
import type { Actor } from '../../../functions/platform/kernel/aggregate';
import { bakuLocalDate } from '../../../functions/modules/documents';
import {
  type Tenant,
  defaultTenantSms,
  createDepartment,
  createEmployee,
  createPosition,
  createAbsence,
  absenceInput,
  departmentInput,
  employeeInput,
  positionInput,
  tenantProfile,
} from '../../../functions/modules/org';
import {
  type ReferenceItemData,
  referenceInputs,
  createReferenceItem,
  seedStandardLists,
} from '../../../functions/modules/reference';
import {
  type ApprovalRouteTemplateData,
  createTemplate,
  routeTemplateInput,
} from '../../../functions/modules/approval';
import {
  PLATFORM_PARTITION,
  recordRegistration,
  type TenantRegistrationData,
} from '../../../functions/modules/onboarding';
import type { Deps } from '../../../functions/platform/kernel/aggregates';
import { demoAgencies } from './data/demo-agencies';
import { nomenclatureByTenant } from './data/nomenclature';
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
  if (existing) {
    // A data folder seeded before the platform kept a register of agencies gets its entry now.
    await registerDemo(deps, agency);
    return false;
  }

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
  // Absences, each with the substitution that follows from it (the head is on leave, the deputy acts).
  for (const a of agency.absences) {
    const data = parse<Parameters<typeof createAbsence>[2]>(absenceInput, {
      employeeId: employeeIds.get(a.employee),
      kind: a.kind,
      from: dayOfSeed(a.fromDay),
      to: dayOfSeed(a.toDay),
      substituteId: employeeIds.get(a.substitute),
      note: a.note,
    });
    await createAbsence(deps, actor, data, key('absence', `${a.employee}:${a.fromDay}`, data));
  }

  // The standard lists (the same code as a tenant the platform operator onboards), then the
  // demo agency's own nomenclature.
  const standard = await seedStandardLists(deps, actor);
  const classificationIds = standard.classifications;
  for (const n of nomenclatureByTenant[agency.tenant.key]) {
    const data = {
      ...parse<Record<string, unknown>>(referenceInputs.nomenclature, {
        name: n.title,
        index: n.index,
        retentionYears: n.retentionYears,
        ...(deptIds.has(n.departmentCode) ? { departmentId: deptIds.get(n.departmentCode) } : {}),
      }),
      list: 'nomenclature',
    } as ReferenceItemData;
    await createReferenceItem(deps, actor, data, key('nomenclature', n.index, data));
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

  // The other demo agencies as counterparts with their VÖEN: they receive electronically on the
  // platform (delivery form edms), the exchange between agencies works out of the box.
  for (const other of demoAgencies.filter((o) => o.tenant.key !== tenantId)) {
    const data = parse<ReferenceItemData>(referenceInputs.counterparts, {
      kind: 'organization',
      name: other.tenant.name,
      voen: other.tenant.voen,
      email: other.tenant.email,
      address: other.tenant.legalAddress,
      receivesElectronically: true,
    });
    await createReferenceItem(
      deps,
      actor,
      { ...data, list: 'counterparts' } as ReferenceItemData,
      key('counterpart', other.tenant.voen, data),
    );
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
    // The demo agency signs in with a password only (the README's demo, the e2e tests); an
    // agency the platform onboards requires a second factor of admins and signers (issue 18).
    requireMfa: false,
  });
  await deps.store.create<Tenant>(
    'tenant',
    // The demo agencies send SMS (to the local SMS outbox), within the default monthly budget.
    {
      ...profile,
      sms: { ...defaultTenantSms, enabled: true },
      id: tenantId,
      tenantId,
      version: 1,
      createdAt: now,
      updatedAt: now,
    },
    { actorId: 'system', sortKey: profile.name.az },
  );
  await registerDemo(deps, agency);
  return true;
}

/**
 * The demo agency in the platform's register of agencies, as if the operator had onboarded it:
 * its VÖEN and key are then taken for any agency the operator adds.
 */
async function registerDemo(deps: Deps, agency: DemoAgency): Promise<void> {
  const tenantId = agency.tenant.key;
  // Every start passes here: an entry made on an earlier start stays (its idempotency record
  // expires after a week, so a replay is no way to find it).
  if (await deps.store.get('tenant-registration', PLATFORM_PARTITION, tenantId)) return;
  const admin = agency.employees.find((e) =>
    e.positionCodes.some((c) => agency.positions.find((p) => p.code === c)?.roles.includes('admin')),
  );
  if (!admin) throw new Error(`demo agency ${tenantId} has no admin`);
  const adminEmployeeId = await deps.store.findByUnique(tenantId, {
    scope: 'username',
    value: admin.username,
  });
  const { key: _key, ...tenant } = agency.tenant;
  const data: TenantRegistrationData = {
    ...tenant,
    admin: { fullName: admin.fullName, username: admin.username, email: admin.email },
    status: 'active',
    createdBy: 'system',
    ...(adminEmployeeId ? { adminEmployeeId } : {}),
  };
  await recordRegistration(deps, { username: 'system' }, tenantId, data, {
    key: `seed:registration:${tenantId}`,
    requestHash: hash(data),
  });
}

/** The platform operator of the embedded default (onboards agencies; belongs to none). */
export const DEMO_OPERATOR = {
  subject: 'platform:operator',
  username: 'operator',
  email: 'operator@karguzar.local',
  name: 'Platforma operatoru (demo)',
  platformRole: 'operator' as const,
};

/** The demo logins for the local identity provider (never used in AWS): the agencies' people and the operator. */
export function demoUsers(): {
  subject: string;
  username: string;
  tenantId?: string;
  platformRole?: 'operator';
  email: string;
  name: string;
}[] {
  return [
    ...demoAgencies.flatMap((a) =>
      a.employees.map((e) => ({
        subject: `${a.tenant.key}:${e.username}`,
        username: e.username,
        tenantId: a.tenant.key,
        email: e.email,
        name: e.fullName,
      })),
    ),
    DEMO_OPERATOR,
  ];
}
