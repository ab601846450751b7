import { describe, expect, it } from 'vitest';
import { azerbaijanBuiltInCalendar as az } from '../../../../../functions/modules/execution/domain/calendar/azerbaijan';
import {
  addWorkingDays,
  calendarDays,
  isWorkingDay,
  mergeCalendars,
  nextWorkingDay,
  workingDaysBetween,
  type WorkingCalendar,
} from '../../../../../functions/modules/execution/domain/calendar/working-days';

const plain: WorkingCalendar = { weekend: [6, 7], days: [] };

/** Every date from `from` to `to` inclusive, counted on UTC dates. */
function datesIn(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

const isoWeekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
/** The exceptions of 2026 and 2027, the years of the built-in yearly data. */
const days2026_2027 = () => [...calendarDays(az, 2026), ...calendarDays(az, 2027)];
const entry = (date: string) => calendarDays(az, Number(date.slice(0, 4))).find((d) => d.date === date);

describe('the state calendar: 2026 as published', () => {
  it('has the 241 working days of the Labour Ministry production calendar for 2026', () => {
    // Act / Assert
    expect(workingDaysBetween(az, '2025-12-31', '2026-12-31')).toBe(241);
  });

  it('has exactly the weekdays off the production calendar lists for a five-day week', () => {
    // Arrange: 1–2 Jan, 20 Jan, 8 Mar (Sun) → 9 Mar, Novruz + Ramazan 20–30 Mar, 9 May (Sat) → 11 May,
    // Qurban 27–28 May + 28 May → 29 May, 15 and 26 Jun, 8 Nov (Sun) + 9 Nov → 10 Nov, 31 Dec.
    const expected = [
      '2026-01-01',
      '2026-01-02',
      '2026-01-20',
      '2026-03-09',
      '2026-03-20',
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-30',
      '2026-05-11',
      '2026-05-27',
      '2026-05-28',
      '2026-05-29',
      '2026-06-15',
      '2026-06-26',
      '2026-11-09',
      '2026-11-10',
      '2026-12-31',
    ];

    // Act
    const weekdaysOff = datesIn('2026-01-01', '2026-12-31').filter(
      (d) => isoWeekday(d) <= 5 && !isWorkingDay(az, d),
    );

    // Assert
    expect(weekdaysOff).toEqual(expected);
  });

  it('makes 20–30 March 2026 one block (Novruz, Ramazan on Novruz, the weekend carried over)', () => {
    // Act / Assert
    for (const d of datesIn('2026-03-20', '2026-03-30')) expect(isWorkingDay(az, d), d).toBe(false);
    expect(isWorkingDay(az, '2026-03-19')).toBe(true);
    expect(isWorkingDay(az, '2026-03-31')).toBe(true);
    expect(entry('2026-03-20')?.name?.az).toBe('Novruz bayramı, Ramazan bayramı');
    expect(entry('2026-03-27')?.kind).toBe('day-off');
  });

  it('gives 29 May 2026 off because Qurban falls on Independence Day', () => {
    // Act / Assert
    expect(isWorkingDay(az, '2026-05-26')).toBe(true);
    for (const d of ['2026-05-27', '2026-05-28', '2026-05-29']) expect(isWorkingDay(az, d), d).toBe(false);
    expect(isWorkingDay(az, '2026-06-01')).toBe(true);
    expect(entry('2026-05-28')?.name?.en).toBe('Gurban Bayram (Eid al-Adha), Independence Day');
  });

  it('carries 8 November 2026 (a Sunday) past the Flag Day to 10 November; 12 and 17 November work', () => {
    // Act / Assert
    expect(isWorkingDay(az, '2026-11-09')).toBe(false);
    expect(isWorkingDay(az, '2026-11-10')).toBe(false);
    expect(isWorkingDay(az, '2026-11-11')).toBe(true);
    expect(isWorkingDay(az, '2026-11-12')).toBe(true);
    expect(isWorkingDay(az, '2026-11-17')).toBe(true);
  });

  it('keeps 20 January off but does not carry it over, and 18 October a working day', () => {
    // Act / Assert
    expect(isWorkingDay(az, '2026-01-20')).toBe(false);
    expect(entry('2026-01-20')?.name?.ru).toBe('День всенародной скорби');
    expect(isWorkingDay(az, '2026-10-19')).toBe(true); // 18 Oct 2026 is a Sunday
  });

  it('has no working Saturdays: no Cabinet transfer was found for 2026', () => {
    // Act / Assert
    expect(days2026_2027().filter((d) => d.kind === 'working')).toEqual([]);
    for (const d of datesIn('2026-01-01', '2027-12-31').filter((x) => isoWeekday(x) >= 6))
      expect(isWorkingDay(az, d), d).toBe(false);
  });
});

describe('the state calendar: 2027 and the built-in years as a whole', () => {
  it('applies the weekend carry-over to 2 January, Novruz, 9 May and 26 June 2027', () => {
    // Act / Assert
    for (const d of ['2027-01-04', '2027-03-25', '2027-03-26', '2027-05-10', '2027-06-28'])
      expect(entry(d)?.kind, d).toBe('day-off');
    expect(isWorkingDay(az, '2027-01-05')).toBe(true);
    expect(isWorkingDay(az, '2027-03-29')).toBe(true);
  });

  it('marks exactly the not yet announced Ramazan and Qurban 2027 days provisional', () => {
    // Act
    const provisional = days2026_2027()
      .filter((d) => d.provisional)
      .map((d) => d.date);

    // Assert
    expect(provisional).toEqual(['2027-03-09', '2027-03-10', '2027-05-16', '2027-05-17', '2027-05-18']);
  });

  it('has unique, sorted dates inside the years asked for and full names in three languages', () => {
    // Act
    const dates = days2026_2027().map((d) => d.date);

    // Assert
    expect(dates).toEqual([...new Set(dates)].sort());
    expect(dates[0]! >= '2026-01-01').toBe(true);
    expect(dates.at(-1)! <= '2027-12-31').toBe(true);
    for (const d of days2026_2027()) {
      expect(d.name?.az, d.date).toBeTruthy();
      expect(d.name?.en, d.date).toBeTruthy();
      expect(d.name?.ru, d.date).toBeTruthy();
    }
  });

  it('puts every carried-over day off on a weekday', () => {
    // Act / Assert
    for (const d of days2026_2027().filter((x) => x.kind === 'day-off'))
      expect(isoWeekday(d.date), d.date).toBeLessThan(6);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2026-03-19', 1, '2026-03-31'], // over the 11-day Novruz block
    ['2026-03-18', 2, '2026-03-31'],
    ['2026-03-18', 3, '2026-04-01'],
    ['2026-03-20', 1, '2026-03-31'], // from a holiday
    ['2026-12-30', 1, '2027-01-05'], // over the year end: 31 Dec, 1–2 Jan, weekend, 4 Jan off
    ['2026-12-29', 5, '2027-01-08'],
    ['2026-05-26', 1, '2026-06-01'],
    ['2026-11-06', 1, '2026-11-11'],
    ['2026-03-31', -1, '2026-03-19'], // backwards over the block
    ['2026-04-01', -2, '2026-03-19'],
    ['2027-01-05', -1, '2026-12-30'], // backwards over the year end
    ['2026-03-25', -1, '2026-03-19'], // from a day off
    ['2026-06-01', -1, '2026-05-26'],
    ['2026-03-19', 0, '2026-03-19'],
    ['2026-03-21', 0, '2026-03-21'],
  ])('%s %+d working days is %s', (from, n, expected) => {
    // Act / Assert
    expect(addWorkingDays(az, from, n)).toBe(expected);
  });

  it.each([
    ['2024-02-28', 2, '2024-03-01'], // leap day is a Thursday
    ['2023-02-28', 2, '2023-03-02'],
    ['2026-01-02', 1, '2026-01-05'],
    ['2026-01-05', -1, '2026-01-02'],
    ['2026-01-03', 1, '2026-01-05'],
    ['2026-01-03', -1, '2026-01-02'],
    ['1999-12-31', 1, '2000-01-03'],
  ])('with the weekend only, %s %+d is %s', (from, n, expected) => {
    // Act / Assert
    expect(addWorkingDays(plain, from, n)).toBe(expected);
  });

  it('counts the 262 weekdays of 2024 with the weekend only', () => {
    // Act / Assert: 2024 is a leap year from a Monday to a Tuesday, 31 Dec.
    expect(addWorkingDays(plain, '2023-12-31', 262)).toBe('2024-12-31');
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s days', (n) => {
    // Act / Assert
    expect(() => addWorkingDays(az, '2026-03-19', n)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2026-03-19', '2026-03-31', 1],
    ['2026-03-31', '2026-03-19', -1],
    ['2026-03-19', '2026-03-19', 0],
    ['2026-03-20', '2026-03-30', 0],
    ['2026-02-28', '2026-03-31', 14], // March 2026: 22 weekdays, 8 of them off
    ['2026-12-30', '2027-01-05', 1],
    ['2027-01-05', '2026-12-30', -1],
    // 2027: 261 weekdays less 20 off (1, 4, 20 Jan; 8–10, 22–26 Mar; 10, 17, 18, 28 May; 15, 28 Jun;
    // 8, 9 Nov; 31 Dec), counting the provisional Ramazan and Qurban days.
    ['2026-12-31', '2027-12-31', 241],
  ])('(%s, %s] holds %d working days', (from, to, expected) => {
    // Act / Assert
    expect(workingDaysBetween(az, from, to)).toBe(expected);
  });

  it('is antisymmetric and additive', () => {
    // Act / Assert
    const ab = workingDaysBetween(az, '2026-01-15', '2026-06-10');
    const bc = workingDaysBetween(az, '2026-06-10', '2027-02-01');
    expect(workingDaysBetween(az, '2026-01-15', '2027-02-01')).toBe(ab + bc);
    expect(workingDaysBetween(az, '2026-06-10', '2026-01-15')).toBe(-ab);
  });

  it('inverts addWorkingDays over ±400 days from every date of the coverage', () => {
    // Arrange
    const dates = datesIn('2026-01-01', '2027-12-31');
    const started = performance.now();

    // Act / Assert
    for (const d of dates) {
      for (const n of [1, 7, 400]) {
        expect(workingDaysBetween(az, d, addWorkingDays(az, d, n))).toBe(n);
        if (isWorkingDay(az, d)) expect(workingDaysBetween(az, d, addWorkingDays(az, d, -n))).toBe(-n);
      }
    }
    // About 2 × 731 × 3 walks of up to ~560 days: a slow lookup would show here first.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('nextWorkingDay', () => {
  it.each([
    ['2026-03-19', '2026-03-19'],
    ['2026-03-20', '2026-03-31'],
    ['2026-03-14', '2026-03-16'],
    ['2026-12-31', '2027-01-05'],
    ['2026-11-08', '2026-11-11'],
  ])('%s → %s', (date, expected) => {
    // Act / Assert
    expect(nextWorkingDay(az, date)).toBe(expected);
  });
});

describe('mergeCalendars', () => {
  it('lets a tenant work on a day off with kind normal, and on a Saturday with kind working', () => {
    // Act
    const merged = mergeCalendars(az, {
      days: [
        { date: '2026-03-27', kind: 'normal' },
        { date: '2026-03-28', kind: 'working' },
      ],
    });

    // Assert
    expect(isWorkingDay(merged, '2026-03-27')).toBe(true);
    expect(isWorkingDay(merged, '2026-03-28')).toBe(true);
    expect(calendarDays(merged, 2026).some((d) => d.date === '2026-03-27')).toBe(false);
    expect(addWorkingDays(merged, '2026-03-19', 2)).toBe('2026-03-28');
    expect(workingDaysBetween(merged, '2026-03-19', '2026-03-31')).toBe(3);
  });

  it('replaces the base entry for the same date and leaves the base untouched', () => {
    // Arrange
    const name = { az: 'Müəssisə günü', en: 'Company day', ru: 'День компании' };

    // Act
    const merged = mergeCalendars(az, { days: [{ date: '2026-03-31', kind: 'day-off', name }] });
    const replaced = mergeCalendars(merged, { days: [{ date: '2026-03-31', kind: 'holiday' }] });

    // Assert
    expect(isWorkingDay(merged, '2026-03-31')).toBe(false);
    expect(calendarDays(merged, 2026).filter((d) => d.date === '2026-03-31')).toEqual([
      { date: '2026-03-31', kind: 'day-off', name },
    ]);
    expect(calendarDays(replaced, 2026).filter((d) => d.date === '2026-03-31')).toEqual([
      { date: '2026-03-31', kind: 'holiday' },
    ]);
    expect(isWorkingDay(az, '2026-03-31')).toBe(true);
    expect(calendarDays(az, 2026).some((d) => d.date === '2026-03-31')).toBe(false);
  });

  it('keeps the days sorted, ignores normal on a date without an entry, and lets the last edit win', () => {
    // Act
    const merged = mergeCalendars(az, {
      days: [
        { date: '2026-07-01', kind: 'holiday' },
        { date: '2026-04-15', kind: 'normal' },
        { date: '2026-07-01', kind: 'day-off' },
      ],
    });
    const dates = calendarDays(merged, 2026).map((d) => d.date);

    // Assert
    expect(dates).toEqual([...dates].sort());
    expect(dates.length).toBe(calendarDays(az, 2026).length + 1);
    expect(calendarDays(merged, 2026).find((d) => d.date === '2026-07-01')?.kind).toBe('day-off');
  });

  it('takes the weekend from the overrides when given', () => {
    // Act: a six-day week; Saturday works unless the calendar says otherwise.
    const merged = mergeCalendars(plain, { weekend: [7], days: [] });

    // Assert
    expect(isWorkingDay(merged, '2026-03-14')).toBe(true);
    expect(isWorkingDay(merged, '2026-03-15')).toBe(false);
    expect(addWorkingDays(merged, '2026-03-13', 2)).toBe('2026-03-16');
  });

  it('rejects malformed dates in the overrides', () => {
    // Act / Assert
    expect(() => mergeCalendars(az, { days: [{ date: '2026-02-29', kind: 'holiday' }] })).toThrow(RangeError);
  });
});

describe('input checks', () => {
  it.each(['2026-02-29', '2026-13-01', '2026-3-9', '26-03-09', '2026-03-09T00:00', '0999-12-31', ''])(
    'rejects %j as a date',
    (date) => {
      // Act / Assert
      expect(() => isWorkingDay(az, date)).toThrow(RangeError);
    },
  );

  it('rejects a weekend covering the whole week or with a non-weekday', () => {
    // Act / Assert
    expect(() => isWorkingDay({ weekend: [1, 2, 3, 4, 5, 6, 7], days: [] }, '2026-03-19')).toThrow(
      RangeError,
    );
    expect(() => isWorkingDay({ weekend: [0], days: [] }, '2026-03-19')).toThrow(RangeError);
  });

  it('rejects two entries for one date', () => {
    // Arrange
    const cal: WorkingCalendar = {
      weekend: [6, 7],
      days: [
        { date: '2026-03-19', kind: 'holiday' },
        { date: '2026-03-19', kind: 'working' },
      ],
    };

    // Act / Assert
    expect(() => isWorkingDay(cal, '2026-03-19')).toThrow(RangeError);
  });
});
