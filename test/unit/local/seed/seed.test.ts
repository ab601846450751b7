import { describe, expect, it } from 'vitest';
import { demoUsers, seedDemo } from '../../../../infra/local/seed/seed';
import type { TenantRegistration } from '../../../../functions/modules/onboarding/domain/onboarding';
import type { Absence } from '../../../../functions/modules/org/domain/absence';
import type { Substitution } from '../../../../functions/modules/org/domain/org';
import { memoryDeps } from '../../../support/memory-deps';
import type { EService } from '../../../../functions/modules/eservices';

describe('the demo seed', () => {
  it('registers the demo agencies on the platform, with the standard lists and demo absences', async () => {
    // Arrange
    const deps = memoryDeps();

    // Act
    const seeded = await seedDemo({ store: deps.store, clock: deps.clock });

    // Assert
    expect(seeded).toEqual({ tenants: ['demo1', 'demo2'], created: true });
    const register = deps.store.all<TenantRegistration>('tenant-registration', '_platform');
    expect(register.map((r) => [r.id, r.status, r.voen, r.admin.username])).toEqual([
      ['demo1', 'active', '1900000011', 'admin'],
      ['demo2', 'active', '1900000021', 'admin2'],
    ]);
    expect(register.every((r) => r.adminEmployeeId)).toBe(true);
    const absences = deps.store.all<Absence>('absence', 'demo1');
    expect(absences.length).toBeGreaterThan(0);
    const substitutions = deps.store.all<Substitution>('substitution', 'demo1');
    expect(substitutions.map((s) => s.absenceId).sort()).toEqual(absences.map((a) => a.id).sort());
    expect(deps.store.all('ref:journals', 'demo2').length).toBeGreaterThan(0);
  });

  it('starts again on a seeded data folder whose idempotency records have expired', async () => {
    // Arrange: a week later DynamoDB's TTL has removed the seed's idempotency records
    const deps = memoryDeps();
    await seedDemo({ store: deps.store, clock: deps.clock });
    (deps.store as unknown as { idempotency: Map<string, unknown> }).idempotency.clear();
    const writes = deps.store.writes.length;

    // Act
    const again = await seedDemo({ store: deps.store, clock: deps.clock });

    // Assert
    expect(again.created).toBe(false);
    expect(deps.store.writes).toHaveLength(writes);
  });

  it('completes a seed cut short without duplicates, nothing referring to a record that is missing', async () => {
    // Arrange: a clean seed to compare with, and a first run that dies after 300 writes
    const clean = memoryDeps();
    await seedDemo({ store: clean.store, clock: clean.clock });
    const deps = memoryDeps();
    let left = 300;
    const crashing = new Proxy(deps.store, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== 'function') return value;
        if (prop !== 'create' && prop !== 'transact') return value.bind(target);
        return async (...args: unknown[]) => {
          if (left-- <= 0) throw new Error('crash');
          return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        };
      },
    });
    await expect(seedDemo({ store: crashing, clock: deps.clock })).rejects.toThrow('crash');
    const cutShort = deps.store.writes.length;

    // Act
    const again = await seedDemo({ store: deps.store, clock: deps.clock });

    // Assert: the same records as a clean seed, each once
    const records = (writes: typeof deps.store.writes) =>
      writes
        .filter((w) => w.kind === 'create')
        .map(
          (w) =>
            `${w.item.tenantId} ${w.type} ${w.options.sortKey ?? ''} ${w.options.parentKey ? 'child' : ''}`,
        )
        .sort();
    expect(cutShort).toBeGreaterThan(0);
    expect(again.created).toBe(true);
    expect(records(deps.store.writes)).toEqual(records(clean.store.writes));
    // Every parent a record names was written (before it).
    const ids = new Set<string>();
    for (const w of deps.store.writes) {
      const item = w.item as unknown as Record<string, unknown>;
      for (const field of ['parentId', 'departmentId', 'parentBodyId', 'regionId', 'journalId']) {
        if (typeof item[field] === 'string') expect(ids.has(item[field])).toBe(true);
      }
      ids.add(w.item.id);
    }
  });

  it('publishes demo1’s e-visa and social assistance once, also on a folder seeded before e-services', async () => {
    // Arrange: a seeded folder whose e-services are gone (as before they existed), TTL expired
    const deps = memoryDeps();
    await seedDemo({ store: deps.store, clock: deps.clock });
    const published = () =>
      deps.store
        .all<EService>('eservice', 'demo1')
        .map((s) => [s.code, s.published?.version, s.draftVersion])
        .sort();
    expect(published()).toEqual([
      ['e-visa', 1, undefined],
      ['social-assistance', 1, undefined],
    ]);
    expect(deps.store.all('eservice', 'demo2')).toEqual([]);
    const bare = memoryDeps();
    for (const w of deps.store.writes.filter((w) => !w.type.startsWith('eservice')))
      bare.store.seed(w.type, w.item, {
        ...(w.options.parentKey ? { parentKey: w.options.parentKey } : {}),
        sortKey: w.options.sortKey,
        claims: w.options.claim ?? [],
      });

    // Act: two more starts
    await seedDemo({ store: bare.store, clock: bare.clock });
    (bare.store as unknown as { idempotency: Map<string, unknown> }).idempotency.clear();
    await seedDemo({ store: bare.store, clock: bare.clock });

    // Assert
    expect(
      bare.store
        .all<EService>('eservice', 'demo1')
        .map((s) => [s.code, s.published?.version])
        .sort(),
    ).toEqual([
      ['e-visa', 1],
      ['social-assistance', 1],
    ]);
    expect(bare.store.all('eservice-version', 'demo1')).toHaveLength(2);
  });

  it('gives the platform operator a login of no tenant', () => {
    const operator = demoUsers().find((u) => u.username === 'operator');
    expect(operator?.platformRole).toBe('operator');
    expect(operator?.tenantId).toBeUndefined();
  });
});
