import { describe, expect, it } from 'vitest';
import { weekOf } from '../../../functions/modules/reports/domain/dashboard';
import { dashboard } from '../../../functions/modules/reports/usecases/dashboard.usecase';
import { reportWorld, scopeOf } from './world';

describe('dashboard', () => {
  it('folds the report into discipline per department and person, a month trend and this week', async () => {
    const deps = reportWorld();
    const d = await dashboard(deps, scopeOf('ctrl'), {});
    expect(d.week).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(d.people).toEqual([
      {
        id: 'exec',
        name: 'Əliyev Çingiz',
        total: 4,
        onTime: 1,
        late: 1,
        notExecuted: 2,
        overdue: 1,
        onTimePct: 50,
        averageDelay: 1,
      },
    ]);
    expect(d.departments[0]).toMatchObject({ id: 'dep-1', name: 'Ümumi şöbə', total: 4 });
    expect(d.trend).toEqual([
      { month: '2026-02', onTime: 0, late: 1, notExecuted: 1, onTimePct: 0 },
      { month: '2026-03', onTime: 1, late: 0, notExecuted: 1, onTimePct: 100 },
    ]);
    expect(d.dueThisWeek.map((r) => r.documentId)).toEqual(['doc-4']);
    expect(d.volumes).toEqual([{ kind: 'incoming', deliveryFormId: '', deliveryForm: '', count: 4 }]);
    expect(d.partial).toBe(false);
  });

  it('takes the Monday-to-Sunday week of any day', () => {
    expect(weekOf('2026-03-08')).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(weekOf('2026-03-09')).toEqual({ from: '2026-03-09', to: '2026-03-15' });
  });
});
