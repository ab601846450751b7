import { describe, expect, it } from 'vitest';
import type { Invitation, TenantRegistration } from '../../../functions/modules/onboarding/domain/onboarding';
import {
  acceptInvitation,
  lookupInvitation,
} from '../../../functions/modules/onboarding/usecases/invitation.usecase';
import { createTenant } from '../../../functions/modules/onboarding/usecases/tenants.usecase';
import { memoryDeps } from '../../support/memory-deps';

const PASSWORD = 'Yeni-Qurum-2026!';

/** A new agency whose admin was just invited; answers the deps and the token of the e-mailed link. */
async function invited() {
  const deps = memoryDeps();
  await createTenant(
    deps,
    { username: 'operator' },
    {
      key: 'yeni-qurum',
      name: { az: 'Yeni Qurum', en: 'New Agency' },
      legalAddress: 'Bakı',
      voen: '1700000001',
      admin: { fullName: 'Yeniyev Admin', username: 'yeni.admin', email: 'admin@yeni.example.az' },
    },
    undefined,
  );
  const link = /#token=(\S+)/.exec(deps.email.sent.at(-1)!.text)![1]!;
  return { deps, token: decodeURIComponent(link) };
}

describe('an invitation', () => {
  it('shows who it is for, in which organization, until when', async () => {
    // Arrange
    const { deps, token } = await invited();

    // Act
    const view = await lookupInvitation(deps, token);

    // Assert
    expect(view).toEqual({
      username: 'yeni.admin',
      fullName: 'Yeniyev Admin',
      organization: { az: 'Yeni Qurum', en: 'New Agency' },
      expiresAt: '2026-03-09T06:00:00.000Z',
    });
  });

  it('sets the password for good once, spends itself, and marks the admin joined in the register', async () => {
    // Arrange
    const { deps, token } = await invited();

    // Act
    const accepted = await acceptInvitation(deps, { token, password: PASSWORD });
    const again = acceptInvitation(deps, { token, password: PASSWORD });

    // Assert
    expect(accepted).toEqual({ username: 'yeni.admin' });
    expect(deps.identity.passwords.get('yeni.admin')).toBe(PASSWORD);
    await expect(again).rejects.toMatchObject({ code: 'invitation_used' });
    expect(deps.store.all<Invitation>('invitation', 'yeni-qurum')[0]).toMatchObject({
      status: 'accepted',
      acceptedAt: '2026-03-02T06:00:00.000Z',
    });
    expect(deps.store.all<TenantRegistration>('tenant-registration', '_platform')[0]?.adminJoinedAt).toBe(
      '2026-03-02T06:00:00.000Z',
    );
  });

  it('refuses a weak password on its field, and the directory is not asked', async () => {
    // Arrange
    const { deps, token } = await invited();

    // Act
    const weak = acceptInvitation(deps, { token, password: 'password123' });

    // Assert
    await expect(weak).rejects.toMatchObject({
      code: 'password_too_weak',
      issues: [{ path: 'password', code: 'password_too_weak' }],
    });
    expect(deps.identity.passwords.size).toBe(0);
    expect(deps.store.all<Invitation>('invitation', 'yeni-qurum')[0]?.status).toBe('pending');
  });

  it('is dead after its days, and a forged, mangled or other tenant’s token is no invitation', async () => {
    // Arrange
    const { deps, token } = await invited();
    const secret = token.slice(token.lastIndexOf('.') + 1);

    // Act + Assert
    for (const bad of [
      `yeni-qurum.${'A'.repeat(43)}`,
      `demo1.${secret}`,
      'yeni-qurum',
      `.${secret}`,
      `yeni-qurum.${secret}x`,
      `#bad.${secret}`,
    ]) {
      await expect(lookupInvitation(deps, bad), bad).rejects.toMatchObject({ code: 'invitation_invalid' });
    }
    deps.clock.advance(7 * 86_400_000);
    await expect(acceptInvitation(deps, { token, password: PASSWORD })).rejects.toMatchObject({
      code: 'invitation_expired',
    });
    expect(deps.identity.passwords.size).toBe(0);
  });
});
