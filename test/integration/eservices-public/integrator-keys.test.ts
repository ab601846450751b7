import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { apiClient, tokenFor, type Api, type Problem } from '../../support/api';

/**
 * Integrators' API keys (issue 15): an agency's admin makes a key with its requests a minute; a
 * public request carrying it counts against the key's own limit (the RateLimit headers say which),
 * for the key's agency only; a made-up, changed, revoked or other agency's key is refused with 401.
 */
const baseUrl = inject('baseUrl');
const KEYS = '/api/v1/integrator-keys';
const CATALOGUE = '/api/public/v1/agencies/demo1/services';

type KeyAnswer = {
  integratorKey: { id: string; name: string; prefix: string; version: number };
  key?: string;
};

let admin: Api;
let admin2: Api;
let clerk: Api;
const visitor = apiClient(baseUrl);

beforeAll(async () => {
  admin = apiClient(baseUrl, await tokenFor(baseUrl, 'admin'));
  admin2 = apiClient(baseUrl, await tokenFor(baseUrl, 'admin2'));
  clerk = apiClient(baseUrl, await tokenFor(baseUrl, 'clerk'));
}, 120_000);

async function makeKey(api: Api, requestsPerMinute: number): Promise<KeyAnswer & { key: string }> {
  const made = await api.post<KeyAnswer>(
    KEYS,
    { name: `Portal ${randomUUID().slice(0, 8)}`, requestsPerMinute },
    { 'Idempotency-Key': randomUUID() },
  );
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  expect(made.body.key).toBeDefined();
  return made.body as KeyAnswer & { key: string };
}

describe('integrators’ API keys', () => {
  it('count an integrator’s public requests against the key’s own limit, for its own agency only', async () => {
    const { key, integratorKey } = await makeKey(admin, 4321);

    const withKey = await visitor.get(CATALOGUE, { 'X-Api-Key': key });
    expect(withKey.status).toBe(200);
    expect(withKey.headers.get('ratelimit-limit')).toBe('4321');
    const again = await visitor.get(`${CATALOGUE}/e-visa`, { 'X-Api-Key': key });
    expect(again.status).toBe(200);
    expect(Number(again.headers.get('ratelimit-remaining'))).toBeLessThanOrEqual(4321 - 2);
    const anonymous = await visitor.get(CATALOGUE);
    expect(anonymous.headers.get('ratelimit-limit')).not.toBe('4321');

    // Another agency's path, a changed secret, a made-up key: 401, in the request's language.
    const other = await visitor.get<Problem>('/api/public/v1/agencies/demo2/services', { 'X-Api-Key': key });
    expect(other.status).toBe(401);
    const changed = `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`;
    for (const presented of [
      changed,
      'kgz_demo1.nothing.here',
      `kgz_demo1.${randomUUID()}.${'A'.repeat(43)}`,
    ]) {
      const refused = await apiClient(baseUrl, undefined, 'en').get<Problem>(CATALOGUE, {
        'X-Api-Key': presented,
      });
      expect(refused.status, presented).toBe(401);
      expect(refused.body.code).toBe('unauthenticated');
    }

    // The list shows the key without its secret; revoked, the key is refused at once.
    const listed = await admin.get<{ items: Array<Record<string, unknown>> }>(KEYS);
    const shown = listed.body.items.find((k) => k.id === integratorKey.id);
    expect(shown).toMatchObject({ name: integratorKey.name, requestsPerMinute: 4321 });
    expect(JSON.stringify(listed.body)).not.toContain(key.split('.')[2]!);
    const revoked = await admin.post<{ revokedAt?: string }>(`${KEYS}/${integratorKey.id}/revoke`, {
      version: integratorKey.version,
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toBeDefined();
    expect((await visitor.get(CATALOGUE, { 'X-Api-Key': key })).status).toBe(401);
    expect(
      (await admin.get<{ items: Array<{ id: string }> }>(`${KEYS}?revoked=true`)).body.items.map((k) => k.id),
    ).toContain(integratorKey.id);
  });

  it('are made and revoked by the agency’s admins only, each in its own agency', async () => {
    const { integratorKey } = await makeKey(admin, 600);
    expect(
      (await clerk.post(KEYS, { name: 'X', requestsPerMinute: 600 }, { 'Idempotency-Key': randomUUID() }))
        .status,
    ).toBe(403);
    expect((await clerk.get(KEYS)).status).toBe(403);
    expect((await visitor.get(KEYS)).status).toBe(401);
    expect((await admin2.post(`${KEYS}/${integratorKey.id}/revoke`, { version: 1 })).status).toBe(404);
    expect(
      (await admin2.get<{ items: Array<{ id: string }> }>(KEYS)).body.items.map((k) => k.id),
    ).not.toContain(integratorKey.id);
    // A limit outside the bounds is a localized 422 that makes nothing.
    const before = (await admin.get<{ items: unknown[] }>(`${KEYS}?limit=100`)).body.items.length;
    const bad = await admin.post<Problem>(
      KEYS,
      { name: 'X', requestsPerMinute: 10 },
      { 'Idempotency-Key': randomUUID() },
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors?.[0]?.path).toBe('requestsPerMinute');
    expect((await admin.get<{ items: unknown[] }>(`${KEYS}?limit=100`)).body.items.length).toBe(before);
  });
});
