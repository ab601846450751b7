/**
 * Working-day arithmetic for deadlines (control dates, reply terms, archive periods).
 *
 * A calendar is a weekly rule plus exceptions: public holidays and days off that fall on weekdays,
 * and weekend days made working days by a Cabinet transfer. Exceptions are either listed outright
 * (`days`) or computed a year at a time when a date of that year is first looked at
 * (`exceptionsOf`, e.g. from the Labour Code's holiday rules), so a calendar answers for any year.
 * Dates are Baku calendar dates as `YYYY-MM-DD` strings; there are no times and no zones here, only
 * day numbers counted on UTC dates built from the Y-M-D parts, so daylight saving cannot shift a day.
 *
 * Calendars are treated as immutable values: the lookup index built for a calendar (and each year
 * it computed) is cached against the object, so change a calendar by building a new one (e.g. with
 * `mergeCalendars`).
 */

/**
 * - `holiday`: a non-working day fixed by law (a public holiday, or the 20 January mourning day);
 *   may fall on a weekend.
 * - `day-off`: a weekday off because a holiday was carried over (Labour Code 105.5, 105.6) or
 *   because the Cabinet moved a rest day onto it (105.7).
 * - `working`: a weekend day made a working day by such a move.
 */
export type CalendarDayKind = 'holiday' | 'day-off' | 'working';

export interface LocalizedName {
  readonly az: string;
  readonly en: string;
  readonly ru: string;
}

export interface CalendarDay {
  readonly date: string;
  readonly kind: CalendarDayKind;
  readonly name?: LocalizedName;
  /** Not yet officially announced (e.g. a lunar holiday computed ahead of the Cabinet decision). */
  readonly provisional?: boolean;
}

export interface WorkingCalendar {
  /** ISO weekdays (1 = Monday … 7 = Sunday) that are rest days unless an exception says otherwise. */
  readonly weekend: readonly number[];
  /** Exceptions listed outright, of any years; at most one entry a date. */
  readonly days?: readonly CalendarDay[];
  /**
   * The computed exceptions of one year: called when a date of `year` is first looked at, at most
   * once a year for a calendar (the answer is cached with it), so it must always give the same
   * answer. Every date inside `year`, at most one entry a date; a listed `days` entry wins over a
   * computed one for the same date.
   */
  readonly exceptionsOf?: (year: number) => readonly CalendarDay[];
}

/** The five-day week of state bodies. */
export const DEFAULT_WEEKEND: readonly number[] = [6, 7];

/**
 * A tenant's edit of one date. `normal` removes any exception for the date, so the day follows the
 * weekly rule again (e.g. an organisation that works on a day the base calendar marks off).
 */
export interface CalendarOverride {
  readonly date: string;
  readonly kind: CalendarDayKind | 'normal';
  readonly name?: LocalizedName;
  readonly provisional?: boolean;
}

export interface CalendarOverrides {
  /** Replaces the base weekend when given. */
  readonly weekend?: readonly number[];
  readonly days: readonly CalendarOverride[];
}

/** True when `date` is a working day: a `working` exception, or no exception and not a weekend day. */
export function isWorkingDay(cal: WorkingCalendar, date: string): boolean {
  return isWorking(indexOf(cal), parseDate(date));
}

/**
 * The n-th working day after `date` (n > 0) or before it (n < 0), not counting `date` itself;
 * `date` unchanged for n = 0. `date` itself need not be a working day.
 */
export function addWorkingDays(cal: WorkingCalendar, date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Not a whole number of days: ${n}`);
  const index = indexOf(cal);
  const step = n < 0 ? -1 : 1;
  let day = parseDate(date);
  for (let left = Math.abs(n); left > 0;) {
    day += step;
    if (isWorking(index, day)) left -= 1;
  }
  return formatDate(day);
}

/**
 * Working days in (from, to]; negative, -(working days in (to, from]), when `to` is before `from`.
 * Antisymmetric and additive: between(a, b) + between(b, c) = between(a, c). For a working day
 * `from`, `addWorkingDays(cal, from, workingDaysBetween(cal, from, to))` is the last working day
 * on or before `to`.
 */
export function workingDaysBetween(cal: WorkingCalendar, from: string, to: string): number {
  const index = indexOf(cal);
  const a = parseDate(from);
  const b = parseDate(to);
  const [low, high] = a <= b ? [a, b] : [b, a];
  let count = 0;
  for (let day = low + 1; day <= high; day += 1) if (isWorking(index, day)) count += 1;
  return a <= b ? count : -count;
}

/** `date` itself when it is a working day, otherwise the first working day after it. */
export function nextWorkingDay(cal: WorkingCalendar, date: string): string {
  const index = indexOf(cal);
  let day = parseDate(date);
  while (!isWorking(index, day)) day += 1;
  return formatDate(day);
}

/**
 * The exceptions of one year (listed and computed, a listed entry winning on its date), sorted by
 * date. Throws RangeError on a malformed calendar.
 */
export function calendarDays(cal: WorkingCalendar, year: number): readonly CalendarDay[] {
  if (!Number.isInteger(year)) throw new RangeError(`Not a year: ${year}`);
  return yearIndex(indexOf(cal), year).days;
}

/**
 * The base calendar with a tenant's edits applied: an override replaces the base entry for its date,
 * `normal` removes it (the last edit of a date wins). The result computes each year from the base's
 * year when first needed, so it answers for any year the base does; its days come back sorted by
 * date. Throws RangeError on a malformed date or weekend in the overrides.
 */
export function mergeCalendars(base: WorkingCalendar, overrides: CalendarOverrides): WorkingCalendar {
  const weekend = [...(overrides.weekend ?? base.weekend)];
  weekendFlags(weekend); // validate now rather than on first use
  const editsByYear = new Map<number, CalendarOverride[]>();
  for (const edit of overrides.days) {
    const date = canonical(edit.date);
    const year = Number(date.slice(0, 4));
    const edits = editsByYear.get(year) ?? [];
    edits.push({ ...edit, date });
    editsByYear.set(year, edits);
  }
  return {
    weekend,
    exceptionsOf: (year) => {
      const byDate = new Map<string, CalendarDay>();
      for (const day of calendarDays(base, year)) byDate.set(day.date, day);
      for (const edit of editsByYear.get(year) ?? []) {
        if (edit.kind === 'normal') {
          byDate.delete(edit.date);
          continue;
        }
        byDate.set(edit.date, {
          date: edit.date,
          kind: edit.kind,
          ...(edit.name ? { name: edit.name } : {}),
          ...(edit.provisional ? { provisional: true } : {}),
        });
      }
      return [...byDate.values()];
    },
  };
}

// --- internals -------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;
const FIRST_DAY = Date.UTC(MIN_YEAR, 0, 1) / DAY_MS;
// The day after 9999-12-31 would need a five-digit year; stepping past it is an error, not a date.
const LAST_DAY = Date.UTC(MAX_YEAR, 11, 31) / DAY_MS;

interface YearIndex {
  readonly first: number;
  readonly last: number;
  readonly days: readonly CalendarDay[];
  readonly exceptions: ReadonlyMap<number, CalendarDayKind>;
}

interface CalendarIndex {
  /** Indexed by ISO weekday; slot 0 unused. */
  readonly weekend: readonly boolean[];
  /** The listed days, by year. */
  readonly listed: ReadonlyMap<number, readonly CalendarDay[]>;
  readonly compute: ((year: number) => readonly CalendarDay[]) | undefined;
  readonly years: Map<number, YearIndex>;
  /** The year looked at last: walks over consecutive days stay in one year most of the time. */
  current: YearIndex | undefined;
}

const indexes = new WeakMap<WorkingCalendar, CalendarIndex>();

function indexOf(cal: WorkingCalendar): CalendarIndex {
  let index = indexes.get(cal);
  if (!index) {
    index = buildIndex(cal);
    indexes.set(cal, index);
  }
  return index;
}

function weekendFlags(days: readonly number[]): boolean[] {
  const weekend = Array.from({ length: 8 }, () => false);
  for (const day of days) {
    if (!Number.isInteger(day) || day < 1 || day > 7) throw new RangeError(`Not an ISO weekday: ${day}`);
    weekend[day] = true;
  }
  // Without a single working weekday a search for the next working day would never end.
  if (weekend.filter(Boolean).length === 7) throw new RangeError('A weekend cannot cover the whole week');
  return weekend;
}

function buildIndex(cal: WorkingCalendar): CalendarIndex {
  const weekend = weekendFlags(cal.weekend);
  const seen = new Set<number>();
  const listed = new Map<number, CalendarDay[]>();
  for (const entry of cal.days ?? []) {
    const day = parseDate(entry.date);
    if (seen.has(day)) throw new RangeError(`Two calendar entries for ${entry.date}`);
    seen.add(day);
    const year = yearOfDay(day);
    const list = listed.get(year) ?? [];
    list.push({ ...entry, date: formatDate(day) });
    listed.set(year, list);
  }
  return { weekend, listed, compute: cal.exceptionsOf, years: new Map(), current: undefined };
}

/** The exceptions of a year, computed (and checked) on first use. */
function yearIndex(index: CalendarIndex, year: number): YearIndex {
  const known = index.years.get(year);
  if (known) return known;
  if (year < MIN_YEAR || year > MAX_YEAR) throw new RangeError('Date out of range');
  const first = Date.UTC(year, 0, 1) / DAY_MS;
  const last = Date.UTC(year, 11, 31) / DAY_MS;
  const byDay = new Map<number, CalendarDay>();
  for (const entry of index.compute?.(year) ?? []) {
    const day = parseDate(entry.date);
    if (day < first || day > last) throw new RangeError(`${entry.date} is not in ${year}`);
    if (byDay.has(day)) throw new RangeError(`Two calendar entries for ${entry.date}`);
    byDay.set(day, entry);
  }
  for (const entry of index.listed.get(year) ?? []) byDay.set(parseDate(entry.date), entry);
  const sorted = [...byDay.entries()].sort(([a], [b]) => a - b);
  const built: YearIndex = {
    first,
    last,
    days: Object.freeze(sorted.map(([, entry]) => Object.freeze({ ...entry }))),
    exceptions: new Map(sorted.map(([day, entry]) => [day, entry.kind])),
  };
  index.years.set(year, built);
  return built;
}

function isWorking(index: CalendarIndex, day: number): boolean {
  let year = index.current;
  if (!year || day < year.first || day > year.last) {
    year = yearIndex(index, yearOfDay(day));
    index.current = year;
  }
  const kind = year.exceptions.get(day);
  if (kind !== undefined) return kind === 'working';
  return !index.weekend[isoWeekday(day)];
}

function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** 1970-01-01 (day 0) was a Thursday, ISO weekday 4. */
function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Days since 1970-01-01; throws RangeError unless `date` is a real `YYYY-MM-DD` date. */
function parseDate(date: string): number {
  const m = ISO_DATE.exec(date);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const time = Date.UTC(year, month - 1, day);
    const back = new Date(time);
    // Date.UTC rolls 31.02 over into March; only a round trip proves the date exists.
    if (year >= MIN_YEAR && back.getUTCMonth() === month - 1 && back.getUTCDate() === day)
      return time / DAY_MS;
  }
  throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
}

function formatDate(day: number): string {
  if (day < FIRST_DAY || day > LAST_DAY) throw new RangeError('Date out of range');
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function canonical(date: string): string {
  return formatDate(parseDate(date));
}
