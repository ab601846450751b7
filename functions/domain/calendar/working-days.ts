/**
 * Working-day arithmetic for deadlines (control dates, reply terms, archive periods).
 *
 * A calendar is a weekly rule plus a list of exceptions: public holidays and days off that fall on
 * weekdays, and weekend days made working days by a Cabinet transfer. Dates are Baku calendar
 * dates as `YYYY-MM-DD` strings; there are no times and no zones here, only day numbers counted
 * on UTC dates built from the Y-M-D parts, so daylight saving cannot shift a day.
 *
 * Calendars are treated as immutable values: the lookup index built for a calendar is cached
 * against the object, so change a calendar by building a new one (e.g. with `mergeCalendars`).
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
  /** Exceptions only; at most one entry a date. */
  readonly days: readonly CalendarDay[];
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
 * The base calendar with a tenant's edits applied: an override replaces the base entry for its date,
 * `normal` removes it. Days come back sorted by date. Throws RangeError on a malformed date or weekend.
 */
export function mergeCalendars(base: WorkingCalendar, overrides: CalendarOverrides): WorkingCalendar {
  const byDate = new Map<string, CalendarDay>();
  for (const day of base.days) byDate.set(canonical(day.date), day);
  for (const edit of overrides.days) {
    const date = canonical(edit.date);
    if (edit.kind === 'normal') {
      byDate.delete(date);
      continue;
    }
    byDate.set(date, {
      date,
      kind: edit.kind,
      ...(edit.name ? { name: edit.name } : {}),
      ...(edit.provisional ? { provisional: true } : {}),
    });
  }
  const merged: WorkingCalendar = {
    weekend: [...(overrides.weekend ?? base.weekend)],
    days: [...byDate.values()].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0)),
  };
  indexOf(merged); // validate now rather than on first use
  return merged;
}

// --- internals -------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1000;
const FIRST_DAY = Date.UTC(MIN_YEAR, 0, 1) / DAY_MS;
// The day after 9999-12-31 would need a five-digit year; stepping past it is an error, not a date.
const LAST_DAY = Date.UTC(9999, 11, 31) / DAY_MS;

interface CalendarIndex {
  /** Indexed by ISO weekday; slot 0 unused. */
  readonly weekend: readonly boolean[];
  readonly exceptions: ReadonlyMap<number, CalendarDayKind>;
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

function buildIndex(cal: WorkingCalendar): CalendarIndex {
  const weekend = Array.from({ length: 8 }, () => false);
  for (const day of cal.weekend) {
    if (!Number.isInteger(day) || day < 1 || day > 7) throw new RangeError(`Not an ISO weekday: ${day}`);
    weekend[day] = true;
  }
  // Without a single working weekday a search for the next working day would never end.
  if (weekend.filter(Boolean).length === 7) throw new RangeError('A weekend cannot cover the whole week');
  const exceptions = new Map<number, CalendarDayKind>();
  for (const { date, kind } of cal.days) {
    const day = parseDate(date);
    if (exceptions.has(day)) throw new RangeError(`Two calendar entries for ${date}`);
    exceptions.set(day, kind);
  }
  return { weekend, exceptions };
}

function isWorking(index: CalendarIndex, day: number): boolean {
  const kind = index.exceptions.get(day);
  if (kind !== undefined) return kind === 'working';
  return !index.weekend[isoWeekday(day)];
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
