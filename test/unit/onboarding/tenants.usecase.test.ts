import { describe, expect, it } from 'vitest';
import type { Department, Employee, Position, Tenant } from '../../../functions/modules/org/domain/org';
import {
  PLATFORM_PARTITION,
  type Invitation,
  type TenantRegistration,
  type TenantRegistrationInput,
} from '../../../functions/modules/onboarding/domain/onboarding';
import {
  createTenant,
  getTenantRegistration,
  listTenantRegistrations,
  resendInvitation,
} from '../../../functions/modules/onboarding/usecases/tenants.usecase';
import { registrationJournals } from '../../../functions/modules/reference/domain/standard-lists/lists';
import { tenant } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

const operator = { username: 'operator' };

const input = (overrides: Partial<TenantRegistrationInput> = {}): TenantRegistrationInput => ({
  key: 'yeni-qurum',
  name: { az: 'Yeni Qurum', en: 'New Agency', ru: 'Новое ведомство' },
  legalAddress: 'Bakı, Sınaq küç. 1',
  voen: '1700000001',
  admin: { fullName: 'Yeniyev Admin', username: 'yeni.admin', email: 'admin@yeni.example.az' },
  ...overrides,
});

describe('createTenant', () => {
  it('registers the agency on the platform and provisions it: standard lists, the admin’s place, login and invitation, profile last', async () => {
    // Arrange
    const deps = memoryDeps();

    // Act
    const registration = await createTenant(deps, operator, input(), undefined);

    // Assert: the register
    expect(registration).toMatchObject({
      id: 'yeni-qurum',
      tenantId: PLATFORM_PARTITION,
      status: 'active',
      voen: '1700000001',
      email: 'admin@yeni.example.az',
      createdBy: 'operator',
    });
    expect(await getTenantRegistration(deps, 'yeni-qurum')).toEqual(registration);
    // … the tenant: the standard lists, no demo data
    expect(deps.store.all('ref:journals', 'yeni-qurum')).toHaveLength(registrationJournals.length);
    expect(deps.store.all('ref:nomenclature', 'yeni-qurum')).toEqual([]);
    expect(deps.store.all('route-template', 'yeni-qurum')).toEqual([]);
    // … an org tree holding only the admin's position
    const [root] = deps.store.all<Department>('department', 'yeni-qurum');
    expect(deps.store.all('department', 'yeni-qurum')).toHaveLength(1);
    expect(root?.name).toEqual(input().name);
    const positions = deps.store.all<Position>('position', 'yeni-qurum');
    expect(positions.map((p) => [p.departmentId, p.roles])).toEqual([[root?.id, ['admin']]]);
    const [admin] = deps.store.all<Employee>('employee', 'yeni-qurum');
    expect(admin).toMatchObject({ username: 'yeni.admin', positionIds: [positions[0]?.id], active: true });
    expect(registration.adminEmployeeId).toBe(admin?.id);
    // … a login without a temporary password, and the invitation e-mail with the link
    expect(deps.identity.silentLogins).toEqual([
      {
        tenantId: 'yeni-qurum',
        username: 'yeni.admin',
        email: 'admin@yeni.example.az',
        fullName: 'Yeniyev Admin',
      },
    ]);
    expect(deps.identity.invitations).toEqual([]);
    expect(deps.email.sent).toHaveLength(1);
    expect(deps.email.sent[0]?.to).toEqual(['admin@yeni.example.az']);
    expect(deps.email.sent[0]?.text).toMatch(
      /https:\/\/edms\.example\.az\/invitation\/#token=yeni-qurum\.[A-Za-z0-9_-]{43}/,
    );
    const [invitation] = deps.store.all<Invitation>('invitation', 'yeni-qurum');
    expect(invitation).toMatchObject({
      status: 'pending',
      employeeId: admin?.id,
      sentAt: expect.any(String),
    });
    expect(deps.email.sent[0]?.text).not.toContain(invitation!.tokenHash);
    // … and the tenant profile
    expect(await deps.store.get<Tenant>('tenant', 'yeni-qurum', 'yeni-qurum')).toMatchObject({
      name: input().name,
      voen: '1700000001',
    });
  });

  it('answers the first registration to a retry with the same key, provisioning nothing twice', async () => {
    // Arrange
    const deps = memoryDeps();
    const key = { key: 'createTenant:op:k1', requestHash: 'h1' };
    const first = await createTenant(deps, operator, input(), key);
    const writes = deps.store.writes.length;

    // Act
    const again = await createTenant(deps, operator, input(), key);

    // Assert
    expect(again).toEqual(first);
    expect(deps.store.writes).toHaveLength(writes);
    expect(deps.email.sent).toHaveLength(1);
  });

  it('completes a provisioning cut short when the retry comes (the e-mail not yet sent)', async () => {
    // Arrange: the e-mail provider fails the first time, after the registration and the lists
    const deps = memoryDeps();
    const key = { key: 'createTenant:op:k2', requestHash: 'h2' };
    deps.email.failWith = new Error('SES down');
    await expect(createTenant(deps, operator, input(), key)).rejects.toThrow('SES down');
    const stuck = await getTenantRegistration(deps, 'yeni-qurum');
    const profileBefore = await deps.store.get('tenant', 'yeni-qurum', 'yeni-qurum');
    deps.email.failWith = undefined;

    // Act
    const done = await createTenant(deps, operator, input(), key);

    // Assert
    expect(stuck.status).toBe('provisioning');
    expect(profileBefore).toBeUndefined();
    expect(done.status).toBe('active');
    expect(deps.store.all('employee', 'yeni-qurum')).toHaveLength(1);
    expect(deps.store.all('ref:journals', 'yeni-qurum')).toHaveLength(registrationJournals.length);
    expect(deps.email.sent).toHaveLength(1);
  });

  it('keeps VÖENs, keys and logins unique across the platform, writing nothing for a refused agency', async () => {
    // Arrange
    const deps = memoryDeps();
    await createTenant(deps, operator, input(), undefined);
    deps.store.seed('tenant', tenant({ id: 'old', tenantId: 'old' }));
    const writes = deps.store.writes.length;

    // Act
    const sameVoen = createTenant(
      deps,
      operator,
      input({ key: 'b', admin: { ...input().admin, username: 'b.admin' } }),
      undefined,
    );
    const sameKey = createTenant(
      deps,
      operator,
      input({ voen: '1700000002', admin: { ...input().admin, username: 'c.admin' } }),
      undefined,
    );
    const oldKey = createTenant(deps, operator, input({ key: 'old', voen: '1700000003' }), undefined);
    const sameLogin = createTenant(deps, operator, input({ key: 'd', voen: '1700000004' }), undefined);

    // Assert
    await expect(sameVoen).rejects.toMatchObject({ code: 'duplicate_value', params: { field: 'voen' } });
    await expect(sameKey).rejects.toMatchObject({ code: 'duplicate_value', params: { field: 'key' } });
    await expect(oldKey).rejects.toMatchObject({ code: 'duplicate_value', params: { field: 'key' } });
    await expect(sameLogin).rejects.toMatchObject({
      code: 'duplicate_value',
      params: { field: 'admin.username' },
    });
    expect(deps.store.writes).toHaveLength(writes);
  });

  it('makes a key when the operator gives none, and lists the agencies by name', async () => {
    // Arrange
    const deps = memoryDeps();
    const { key: _k, ...withoutKey } = input();

    // Act
    const made = await createTenant(
      deps,
      operator,
      { ...withoutKey, name: { az: 'Bakı Qurumu' } },
      undefined,
    );
    await createTenant(
      deps,
      operator,
      input({ key: 'a-qurum', voen: '1700000009', admin: { ...input().admin, username: 'a.admin' } }),
      undefined,
    );

    // Assert
    expect(made.id).toMatch(/^org-[0-9a-f]{10}$/);
    const page = await listTenantRegistrations(deps, { limit: 10 });
    expect(page.items.map((r: TenantRegistration) => r.name.az)).toEqual(['Bakı Qurumu', 'Yeni Qurum']);
  });
});

describe('resendInvitation', () => {
  it('renews the link while unused (the old one dies), and knows only registered agencies', async () => {
    // Arrange
    const deps = memoryDeps();
    await createTenant(deps, operator, input(), undefined);
    const [before] = deps.store.all<Invitation>('invitation', 'yeni-qurum');

    // Act
    await resendInvitation(deps, 'yeni-qurum');
    const [after] = deps.store.all<Invitation>('invitation', 'yeni-qurum');

    // Assert
    expect(deps.email.sent).toHaveLength(2);
    expect(after?.tokenHash).not.toBe(before?.tokenHash);
    expect(
      await deps.store.findByUnique('yeni-qurum', { scope: 'invitation-token', value: before!.tokenHash }),
    ).toBe(undefined);
    await expect(resendInvitation(deps, 'nope')).rejects.toMatchObject({ code: 'not_found' });
  });
});
