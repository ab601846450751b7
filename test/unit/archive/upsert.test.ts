import { describe, expect, it } from 'vitest';
import { upsert } from '../../../functions/modules/archive/usecases/upsert';
import { meta } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

type Row = ReturnType<typeof meta> & { n: number };

describe('upsert', () => {
  it('creates, updates the stored version, and keeps what is stored when told to', async () => {
    const deps = memoryDeps();
    const key = { tenantId: 't1', id: 'r' };
    const options = { actorId: 'system', sortKey: 'r' };

    const created = await upsert<Row>(deps, 'archive-report', key, () => ({
      item: { ...meta('r', 't1'), n: 1 },
      options,
    }));
    const updated = await upsert<Row>(deps, 'archive-report', key, (c) => ({
      item: { ...c!, n: c!.n + 1 },
      options,
    }));
    const kept = await upsert<Row>(deps, 'archive-report', key, () => undefined);

    expect([created?.n, updated?.n, kept?.n]).toEqual([1, 2, 2]);
    expect(kept?.version).toBe(2);
  });
});
