import { describe, expect, it } from 'vitest';
import {
  getCalendar,
  getCalendarYear,
  listCalendarYears,
  updateCalendar,
  updateCalendarYear,
} from '../../../functions/modules/execution/usecases/calendar.usecase';
import { actor } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

const admin = actor('admin', ['admin']);
const dayOff = (date: string) => ({ date, kind: 'day-off' as const });

describe('getCalendar and updateCalendar', () => {
  it('answers the state calendar with its yearly data before the agency edits anything', async () => {
    // Arrange
    const deps = memoryDeps();

    // Act
    const calendar = await getCalendar(deps, admin, 2026);

    // Assert
    expect(calendar).toMatchObject({
      year: 2026,
      weekend: [6, 7],
      overrides: [],
      movableHolidays: 'confirmed',
      version: 0,
    });
    expect(calendar.days).toContainEqual(expect.objectContaining({ date: '2026-03-20', kind: 'holiday' }));
    expect((await getCalendar(deps, admin, 2031)).movableHolidays).toBe('missing');
  });

  it('creates the edits at version 0 and answers the edited year with them applied', async () => {
    // Arrange
    const deps = memoryDeps();

    // Act
    const edited = await updateCalendar(deps, admin, {
      version: 0,
      year: 2026,
      days: [dayOff('2026-03-04')],
    });

    // Assert
    expect(edited.version).toBe(1);
    expect(edited.overrides).toEqual([dayOff('2026-03-04')]);
    expect(edited.days).toContainEqual({ date: '2026-03-04', kind: 'day-off' });
    expect(deps.store.writes[0]).toMatchObject({
      kind: 'create',
      type: 'calendar',
      item: { id: 'working-calendar' },
    });
  });

  it('replaces only the edited year’s edits, keeping the other years and the weekend', async () => {
    // Arrange
    const deps = memoryDeps();
    await updateCalendar(deps, admin, {
      version: 0,
      weekend: [7],
      days: [dayOff('2026-03-04'), dayOff('2027-03-03')],
    });

    // Act
    const edited = await updateCalendar(deps, admin, {
      version: 1,
      year: 2026,
      days: [dayOff('2026-03-05')],
    });
    const other = await getCalendar(deps, admin, 2027);

    // Assert
    expect(edited).toMatchObject({ weekend: [7], overrides: [dayOff('2026-03-05')], version: 2 });
    expect(other.overrides).toEqual([dayOff('2027-03-03')]);
  });

  it('refuses a date listed twice, a date outside the edited year, and a stale version', async () => {
    // Arrange
    const deps = memoryDeps();

    // Act
    const twice = updateCalendar(deps, admin, {
      version: 0,
      days: [dayOff('2026-03-04'), dayOff('2026-03-04')],
    });
    const outside = updateCalendar(deps, admin, {
      version: 0,
      year: 2026,
      days: [dayOff('2026-03-04'), dayOff('2027-01-05')],
    });
    const staleCreate = updateCalendar(deps, admin, { version: 3, days: [] });
    await updateCalendar(deps, admin, { version: 0, days: [] });
    const staleUpdate = updateCalendar(deps, admin, { version: 0, days: [] });

    // Assert
    await expect(twice).rejects.toMatchObject({ code: 'duplicate_date', issues: [{ path: 'days' }] });
    await expect(outside).rejects.toMatchObject({
      code: 'date_outside_year',
      issues: [{ path: 'days.1.date' }],
    });
    await expect(staleCreate).rejects.toMatchObject({ code: 'stale_version' });
    await expect(staleUpdate).rejects.toMatchObject({ code: 'stale_version' });
  });

  it('refuses a malformed weekend before writing', async () => {
    // Arrange
    const deps = memoryDeps();

    // Act
    const attempt = updateCalendar(deps, admin, { version: 0, weekend: [9], days: [] });

    // Assert
    await expect(attempt).rejects.toBeInstanceOf(RangeError);
    expect(deps.store.writes).toEqual([]);
  });
});

describe('yearly data', () => {
  const year2031 = { status: 'confirmed' as const, ramazan: ['2031-01-25'], qurban: ['2031-04-03'] };

  it('answers built-in data, missing data, and the agency’s own entry in place of either', async () => {
    // Arrange
    const deps = memoryDeps();

    // Act
    const builtIn = await getCalendarYear(deps, admin, 2027);
    const missing = await getCalendarYear(deps, admin, 2031);
    const saved = await updateCalendarYear(deps, admin, 2031, { ...year2031, version: 0 });
    const own2027 = await updateCalendarYear(deps, admin, 2027, {
      status: 'confirmed',
      ramazan: ['2027-03-10'],
      qurban: ['2027-05-17'],
      version: 1,
    });

    // Assert
    expect(builtIn).toMatchObject({ movableHolidays: 'provisional', source: 'built-in', version: 0 });
    expect(missing).toEqual({
      year: 2031,
      movableHolidays: 'missing',
      ramazan: [],
      qurban: [],
      workingDays: [],
      restDays: [],
      version: 0,
    });
    expect(saved).toMatchObject({
      movableHolidays: 'confirmed',
      source: 'agency',
      ramazan: ['2031-01-25'],
      version: 1,
    });
    expect(own2027).toMatchObject({ source: 'agency', ramazan: ['2027-03-10'], version: 2 });
    expect(await getCalendarYear(deps, admin, 2031)).toMatchObject({ source: 'agency', version: 2 });
  });

  it('refuses data that does not fit the year, naming every issue', async () => {
    // Arrange
    const deps = memoryDeps();

    // Act
    const attempt = updateCalendarYear(deps, admin, 2031, {
      status: 'provisional',
      ramazan: ['2030-12-30'],
      qurban: ['2031-04-03'],
      workingDays: ['2031-04-02'],
      version: 0,
    });

    // Assert
    await expect(attempt).rejects.toMatchObject({
      code: 'date_outside_year',
      issues: [
        { path: 'ramazan.0', code: 'date_outside_year' },
        { path: 'workingDays.0', code: 'not_a_weekend_day' },
      ],
    });
    expect(deps.store.writes).toEqual([]);
  });

  it('lists the years with data, and those to fill in now by the clock: from 1 December the next one too', async () => {
    // Arrange
    const deps = memoryDeps('2027-12-01T08:00:00.000Z');
    await updateCalendarYear(deps, admin, 2031, { ...year2031, version: 0 });

    // Act
    const list = await listCalendarYears(deps, admin);
    deps.clock.set('2027-11-30T08:00:00.000Z');
    const november = await listCalendarYears(deps, admin);

    // Assert
    expect(list).toEqual({
      today: '2027-12-01',
      years: [
        { year: 2026, movableHolidays: 'confirmed', source: 'built-in' },
        { year: 2027, movableHolidays: 'provisional', source: 'built-in' },
        { year: 2031, movableHolidays: 'confirmed', source: 'agency' },
      ],
      missing: [2028],
      version: 1,
    });
    expect(november.missing).toEqual([]);
  });
});
