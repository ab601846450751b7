import { describe, expect, it } from 'vitest';
import { planIntegrity } from '../../../functions/modules/archive/usecases/schedule.usecase';
import { memoryDeps } from '../../support/memory-deps';

describe('planIntegrity', () => {
  it('plans the next 02:00 in Baku', async () => {
    const deps = memoryDeps('2026-03-02T06:00:00.000Z'); // 10:00 in Baku

    expect(
      await planIntegrity(deps, { tenantId: 't1', year: 2026, after: '2026-01-01T00:00:00+04:00' }),
    ).toEqual({
      action: 'wait',
      at: '2026-03-02T22:00:00.000Z',
    });
  });

  it('stops at the end of the year and starts next year’s machine', async () => {
    const deps = memoryDeps('2026-12-31T21:00:00.000Z'); // 01:00 on 1 January in Baku

    const plan = await planIntegrity(deps, { tenantId: 't1', year: 2026, after: '2026-12-30T22:00:00.000Z' });

    expect(plan).toEqual({ action: 'stop' });
    expect(deps.workflow.started.map((s) => s.name)).toEqual(['archive-t1-2027']);
  });
});
