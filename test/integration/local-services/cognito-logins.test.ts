import { beforeAll, describe, expect, it } from 'vitest';
import { CognitoIdentityDirectory } from '../../../functions/platform/adapters/cognito/identity-directory.adapter';
import { verifyPassword } from '../../../infra/local/oidc/passwords';
import { credentials, localCognitoOnTempDir, region } from './helpers';

// The onboarding side of the identity directory: the same Cognito adapter as in AWS against the
// local Cognito endpoint — a login made without a temporary password, its tenant read back, its
// password set for good under the pool's policy.
describe('the identity directory for invitations (Cognito adapter, local endpoint)', () => {
  const local = localCognitoOnTempDir('cognito-logins');
  let directory: CognitoIdentityDirectory;

  beforeAll(() => {
    process.env.AWS_ACCESS_KEY_ID = credentials.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = credentials.secretAccessKey;
    directory = new CognitoIdentityDirectory({
      region,
      userPoolId: 'local_karguzar',
      endpoint: local.cognito.endpoint,
    });
  });

  const login = {
    tenantId: 'yeni-qurum',
    username: 'yeni.admin',
    email: 'admin@yeni.example.az',
    fullName: 'Admin',
  };

  it('creates a login silently (no temporary password mailed), idempotently, and tells its tenant', async () => {
    // Act
    await directory.createLogin(login);
    await directory.createLogin(login);
    const taken = directory.createLogin({ ...login, tenantId: 'other' });

    // Assert
    await expect(taken).rejects.toMatchObject({ code: 'duplicate_value', params: { field: 'username' } });
    expect(await directory.tenantOf('yeni.admin')).toBe('yeni-qurum');
    expect(await directory.tenantOf('nobody')).toBeUndefined();
    expect(await local.inbox()).toEqual([]);
  });

  it('sets the password for good under the pool policy, refusing a weak one on its field', async () => {
    // Act
    const weak = directory.setPassword('yeni.admin', 'weakpassword');
    await expect(weak).rejects.toMatchObject({
      code: 'password_too_weak',
      issues: [{ path: 'password', code: 'password_too_weak' }],
    });
    await directory.setPassword('yeni.admin', 'Güclü-Şifrə-2026');

    // Assert
    const stored = local.users.byUsername('yeni.admin')!;
    expect(await verifyPassword('Güclü-Şifrə-2026', stored.passwordHash)).toBe(true);
    expect(await verifyPassword('weakpassword', stored.passwordHash)).toBe(false);
  });
});
