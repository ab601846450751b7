import {
  movableHolidayIssues,
  azerbaijanBuiltInCalendar,
  movableHolidaysByYear,
} from '../domain/calendar/azerbaijan';
import type { Actor, AggregateMeta } from '../../../platform/kernel/aggregate';
import {
  movableHolidayState,
  yearsLackingMovableHolidays,
  type MovableHolidays,
  type MovableHolidaysInput,
} from '../domain/calendar/movable-holidays';
import { type CalendarOverride, calendarDays, mergeCalendars } from '../domain/calendar/working-days';
import { BusinessRuleError, ConflictError } from '../../../platform/kernel/errors';
import {
  CALENDAR_ID,
  CALENDAR_YEARS_ID,
  calendarWithEdits,
  today,
  type CalendarAggregate,
  type CalendarYearsAggregate,
  type ExecutionDeps,
} from './common';

/**
 * The tenant's working-day calendar for one year: the Azerbaijani state calendar (with the yearly
 * data in force) with the tenant's edits, and whether the year's yearly data is missing,
 * provisional or confirmed.
 */
export async function getCalendar(deps: ExecutionDeps, actor: Actor, year: number) {
  const { own, years, calendar: merged } = await calendarWithEdits(deps, actor.tenantId);
  const prefix = `${year}-`;
  return {
    year,
    weekend: [...merged.weekend],
    days: calendarDays(merged, year).map((d) => ({ ...d })),
    overrides: (own?.days ?? []).filter((d) => d.date.startsWith(prefix)).map((d) => ({ ...d })),
    movableHolidays: movableHolidayState(movableHolidaysByYear(years?.years), year),
    version: own?.version ?? 0,
  };
}

/**
 * Writes one of the tenant's calendar items (its edits, its yearly data): created when there is
 * none (the caller read version 0), else updated on the version the caller read.
 */
async function saveCalendarItem<T extends AggregateMeta>(
  deps: ExecutionDeps,
  actor: Actor,
  id: string,
  current: T | undefined,
  data: Omit<T, keyof AggregateMeta>,
  version: number,
): Promise<T> {
  const now = deps.clock.now().toISOString();
  const options = { actorId: actor.employeeId, sortKey: id };
  const meta = { id, tenantId: actor.tenantId, updatedAt: now };
  if (!current) {
    if (version !== 0) throw stale(version);
    const item = { ...data, ...meta, version: 1, createdAt: now } as T;
    return (await deps.store.create<T>('calendar', item, options)).item;
  }
  const item = { ...data, ...meta, version: current.version, createdAt: current.createdAt } as T;
  return deps.store.update<T>('calendar', item, version, options);
}

/**
 * Replaces the tenant's edits — of one `year` when it is given (the other years' edits stay), else
 * of all years — and optionally its weekend; version 0 creates them. The deadline machines read
 * the calendar at each step, so later events follow the edit. Answers with the edited year.
 */
export async function updateCalendar(
  deps: ExecutionDeps,
  actor: Actor,
  input: { version: number; year?: number; weekend?: number[]; days: CalendarOverride[] },
) {
  const dates = input.days.map((d) => d.date);
  if (new Set(dates).size !== dates.length)
    throw new BusinessRuleError('duplicate_date', 'A date is listed twice', {}, [
      { path: 'days', code: 'duplicate_date' },
    ]);
  const prefix = input.year !== undefined ? `${input.year}-` : undefined;
  const outside = prefix ? dates.findIndex((d) => !d.startsWith(prefix)) : -1;
  if (outside >= 0)
    throw new BusinessRuleError('date_outside_year', 'A date is outside the edited year', {}, [
      { path: `days.${outside}.date`, code: 'date_outside_year' },
    ]);
  const current = await deps.store.get<CalendarAggregate>('calendar', actor.tenantId, CALENDAR_ID);
  const kept = prefix ? (current?.days ?? []).filter((d) => !d.date.startsWith(prefix)) : [];
  const weekend = input.weekend ?? current?.weekend;
  const data = { ...(weekend ? { weekend } : {}), days: [...kept, ...input.days] };
  mergeCalendars(azerbaijanBuiltInCalendar, data);
  await saveCalendarItem<CalendarAggregate>(deps, actor, CALENDAR_ID, current, data, input.version);
  const year = input.year ?? Number((dates[0] ?? deps.clock.now().toISOString()).slice(0, 4));
  return getCalendar(deps, actor, year);
}

/**
 * A year's yearly data (Ramazan, Qurban, Cabinet transfers) in force: the agency's own entry, else
 * the built-in one, else none (`missing`: the year counts fixed holidays and weekends only).
 * `version` is that of the agency's yearly data as a whole (0: none entered yet).
 */
export async function getCalendarYear(deps: ExecutionDeps, actor: Actor, year: number) {
  const stored = await deps.store.get<CalendarYearsAggregate>('calendar', actor.tenantId, CALENDAR_YEARS_ID);
  return yearView(stored, year);
}

/**
 * Enters or corrects a year's yearly data for the agency (replacing the built-in data of the year
 * for it); the other years stay. Version 0 creates the agency's yearly data. Deadlines computed
 * from now on follow it.
 */
export async function updateCalendarYear(
  deps: ExecutionDeps,
  actor: Actor,
  year: number,
  input: MovableHolidaysInput & { version: number },
) {
  const entry: MovableHolidays = {
    year,
    status: input.status,
    ramazan: [...input.ramazan],
    qurban: [...input.qurban],
    workingDays: [...(input.workingDays ?? [])],
    restDays: [...(input.restDays ?? [])],
  };
  const issues = movableHolidayIssues(entry);
  if (issues.length > 0)
    throw new BusinessRuleError(issues[0]!.code, 'The yearly calendar data is not valid', {}, issues);
  const current = await deps.store.get<CalendarYearsAggregate>('calendar', actor.tenantId, CALENDAR_YEARS_ID);
  const years = [...(current?.years ?? []).filter((y) => y.year !== year), entry].sort(
    (a, b) => a.year - b.year,
  );
  const saved = await saveCalendarItem<CalendarYearsAggregate>(
    deps,
    actor,
    CALENDAR_YEARS_ID,
    current,
    { years },
    input.version,
  );
  return yearView(saved, year);
}

/**
 * The years that have yearly data (built-in or the agency's), and those an admin should fill in
 * now by the server's clock: the current year, and from 1 December the next, when they lack it.
 */
export async function listCalendarYears(deps: ExecutionDeps, actor: Actor) {
  const stored = await deps.store.get<CalendarYearsAggregate>('calendar', actor.tenantId, CALENDAR_YEARS_ID);
  const byYear = movableHolidaysByYear(stored?.years);
  const own = new Set((stored?.years ?? []).map((y) => y.year));
  const date = today(deps);
  return {
    today: date,
    years: [...byYear.values()]
      .sort((a, b) => a.year - b.year)
      .map((y) => ({
        year: y.year,
        movableHolidays: y.status,
        source: own.has(y.year) ? ('agency' as const) : ('built-in' as const),
      })),
    missing: yearsLackingMovableHolidays(byYear, date),
    version: stored?.version ?? 0,
  };
}

function yearView(stored: CalendarYearsAggregate | undefined, year: number) {
  const own = stored?.years.find((y) => y.year === year);
  const data = own ?? movableHolidaysByYear().get(year);
  return {
    year,
    movableHolidays: data?.status ?? ('missing' as const),
    ...(data ? { source: own ? ('agency' as const) : ('built-in' as const) } : {}),
    ramazan: [...(data?.ramazan ?? [])],
    qurban: [...(data?.qurban ?? [])],
    workingDays: [...(data?.workingDays ?? [])],
    restDays: [...(data?.restDays ?? [])],
    version: stored?.version ?? 0,
  };
}

function stale(expected: number) {
  return new ConflictError('stale_version', 'The record was changed by someone else; reload it', {
    expected,
  });
}
