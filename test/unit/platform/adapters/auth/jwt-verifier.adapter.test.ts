import { describe, expect, it } from 'vitest';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import {
  JwtTokenVerifier,
  type JwtVerifierOptions,
} from '../../../../../functions/platform/adapters/auth/jwt-verifier.adapter';
import { UnauthenticatedError } from '../../../../../functions/platform/kernel/errors';

// Unit level: keys are a local JWK set, no network.
const ISSUER = 'https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_TEST';
const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
const keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }] });

async function token(claims: JWTPayload, header: { alg?: string; typ?: string } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sub: 'u-1', tenant: 'demo', username: 'leyla', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1', ...header })
    .setIssuer(ISSUER)
    .setIssuedAt(now)
    .setExpirationTime(now + 300)
    .sign(privateKey);
}

function verifier(options: Partial<JwtVerifierOptions>): JwtTokenVerifier {
  return new JwtTokenVerifier({ issuer: ISSUER, keys, ...options });
}

async function reasonOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(UnauthenticatedError);
    return (err as UnauthenticatedError).params.reason;
  }
  return 'accepted';
}

describe('JwtTokenVerifier audience rules', () => {
  it('accepts a Cognito access token (no aud) by client_id', async () => {
    const t = await token({ client_id: 'web-client', token_use: 'access' });

    await expect(verifier({ audience: 'web-client', tokenUse: 'access' }).verify(t)).resolves.toEqual({
      subject: 'u-1',
      tenantId: 'demo',
      username: 'leyla',
    });
  });

  it('refuses a token without aud whose client_id is not configured', async () => {
    const t = await token({ client_id: 'other-client' });

    expect(await reasonOf(verifier({ audience: 'web-client' }).verify(t))).toBe('wrong_audience');
  });

  it('refuses a token without aud when the client_id fallback is switched off', async () => {
    const t = await token({ client_id: 'karguzar-api' });

    expect(await reasonOf(verifier({ audience: 'karguzar-api', clientIds: [] }).verify(t))).toBe(
      'wrong_audience',
    );
  });

  it('accepts a matching aud in an array', async () => {
    const t = await token({ aud: ['x', 'karguzar-api'] });

    await expect(verifier({ audience: 'karguzar-api' }).verify(t)).resolves.toMatchObject({ subject: 'u-1' });
  });

  it('refuses a Cognito ID token even though its aud is the client id', async () => {
    const t = await token({ aud: 'web-client', token_use: 'id' });

    expect(await reasonOf(verifier({ audience: 'web-client' }).verify(t))).toBe('wrong_token_use');
  });

  it('checks the typ header when configured', async () => {
    const t = await token({ aud: 'karguzar-api' }, { typ: 'JWT' });

    expect(await reasonOf(verifier({ audience: 'karguzar-api', typ: 'at+jwt' }).verify(t))).not.toBe(
      'accepted',
    );
  });

  it('refuses an algorithm outside the allow-list', async () => {
    const t = await token({ aud: 'karguzar-api' });

    expect(await reasonOf(verifier({ audience: 'karguzar-api', algorithms: ['ES256'] }).verify(t))).toBe(
      'algorithm_not_allowed',
    );
  });

  it('refuses garbage and an empty bearer', async () => {
    const v = verifier({ audience: 'karguzar-api' });

    expect(await reasonOf(v.verify('not.a.jwt'))).toBe('malformed');
    expect(await reasonOf(v.verify('Bearer '))).toBe('missing');
  });

  it('refuses to be configured without audience or client ids, or with HMAC', () => {
    expect(() => new JwtTokenVerifier({ issuer: ISSUER, keys })).toThrow(/audience/);
    expect(
      () => new JwtTokenVerifier({ issuer: ISSUER, keys, audience: 'a', algorithms: ['HS256'] }),
    ).toThrow(/asymmetric/);
  });
});
