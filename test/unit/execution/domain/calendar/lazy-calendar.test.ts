import { describe, expect, it, vi } from 'vitest';
import { azerbaijanCalendar } from '../../../../../functions/modules/execution/domain/calendar/azerbaijan';
import {
  addWorkingDays,
  calendarDays,
  isWorkingDay,
  mergeCalendars,
  nextWorkingDay,
  workingDaysBetween,
  type CalendarDay,
  type WorkingCalendar,
} from '../../../../../functions/modules/execution/domain/calendar/working-days';

/** A calendar whose every year has one holiday, 15 March, counting the years it computed. */
function countingCalendar() {
  const exceptionsOf = vi.fn((year: number): CalendarDay[] => [{ date: `${year}-03-15`, kind: 'holiday' }]);
  const cal: WorkingCalendar = { weekend: [6, 7], exceptionsOf };
  return { cal, exceptionsOf };
}

describe('a calendar that computes its years when first needed', () => {
  it('computes a year only when a date of it is looked at, and only once', () => {
    // Arrange
    const { cal, exceptionsOf } = countingCalendar();

    // Act
    expect(isWorkingDay(cal, '2040-03-15')).toBe(false);
    expect(isWorkingDay(cal, '2040-03-16')).toBe(true);
    expect(addWorkingDays(cal, '2040-03-14', 1)).toBe('2040-03-16');
    expect(workingDaysBetween(cal, '2040-01-01', '2040-12-31')).toBe(260);

    // Assert
    expect(exceptionsOf.mock.calls).toEqual([[2040]]);
  });

  it('walks across years, computing each year it steps into', () => {
    // Arrange
    const { cal, exceptionsOf } = countingCalendar();

    // Act: 15.03.2041 is a Friday, 15.03.2042 a Saturday.
    const later = addWorkingDays(cal, '2040-12-31', 300);
    const back = addWorkingDays(cal, later, -300);

    // Assert
    expect(workingDaysBetween(cal, '2040-12-31', later)).toBe(300);
    expect(back).toBe('2040-12-31');
    expect(exceptionsOf.mock.calls.map(([y]) => y).sort()).toEqual([2040, 2041, 2042]);
  });

  it('lists a year’s exceptions sorted, a listed day winning over a computed one', () => {
    // Arrange
    const cal: WorkingCalendar = {
      weekend: [6, 7],
      days: [
        { date: '2040-03-15', kind: 'working' },
        { date: '2041-01-07', kind: 'day-off' },
      ],
      exceptionsOf: (year) => [
        { date: `${year}-12-25`, kind: 'holiday' },
        { date: `${year}-03-15`, kind: 'holiday' },
      ],
    };

    // Act
    const days = calendarDays(cal, 2040);

    // Assert
    expect(days).toEqual([
      { date: '2040-03-15', kind: 'working' },
      { date: '2040-12-25', kind: 'holiday' },
    ]);
    expect(isWorkingDay(cal, '2040-03-15')).toBe(true);
    expect(isWorkingDay(cal, '2041-01-07')).toBe(false);
    expect(calendarDays(cal, 2041).map((d) => d.date)).toEqual(['2041-01-07', '2041-03-15', '2041-12-25']);
  });

  it('refuses computed years with a date outside the year or two entries for one date', () => {
    // Arrange
    const outside: WorkingCalendar = {
      weekend: [6, 7],
      exceptionsOf: () => [{ date: '2040-01-01', kind: 'holiday' }],
    };
    const twice: WorkingCalendar = {
      weekend: [6, 7],
      exceptionsOf: (year) => [
        { date: `${year}-05-01`, kind: 'holiday' },
        { date: `${year}-05-01`, kind: 'working' },
      ],
    };

    // Act / Assert
    expect(() => isWorkingDay(outside, '2041-06-01')).toThrow(RangeError);
    expect(() => isWorkingDay(twice, '2041-06-01')).toThrow(RangeError);
  });

  it('merges edits over computed years, in any year', () => {
    // Arrange
    const { cal } = countingCalendar();

    // Act
    const merged = mergeCalendars(cal, {
      days: [
        { date: '2055-03-15', kind: 'normal' },
        { date: '2055-03-16', kind: 'working' }, // a Tuesday: no change
        { date: '2055-03-17', kind: 'day-off' },
      ],
    });

    // Assert
    expect(isWorkingDay(merged, '2055-03-15')).toBe(true);
    expect(isWorkingDay(merged, '2055-03-17')).toBe(false);
    expect(isWorkingDay(merged, '2056-03-15')).toBe(false);
    expect(calendarDays(merged, 2055).map((d) => [d.date, d.kind])).toEqual([
      ['2055-03-16', 'working'],
      ['2055-03-17', 'day-off'],
    ]);
  });
});

describe('the state calendar in years without yearly data', () => {
  it('counts fixed holidays and weekends and reports each such year once', () => {
    // Arrange
    const onMissingYear = vi.fn();
    const cal = azerbaijanCalendar({ onMissingYear });

    // Act: over New Year 2031 and back; 2030-12-31 is a holiday (Tuesday).
    const due = addWorkingDays(cal, '2030-12-30', 2);
    const back = addWorkingDays(cal, due, -2);
    const next = nextWorkingDay(cal, '2031-03-20');

    // Assert
    expect(due).toBe('2031-01-06');
    expect(back).toBe('2030-12-30');
    expect(next).toBe('2031-03-27'); // Novruz 20–24, 22–23 carried to 25–26 March
    expect(onMissingYear.mock.calls.map(([y]) => y).sort()).toEqual([2030, 2031]);
  });

  it('does not report the years with data, and the agency’s data of a year counts', () => {
    // Arrange
    const onMissingYear = vi.fn();
    const cal = azerbaijanCalendar({
      onMissingYear,
      years: [
        {
          year: 2031,
          status: 'confirmed',
          ramazan: ['2031-01-24'],
          qurban: ['2031-04-02'],
          workingDays: [],
          restDays: [],
        },
      ],
    });

    // Act
    const ramazan = isWorkingDay(cal, '2031-01-24');
    const builtIn = isWorkingDay(cal, '2027-03-09');

    // Assert
    expect(ramazan).toBe(false);
    expect(builtIn).toBe(false);
    expect(onMissingYear).not.toHaveBeenCalled();
  });
});
