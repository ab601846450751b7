import { Secret, TOTP } from 'otpauth';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { obtainToken } from '../../../infra/local/oidc/token-flow';
import { allItems, apiClient, tokenFor, type Api, type ListItem, type Problem } from '../../support/api';
import { clockNow } from '../../support/clock';
import { eventually } from '../../support/eventually';
import { citizenIncoming, unique, type Doc } from '../documents/helpers';
import { registrationJournals } from '../../../functions/modules/reference/domain/standard-lists/lists';
import { stateBodies } from '../../../functions/modules/reference/domain/standard-lists/state-bodies';
import { regions } from '../../../functions/modules/reference/domain/standard-lists/regions';

// Onboarding an agency through the platform operator's API, against the shared embedded default:
// the new tenant's admin accepts the e-mailed invitation, signs in, builds a little, registers a
// document, and neither side sees the other's data.
const baseUrl = inject('baseUrl');
const maildev = `http://127.0.0.1:${Number(new URL(baseUrl).port) + 6}`;

type Item = ListItem;
type Registration = Item & {
  status: string;
  voen: string;
  admin: { username: string; email: string };
  adminEmployeeId?: string;
  adminJoinedAt?: string;
};
type Mail = { subject: string; to: Array<{ address: string }>; text: string };

let operator: Api;
const run = Math.random().toString(36).slice(2, 8);
/** A VÖEN nobody has: 10 digits from the run. */
const voen = `77${String(Date.now()).slice(-8)}`;
const adminUsername = `yeni-admin-${run}`;
const adminEmail = `${adminUsername}@yeni-qurum.example.az`;
const body = {
  key: `yeni-${run}`,
  name: { az: `Yeni Qurum ${run}`, en: `New Agency ${run}`, ru: `Новое ведомство ${run}` },
  legalAddress: 'AZ1000, Bakı şəhəri, Səbail rayonu, Sınaq küçəsi 1',
  voen,
  admin: { fullName: 'Yeniyev Admin Sınaq oğlu', username: adminUsername, email: adminEmail },
};

const mailsTo = async (address: string) =>
  ((await (await fetch(`${maildev}/api/email`)).json()) as Mail[]).filter((m) =>
    m.to.some((t) => t.address === address),
  );

/** The token in the newest invitation link e-mailed to `address`, once there are `count` of them. */
async function invitationToken(address: string, count = 1): Promise<string> {
  const mails = await eventually(async () => {
    const found = await mailsTo(address);
    return found.length >= count ? found : undefined;
  }, `invitation ${count} to ${address}`);
  const link = mails.at(-1)!.text.match(/(https?:\/\/\S+\/invitation\/#token=\S+)/)?.[1];
  expect(link, mails.at(-1)!.text).toBeDefined();
  expect(new URL(link!).origin).toBe(baseUrl);
  return decodeURIComponent(new URL(link!).hash.replace(/^#token=/, ''));
}

beforeAll(async () => {
  operator = apiClient(baseUrl, await tokenFor(baseUrl, 'operator'));
});

describe('the platform operator', () => {
  it('is no tenant user, and tenant users are no operators', async () => {
    const me = await operator.get<{ username: string; role: string }>('/api/v1/platform/me');
    expect(me.body).toEqual({ username: 'operator', role: 'operator' });
    const asTenant = await operator.get<Problem>('/api/v1/me');
    expect(asTenant.status).toBe(403);
    const admin = apiClient(baseUrl, await tokenFor(baseUrl, 'admin'));
    for (const res of [
      await admin.get<Problem>('/api/v1/platform/tenants'),
      await admin.post<Problem>('/api/v1/platform/tenants', body),
    ]) {
      expect(res.status).toBe(403);
    }
    const anonymous = apiClient(baseUrl);
    expect((await anonymous.get<Problem>('/api/v1/platform/tenants')).status).toBe(401);
  });

  it('sees the demo agencies in the register, their VÖENs taken', async () => {
    const tenants = await allItems(operator, '/api/v1/platform/tenants');
    const demo1 = tenants.find((t) => t.id === 'demo1') as Registration | undefined;
    expect(demo1).toMatchObject({ status: 'active', voen: '1900000011', admin: { username: 'admin' } });
    expect(tenants.some((t) => t.id === 'demo2')).toBe(true);
    const en = apiClient(baseUrl, await tokenFor(baseUrl, 'operator'), 'en');
    const taken = await en.post<Problem>('/api/v1/platform/tenants', {
      ...body,
      key: `taken-${run}`,
      voen: '1900000011',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('duplicate_value');
    expect(taken.body.errors).toEqual([expect.objectContaining({ path: 'voen' })]);
    expect(taken.body.title).toMatch(/already in use/);
  });

  it('refuses bad input with localized problems and writes nothing', async () => {
    const ru = apiClient(baseUrl, await tokenFor(baseUrl, 'operator'), 'ru');
    const bad = await ru.post<Problem>('/api/v1/platform/tenants', {
      ...body,
      key: 'Bad Key!',
      voen: '123',
      admin: { ...body.admin, email: 'not-an-address' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.title).toMatch(/[А-Яа-я]/);
    expect([...new Set(bad.body.errors?.map((e) => e.path))].sort()).toEqual(['admin.email', 'key', 'voen']);
    const takenLogin = await ru.post<Problem>('/api/v1/platform/tenants', {
      ...body,
      key: `login-${run}`,
      voen: `78${String(Date.now()).slice(-8)}`,
      admin: { ...body.admin, username: 'clerk' },
    });
    expect(takenLogin.status).toBe(409);
    expect(takenLogin.body.errors?.[0]?.path).toBe('admin.username');
    const tenants = await allItems(operator, '/api/v1/platform/tenants');
    expect(tenants.some((t) => t.id === `login-${run}`)).toBe(false);
  });
});

describe('a new agency', () => {
  it('is created once per Idempotency-Key, its admin joins by the invitation, registers a document, and sees nothing of the demo agencies', async () => {
    const key = { 'Idempotency-Key': `onboard-${run}` };
    const created = await operator.post<Registration>('/api/v1/platform/tenants', body, key);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ id: body.key, status: 'active', voen, email: adminEmail });
    const replay = await operator.post<Registration>('/api/v1/platform/tenants', body, key);
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(created.body.id);
    const reused = await operator.post<Problem>(
      '/api/v1/platform/tenants',
      { ...body, legalAddress: 'X' },
      key,
    );
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('idempotency_key_reused');
    const again = await operator.post<Problem>('/api/v1/platform/tenants', {
      ...body,
      key: `other-${run}`,
      admin: { ...body.admin, username: `other-${run}` },
    });
    expect(again.status).toBe(409);
    expect(again.body.errors?.[0]?.path).toBe('voen');
    const got = await operator.get<Registration>(`/api/v1/platform/tenants/${body.key}`);
    expect(got.body.adminEmployeeId).toBeDefined();

    // One invitation e-mail with a link to set a password; nothing else (no temporary password).
    const token = await invitationToken(adminEmail);
    expect(await mailsTo(adminEmail)).toHaveLength(1);
    const anonymous = apiClient(baseUrl, undefined, 'en');
    const invitation = (secret: string) => ({ 'X-Invitation-Token': secret });
    const view = await anonymous.get<{ username: string; organization: { az: string } }>(
      '/api/v1/invitation',
      invitation(token),
    );
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ username: adminUsername, organization: { az: body.name.az } });
    const forged = await anonymous.get<Problem>(
      '/api/v1/invitation',
      invitation(`${body.key}.${'A'.repeat(43)}`),
    );
    expect(forged.status).toBe(422);
    expect(forged.body.code).toBe('invitation_invalid');
    expect((await anonymous.get<Problem>('/api/v1/invitation')).status).toBe(401);
    const weak = await anonymous.post<Problem>(
      '/api/v1/invitation/accept',
      { password: 'short' },
      invitation(token),
    );
    expect(weak.status).toBe(422);
    expect(weak.body.code).toBe('password_too_weak');
    expect(weak.body.errors?.[0]?.path).toBe('password');
    const password = `Yeni-Qurum-${run}-2026`;
    const accepted = await anonymous.post<{ username: string }>(
      '/api/v1/invitation/accept',
      { password },
      invitation(token),
    );
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.username).toBe(adminUsername);
    const twice = await anonymous.post<Problem>('/api/v1/invitation/accept', { password }, invitation(token));
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('invitation_used');
    expect(
      (await operator.get<Registration>(`/api/v1/platform/tenants/${body.key}`)).body.adminJoinedAt,
    ).toBeDefined();
    const resent = await operator.post<Problem>(`/api/v1/platform/tenants/${body.key}/invitation`, undefined);
    expect(resent.status).toBe(409);

    // The admin signs in with the password they chose: the new tenant, the admin role only.
    let admin = apiClient(baseUrl, await tokenFor(baseUrl, adminUsername, password));
    const me = await admin.get<{
      tenant: { id: string; name: { az: string } };
      roles: string[];
      employee: Item;
    }>('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.tenant).toMatchObject({ id: body.key, name: { az: body.name.az } });
    expect(me.body.roles).toEqual(['admin']);
    expect((await admin.get<Item>('/api/v1/tenant')).body).toMatchObject({ id: body.key, voen });

    // The standard lists, an org tree holding only the admin's place, no demo data.
    const journals = await allItems(admin, '/api/v1/reference/journals');
    expect(journals.map((j) => j.code).sort()).toEqual(registrationJournals.map((j) => j.code).sort());
    expect(await allItems(admin, '/api/v1/reference/counterparts')).toHaveLength(stateBodies.length);
    expect(await allItems(admin, '/api/v1/reference/regions')).toHaveLength(regions.length);
    expect(await allItems(admin, '/api/v1/reference/nomenclature')).toEqual([]);
    expect((await admin.get<{ items: Item[] }>('/api/v1/approval-route-templates')).body.items).toEqual([]);
    expect(await allItems(admin, '/api/v1/substitutions')).toEqual([]);
    const departments = await allItems(admin, '/api/v1/departments');
    expect(departments.map((d) => d.name)).toEqual([body.name]);
    expect((await allItems(admin, '/api/v1/positions')).map((p) => p.roles)).toEqual([['admin']]);
    expect((await allItems(admin, '/api/v1/employees')).map((e) => e.username)).toEqual([adminUsername]);
    // The default working-day calendar of the state (nothing of the agency's own yet).
    const year = new Date(Date.parse(await clockNow(baseUrl))).getUTCFullYear();
    const calendar = await admin.get<{ year: number; days: Array<{ date: string; kind: string }> }>(
      `/api/v1/calendar?year=${year}`,
    );
    expect(calendar.status).toBe(200);
    expect(calendar.body.days.some((d) => d.date === `${year}-01-01`)).toBe(true);

    // A new agency requires two-step sign-in of its admins (issue 18): an admin operation is
    // refused until the admin enrols an authenticator and signs in again with its code.
    expect((await admin.get<{ requireMfa?: boolean }>('/api/v1/tenant')).body.requireMfa).toBe(true);
    const refused = await admin.post<Problem>('/api/v1/positions', {
      title: { az: 'Kargüzar' },
      departmentId: departments[0]!.id,
      kind: 'clerk',
      roles: ['clerk'],
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('mfa_required');
    expect(await allItems(admin, '/api/v1/positions')).toHaveLength(1);
    const enrolment = await admin.post<{ secret: string }>('/api/v1/me/mfa/totp', undefined);
    const totp = new TOTP({ secret: Secret.fromBase32(enrolment.body.secret) });
    const enrolled = await admin.post('/api/v1/me/mfa/totp/verify', { code: totp.generate() });
    expect(enrolled.status, JSON.stringify(enrolled.body)).toBe(200);
    admin = apiClient(
      baseUrl,
      await obtainToken({
        issuer: `${baseUrl}/oidc`,
        clientId: 'karguzar-web',
        redirectUri: `${baseUrl}/auth/callback/`,
        username: adminUsername,
        password,
        totpCode: () => totp.generate(),
      }),
    );

    // The admin builds the rest: a registry clerk's position, held by themselves.
    const clerkPosition = await admin.post<Item>('/api/v1/positions', {
      title: { az: 'Kargüzar' },
      departmentId: departments[0]!.id,
      kind: 'clerk',
      roles: ['clerk'],
    });
    expect(clerkPosition.status, JSON.stringify(clerkPosition.body)).toBe(201);
    const self = (await admin.get<Item>(`/api/v1/employees/${me.body.employee.id}`)).body;
    const { id: _i, version, createdAt: _c, updatedAt: _u, ...fields } = self;
    const updated = await admin.put<Item>(`/api/v1/employees/${self.id}`, {
      ...fields,
      positionIds: [...(self.positionIds as string[]), clerkPosition.body.id],
      version,
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);

    // … and registers a citizen's appeal: the standard journal rules put it in the citizens'
    // appeals journal, with the first number of the year.
    const registered = await admin.post<Doc>(
      '/api/v1/documents/incoming',
      citizenIncoming(unique('İlk ərizə')),
    );
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    expect(registered.body.registration?.number).toMatch(/^Ə-1\/\d{2}$/);

    // Nothing crosses between the new agency and the demo agencies, either way.
    const demoClerk = apiClient(baseUrl, await tokenFor(baseUrl, 'clerk'));
    const demoDoc = await demoClerk.post<Doc>(
      '/api/v1/documents/incoming',
      citizenIncoming(unique('Demo ərizə')),
    );
    expect(demoDoc.status).toBe(201);
    expect((await demoClerk.get(`/api/v1/documents/${registered.body.id}`)).status).toBe(404);
    const demoDocs = await allItems(demoClerk, '/api/v1/documents?kind=incoming');
    expect(demoDocs.some((d) => d.id === registered.body.id)).toBe(false);
    expect(demoDocs.some((d) => d.id === demoDoc.body.id)).toBe(true);
    expect((await admin.get(`/api/v1/documents/${demoDoc.body.id}`)).status).toBe(404);
    const ownDocs = await allItems(admin, '/api/v1/documents?kind=incoming');
    expect(ownDocs.map((d) => d.id)).toEqual([registered.body.id]);
    const demoAdmin = apiClient(baseUrl, await tokenFor(baseUrl, 'admin'));
    const demoEmployees = await allItems(demoAdmin, '/api/v1/employees');
    expect(demoEmployees.some((e) => e.username === adminUsername)).toBe(false);
    expect((await admin.get(`/api/v1/employees/${demoEmployees[0]!.id}`)).status).toBe(404);
    const demoJournals = new Set((await allItems(demoAdmin, '/api/v1/reference/journals')).map((j) => j.id));
    expect(journals.some((j) => demoJournals.has(j.id))).toBe(false);
    expect((await demoAdmin.get<Item>('/api/v1/tenant')).body.id).toBe('demo1');
  });

  it('gets a new invitation from the operator while the first is unused; the old link stops working', async () => {
    const second = {
      ...body,
      key: `ikinci-${run}`,
      voen: `79${String(Date.now()).slice(-8)}`,
      admin: { ...body.admin, username: `ikinci-${run}`, email: `ikinci-${run}@example.az` },
    };
    const created = await operator.post<Registration>('/api/v1/platform/tenants', second);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const first = await invitationToken(second.admin.email);
    const resent = await operator.post<Registration>(
      `/api/v1/platform/tenants/${second.key}/invitation`,
      undefined,
    );
    expect(resent.status).toBe(200);
    const fresh = await invitationToken(second.admin.email, 2);
    expect(fresh).not.toBe(first);
    const anonymous = apiClient(baseUrl);
    const lookup = (token: string) =>
      anonymous.get<Problem>('/api/v1/invitation', { 'X-Invitation-Token': token });
    expect((await lookup(first)).status).toBe(422);
    expect((await lookup(fresh)).status).toBe(200);
  });
});
