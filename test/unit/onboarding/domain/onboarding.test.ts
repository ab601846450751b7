import { describe, expect, it } from 'vitest';
import {
  assertPasswordPolicy,
  parseInvitationToken,
  TENANT_KEY,
} from '../../../../functions/modules/onboarding/domain/onboarding';

describe('onboarding rules', () => {
  it('reads the tenant of an invitation token before its last dot', () => {
    const secret = 'a'.repeat(43);
    expect(parseInvitationToken(`demo1.${secret}`)).toEqual({ tenantId: 'demo1', secret });
    expect(parseInvitationToken(`org.sub.${secret}`)).toEqual({ tenantId: 'org.sub', secret });
  });

  it.each(['Kargüzar-2026!', 'Uzun və güclü 1!', 'Aa1!Aa1!Aa1!'])('accepts the password %j', (password) => {
    expect(() => assertPasswordPolicy(password)).not.toThrow();
  });

  it.each(['Short1!', 'alllowercase1!', 'ALLUPPERCASE1!', 'NoDigitsHere!!', 'NoSymbols12345'])(
    'refuses the password %j',
    (password) => {
      expect(() => assertPasswordPolicy(password)).toThrow(/policy/);
    },
  );

  it('takes tenant keys of 3–40 lower-case letters, digits and hyphens', () => {
    expect(['demo1', 'asan-xidmet', 'org-1a2b3c4d5e'].every((k) => TENANT_KEY.test(k))).toBe(true);
    expect(['ab', '-x1', 'Böyük', 'a_b', 'x'.repeat(41)].some((k) => TENANT_KEY.test(k))).toBe(false);
  });
});
