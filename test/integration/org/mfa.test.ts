import { Secret, TOTP } from 'otpauth';
import { decodeJwt } from 'jose';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { apiClient, DEMO_PASSWORD, tokenFor, type Api, type Problem } from '../../support/api';
import { temporaryPasswordFor } from '../../support/mail';
import { obtainToken } from '../../../infra/local/oidc/token-flow';

// Two-step sign-in (issue 18) against the embedded default: the API enrols an authenticator through
// the local Cognito endpoint, the local identity provider then asks for its code at sign-in and
// its tokens carry `mfa: "true"`.
const baseUrl = inject('baseUrl');
const maildev = `http://127.0.0.1:${Number(new URL(baseUrl).port) + 6}`;
const run = Math.random().toString(36).slice(2, 8);
type Status = { totpEnabled: boolean; signedInWithMfa: boolean; requiredByAgency: boolean };
type Item = { id: string; roles?: string[] };

let admin: Api;
let username: string;
let password: string;

const signIn = (code?: () => string) =>
  obtainToken({
    issuer: `${baseUrl}/oidc`,
    clientId: 'karguzar-web',
    redirectUri: `${baseUrl}/auth/callback/`,
    username,
    password,
    ...(code ? { totpCode: code } : {}),
  });

beforeAll(async () => {
  admin = apiClient(baseUrl, await tokenFor(baseUrl, 'admin'), 'en');
  const positions = await admin.get<{ items: Item[] }>('/api/v1/positions?limit=100');
  const executor = positions.body.items.find((p) => p.roles?.includes('executor'));
  username = `mfa-${run}`;
  const email = `${username}@demo1.example.az`;
  const created = await admin.post<Item>('/api/v1/employees', {
    fullName: 'İkiaddımlı Sınaq',
    username,
    email,
    positionIds: [executor!.id],
  });
  expect(created.status).toBe(201);
  password = await temporaryPasswordFor(maildev, email);
});

describe('two-step sign-in', () => {
  it('is enrolled with the code of the secret the API gives, and asked for at every sign-in after', async () => {
    const first = await signIn();
    expect(decodeJwt(first).mfa).toBe('false');
    const me = apiClient(baseUrl, first, 'ru');
    expect((await me.get<Status>('/api/v1/me/mfa')).body).toEqual({
      totpEnabled: false,
      signedInWithMfa: false,
      requiredByAgency: false,
    });

    // A code before any enrolment, a malformed one, none at all: refused, nothing changes.
    const early = await me.post<Problem>('/api/v1/me/mfa/totp/verify', { code: '123456' });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('mfa_code_invalid');
    expect(early.body.title).toMatch(/[А-Яа-я]/);
    expect((await me.post<Problem>('/api/v1/me/mfa/totp/verify', { code: '12ab' })).status).toBe(422);
    expect((await me.post<Problem>('/api/v1/me/mfa/totp/verify', undefined)).status).toBe(422);

    const started = await me.post<{ secret: string; otpauthUri: string }>('/api/v1/me/mfa/totp', undefined);
    expect(started.status).toBe(200);
    expect(started.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.body.otpauthUri).toContain(`secret=${started.body.secret}`);
    const totp = new TOTP({ secret: Secret.fromBase32(started.body.secret) });
    const right = totp.generate();
    const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');
    const refused = await me.post<Problem>('/api/v1/me/mfa/totp/verify', { code: wrong });
    expect(refused.status).toBe(422);
    expect(refused.body.errors?.[0]).toMatchObject({ path: 'code', code: 'mfa_code_invalid' });
    expect((await me.get<Status>('/api/v1/me/mfa')).body.totpEnabled).toBe(false);
    // Still a password-only sign-in.
    expect(decodeJwt(await signIn()).mfa).toBe('false');

    const confirmed = await me.post<Status>('/api/v1/me/mfa/totp/verify', { code: right });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.totpEnabled).toBe(true);

    // The password alone no longer signs in; a wrong code neither; the right one does, once.
    await expect(signIn()).rejects.toMatchObject({ status: 401 });
    await expect(signIn(() => wrong)).rejects.toMatchObject({ status: 401 });
    const code = totp.generate();
    const second = await signIn(() => code);
    expect(decodeJwt(second).mfa).toBe('true');
    expect((await apiClient(baseUrl, second).get<Status>('/api/v1/me/mfa')).body).toMatchObject({
      totpEnabled: true,
      signedInWithMfa: true,
    });
    await expect(signIn(() => code)).rejects.toMatchObject({ status: 401 });
  });

  it('needs the token of a sign-in that allows managing the login', async () => {
    const narrow = await obtainToken({
      issuer: `${baseUrl}/oidc`,
      clientId: 'karguzar-web',
      redirectUri: `${baseUrl}/auth/callback/`,
      username: 'clerk',
      password: DEMO_PASSWORD,
      scope: 'openid profile email',
    });
    const res = await apiClient(baseUrl, narrow, 'en').post<Problem>('/api/v1/me/mfa/totp', undefined);
    expect(res.status).toBe(401);
  });
});
