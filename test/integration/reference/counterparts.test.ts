import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Api, Problem } from '../../support/api';
import { as, lookups, unique, type Doc } from '../documents/helpers';

/**
 * Correspondents (issue 12, gap 7): a registry clerk adds an organization to the counterparts
 * while registering; a VÖEN is held once per tenant by a uniqueness item written in the same
 * DynamoDB transaction as the counterpart; the state bodies carry their legal address, e-mail and
 * parent body, and addresses reach down to the settlements of the regions list.
 */
const baseUrl = inject('baseUrl');
type Item = { id: string; version: number; name: { az: string }; [key: string]: unknown };
type Page = { items: Item[]; nextCursor?: string };

let clerk: Api;
let admin: Api;
let executor: Api;

/** A VÖEN no other test uses (10 digits, ending in 1 like a legal entity's). */
const newVoen = () => `${Math.floor(100_000_000 + Math.random() * 899_999_999)}1`.slice(0, 10);

async function all(api: Api, path: string): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | undefined;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await api.get<Page>(
      `${path}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(res.status, path).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

const post = (api: Api, body: unknown, key = randomUUID()) =>
  api.call<Item & Problem>('POST', '/api/v1/counterparts', body, { 'idempotency-key': key });

beforeAll(async () => {
  [clerk, admin, executor] = await Promise.all([
    as(baseUrl, 'clerk'),
    as(baseUrl, 'admin'),
    as(baseUrl, 'executor1'),
  ]);
});

describe('a clerk adds a counterpart while registering', () => {
  it('adds an organization with its legal address, e-mail and electronic delivery, and registers a letter from it', async () => {
    // Arrange
    const regions = await all(clerk, '/api/v1/reference/regions');
    const khatai = regions.find((r) => r.name.az === 'Xətai rayonu')!;
    const voen = newVoen();
    const name = unique('"Nobel Servis" MMC');

    // Act
    const created = await post(clerk, {
      name: { az: name },
      kind: 'organization',
      voen,
      regionId: khatai.id,
      postalCode: 'AZ1025',
      address: 'Nobel prospekti, ev 61',
      email: 'office@example.com',
      receivesElectronically: true,
    });
    const letter = await clerk.post<Doc>('/api/v1/documents/incoming', {
      sender: { kind: 'organization', counterpartId: created.body.id },
      summary: unique('Müqavilə layihəsi barədə məktub'),
    });

    // Assert
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      list: 'counterparts',
      kind: 'organization',
      voen,
      regionId: khatai.id,
      postalCode: 'AZ1025',
      receivesElectronically: true,
    });
    const listed = await all(clerk, '/api/v1/reference/counterparts');
    expect(listed.find((c) => c.id === created.body.id)?.name.az).toBe(name);
    expect(letter.status).toBe(201);
    expect((letter.body.incoming as { sender: unknown }).sender).toEqual({
      kind: 'organization',
      counterpartId: created.body.id,
      name,
      voen,
    });
  });

  it('refuses a second counterpart with the same VÖEN (409, localized, naming the first) and writes nothing', async () => {
    // Arrange
    const voen = newVoen();
    const first = await post(clerk, { name: { az: unique('Birinci') }, kind: 'organization', voen });
    const secondName = unique('İkinci');

    // Act
    const answers = await Promise.all(
      (['az', 'en', 'ru'] as const).map(async (lang) =>
        (await as(baseUrl, 'clerk', lang)).call<Problem>(
          'POST',
          '/api/v1/counterparts',
          { name: { az: secondName }, kind: 'organization', voen },
          { 'idempotency-key': randomUUID() },
        ),
      ),
    );
    const viaAdminList = await admin.post<Problem>('/api/v1/reference/counterparts', {
      name: { az: secondName },
      kind: 'state-body',
      voen,
    });

    // Assert
    expect(first.status).toBe(201);
    for (const res of [...answers, viaAdminList]) {
      expect(res.status).toBe(409);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'duplicate_voen', existingId: first.body.id });
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'voen', code: 'duplicate_voen' })]);
    }
    expect(answers.map((r) => r.body.title)).toEqual([
      'Bu VÖEN ilə əks-tərəf artıq siyahıdadır',
      'A counterpart with this VÖEN is already in the list',
      'Контрагент с этим VÖEN уже есть в списке',
    ]);
    const named = (await all(clerk, '/api/v1/reference/counterparts')).filter(
      (c) => c.name.az === secondName,
    );
    expect(named).toEqual([]);
  });

  it('lets exactly one of many simultaneous adds of one VÖEN through; the others name the one that won', async () => {
    // Arrange
    const voen = newVoen();
    const name = unique('Eyni vaxtda');

    // Act
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        post(clerk, { name: { az: `${name} ${i}` }, kind: 'organization', voen }),
      ),
    );

    // Assert
    const created = answers.filter((a) => a.status === 201);
    expect(created).toHaveLength(1);
    const refused = answers.filter((a) => a.status === 409);
    expect(refused).toHaveLength(7);
    for (const r of refused)
      expect(r.body).toMatchObject({ code: 'duplicate_voen', existingId: created[0]!.body.id });
    const withVoen = (await all(clerk, '/api/v1/reference/counterparts')).filter((c) => c.voen === voen);
    expect(withVoen.map((c) => c.id)).toEqual([created[0]!.body.id]);
  });

  it('replays a retried add with the same Idempotency-Key instead of refusing it as a duplicate', async () => {
    // Arrange
    const body = { name: { az: unique('Təkrar sorğu') }, kind: 'organization', voen: newVoen() };
    const key = randomUUID();

    // Act
    const first = await post(clerk, body, key);
    const retry = await post(clerk, body, key);

    // Assert
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
  });

  it('is refused to other employees, and keeps the admins’ list routes to admins', async () => {
    // Arrange
    const body = { name: { az: unique('İcazəsiz') }, kind: 'organization', voen: newVoen() };

    // Act
    const byExecutor = await post(executor, body);
    const clerkOnAdminRoute = await clerk.post<Problem>('/api/v1/reference/counterparts', body);

    // Assert
    expect(byExecutor.status).toBe(403);
    expect(clerkOnAdminRoute.status).toBe(403);
    const named = (await all(admin, '/api/v1/reference/counterparts')).filter(
      (c) => c.name.az === body.name.az,
    );
    expect(named).toEqual([]);
  });

  it('checks the region, the parent body and an e-mail for electronic delivery (422 on the field)', async () => {
    // Arrange
    const ref = await lookups(clerk);
    const aClassification = ref.classifications.values().next().value!;
    const base = { name: { az: unique('Yoxlama') }, kind: 'organization' };

    // Act
    const wrongRegion = await post(clerk, { ...base, regionId: aClassification });
    const unknownParent = await post(clerk, { ...base, parentBodyId: randomUUID() });
    const noEmail = await post(clerk, { ...base, receivesElectronically: true });
    const badPostalCode = await post(clerk, { ...base, postalCode: '1000' });

    // Assert
    expect(wrongRegion.status).toBe(422);
    expect(wrongRegion.body.errors).toEqual([
      expect.objectContaining({ path: 'regionId', code: 'unknown_reference' }),
    ]);
    expect(unknownParent.body.errors).toEqual([
      expect.objectContaining({ path: 'parentBodyId', code: 'unknown_reference' }),
    ]);
    expect(noEmail.status).toBe(422);
    expect(noEmail.body.errors).toEqual([
      expect.objectContaining({ path: 'email', code: 'electronic_needs_email' }),
    ]);
    expect(badPostalCode.status).toBe(422);
    expect(badPostalCode.body.errors?.[0]?.path).toBe('postalCode');
  });
});

describe('the state bodies and regions reference lists', () => {
  it('carry each body’s parent body, and the legal address and e-mail where known, placed in the regions list', async () => {
    // Arrange
    const bodies = new Map((await all(clerk, '/api/v1/reference/counterparts')).map((b) => [b.code, b]));
    const regions = new Map((await all(clerk, '/api/v1/reference/regions')).map((r) => [r.id, r]));

    // Act
    const bank = bodies.get('central-bank')!;
    const migration = bodies.get('migration-service')!;

    // Assert
    expect(bodies.get('penitentiary-service')?.parentBodyId).toBe(bodies.get('justice')?.id);
    expect(bodies.get('tax-service')?.parentBodyId).toBe(bodies.get('economy')?.id);
    expect(bank).toMatchObject({
      email: 'mail@cbar.az',
      postalCode: 'AZ1014',
      address: 'Rəşid Behbudov küçəsi 32',
    });
    expect(regions.get(String(bank.regionId))?.name.az).toBe('Bakı şəhəri');
    const district = regions.get(String(migration.regionId));
    expect(district?.name.az).toBe('Binəqədi rayonu');
    expect(regions.get(String(district?.parentId))?.name.az).toBe('Bakı şəhəri');
    expect(bodies.get('justice')?.receivesElectronically).toBe(false);
  });

  it('reaches down to the settlements of a district', async () => {
    // Arrange
    const khazar = (await all(clerk, '/api/v1/reference/regions')).find((r) => r.name.az === 'Xəzər rayonu')!;

    // Act
    const settlements = await all(clerk, `/api/v1/reference/regions?parentId=${khazar.id}`);

    // Assert
    expect(settlements.map((s) => s.name.az)).toEqual(
      expect.arrayContaining(['Mərdəkan qəsəbəsi', 'Şüvəlan qəsəbəsi', 'Buzovna qəsəbəsi']),
    );
    expect(new Set(settlements.map((s) => s.kind))).toEqual(new Set(['settlement']));
  });
});
