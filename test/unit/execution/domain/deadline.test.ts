import { describe, expect, it } from 'vitest';
import { azerbaijanBuiltInCalendar as cal } from '../../../../functions/modules/execution/domain/calendar/azerbaijan';
import { bakuInstant, nextDeadlineEvent } from '../../../../functions/modules/execution/domain/deadline';
import { defaultDeadlinePolicy as policy } from '../../../../functions/modules/org/domain/org';
import { planResolution } from '../../../../functions/modules/execution/domain/assignment';

describe('deadline events', () => {
  // Due Monday 30.03.2026 — a day off itself (Ramazan on Novruz); 20–27 March are holidays and days
  // off, so the working days before it are 19.03, 18.03, 17.03.
  const due = '2026-03-30';

  it('reminds 3 and 1 working days before, skipping the holiday block', () => {
    const first = nextDeadlineEvent(cal, due, policy, '2026-03-01T00:00:00Z');
    expect(first).toEqual({ kind: 'reminder', at: bakuInstant('2026-03-17', 9), n: 3 });
    const second = nextDeadlineEvent(cal, due, policy, first.at);
    expect(second).toEqual({ kind: 'reminder', at: bakuInstant('2026-03-19', 9), n: 1 });
  });

  it('is overdue at the first Baku moment after the due date, then escalates every working day', () => {
    const overdue = nextDeadlineEvent(cal, due, policy, bakuInstant('2026-03-19', 9));
    expect(overdue).toEqual({ kind: 'overdue', at: '2026-03-30T20:00:00.000Z', n: 0 });
    const first = nextDeadlineEvent(cal, due, policy, overdue.at);
    expect(first).toEqual({ kind: 'escalation', at: bakuInstant('2026-03-31', 9), n: 1 });
    // Friday 03.04 → the next escalation is Monday 06.04.
    const friday = nextDeadlineEvent(cal, due, policy, bakuInstant('2026-04-02', 9));
    expect(friday).toMatchObject({ at: bakuInstant('2026-04-03', 9), n: 4 });
    expect(nextDeadlineEvent(cal, due, policy, friday.at)).toMatchObject({
      at: bakuInstant('2026-04-06', 9),
      n: 5,
    });
  });

  it('depends only on the due date and `after`, never on the clock: the same inputs give the same event', () => {
    const a = nextDeadlineEvent(cal, '2026-12-15', policy, '2026-12-01T10:00:00Z');
    const b = nextDeadlineEvent(cal, '2026-12-15', policy, '2026-12-01T10:00:00Z');
    expect(a).toEqual(b);
    expect(a.kind).toBe('reminder');
  });

  it('skips reminders already past when the resolution is written late', () => {
    const e = nextDeadlineEvent(cal, '2026-12-15', policy, bakuInstant('2026-12-14', 10));
    expect(e.kind).toBe('overdue');
  });
});

describe('planResolution', () => {
  it('makes the first executor responsible unless one is marked', () => {
    expect(
      planResolution(
        { text: 'x', executors: [{ employeeId: 'a' }, { employeeId: 'b' }] },
        '2026-11-23',
        undefined,
      ),
    ).toEqual([
      { employeeId: 'a', role: 'responsible' },
      { employeeId: 'b', role: 'co-executor' },
    ]);
    expect(
      planResolution(
        { text: 'x', executors: [{ employeeId: 'a' }, { employeeId: 'b', responsible: true }] },
        '2026-11-23',
        undefined,
      )[1],
    ).toEqual({ employeeId: 'b', role: 'responsible' });
  });

  it('refuses no executor, duplicates, two responsible, past dates and dates after the parent', () => {
    const codes = (f: () => unknown) => {
      try {
        f();
        return 'ok';
      } catch (e) {
        return (e as { code: string }).code;
      }
    };
    expect(codes(() => planResolution({ text: 'x', executors: [] }, '2026-11-23', undefined))).toBe(
      'executor_required',
    );
    expect(
      codes(() =>
        planResolution(
          { text: 'x', executors: [{ employeeId: 'a' }, { employeeId: 'a' }] },
          '2026-11-23',
          undefined,
        ),
      ),
    ).toBe('duplicate_executor');
    expect(
      codes(() =>
        planResolution(
          {
            text: 'x',
            executors: [
              { employeeId: 'a', responsible: true },
              { employeeId: 'b', responsible: true },
            ],
          },
          '2026-11-23',
          undefined,
        ),
      ),
    ).toBe('one_responsible');
    expect(
      codes(() =>
        planResolution(
          { text: 'x', executors: [{ employeeId: 'a' }], dueDate: '2026-11-22' },
          '2026-11-23',
          undefined,
        ),
      ),
    ).toBe('due_date_in_past');
    expect(
      codes(() =>
        planResolution(
          { text: 'x', executors: [{ employeeId: 'a' }], dueDate: '2026-12-02' },
          '2026-11-23',
          '2026-12-01',
        ),
      ),
    ).toBe('due_after_parent');
    expect(
      codes(() =>
        planResolution(
          { text: 'x', executors: [{ employeeId: 'a' }], controllerId: 'c' },
          '2026-11-23',
          undefined,
        ),
      ),
    ).toBe('due_date_required');
  });
});
