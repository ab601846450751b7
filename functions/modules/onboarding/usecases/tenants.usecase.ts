import { createHash, randomBytes } from 'node:crypto';
import type { Actor, Page } from '../../../platform/kernel/aggregate';
import { ConflictError, NotFoundError } from '../../../platform/kernel/errors';
import { sortable } from '../../../platform/kernel/aggregates';
import { createDepartment, createEmployee, createPosition, type Employee, type Tenant } from '../../org';
import { seedStandardLists } from '../../reference';
import {
  ADMIN_POSITION_TITLE,
  PLATFORM_PARTITION,
  registrationClaims,
  ROOT_DEPARTMENT_CODE,
  type TenantRegistration,
  type TenantRegistrationData,
  type TenantRegistrationInput,
} from '../domain/onboarding';
import type { OnboardingDeps } from '../ports';
import { issueInvitation } from './invitation.usecase';

type Idem = { key: string; requestHash: string } | undefined;

/** Who acts on the platform: an operator (by username), or `system` for the embedded default's demo. */
export interface PlatformActor {
  username: string;
}

const hash = (value: string) => createHash('sha256').update(value).digest('base64url');
const actorId = (by: PlatformActor) => (by.username === 'system' ? 'system' : `operator:${by.username}`);

/** A tenant key the platform makes when the operator gives none. */
const newKey = () => `org-${randomBytes(5).toString('hex')}`;

/**
 * Writes the registration of a tenant in the platform's partition, with the platform-wide claims
 * (VÖEN, key) and the idempotency record in one transaction; a retry with the same key and request
 * answers the registration written first.
 */
export async function recordRegistration(
  deps: Pick<OnboardingDeps, 'store' | 'clock'>,
  by: PlatformActor,
  tenantId: string,
  data: TenantRegistrationData,
  idem: Idem,
): Promise<TenantRegistration> {
  const now = deps.clock.now().toISOString();
  const { item } = await deps.store.create<TenantRegistration>(
    'tenant-registration',
    { ...data, id: tenantId, tenantId: PLATFORM_PARTITION, version: 1, createdAt: now, updatedAt: now },
    {
      actorId: actorId(by),
      sortKey: sortable(data.name.az),
      claim: registrationClaims(tenantId, data.voen),
      ...(idem ? { idempotency: idem } : {}),
    },
  );
  return item;
}

/**
 * Onboards an agency: registers it on the platform (its VÖEN unique among all tenants), then
 * provisions the new tenant — the standard reference lists, a root department holding the
 * administrator's position, the administrator's login and employee record, and an invitation
 * e-mailed to them to set a password — and writes the tenant profile last. The working-day
 * calendar is the state calendar every agency starts with; there is nothing to copy. Demo data is
 * never part of it.
 *
 * Idempotent: a retry with the same Idempotency-Key answers the same registration, and resumes a
 * provisioning cut short (every step is idempotent and keyed by the tenant).
 */
export async function createTenant(
  deps: OnboardingDeps,
  by: PlatformActor,
  input: TenantRegistrationInput,
  idem: Idem,
): Promise<TenantRegistration> {
  const earlier = idem ? await deps.store.replayOf<TenantRegistration>(PLATFORM_PARTITION, idem) : undefined;
  if (earlier) return earlier.status === 'active' ? earlier : provision(deps, earlier);

  const tenantId = input.key ?? newKey();
  // A tenant that exists without a registration (an older data folder) still owns its key.
  if (await deps.store.get<Tenant>('tenant', tenantId, tenantId)) {
    throw new ConflictError('duplicate_value', 'The tenant key is taken', { field: 'key', value: tenantId });
  }
  // Logins are unique across the platform: a taken username fails before anything is written.
  if ((await deps.identity.tenantOf(input.admin.username)) !== undefined) {
    throw new ConflictError('duplicate_value', 'The username is taken', {
      field: 'admin.username',
      value: input.admin.username,
    });
  }
  const { key: _key, email, ...rest } = input;
  const registration = await recordRegistration(
    deps,
    by,
    tenantId,
    { ...rest, email: email ?? input.admin.email, status: 'provisioning', createdBy: by.username },
    idem,
  );
  return registration.status === 'active' ? registration : provision(deps, registration);
}

/** The steps of a new tenant, each idempotent; the registration turns `active` after the last. */
async function provision(
  deps: OnboardingDeps,
  registration: TenantRegistration,
): Promise<TenantRegistration> {
  const tenantId = registration.id;
  const actor: Actor = { tenantId, employeeId: 'system', username: 'system', roles: new Set(['admin']) };
  const step = (name: string) => ({ key: `onboarding:${name}`, requestHash: hash(`${tenantId}:${name}`) });

  await seedStandardLists(deps, actor);
  const root = await createDepartment(
    deps,
    actor,
    { name: registration.name, code: ROOT_DEPARTMENT_CODE, active: true },
    step('root-department'),
  );
  const position = await createPosition(
    deps,
    actor,
    { title: ADMIN_POSITION_TITLE, departmentId: root.id, kind: 'other', roles: ['admin'], active: true },
    step('admin-position'),
  );
  const { admin } = registration;
  const login = { tenantId, username: admin.username, email: admin.email, fullName: admin.fullName };
  await deps.identity.createLogin(login);
  // The login exists (no temporary password went out): the employee record is made without it.
  const employee: Employee = await createEmployee(
    { store: deps.store, clock: deps.clock },
    actor,
    { ...login, positionIds: [position.id], active: true },
    step('admin-employee'),
  );
  await issueInvitation(deps, tenantId, employee, registration.name, { onlyIfUnsent: true });

  // The tenant profile goes last: its presence means the agency is complete.
  if (!(await deps.store.get<Tenant>('tenant', tenantId, tenantId))) {
    const now = deps.clock.now().toISOString();
    const { name, shortName, legalAddress, voen, email, phone } = registration;
    await deps.store.create<Tenant>(
      'tenant',
      {
        name,
        ...(shortName ? { shortName } : {}),
        legalAddress,
        voen,
        email,
        ...(phone ? { phone } : {}),
        // A new agency's admins and signers sign in with a second factor; its admin may turn it off.
        requireMfa: true,
        id: tenantId,
        tenantId,
        version: 1,
        createdAt: now,
        updatedAt: now,
      },
      { actorId: 'system', sortKey: name.az },
    );
  }
  return activate(deps, registration, employee.id);
}

async function activate(
  deps: OnboardingDeps,
  registration: TenantRegistration,
  adminEmployeeId: string,
): Promise<TenantRegistration> {
  const { id: _i, tenantId: _t, version: _v, createdAt: _c, updatedAt: _u, ...data } = registration;
  try {
    return await deps.store.update<TenantRegistration>(
      'tenant-registration',
      {
        ...registration,
        ...data,
        status: 'active',
        adminEmployeeId,
        updatedAt: deps.clock.now().toISOString(),
      },
      registration.version,
      { actorId: 'system', sortKey: sortable(registration.name.az) },
    );
  } catch (error) {
    // Two retries provisioned at once: the other one finished first.
    if (!(error instanceof ConflictError && error.code === 'stale_version')) throw error;
    return getTenantRegistration(deps, registration.id);
  }
}

export async function getTenantRegistration(
  deps: Pick<OnboardingDeps, 'store'>,
  id: string,
): Promise<TenantRegistration> {
  const registration = await deps.store.get<TenantRegistration>(
    'tenant-registration',
    PLATFORM_PARTITION,
    id,
  );
  if (!registration) throw new NotFoundError('Tenant not found');
  return registration;
}

export function listTenantRegistrations(
  deps: Pick<OnboardingDeps, 'store'>,
  query: { limit: number; cursor?: string },
): Promise<Page<TenantRegistration>> {
  return deps.store.list<TenantRegistration>('tenant-registration', PLATFORM_PARTITION, {
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
}

/**
 * A new invitation for the agency's first admin (the old link stops working), e.g. when the first
 * expired. A registration still provisioning is completed instead (which invites). An invitation
 * already accepted is 409 invitation_used.
 */
export async function resendInvitation(deps: OnboardingDeps, id: string): Promise<TenantRegistration> {
  const registration = await getTenantRegistration(deps, id);
  if (registration.status !== 'active' || !registration.adminEmployeeId) return provision(deps, registration);
  const employee = await deps.store.get<Employee>('employee', id, registration.adminEmployeeId);
  if (!employee) throw new NotFoundError('The first admin is gone');
  await issueInvitation(deps, id, employee, registration.name);
  return registration;
}
