import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_MOVABLE_HOLIDAYS,
  azerbaijanBuiltInCalendar,
  azerbaijanYearDays,
} from '../../../../../functions/modules/execution/domain/calendar/azerbaijan';
import type { MovableHolidays } from '../../../../../functions/modules/execution/domain/calendar/movable-holidays';
import {
  isWorkingDay,
  workingDaysBetween,
  type CalendarDay,
} from '../../../../../functions/modules/execution/domain/calendar/working-days';

/**
 * The hand-written 2026–2027 state calendar that the rules and yearly data in azerbaijan.ts
 * replaced, kept verbatim as data (see that file for the sources), so that these tests show that
 * the generator reproduces it.
 */
const handWritten2026_2027 = JSON.parse(
  readFileSync(new URL('./fixtures/hand-written-2026-2027.json', import.meta.url), 'utf8'),
) as readonly CalendarDay[];

/** Yearly data for the years given (confirmed, no transfers unless given). */
function data(...years: Array<Partial<MovableHolidays> & { year: number }>) {
  const byYear = new Map<number, MovableHolidays>(
    years.map((y) => [
      y.year,
      { status: 'confirmed', ramazan: [], qurban: [], workingDays: [], restDays: [], ...y },
    ]),
  );
  return (year: number) => byYear.get(year);
}
const none = () => undefined;

/** "date kind" of every entry of a kind, or of every entry. */
const of = (days: readonly CalendarDay[], kind?: CalendarDay['kind']) =>
  days.filter((d) => !kind || d.kind === kind).map((d) => d.date);
const find = (days: readonly CalendarDay[], date: string) => days.find((d) => d.date === date);

describe('azerbaijanYearDays: the built-in 2026 and 2027 data reproduce the hand-written calendar', () => {
  const builtIn = (year: number) => BUILT_IN_MOVABLE_HOLIDAYS.find((d) => d.year === year);
  const generated = [...azerbaijanYearDays(2026, builtIn), ...azerbaijanYearDays(2027, builtIn)];

  it('has exactly the dates, kinds and provisional marks of the hand-written list', () => {
    // Arrange
    const shape = (d: CalendarDay) => ({ date: d.date, kind: d.kind, provisional: d.provisional === true });

    // Act / Assert
    expect(generated.map(shape)).toEqual(handWritten2026_2027.map(shape));
  });

  it('names every holiday as the hand-written list did, in three languages', () => {
    // Act
    const holidays = generated.filter((d) => d.kind === 'holiday');

    // Assert
    expect(holidays.map((d) => [d.date, d.name])).toEqual(
      handWritten2026_2027.filter((d) => d.kind === 'holiday').map((d) => [d.date, d.name]),
    );
  });

  it('names every day off by its reason in three languages', () => {
    // Act / Assert
    expect(find(generated, '2026-03-09')?.name).toEqual({
      az: 'İstirahət günü (Qadınlar Günü: 8 mart bazar gününə düşür)',
      en: "Day off (Women's Day: 8 March falls on a Sunday)",
      ru: 'Выходной день (Женский день: 8 марта приходится на воскресенье)',
    });
    expect(find(generated, '2026-05-29')?.name?.az).toBe(
      'İstirahət günü (Qurban bayramı Müstəqillik Günü ilə üst-üstə düşür)',
    );
    expect(find(generated, '2026-03-27')?.name?.en).toBe('Day off (Ramazan Bayram coincides with Novruz)');
    for (const d of generated.filter((x) => x.kind === 'day-off')) {
      expect(d.name?.az, d.date).toMatch(/^İstirahət günü \(.+\)$/);
      expect(d.name?.en, d.date).toMatch(/^Day off \(.+\)$/);
      expect(d.name?.ru, d.date).toMatch(/^Выходной день \(.+\)$/);
    }
  });
});

describe('azerbaijanYearDays: fixed holidays and carry-overs in other years', () => {
  it('gives 3–4 January 2028 off for 1–2 January on a Saturday and a Sunday', () => {
    // Act
    const days = azerbaijanYearDays(2028, none);

    // Assert
    expect(of(days).slice(0, 5)).toEqual([
      '2028-01-01',
      '2028-01-02',
      '2028-01-03',
      '2028-01-04',
      '2028-01-20',
    ]);
    expect(find(days, '2028-01-03')?.kind).toBe('day-off');
    expect(find(days, '2028-01-04')?.name?.en).toBe('Day off (New Year: 2 January falls on a Sunday)');
    // And through the built-in calendar, from the 2027 side of the year end.
    expect(isWorkingDay(azerbaijanBuiltInCalendar, '2028-01-04')).toBe(false);
    expect(workingDaysBetween(azerbaijanBuiltInCalendar, '2027-12-30', '2028-01-05')).toBe(1);
  });

  it('carries 31 December on a Saturday over into the next year, after 1–2 January (2022 → 2023)', () => {
    // Act
    const y2022 = azerbaijanYearDays(2022, none);
    const y2023 = azerbaijanYearDays(2023, none);

    // Assert: 31.12.2022 (Sat) and 01.01.2023 (Sun) give 3 and 4 January 2023.
    expect(of(y2022).at(-1)).toBe('2022-12-31');
    expect(of(y2023, 'day-off').slice(0, 2)).toEqual(['2023-01-03', '2023-01-04']);
    expect(find(y2023, '2023-01-03')?.name?.en).toBe(
      'Day off (Day of Solidarity of World Azerbaijanis: 31 December falls on a Saturday)',
    );
    expect(find(y2023, '2023-01-04')?.name?.en).toBe('Day off (New Year: 1 January falls on a Sunday)');
    // 1–2 January 2022 were a weekend too.
    expect(of(y2022, 'day-off').slice(0, 2)).toEqual(['2022-01-03', '2022-01-04']);
  });

  it('carries Novruz days on a weekend past the end of Novruz', () => {
    // Act / Assert: 2029 ends Novruz on a Saturday, 2030 on a Sunday, 2033 begins it on a Sunday,
    // 2032 begins it on a Saturday and a Sunday.
    expect(of(azerbaijanYearDays(2029, none), 'day-off')).toContain('2029-03-26');
    expect(of(azerbaijanYearDays(2030, none), 'day-off')).toContain('2030-03-25');
    expect(of(azerbaijanYearDays(2033, none), 'day-off')).toContain('2033-03-25');
    const y2032 = of(azerbaijanYearDays(2032, none), 'day-off');
    expect(y2032).toContain('2032-03-25');
    expect(y2032).toContain('2032-03-26');
    expect(y2032).not.toContain('2032-03-29');
  });

  it('never carries 20 January over (2024: a Saturday)', () => {
    // Act
    const days = azerbaijanYearDays(2024, none);

    // Assert: only 31 December 2023 (a Sunday) gives a January day off.
    expect(find(days, '2024-01-20')?.kind).toBe('holiday');
    expect(of(days, 'day-off').filter((d) => d.startsWith('2024-01'))).toEqual(['2024-01-03']);
  });

  it('without yearly data has only the fixed holidays and their days off, none provisional', () => {
    // Act: 2031: 8 March, Novruz 22–23 March, 15 June and 8–9 November on weekends.
    const days = azerbaijanYearDays(2031, none);

    // Assert
    expect(days.filter((d) => d.kind === 'holiday')).toHaveLength(16);
    expect(of(days, 'day-off')).toEqual([
      '2031-03-10',
      '2031-03-25',
      '2031-03-26',
      '2031-06-16',
      '2031-11-10',
      '2031-11-11',
    ]);
    expect(days.some((d) => d.provisional)).toBe(false);
    expect(days.some((d) => /Ramazan|Gurban/.test(d.name?.en ?? ''))).toBe(false);
  });
});

describe('azerbaijanYearDays: Ramazan, Qurban and transfers from yearly data', () => {
  it('gives the next working day off when Qurban falls on 15 June (105.6)', () => {
    // Act: Qurban 15–16 June 2028 (Thursday, Friday).
    const days = azerbaijanYearDays(
      2028,
      data({ year: 2028, ramazan: ['2028-02-26'], qurban: ['2028-06-15'] }),
    );

    // Assert
    expect(find(days, '2028-06-15')?.name?.en).toBe(
      'National Salvation Day of the Azerbaijani People, Gurban Bayram (Eid al-Adha)',
    );
    expect(find(days, '2028-06-16')?.kind).toBe('holiday');
    expect(find(days, '2028-06-19')).toMatchObject({ kind: 'day-off' });
    expect(find(days, '2028-06-19')?.name?.en).toBe(
      'Day off (Gurban Bayram coincides with National Salvation Day of the Azerbaijani People)',
    );
  });

  it('stacks the days off of a weekend holiday and a weekend Qurban (2024: 15–19 June off)', () => {
    // Act: 15 June 2024 a Saturday, Qurban 16–17 June (Sunday, Monday).
    const days = azerbaijanYearDays(
      2024,
      data({ year: 2024, ramazan: ['2024-04-10'], qurban: ['2024-06-16'] }),
    );

    // Assert
    expect(of(days).filter((d) => d.startsWith('2024-06-1'))).toEqual([
      '2024-06-15',
      '2024-06-16',
      '2024-06-17',
      '2024-06-18',
      '2024-06-19',
    ]);
    expect(find(days, '2024-06-18')?.name?.en).toContain('15 June falls on a Saturday');
    expect(find(days, '2024-06-19')?.name?.en).toContain('16 June falls on a Sunday');
  });

  it('carries Qurban on 31 December and New Year across the year end, both rules stacking', () => {
    // Arrange: Qurban 31.12.2038 (Friday, Solidarity Day) – 01.01.2039 (Saturday, New Year).
    const dataOf = data({ year: 2038, ramazan: ['2038-11-28'], qurban: ['2038-12-31'] });

    // Act
    const y2038 = azerbaijanYearDays(2038, dataOf);
    const y2039 = azerbaijanYearDays(2039, dataOf);

    // Assert: 105.5 for 1 and 2 January first (3, 4), then 105.6 for 31 December and 1 January (5, 6).
    expect(find(y2038, '2038-12-31')?.name?.en).toBe(
      'Day of Solidarity of World Azerbaijanis, Gurban Bayram (Eid al-Adha)',
    );
    expect(of(y2038).filter((d) => d > '2038-12-01')).toEqual(['2038-12-31']);
    // Qurban began first, so it is named first.
    expect(find(y2039, '2039-01-01')?.name?.en).toBe('Gurban Bayram (Eid al-Adha), New Year');
    expect(of(y2039, 'day-off').slice(0, 4)).toEqual([
      '2039-01-03',
      '2039-01-04',
      '2039-01-05',
      '2039-01-06',
    ]);
    expect(find(y2039, '2039-01-05')?.name?.en).toBe(
      'Day off (Gurban Bayram coincides with Day of Solidarity of World Azerbaijanis)',
    );
    expect(find(y2039, '2039-01-06')?.name?.en).toBe('Day off (Gurban Bayram coincides with New Year)');
  });

  it('takes Ramazan twice in a year the lunar calendar brings it twice (2033)', () => {
    // Act: 2 January 2033 a Sunday (New Year), 3 January Ramazan's second day; 23–24 December
    // a Friday and a Saturday.
    const days = azerbaijanYearDays(
      2033,
      data({ year: 2033, ramazan: ['2033-01-02', '2033-12-23'], qurban: ['2033-03-11'] }),
    );

    // Assert
    expect(of(days).slice(0, 6)).toEqual([
      '2033-01-01',
      '2033-01-02',
      '2033-01-03',
      '2033-01-04',
      '2033-01-05',
      '2033-01-06',
    ]);
    expect(find(days, '2033-01-03')?.kind).toBe('holiday');
    expect(find(days, '2033-01-06')?.name?.en).toBe('Day off (Ramazan Bayram coincides with New Year)');
    expect(of(days).filter((d) => d >= '2033-12-20')).toEqual([
      '2033-12-23',
      '2033-12-24',
      '2033-12-26',
      '2033-12-31',
    ]);
  });

  it('applies the Cabinet transfers over the computed days', () => {
    // Act: Friday 30 May 2031 made a day off, Saturday 31 May a working day.
    const days = azerbaijanYearDays(
      2031,
      data({
        year: 2031,
        ramazan: ['2031-01-24'],
        qurban: ['2031-04-02'],
        workingDays: ['2031-05-31'],
        restDays: ['2031-05-30'],
      }),
    );

    // Assert
    expect(find(days, '2031-05-30')).toMatchObject({ kind: 'day-off' });
    expect(find(days, '2031-05-31')).toMatchObject({ kind: 'working' });
    expect(find(days, '2031-05-31')?.name?.az).toBe('İş günü (Nazirlər Kabinetinin qərarı ilə köçürülüb)');
  });

  it('marks what provisional data decides as provisional, a fixed day off it pushes on included', () => {
    // Act: a provisional Qurban on 11–12 May 2026 pushes the day off for 9 May (a Saturday) to 13 May.
    const days = azerbaijanYearDays(
      2026,
      data({
        year: 2026,
        status: 'provisional',
        ramazan: ['2026-03-20'],
        qurban: ['2026-05-11'],
        restDays: ['2026-07-03'],
      }),
    );

    // Assert
    expect(find(days, '2026-05-09')?.provisional).toBeUndefined();
    expect(find(days, '2026-05-11')).toMatchObject({ kind: 'holiday', provisional: true });
    expect(find(days, '2026-05-13')).toMatchObject({ kind: 'day-off', provisional: true });
    expect(find(days, '2026-07-03')).toMatchObject({ kind: 'day-off', provisional: true });
    // Novruz on the weekend is certain; Ramazan on it (and its days off) is not.
    expect(find(days, '2026-03-22')?.provisional).toBeUndefined();
    expect(find(days, '2026-03-25')?.provisional).toBeUndefined();
    expect(find(days, '2026-03-27')?.provisional).toBe(true);
  });
});
