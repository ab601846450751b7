import {
  movableHolidayIssues,
  movableHolidaysByYear,
} from '../../../../../functions/modules/execution/domain/calendar/azerbaijan';
import { describe, expect, it } from 'vitest';
import {
  movableHolidayState,
  yearsLackingMovableHolidays,
  type MovableHolidays,
} from '../../../../../functions/modules/execution/domain/calendar/movable-holidays';

const year2031: MovableHolidays = {
  year: 2031,
  status: 'provisional',
  ramazan: ['2031-01-24'],
  qurban: ['2031-04-02'],
  workingDays: [],
  restDays: [],
};

describe('movableHolidayIssues', () => {
  it('accepts good data, Ramazan on a fixed holiday and a second day in the next year included', () => {
    // Act / Assert
    expect(movableHolidayIssues(year2031)).toEqual([]);
    expect(
      movableHolidayIssues({
        ...year2031,
        ramazan: ['2031-03-20'],
        qurban: ['2031-12-31'],
        workingDays: ['2031-05-31'],
        restDays: ['2031-05-30'],
      }),
    ).toEqual([]);
  });

  it('refuses a date outside the year', () => {
    // Act / Assert
    expect(movableHolidayIssues({ ...year2031, qurban: ['2032-04-02'] })).toEqual([
      { path: 'qurban.0', code: 'date_outside_year' },
    ]);
    expect(movableHolidayIssues({ ...year2031, restDays: ['2030-12-30'] })).toEqual([
      { path: 'restDays.0', code: 'date_outside_year' },
    ]);
  });

  it('refuses dates that overlap, a holiday’s second day included', () => {
    // Act / Assert
    expect(movableHolidayIssues({ ...year2031, qurban: ['2031-01-25'] })).toEqual([
      { path: 'qurban.0', code: 'overlapping_dates' },
    ]);
    expect(movableHolidayIssues({ ...year2031, ramazan: ['2031-01-24', '2031-01-25'] })).toEqual([
      { path: 'ramazan.1', code: 'overlapping_dates' },
    ]);
    expect(movableHolidayIssues({ ...year2031, workingDays: ['2031-01-25'] })).toEqual([
      { path: 'workingDays.0', code: 'overlapping_dates' },
    ]);
    expect(
      movableHolidayIssues({ ...year2031, workingDays: ['2031-05-31'], restDays: ['2031-05-31'] }),
    ).toEqual([{ path: 'restDays.0', code: 'overlapping_dates' }]);
  });

  it('refuses transfers that do not swap a rest day and a working day', () => {
    // Act / Assert: 30.05.2031 is a Friday, 31.05 a Saturday, 28.05 Independence Day.
    expect(movableHolidayIssues({ ...year2031, workingDays: ['2031-05-30'] })).toEqual([
      { path: 'workingDays.0', code: 'not_a_weekend_day' },
    ]);
    expect(movableHolidayIssues({ ...year2031, restDays: ['2031-05-31'] })).toEqual([
      { path: 'restDays.0', code: 'not_a_weekday' },
    ]);
    expect(movableHolidayIssues({ ...year2031, restDays: ['2031-05-28'] })).toEqual([
      { path: 'restDays.0', code: 'transfer_on_holiday' },
    ]);
  });
});

describe('the state of yearly data', () => {
  it('is confirmed for 2026, provisional for 2027 and missing elsewhere, unless the agency entered it', () => {
    // Arrange
    const builtIn = movableHolidaysByYear();
    const agency = movableHolidaysByYear([
      { ...year2031, status: 'confirmed' },
      { ...year2031, year: 2027 },
    ]);

    // Act / Assert
    expect([2026, 2027, 2028, 2031].map((y) => movableHolidayState(builtIn, y))).toEqual([
      'confirmed',
      'provisional',
      'missing',
      'missing',
    ]);
    expect(movableHolidayState(agency, 2031)).toBe('confirmed');
    expect(agency.get(2027)?.ramazan).toEqual(['2031-01-24']);
  });

  it('asks for the current year, and for the next one from 1 December', () => {
    // Arrange
    const byYear = movableHolidaysByYear([{ ...year2031, year: 2029 }]);

    // Act / Assert
    expect(yearsLackingMovableHolidays(byYear, '2027-11-30')).toEqual([]);
    expect(yearsLackingMovableHolidays(byYear, '2027-12-01')).toEqual([2028]);
    expect(yearsLackingMovableHolidays(byYear, '2028-01-01')).toEqual([2028]);
    expect(yearsLackingMovableHolidays(byYear, '2028-12-31')).toEqual([2028]);
    expect(yearsLackingMovableHolidays(byYear, '2029-12-01')).toEqual([2030]);
    expect(yearsLackingMovableHolidays(byYear, '2030-12-15')).toEqual([2030, 2031]);
  });
});
