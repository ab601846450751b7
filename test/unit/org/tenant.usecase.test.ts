import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../functions/platform/kernel/errors';
import type { TenantProfile } from '../../../functions/modules/org/domain/org';
import {
  getMe,
  getTenant,
  updateTenant,
  updateTenantSms,
} from '../../../functions/modules/org/usecases/tenant.usecase';
import { actor, employee, OTHER_TENANT, position, tenant } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

const profile = (overrides: Partial<TenantProfile> = {}): TenantProfile => ({
  name: { az: 'Yeni Agentlik' },
  legalAddress: 'Bakı, Füzuli küç. 5',
  voen: '1234567891',
  email: 'info@agency.az',
  ...overrides,
});

describe('the tenant profile', () => {
  it('is the caller’s own tenant only', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.store.seed('tenant', tenant());

    // Act
    const own = await getTenant(deps, actor('e1'));
    const other = getTenant(deps, actor('e1', [], { tenantId: OTHER_TENANT }));

    // Assert
    expect(own.name.az).toBe('Nümunə Agentliyi');
    await expect(other).rejects.toBeInstanceOf(NotFoundError);
  });

  it('is updated with a 10-digit VÖEN and the version the admin read', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.store.seed('tenant', tenant());
    const admin = actor('admin', ['admin']);

    // Act
    const updated = await updateTenant(deps, admin, { ...profile(), version: 1 });
    const stale = updateTenant(deps, admin, { ...profile(), version: 1 });

    // Assert
    expect(updated).toMatchObject({ name: { az: 'Yeni Agentlik' }, voen: '1234567891', version: 2 });
    await expect(stale).rejects.toMatchObject({ code: 'stale_version' });
  });

  it('keeps the two-step sign-in requirement when an update leaves it out, and changes it when given', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.store.seed('tenant', { ...tenant(), requireMfa: true } as never);
    const admin = actor('admin', ['admin']);

    // Act
    const kept = await updateTenant(deps, admin, { ...profile(), version: 1 });
    const off = await updateTenant(deps, admin, { ...profile(), requireMfa: false, version: 2 });

    // Assert
    expect(kept.requireMfa).toBe(true);
    expect(off.requireMfa).toBe(false);
  });

  it('refuses a malformed VÖEN on its field without writing', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.store.seed('tenant', tenant());

    // Act
    const bad = updateTenant(deps, actor('admin', ['admin']), { ...profile({ voen: '12345' }), version: 1 });

    // Assert
    await expect(bad).rejects.toMatchObject({ issues: [{ path: 'voen', code: 'invalid_format' }] });
    expect(deps.store.writes).toEqual([]);
  });

  it('keeps the VÖEN the platform registered (unique among tenants): a change is refused on its field', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.store.seed('tenant', tenant());

    // Act
    const changed = updateTenant(deps, actor('admin', ['admin']), {
      ...profile({ voen: '9876543211' }),
      version: 1,
    });

    // Assert
    await expect(changed).rejects.toMatchObject({
      code: 'voen_immutable',
      issues: [{ path: 'voen', code: 'voen_immutable' }],
    });
    expect(deps.store.writes).toEqual([]);
  });
});

describe("the agency's SMS setting", () => {
  it('is kept when the profile is edited, and changed on its own with the version', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.store.seed('tenant', tenant());
    const admin = actor('admin', ['admin']);

    // Act
    const on = await updateTenantSms(deps, admin, { enabled: true, monthlyParts: 300, version: 1 });
    const edited = await updateTenant(deps, admin, { ...profile(), version: 2 });
    const stale = updateTenantSms(deps, admin, { enabled: false, monthlyParts: 300, version: 2 });

    // Assert
    expect(on).toMatchObject({ sms: { enabled: true, monthlyParts: 300 }, version: 2 });
    expect(edited).toMatchObject({
      name: { az: 'Yeni Agentlik' },
      sms: { enabled: true, monthlyParts: 300 },
    });
    await expect(stale).rejects.toMatchObject({ code: 'stale_version' });
  });
});

describe('getMe', () => {
  it('answers the caller’s employee, tenant, roles and positions', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.store.seed('tenant', tenant({ shortName: { az: 'NA' } }));
    deps.store.seed('position', position('pos-1', { title: { az: 'Rəis' }, departmentId: 'dep-9' }));
    deps.store.seed('employee', employee('e1', { positionIds: ['pos-1'], phone: '+994501112233' }));

    // Act
    const me = await getMe(deps, actor('e1', ['head', 'controller']));

    // Assert: no phone or other personal data beyond what the shell shows.
    expect(me).toEqual({
      employee: { id: 'e1', fullName: 'Employee e1', username: 'e1', email: 'e1@agency.az' },
      tenant: { id: 't1', name: { az: 'Nümunə Agentliyi' }, shortName: { az: 'NA' } },
      roles: ['head', 'controller'],
      positions: [{ id: 'pos-1', title: { az: 'Rəis' }, departmentId: 'dep-9' }],
    });
  });
});
