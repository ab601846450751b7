import { beforeAll, describe, expect, inject, it } from 'vitest';
import { apiClient, tokenFor, type Api } from '../../support/api';
import { eventually } from '../../support/eventually';

type Item = { id: string; version: number } & Record<string, unknown>;
type Problem = { code: string; errors?: { path: string; code: string }[] };

const baseUrl = inject('baseUrl');
const maildev = `http://127.0.0.1:${Number(new URL(baseUrl).port) + 6}`;
let admin: Api;
let admin2: Api;
let positionId: string;

const uniq = () => Math.random().toString(36).slice(2, 8);

/** The invitation the directory e-mailed (maildev), and the temporary password in it. */
async function invitationFor(email: string): Promise<string> {
  return eventually(async () => {
    const mails = (await (await fetch(`${maildev}/api/email`)).json()) as {
      to: { address: string }[];
      text: string;
    }[];
    const mail = mails.find((m) => m.to.some((t) => t.address === email));
    return mail?.text.match(/Temporary password: (\S+)\./)?.[1];
  }, `the invitation for ${email}`);
}

beforeAll(async () => {
  admin = apiClient(baseUrl, await tokenFor(baseUrl, 'admin'), 'en');
  admin2 = apiClient(baseUrl, await tokenFor(baseUrl, 'admin2'), 'en');
  const positions = await admin.get<{ items: Item[] }>('/api/v1/positions?limit=100');
  const executor = positions.body.items.find((p) => (p.roles as string[]).includes('executor'));
  positionId = String(executor?.id);
});

describe('employee logins', () => {
  it('a new employee is invited by e-mail, signs in with the temporary password and is who the token says', async () => {
    const username = `yeni-${uniq()}`;
    const email = `${username}@demo1.example.az`;
    const created = await admin.post<Item>('/api/v1/employees', {
      fullName: 'Yeni İşçi Əli oğlu',
      username,
      email,
      positionIds: [positionId],
    });
    expect(created.status).toBe(201);

    const password = await invitationFor(email);
    const me = await apiClient(baseUrl, await tokenFor(baseUrl, username, password)).get<{
      employee: { id: string; fullName: string };
      tenant: { id: string };
      roles: string[];
    }>('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.employee.id).toBe(created.body.id);
    expect(me.body.tenant.id).toBe('demo1');
    expect(me.body.roles).toContain('executor');
  });

  it("refuses another tenant's username and leaves that tenant unchanged", async () => {
    const username = `ortaq-${uniq()}`;
    expect(
      (
        await admin.post('/api/v1/employees', {
          fullName: 'Bir',
          username,
          email: `${username}@a.example.az`,
          positionIds: [],
        })
      ).status,
    ).toBe(201);
    const taken = await admin2.post<Problem>('/api/v1/employees', {
      fullName: 'İki',
      username,
      email: `${username}@b.example.az`,
      positionIds: [],
    });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('duplicate_value');
    expect(taken.body.errors?.[0]?.path).toBe('username');
    const list = await admin2.get<{ items: Item[] }>('/api/v1/employees?limit=100');
    expect(list.body.items.map((e) => e.username)).not.toContain(username);
  });

  it('deactivating an employee ends their sign-in and their API access; the username stays fixed', async () => {
    const username = `ketdi-${uniq()}`;
    const email = `${username}@demo1.example.az`;
    const created = await admin.post<Item>('/api/v1/employees', {
      fullName: 'Gedən İşçi',
      username,
      email,
      positionIds: [positionId],
    });
    const password = await invitationFor(email);
    const token = await tokenFor(baseUrl, username, password);
    const path = `/api/v1/employees/${created.body.id}`;
    const body = { fullName: 'Gedən İşçi', username, email, positionIds: [positionId] };

    const renamed = await admin.put<Problem>(path, { ...body, username: `${username}-x`, version: 1 });
    expect(renamed.status).toBe(422);
    expect(renamed.body.code).toBe('username_immutable');

    expect((await admin.put(path, { ...body, active: false, version: 1 })).status).toBe(200);
    expect((await apiClient(baseUrl, token).get('/api/v1/me')).status).toBe(403);
    await expect(tokenFor(baseUrl, username, password)).rejects.toThrow();

    expect((await admin.put(path, { ...body, active: true, version: 2 })).status).toBe(200);
    expect(
      (await apiClient(baseUrl, await tokenFor(baseUrl, username, password)).get('/api/v1/me')).status,
    ).toBe(200);
  });
});
