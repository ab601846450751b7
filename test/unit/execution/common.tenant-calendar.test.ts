import { describe, expect, it } from 'vitest';
import type { AggregateMeta } from '../../../functions/platform/kernel/aggregate';
import {
  addWorkingDays,
  isWorkingDay,
} from '../../../functions/modules/execution/domain/calendar/working-days';
import {
  CALENDAR_ID,
  CALENDAR_YEARS_ID,
  tenantCalendar,
} from '../../../functions/modules/execution/usecases/common';
import { memoryDeps } from '../../support/memory-deps';

const meta = (id: string): AggregateMeta => ({
  id,
  tenantId: 't1',
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

/** Use-case deps over a store that holds only the given calendar aggregates. */
function depsWith(items: AggregateMeta[]) {
  const deps = memoryDeps('2030-12-20T08:00:00Z');
  for (const item of items) deps.store.seed('calendar', item);
  return { deps, warnings: () => deps.log.lines.filter((l) => l.level === 'warn') };
}

describe('tenantCalendar', () => {
  it('computes deadlines in a year without yearly data and logs one warning without personal data', async () => {
    // Arrange
    const { deps, warnings } = depsWith([]);

    // Act
    const calendar = await tenantCalendar(deps, 't1');
    const due = addWorkingDays(calendar, '2031-03-19', 1);
    addWorkingDays(calendar, '2031-03-19', 10);

    // Assert: Novruz 20–24 March, 22–23 carried to 25–26.
    expect(due).toBe('2031-03-27');
    expect(warnings()).toEqual([
      {
        level: 'warn',
        message: 'calendar_year_without_movable_holidays',
        fields: { tenantId: 't1', year: 2031, detail: expect.any(String) },
      },
    ]);
  });

  it('applies the agency’s yearly data, then its own edits on top', async () => {
    // Arrange
    const { deps, warnings } = depsWith([
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
    expect(warnings()).toEqual([]);
  });
});
