import { createHash } from 'node:crypto';
import type * as z from 'zod';
import type { Actor } from '../../../functions/platform/kernel/aggregate';
import { NotFoundError } from '../../../functions/platform/kernel/errors';
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
  listTemplates,
  routeTemplateInput,
} from '../../../functions/modules/approval';
import {
  PLATFORM_PARTITION,
  recordRegistration,
  type TenantRegistrationData,
} from '../../../functions/modules/onboarding';
import {
  createService,
  eVisaDefinition,
  publishService,
  serviceByCode,
  serviceDefinition,
  socialAssistanceDefinition,
  type ServiceDefinition,
} from '../../../functions/modules/eservices';
import type { Deps } from '../../../functions/platform/kernel/aggregates';
import { boundedTasks } from '../../../functions/platform/kernel/bounded';
import { demoAgencies } from './data/demo-agencies';
import { nomenclatureByTenant } from './data/nomenclature';
import type { DemoAgency } from './data/types';

/** The password of every demo login (README). */
export const DEMO_PASSWORD = 'Demo2026!';

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url');

/** How many demo records of an agency are written side by side (the standard lists have their own bound). */
const SEED_CONCURRENCY = 8;

/**
 * Seeds the demo agencies through the same use cases and schemas as the API. Every create carries
 * a deterministic idempotency key, so a seed cut short by a crash completes on the next start
 * without duplicates. The agencies, and the independent records of each, are written side by side;
 * a record only once everything it refers to is written.
 */
export async function seedDemo(deps: Deps): Promise<{ tenants: string[]; created: boolean }> {
  const results = await Promise.allSettled(demoAgencies.map((agency) => seedAgency(deps, agency)));
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return {
    tenants: demoAgencies.map((a) => a.tenant.key),
    created: results.some((r) => r.status === 'fulfilled' && r.value),
  };
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
    await seedEServices(deps, agency, actor);
    return false;
  }

  const tasks = boundedTasks(SEED_CONCURRENCY);
  const idOf = async (p: Promise<{ id: string }> | undefined) => (p ? (await p).id : undefined);

  // The standard lists (the same code as a tenant the platform operator onboards), beside the
  // demo agency's own records.
  const standard = tasks.run([], () => seedStandardLists(deps, actor));

  // Parents come before the departments under them (checked by the data's tests).
  const depts = new Map<string, Promise<{ id: string; createdAt: string }>>();
  for (const d of agency.departments) {
    const parent = d.parentCode ? depts.get(d.parentCode) : undefined;
    depts.set(
      d.code,
      tasks.run([parent], async () => {
        const parentId = await idOf(parent);
        const data = parse<Parameters<typeof createDepartment>[2]>(departmentInput, {
          name: d.name,
          code: d.code,
          ...(d.parentCode ? { parentId } : {}),
        });
        return createDepartment(deps, actor, data, key('department', d.code, data));
      }),
    );
  }
  // The seed's day: when its first record was made (a seed resumed after a crash on a later day
  // replays that record, so the relative dates below stay the same).
  const first = agency.departments[0] ? depts.get(agency.departments[0].code) : undefined;
  const seedDay = async () =>
    first ? bakuLocalDate((await first).createdAt) : bakuLocalDate(deps.clock.now().toISOString());
  const dayOfSeed = (day: string, days: number) =>
    new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  const positions = new Map<string, Promise<{ id: string }>>();
  for (const p of agency.positions) {
    const department = depts.get(p.departmentCode);
    positions.set(
      p.code,
      tasks.run([department], async () => {
        const data = parse<Parameters<typeof createPosition>[2]>(positionInput, {
          title: p.title,
          departmentId: await idOf(department),
          kind: p.kind,
          roles: [...p.roles],
        });
        return createPosition(deps, actor, data, key('position', p.code, data));
      }),
    );
  }
  const employees = new Map<string, Promise<{ id: string }>>();
  for (const e of agency.employees) {
    const held = e.positionCodes.map((c) => positions.get(c));
    employees.set(
      e.username,
      tasks.run(held, async () => {
        const data = parse<Parameters<typeof createEmployee>[2]>(employeeInput, {
          fullName: e.fullName,
          username: e.username,
          email: e.email,
          phone: e.phone,
          positionIds: await Promise.all(held.map(idOf)),
        });
        return createEmployee(deps, actor, data, key('employee', e.username, data));
      }),
    );
  }
  // Absences, each with the substitution that follows from it (the head is on leave, the deputy
  // acts): one after the other, as each is checked against the absences already there.
  let previous: Promise<unknown> | undefined;
  for (const a of agency.absences) {
    const employee = employees.get(a.employee);
    const substitute = employees.get(a.substitute);
    previous = tasks.run([previous, first, employee, substitute], async () => {
      const day = await seedDay();
      const data = parse<Parameters<typeof createAbsence>[2]>(absenceInput, {
        employeeId: await idOf(employee),
        kind: a.kind,
        from: dayOfSeed(day, a.fromDay),
        to: dayOfSeed(day, a.toDay),
        substituteId: await idOf(substitute),
        note: a.note,
      });
      return createAbsence(deps, actor, data, key('absence', `${a.employee}:${a.fromDay}`, data));
    });
  }

  // The demo agency's own nomenclature.
  for (const n of nomenclatureByTenant[agency.tenant.key]) {
    const department = depts.get(n.departmentCode);
    void tasks.run([department], async () => {
      const departmentId = await idOf(department);
      const data = {
        ...parse<Record<string, unknown>>(referenceInputs.nomenclature, {
          name: n.title,
          index: n.index,
          retentionYears: n.retentionYears,
          ...(departmentId ? { departmentId } : {}),
        }),
        list: 'nomenclature',
      } as ReferenceItemData;
      return createReferenceItem(deps, actor, data, key('nomenclature', n.index, data));
    });
  }

  for (const t of agency.routeTemplates) {
    const participants = t.stages.flatMap((st) => [
      ...(st.positions ?? []).map((c) => positions.get(c)),
      ...(st.people ?? []).map((u) => employees.get(u)),
    ]);
    void tasks.run([standard, ...participants], async () => {
      const classificationIds = (await standard).classifications;
      const data = parse<ApprovalRouteTemplateData>(routeTemplateInput, {
        name: t.name,
        kinds: [...t.kinds],
        classificationIds: t.classificationCodes.map((c) => classificationIds.get(c)),
        stages: await Promise.all(
          t.stages.map(async (st) => ({
            kind: st.kind,
            mode: st.mode,
            participants: [
              ...(await Promise.all((st.positions ?? []).map((c) => idOf(positions.get(c))))).map(
                (positionId) => ({ positionId }),
              ),
              ...(await Promise.all((st.people ?? []).map((u) => idOf(employees.get(u))))).map(
                (employeeId) => ({ employeeId }),
              ),
            ],
            ...(st.deadlineDays ? { deadlineDays: st.deadlineDays } : {}),
            ...(st.instruction ? { instruction: st.instruction } : {}),
          })),
        ),
      });
      return createTemplate(deps, actor, data, key('route-template', t.name, data));
    });
  }

  // The other demo agencies as counterparts with their VÖEN: they receive electronically on the
  // platform (delivery form edms), the exchange between agencies works out of the box.
  for (const other of demoAgencies.filter((o) => o.tenant.key !== tenantId)) {
    void tasks.run([], async () => {
      const data = parse<ReferenceItemData>(referenceInputs.counterparts, {
        kind: 'organization',
        name: other.tenant.name,
        voen: other.tenant.voen,
        email: other.tenant.email,
        address: other.tenant.legalAddress,
        receivesElectronically: true,
      });
      return createReferenceItem(
        deps,
        actor,
        { ...data, list: 'counterparts' } as ReferenceItemData,
        key('counterpart', other.tenant.voen, data),
      );
    });
  }
  await tasks.settled();

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
  await seedEServices(deps, agency, actor);
  return true;
}

const standardDefinitions: Record<
  'e-visa' | 'social-assistance',
  (o: { routeTemplateId: string }) => ServiceDefinition
> = {
  'e-visa': eVisaDefinition,
  'social-assistance': socialAssistanceDefinition,
};

/**
 * The agency's standard e-services, published, through the same use cases and schema as the admin
 * API. Every start passes here (a data folder seeded before e-services existed gets them too): a
 * service whose code is taken is left as it is (an admin may have changed it), one created but not
 * yet published by a start cut short is published now. A service whose route template is missing
 * (a data folder seeded before the template was in the demo data) is left out.
 */
async function seedEServices(deps: Deps, agency: DemoAgency, actor: Actor): Promise<void> {
  if (!agency.eservices?.length) return;
  const tenantId = agency.tenant.key;
  const templates = await listTemplates(deps, actor);
  for (const spec of agency.eservices) {
    const template = templates.find((t) => t.name === spec.routeTemplate);
    if (!template) continue;
    const definition = parse<ServiceDefinition>(
      serviceDefinition,
      standardDefinitions[spec.kind]({ routeTemplateId: template.id }),
    );
    const service =
      (await serviceByCode(deps, tenantId, definition.code).catch((error: unknown) => {
        if (error instanceof NotFoundError) return undefined;
        throw error;
      })) ??
      (await createService(deps, actor, definition, {
        key: `seed:eservice:${definition.code}`,
        requestHash: hash(definition),
      }));
    if (!service.published && service.draftVersion === 1)
      await publishService(deps, actor, definition.code, { version: service.version });
  }
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
