import { describe, expect, it, vi } from 'vitest';
import type { AggregateMeta } from '../../../functions/platform/kernel/aggregate';
import {
  addWorkingDays,
  isWorkingDay,
} from '../../../functions/modules/execution/domain/calendar/working-days';
import type { AggregateStore } from '../../../functions/platform/ports/aggregate-store.port';
import {
  CALENDAR_ID,
  CALENDAR_YEARS_ID,
  tenantCalendar,
  type ExecutionDeps,
} from '../../../functions/modules/execution/usecases/common';

const meta = (id: string): AggregateMeta => ({
  id,
  tenantId: 't1',
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

/** Use-case deps over a store that holds only the given calendar aggregates. */
function depsWith(items: AggregateMeta[]) {
  const warn = vi.fn();
  const store = {
    getMany: async (_type: string, _tenant: string, ids: string[]) => items.filter((i) => ids.includes(i.id)),
  } as unknown as AggregateStore;
  const deps = {
    store,
    log: { warn },
    clock: { now: () => new Date('2030-12-20T08:00:00Z') },
  } as unknown as ExecutionDeps;
  return { deps, warn };
}

describe('tenantCalendar', () => {
  it('computes deadlines in a year without yearly data and logs one warning without personal data', async () => {
    // Arrange
    const { deps, warn } = depsWith([]);

    // Act
    const calendar = await tenantCalendar(deps, 't1');
    const due = addWorkingDays(calendar, '2031-03-19', 1);
    addWorkingDays(calendar, '2031-03-19', 10);

    // Assert: Novruz 20–24 March, 22–23 carried to 25–26.
    expect(due).toBe('2031-03-27');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith('calendar_year_without_movable_holidays', {
      tenantId: 't1',
      year: 2031,
      detail: expect.any(String),
    });
  });

  it('applies the agency’s yearly data, then its own edits on top', async () => {
    // Arrange
    const { deps, warn } = depsWith([
      {
        ...meta(CALENDAR_YEARS_ID),
        years: [
          {
            year: 2031,
            status: 'confirmed',
            ramazan: ['2031-01-24'],
            qurban: ['2031-04-02'],
            workingDays: [],
            restDays: ['2031-05-30'],
          },
        ],
      } as AggregateMeta,
      { ...meta(CALENDAR_ID), days: [{ date: '2031-04-03', kind: 'normal' }] } as AggregateMeta,
    ]);

    // Act
    const calendar = await tenantCalendar(deps, 't1');

    // Assert
    expect(isWorkingDay(calendar, '2031-01-24')).toBe(false); // Ramazan
    expect(isWorkingDay(calendar, '2031-04-02')).toBe(false); // Qurban
    expect(isWorkingDay(calendar, '2031-04-03')).toBe(true); // the agency works on Qurban's 2nd day
    expect(isWorkingDay(calendar, '2031-05-30')).toBe(false); // Cabinet transfer
    expect(warn).not.toHaveBeenCalled();
  });
});
