import { describe, expect, it } from 'vitest';
import type { Employee } from '../../../functions/modules/org';
import { inRequestScope } from '../../../functions/platform/kernel/request-scope';
import { requestScoped } from '../../../functions/platform/adapters/request-scoped-store';
import { ConflictError } from '../../../functions/platform/kernel/errors';
import { MemoryAggregateStore } from '../../support/fakes/aggregate-store';
import { employee, position } from '../../support/builders';

const WRITE = { actorId: 'admin', sortKey: 'e1' };

/** A memory store that counts its reads (its getMany reads each key with get: `get` counts keys). */
function counted() {
  const inner = new MemoryAggregateStore();
  const reads = { get: 0, getMany: 0 };
  const get = inner.get.bind(inner);
  const getMany = inner.getMany.bind(inner);
  inner.get = ((...args: Parameters<typeof get>) => (reads.get++, get(...args))) as typeof inner.get;
  inner.getMany = ((...args: Parameters<typeof getMany>) => (
    reads.getMany++,
    getMany(...args)
  )) as typeof inner.getMany;
  inner.seed('employee', employee('e1', { tenantId: 't1', positionIds: ['p1'] }));
  inner.seed('employee', employee('e2', { tenantId: 't1' }));
  inner.seed('position', position('p1', { tenantId: 't1' }));
  return { inner, reads, store: requestScoped(inner) };
}

describe('request-scoped reads', () => {
  it('reads an employee, a position once per request; another request reads again', async () => {
    const { reads, store } = counted();
    await inRequestScope(async () => {
      const [a, b] = await Promise.all([
        store.get('employee', 't1', 'e1'),
        store.get('employee', 't1', 'e1'),
      ]);
      expect(a?.id).toBe('e1');
      expect(b?.id).toBe('e1');
      expect((await store.getMany<Employee>('employee', 't1', ['e1', 'e2'])).map((e) => e.id).sort()).toEqual(
        ['e1', 'e2'],
      );
      expect((await store.getMany('employee', 't1', ['e2', 'e1'])).length).toBe(2);
    });
    // e1 read once, then one batch for e2 alone
    expect(reads).toEqual({ get: 2, getMany: 1 });
    await inRequestScope(() => store.get('employee', 't1', 'e1'));
    expect(reads.get).toBe(3);
  });

  it('outside a request, and for other types, every read goes to the store', async () => {
    const { inner, reads, store } = counted();
    inner.seed('ref:journals', { ...employee('j1', { tenantId: 't1' }) } as never);
    await store.get('employee', 't1', 'e1');
    await store.get('employee', 't1', 'e1');
    await inRequestScope(async () => {
      await store.get('ref:journals', 't1', 'j1');
      await store.get('ref:journals', 't1', 'j1');
    });
    expect(reads.get).toBe(4);
  });

  it('hands out copies: a caller changing what it got changes nothing for the next', async () => {
    const { store } = counted();
    await inRequestScope(async () => {
      const first = (await store.get<Employee>('employee', 't1', 'e1'))!;
      first.positionIds.push('changed');
      first.fullName = 'changed';
      const again = (await store.get<Employee>('employee', 't1', 'e1'))!;
      expect(again.positionIds).toEqual(['p1']);
      expect(again.fullName).toBe('Employee e1');
    });
  });

  it('a write forgets the type it writes (also when refused), so the request reads it afresh', async () => {
    const { reads, store } = counted();
    await inRequestScope(async () => {
      const e1 = (await store.get<Employee>('employee', 't1', 'e1'))!;
      await store.get('position', 't1', 'p1');
      await store.update(
        'employee',
        { ...e1, fullName: 'Yeni ad', version: e1.version + 1 },
        e1.version,
        WRITE,
      );
      expect((await store.get<Employee>('employee', 't1', 'e1'))?.fullName).toBe('Yeni ad');
      await store.get('position', 't1', 'p1'); // not written: still the memo
      expect(reads.get).toBe(3);
      await expect(
        store.update('employee', { ...e1, fullName: 'Köhnə', version: e1.version + 1 }, e1.version, WRITE),
      ).rejects.toBeInstanceOf(ConflictError);
      expect((await store.get<Employee>('employee', 't1', 'e1'))?.fullName).toBe('Yeni ad');
      expect(reads.get).toBe(4);
    });
  });

  it("lists an agency's webhook subscriptions once per scope, afresh after one is written", async () => {
    const inner = new MemoryAggregateStore();
    const subscription = (id: string) =>
      ({ id, tenantId: 't1', version: 1, createdAt: 'a', updatedAt: 'a', events: [] }) as never;
    inner.seed('webhook-subscription', subscription('w1'));
    let lists = 0;
    const list = inner.list.bind(inner);
    inner.list = ((...args: Parameters<typeof list>) => (lists++, list(...args))) as typeof inner.list;
    const store = requestScoped(inner);
    await inRequestScope(async () => {
      const [a, b] = await Promise.all([
        store.list('webhook-subscription', 't1', { limit: 10 }),
        store.list('webhook-subscription', 't1', { limit: 10 }),
      ]);
      expect(a.items.map((s) => s.id)).toEqual(['w1']);
      expect(b.items.map((s) => s.id)).toEqual(['w1']);
      expect(lists).toBe(1);
      await store.create('webhook-subscription', subscription('w2'), { actorId: 'admin', sortKey: 'w2' });
      expect((await store.list('webhook-subscription', 't1', { limit: 10 })).items.length).toBe(2);
      expect(lists).toBe(2);
      await store.list('employee', 't1', { limit: 10 }); // not a shared list
      await store.list('employee', 't1', { limit: 10 });
      expect(lists).toBe(4);
    });
    await store.list('webhook-subscription', 't1', { limit: 10 });
    expect(lists).toBe(5);
  });
});
