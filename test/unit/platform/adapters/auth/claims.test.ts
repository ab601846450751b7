import { describe, expect, it } from 'vitest';
import {
  operatorFromClaims,
  principalFromClaims,
} from '../../../../../functions/platform/adapters/auth/claims';
import { ForbiddenError, UnauthenticatedError } from '../../../../../functions/platform/kernel/errors';

const local = {
  sub: 'u-1',
  tenant: 'demo-agency',
  username: 'leyla',
  aud: 'karguzar-api',
  client_id: 'karguzar-web',
};

describe('principalFromClaims', () => {
  it('maps sub, tenant and username of a local access token', () => {
    expect(principalFromClaims(local)).toEqual({
      subject: 'u-1',
      tenantId: 'demo-agency',
      username: 'leyla',
    });
  });

  it('maps a Cognito access token (tenant from the pre-token trigger, username from Cognito)', () => {
    // Arrange: the shape Cognito issues (no aud, token_use, cognito groups)
    const cognito = {
      sub: 'a1b2c3d4-5678-90ab-cdef-000000000001',
      'cognito:groups': ['clerks'],
      token_use: 'access',
      scope: 'openid profile email',
      client_id: '3abc',
      username: 'a1b2c3d4-5678-90ab-cdef-000000000001',
      tenant: '01JDEMO00000000000000000AG',
    };

    // Act
    const principal = principalFromClaims(cognito);

    // Assert
    expect(principal).toEqual({
      subject: 'a1b2c3d4-5678-90ab-cdef-000000000001',
      tenantId: '01JDEMO00000000000000000AG',
      username: 'a1b2c3d4-5678-90ab-cdef-000000000001',
    });
  });

  it('uses configured claim names', () => {
    const principal = principalFromClaims(
      { sub: 's', 'custom:tenant': 't1', 'cognito:username': 'u' },
      { tenant: 'custom:tenant', username: 'cognito:username' },
    );

    expect(principal).toEqual({ subject: 's', tenantId: 't1', username: 'u' });
  });

  it.each([
    ['no tenant', { sub: 'u-1', username: 'leyla' }, 'tenant'],
    ['an empty tenant', { ...local, tenant: '  ' }, 'tenant'],
    ['a numeric tenant', { ...local, tenant: 42 }, 'tenant'],
    ['no subject', { tenant: 'demo', username: 'leyla' }, 'sub'],
    ['no username', { sub: 'u-1', tenant: 'demo' }, 'username'],
  ])('refuses a token with %s', (_label, claims, claim) => {
    let caught: unknown;
    try {
      principalFromClaims(claims as Record<string, unknown>);
    } catch (err) {
      caught = err;
    }

    expect(caught).toBeInstanceOf(UnauthenticatedError);
    expect((caught as UnauthenticatedError).params).toEqual({ reason: 'missing_claim', claim });
  });

  it.each(['demo#other', 'a/b', 'with space', '-leading', 'x'.repeat(129)])(
    'refuses a malformed tenant %j',
    (tenant) => {
      expect(() => principalFromClaims({ ...local, tenant })).toThrow(UnauthenticatedError);
    },
  );

  it.each([
    'demo-agency',
    '7f3a9c1e-2b4d-4e6f-8a0b-1c2d3e4f5a6b',
    '01JDEMO00000000000000000AG',
    'org.sub:unit_1',
  ])('accepts the tenant id %j', (tenant) => {
    expect(principalFromClaims({ ...local, tenant }).tenantId).toBe(tenant);
  });
});

describe('platform operators', () => {
  const operatorToken = { sub: 'op-1', username: 'operator', platform_role: 'operator', aud: 'karguzar-api' };

  it('maps an operator token (the operator claim, no tenant) to the operator', () => {
    expect(operatorFromClaims(operatorToken)).toEqual({ subject: 'op-1', username: 'operator' });
  });

  it("refuses an operator's token on tenant routes as forbidden (valid, but in no tenant)", () => {
    expect(() => principalFromClaims(operatorToken)).toThrow(ForbiddenError);
  });

  it.each([
    ['a tenant user', { ...local }],
    ['a tenant user who claims the operator role too', { ...local, platform_role: 'operator' }],
    ['another platform role', { ...operatorToken, platform_role: 'auditor' }],
  ])('refuses %s on the operator routes', (_label, claims) => {
    expect(() => operatorFromClaims(claims)).toThrow(ForbiddenError);
  });

  it('refuses an operator token without subject or username as unauthenticated', () => {
    expect(() => operatorFromClaims({ ...operatorToken, sub: undefined })).toThrow(UnauthenticatedError);
    expect(() => operatorFromClaims({ ...operatorToken, username: '' })).toThrow(UnauthenticatedError);
  });
});
