import { describe, expect, it } from 'vitest';
import {
  createIntegratorKey,
  integratorKeyAgency,
  listIntegratorKeys,
  revokeIntegratorKey,
  verifyIntegratorKey,
} from '../../../functions/modules/eservices/usecases/integrator-keys.usecase';
import { actor, OTHER_TENANT, TENANT } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

const admin = actor('admin', ['admin']);
const otherAdmin = actor('admin', ['admin'], { tenantId: OTHER_TENANT });

describe('integrators’ API keys', () => {
  it('shows the key once, keeps only its digest, and verifies it to its agency and limit', async () => {
    const deps = memoryDeps();
    const made = await createIntegratorKey(deps, admin, { name: 'Dövlət portalı', requestsPerMinute: 3000 });
    const key = made.key!;
    expect(key).toMatch(new RegExp(`^kgz_${TENANT}\\.[0-9a-f-]{36}\\.[A-Za-z0-9_-]{43}$`));
    expect(made.integratorKey).toMatchObject({
      name: 'Dövlət portalı',
      requestsPerMinute: 3000,
      createdBy: 'admin',
    });
    expect(key.startsWith(made.integratorKey.prefix)).toBe(true);
    expect(JSON.stringify(deps.store.all('integrator-key', TENANT))).not.toContain(key.split('.')[2]);
    expect(integratorKeyAgency(key)).toBe(TENANT);

    expect(await verifyIntegratorKey(deps, key)).toEqual({
      tenantId: TENANT,
      keyId: made.integratorKey.id,
      requestsPerMinute: 3000,
    });
  });

  it('refuses a changed secret, another agency’s name for the key, and malformed keys', async () => {
    const deps = memoryDeps();
    const key = (await createIntegratorKey(deps, admin, { name: 'Portal', requestsPerMinute: 600 })).key!;
    const [head, id, secret] = key.split('.') as [string, string, string];
    const changed = `${head}.${id}.${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    const elsewhere = `kgz_${OTHER_TENANT}.${id}.${secret}`;
    for (const presented of [
      changed,
      elsewhere,
      '',
      'kgz_',
      `${key}x`,
      key.replace('kgz_', 'kgx_'),
      'x'.repeat(300),
    ])
      expect(await verifyIntegratorKey(deps, presented), presented).toBeUndefined();
    expect(integratorKeyAgency('not a key')).toBeUndefined();
  });

  it('revokes a key at once; the list moves it to the revoked ones, never with its digest', async () => {
    const deps = memoryDeps();
    const made = await createIntegratorKey(deps, admin, { name: 'Portal', requestsPerMinute: 600 });
    await createIntegratorKey(deps, otherAdmin, { name: 'Other agency', requestsPerMinute: 600 });
    deps.clock.advance(60_000);
    const id = made.integratorKey.id;
    await expect(revokeIntegratorKey(deps, admin, id, made.integratorKey.version + 1)).rejects.toMatchObject({
      code: 'stale_version',
    });
    expect(await verifyIntegratorKey(deps, made.key!)).toBeDefined();
    const revoked = await revokeIntegratorKey(deps, admin, id, made.integratorKey.version);
    expect(revoked).toMatchObject({ revokedAt: deps.clock.now().toISOString(), revokedBy: 'admin' });
    expect(await revokeIntegratorKey(deps, admin, id, made.integratorKey.version)).toEqual(revoked);
    expect(await verifyIntegratorKey(deps, made.key!)).toBeUndefined();

    expect((await listIntegratorKeys(deps, admin, { limit: 10 })).items).toEqual([]);
    const gone = (await listIntegratorKeys(deps, admin, { limit: 10, revoked: true })).items;
    expect(gone.map((k) => k.id)).toEqual([made.integratorKey.id]);
    expect(gone[0]).not.toHaveProperty('secretHash');
    await expect(revokeIntegratorKey(deps, otherAdmin, id, 1)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('answers a replayed create with the same key record and without the key', async () => {
    const deps = memoryDeps();
    const idem = { key: 'k-1', requestHash: 'h' };
    const first = await createIntegratorKey(deps, admin, { name: 'Portal', requestsPerMinute: 600 }, idem);
    const again = await createIntegratorKey(deps, admin, { name: 'Portal', requestsPerMinute: 600 }, idem);
    expect(again.integratorKey.id).toBe(first.integratorKey.id);
    expect(again.key).toBeUndefined();
    expect((await listIntegratorKeys(deps, admin, { limit: 10 })).items).toHaveLength(1);
  });
});
