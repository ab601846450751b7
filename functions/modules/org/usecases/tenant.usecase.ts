import type { Actor } from '../../../platform/kernel/aggregate';
import { BusinessRuleError, NotFoundError } from '../../../platform/kernel/errors';
import {
  isValidVoen,
  type Employee,
  type Position,
  type Tenant,
  type TenantProfile,
  type TenantSms,
} from '../domain/org';
import type { Role } from '../../../platform/kernel/roles';
import { getOr404, type Deps, updateAggregate } from '../../../platform/kernel/aggregates';

export async function getTenant(deps: Deps, actor: Actor): Promise<Tenant> {
  const tenant = await deps.store.get<Tenant>('tenant', actor.tenantId, actor.tenantId);
  if (!tenant) throw new NotFoundError('Tenant not found');
  return tenant;
}

export async function updateTenant(
  deps: Deps,
  actor: Actor,
  input: TenantProfile & { version: number },
): Promise<Tenant> {
  const { version, ...profile } = input;
  if (!isValidVoen(profile.voen)) {
    throw new BusinessRuleError('validation_failed', 'Invalid VÖEN', {}, [
      { path: 'voen', code: 'invalid_format' },
    ]);
  }
  const current = await getTenant(deps, actor);
  if (profile.voen !== current.voen) {
    // The VÖEN is the legal entity: registered once across the platform when the agency was
    // onboarded (unique among tenants), it is not the agency admin's to change.
    throw new BusinessRuleError('voen_immutable', 'The VÖEN cannot change', {}, [
      { path: 'voen', code: 'voen_immutable' },
    ]);
  }
  // The profile form does not carry the settings kept on the same record: they stay as they are
  // (and a client that does not know `requireMfa` leaves it as it is).
  const requireMfa = profile.requireMfa ?? current.requireMfa;
  const kept = {
    ...(current.deadlinePolicy ? { deadlinePolicy: current.deadlinePolicy } : {}),
    ...(current.sms ? { sms: current.sms } : {}),
    ...(requireMfa === undefined ? {} : { requireMfa }),
  };
  return updateAggregate<TenantProfile & { sms?: TenantSms }>(
    deps,
    'tenant',
    actor,
    current,
    { ...profile, ...kept },
    version,
    { sortKey: profile.name.az },
  );
}

/**
 * Turns the agency's SMS notices on or off and sets the monthly budget of parts (admins only; the
 * record's version guards a second tab; the change is in the tenant's change log like any edit).
 */
export async function updateTenantSms(
  deps: Deps,
  actor: Actor,
  input: TenantSms & { version: number },
): Promise<Tenant> {
  const { version, enabled, monthlyParts } = input;
  const current = await getTenant(deps, actor);
  const { id: _id, tenantId: _t, version: _v, createdAt: _c, updatedAt: _u, ...data } = current;
  return updateAggregate<TenantProfile & { sms?: TenantSms }>(
    deps,
    'tenant',
    actor,
    current,
    { ...data, sms: { enabled, monthlyParts } },
    version,
    { sortKey: current.name.az },
  );
}

export async function getMe(deps: Deps, actor: Actor) {
  const [employee, tenant] = await Promise.all([
    getOr404<Employee>(deps, 'employee', actor.tenantId, actor.employeeId),
    getTenant(deps, actor),
  ]);
  const positions = await deps.store.getMany<Position>('position', actor.tenantId, employee.positionIds);
  return {
    employee: {
      id: employee.id,
      fullName: employee.fullName,
      username: employee.username,
      email: employee.email,
    },
    tenant: {
      id: tenant.id,
      name: tenant.name,
      ...(tenant.shortName ? { shortName: tenant.shortName } : {}),
    },
    roles: [...actor.roles] as Role[],
    positions: positions.map((p) => ({ id: p.id, title: p.title, departmentId: p.departmentId })),
  };
}
