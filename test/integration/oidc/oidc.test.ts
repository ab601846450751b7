import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
  SignJWT,
  type JWK,
} from 'jose';
import { JwtTokenVerifier } from '../../../functions/platform/adapters/auth/jwt-verifier.adapter';
import { UnauthenticatedError } from '../../../functions/platform/kernel/errors';
import {
  obtainToken,
  runCodeFlow,
  TokenFlowError,
  type ObtainTokenOptions,
} from '../../../infra/local/oidc/token-flow';
import { CLIENT_ID, DEMO_USER, startOidc, tempDir, type RunningOidc } from './harness';

const AUDIENCE = 'karguzar-api';

function verifierFor(issuer: string): JwtTokenVerifier {
  return new JwtTokenVerifier({ issuer, audience: AUDIENCE, typ: 'at+jwt' });
}

async function providerSigningKey(dataDir: string): Promise<{ key: CryptoKey | Uint8Array; kid: string }> {
  const jwks = JSON.parse(await readFile(join(dataDir, 'oidc', 'jwks.json'), 'utf8')) as {
    keys: (JWK & { kid: string })[];
  };
  const jwk = jwks.keys[0]!;
  return { key: await importJWK(jwk, 'RS256'), kid: jwk.kid };
}

async function mint(
  signer: { key: CryptoKey | Uint8Array; kid: string },
  issuer: string,
  claims: Record<string, unknown>,
  times: { iat: number; exp: number } = {
    iat: Math.floor(Date.now() / 1000),
    exp: Math.floor(Date.now() / 1000) + 600,
  },
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: signer.kid, typ: 'at+jwt' })
    .setIssuer(issuer)
    .setSubject(DEMO_USER.subject)
    .setIssuedAt(times.iat)
    .setExpirationTime(times.exp)
    .sign(signer.key);
}

const goodClaims = {
  aud: AUDIENCE,
  client_id: CLIENT_ID,
  tenant: DEMO_USER.tenantId,
  username: DEMO_USER.username,
};

describe('local OIDC provider mounted under /oidc', () => {
  let data: { dir: string; remove(): Promise<void> };
  let oidc: RunningOidc;
  /** An authorization request of the web client (code flow, scope openid) with the given parameters. */
  const authUrl = (params: Record<string, string>) => {
    const url = new URL(`${oidc.issuer}/auth`);
    url.search = new URLSearchParams({
      client_id: CLIENT_ID,
      redirect_uri: oidc.redirectUri,
      response_type: 'code',
      scope: 'openid',
      ...params,
    }).toString();
    return url;
  };
  const S256 = {
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
  };
  /** The web client's code flow against this provider, as the demo user unless told otherwise. */
  const flowOptions = (overrides: Partial<ObtainTokenOptions> = {}): ObtainTokenOptions => ({
    issuer: oidc.issuer,
    clientId: CLIENT_ID,
    redirectUri: oidc.redirectUri,
    username: DEMO_USER.username,
    password: DEMO_USER.password,
    ...overrides,
  });

  beforeAll(async () => {
    data = await tempDir();
    oidc = await startOidc(data.dir);
  });

  afterAll(async () => {
    await oidc?.stop();
    await data?.remove();
  });

  it('serves discovery with endpoints under the mount path, S256 PKCE and the Cognito-style JWKS path', async () => {
    // Act
    const res = await fetch(`${oidc.issuer}/.well-known/openid-configuration`);
    const body = (await res.json()) as Record<string, unknown>;

    // Assert
    expect(res.status).toBe(200);
    expect(body.issuer).toBe(oidc.issuer);
    expect(body.authorization_endpoint).toBe(`${oidc.issuer}/auth`);
    expect(body.token_endpoint).toBe(`${oidc.issuer}/token`);
    expect(body.jwks_uri).toBe(`${oidc.issuer}/.well-known/jwks.json`);
    expect(body.end_session_endpoint).toBe(`${oidc.issuer}/session/end`);
    expect(body.code_challenge_methods_supported).toEqual(['S256']);
  });

  it('obtainToken runs code + PKCE and returns a JWT access token the verifier accepts', async () => {
    // Act
    const token = await obtainToken(flowOptions());
    const principal = await verifierFor(oidc.issuer).verify(`Bearer ${token}`);

    // Assert
    expect(principal).toEqual({
      subject: DEMO_USER.subject,
      tenantId: DEMO_USER.tenantId,
      username: DEMO_USER.username,
    });
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    expect(decodeJwt(token)).toMatchObject({
      iss: oidc.issuer,
      aud: AUDIENCE,
      client_id: CLIENT_ID,
      sub: DEMO_USER.subject,
      tenant: DEMO_USER.tenantId,
      username: DEMO_USER.username,
    });
  });

  it('refuses a wrong password with a clear error', async () => {
    // Act
    const attempt = obtainToken(flowOptions({ password: 'not-the-password' }));

    // Assert
    await expect(attempt).rejects.toThrow(TokenFlowError);
    await expect(attempt).rejects.toThrow(/wrong username or password/);
  });

  it('refuses an unknown user the same way', async () => {
    await expect(obtainToken(flowOptions({ username: 'nobody', password: 'x' }))).rejects.toThrow(
      /wrong username or password/,
    );
  });

  it('requires PKCE: an authorization request without code_challenge is refused', async () => {
    // Arrange
    const url = authUrl({ state: 's1' });

    // Act
    const res = await fetch(url, { redirect: 'manual' });
    const location = new URL(res.headers.get('location') ?? '', oidc.origin);

    // Assert
    expect(res.status).toBe(303);
    expect(`${location.origin}${location.pathname}`).toBe(oidc.redirectUri);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/PKCE/);
    expect(location.searchParams.has('code')).toBe(false);
  });

  it('refuses the plain PKCE method', async () => {
    const url = authUrl({ code_challenge: 'a'.repeat(43), code_challenge_method: 'plain' });

    const res = await fetch(url, { redirect: 'manual' });

    expect(new URL(res.headers.get('location') ?? '', oidc.origin).searchParams.get('error')).toBe(
      'invalid_request',
    );
  });

  describe('the verifier', () => {
    it('accepts a token minted with the provider key and the right claims (control for the cases below)', async () => {
      const token = await mint(await providerSigningKey(data.dir), oidc.issuer, goodClaims);

      await expect(verifierFor(oidc.issuer).verify(token)).resolves.toEqual({
        subject: DEMO_USER.subject,
        tenantId: DEMO_USER.tenantId,
        username: DEMO_USER.username,
      });
    });

    it('rejects a token signed by another key', async () => {
      // Arrange: same kid and claims, foreign key
      const { kid } = await providerSigningKey(data.dir);
      const { privateKey } = await generateKeyPair('RS256');
      const token = await mint({ key: privateKey, kid }, oidc.issuer, goodClaims);

      // Act / Assert
      await expect(verifierFor(oidc.issuer).verify(token)).rejects.toMatchObject({
        constructor: UnauthenticatedError,
        params: { reason: 'bad_signature' },
      });
    });

    it('rejects a token whose key id the issuer does not publish', async () => {
      const { privateKey } = await generateKeyPair('RS256');
      const token = await mint({ key: privateKey, kid: 'someone-else' }, oidc.issuer, goodClaims);

      await expect(verifierFor(oidc.issuer).verify(token)).rejects.toBeInstanceOf(UnauthenticatedError);
    });

    it('rejects an expired token', async () => {
      const now = Math.floor(Date.now() / 1000);
      const token = await mint(await providerSigningKey(data.dir), oidc.issuer, goodClaims, {
        iat: now - 7200,
        exp: now - 3600,
      });

      await expect(verifierFor(oidc.issuer).verify(token)).rejects.toMatchObject({
        constructor: UnauthenticatedError,
        params: { reason: 'expired' },
      });
    });

    it('rejects a token for another audience even when its client_id is ours', async () => {
      const token = await mint(await providerSigningKey(data.dir), oidc.issuer, {
        ...goodClaims,
        aud: 'another-api',
      });

      await expect(verifierFor(oidc.issuer).verify(token)).rejects.toMatchObject({
        constructor: UnauthenticatedError,
        params: { reason: 'wrong_audience' },
      });
    });

    it('rejects a token without tenant', async () => {
      const { tenant: _omitted, ...claims } = goodClaims;
      const token = await mint(await providerSigningKey(data.dir), oidc.issuer, claims);

      await expect(verifierFor(oidc.issuer).verify(token)).rejects.toMatchObject({
        constructor: UnauthenticatedError,
        params: { reason: 'missing_claim', claim: 'tenant' },
      });
    });

    it('rejects a token from another issuer', async () => {
      const token = await mint(await providerSigningKey(data.dir), `${oidc.origin}/not-oidc`, goodClaims);

      await expect(verifierFor(oidc.issuer).verify(token)).rejects.toMatchObject({
        constructor: UnauthenticatedError,
        params: { reason: 'wrong_issuer' },
      });
    });
  });

  describe('login page', () => {
    async function loginPageHtml(
      headers: Record<string, string>,
      uiLocales?: string,
    ): Promise<{ status: number; html: string }> {
      const url = authUrl({ ...S256, ...(uiLocales ? { ui_locales: uiLocales } : {}) });
      const start = await fetch(url, { redirect: 'manual', headers });
      const cookies = start.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const page = await fetch(new URL(start.headers.get('location') ?? '', oidc.origin), {
        headers: { ...headers, cookie: cookies },
      });
      return { status: page.status, html: await page.text() };
    }

    it('is Azerbaijani by default, with labelled fields', async () => {
      const { status, html } = await loginPageHtml({});

      expect(status).toBe(200);
      expect(html).toContain('<html lang="az">');
      expect(html).toContain('<label for="username">İstifadəçi adı</label>');
      expect(html).toContain('<label for="password">Şifrə</label>');
      expect(html).toContain('autocomplete="current-password"');
    });

    it('follows Accept-Language (ru) and ui_locales (en, which wins)', async () => {
      const ru = await loginPageHtml({ 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' });
      const en = await loginPageHtml({ 'accept-language': 'ru-RU' }, 'en');

      expect(ru.html).toContain('<html lang="ru">');
      expect(ru.html).toContain('Пароль');
      expect(en.html).toContain('<html lang="en">');
      expect(en.html).toContain('Password');
    });
  });

  it('logs out (RP-initiated, with id_token_hint) and redirects to the registered post-logout URI', async () => {
    // Arrange: a signed-in browser session
    const flow = await runCodeFlow(flowOptions());
    const send = (url: URL, init?: RequestInit) => flow.cookies.fetch(url, init);
    const endSession = new URL(`${oidc.issuer}/session/end`);
    endSession.search = new URLSearchParams({
      id_token_hint: flow.idToken ?? '',
      post_logout_redirect_uri: oidc.postLogoutRedirectUri,
      state: 'bye',
    }).toString();

    // Act
    const page = await send(endSession);
    const html = await page.text();
    const action = /<form id="op.logoutForm" method="post" action="([^"]+)">/.exec(html)?.[1] ?? '';
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const confirm = await send(new URL(action, oidc.origin), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
    });
    const again = await send(authUrl(S256));

    // Assert
    expect(flow.idToken).toBeTruthy();
    expect(page.status).toBe(200);
    expect(html).toContain('<html lang="az">');
    expect(html).toContain('Sistemdən çıxmaq istəyirsiniz?');
    expect(confirm.status).toBe(303);
    expect(confirm.headers.get('location')).toBe(`${oidc.postLogoutRedirectUri}?state=bye`);
    // The session is gone: a new authorization goes to the login interaction, not back with a code.
    expect(again.headers.get('location')).toMatch(/\/oidc\/interaction\//);
  });

  it('keeps the session: a second authorization in the same browser returns a code without login', async () => {
    const first = await runCodeFlow(flowOptions());

    const second = await runCodeFlow({
      ...flowOptions({ password: 'wrong — never posted because no login is asked' }),
      cookies: first.cookies,
    });

    expect(decodeJwt(second.accessToken).sub).toBe(DEMO_USER.subject);
  });
});

describe('local OIDC provider restart', () => {
  it('keeps its signing key: a token issued before the restart verifies against the JWKS fetched after it', async () => {
    // Arrange
    const data = await tempDir();
    let running = await startOidc(data.dir);
    try {
      const { issuer, redirectUri, port } = running;
      const before = await runCodeFlow({
        issuer,
        clientId: CLIENT_ID,
        redirectUri,
        username: DEMO_USER.username,
        password: DEMO_USER.password,
      });
      const jwksBefore = await (await fetch(`${issuer}/.well-known/jwks.json`)).json();
      await running.stop();

      // Act
      running = await startOidc(data.dir, port);
      const jwksAfter = await (await fetch(`${issuer}/.well-known/jwks.json`)).json();
      const principal = await verifierFor(issuer).verify(before.accessToken);
      // The browser session survives too (file adapter + persisted cookie keys): no login is asked,
      // so the wrong password below is never posted.
      const again = await runCodeFlow({
        issuer,
        clientId: CLIENT_ID,
        redirectUri,
        username: DEMO_USER.username,
        password: 'never posted',
        cookies: before.cookies,
      });
      const mode = (await stat(join(data.dir, 'oidc', 'jwks.json'))).mode & 0o777;

      // Assert
      expect(jwksAfter).toEqual(jwksBefore);
      expect(principal.subject).toBe(DEMO_USER.subject);
      expect(decodeJwt(again.accessToken).sub).toBe(DEMO_USER.subject);
      expect(mode).toBe(0o600);
    } finally {
      await running.stop();
      await data.remove();
    }
  });

  it('publishes only public key material', async () => {
    const data = await tempDir();
    const running = await startOidc(data.dir);
    try {
      const jwks = (await (await fetch(`${running.issuer}/.well-known/jwks.json`)).json()) as { keys: JWK[] };
      const ours = await exportJWK((await generateKeyPair('RS256', { extractable: true })).publicKey);

      expect(jwks.keys.length).toBeGreaterThan(0);
      for (const key of jwks.keys) {
        expect(Object.keys(key).sort()).not.toContain('d');
        expect(key.kty).toBe(ours.kty);
      }
    } finally {
      await running.stop();
      await data.remove();
    }
  });
});
