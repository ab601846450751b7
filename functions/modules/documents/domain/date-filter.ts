/**
 * The date syntax of the document lists' filter row, turned into a half-open range of Asia/Baku
 * local timestamps (`YYYY-MM-DDTHH:mm:ss.SSS`). Documents store that local timestamp next to the
 * UTC instant, so the range compares as plain strings against DynamoDB sort keys.
 *
 * Accepted (spaces trimmed, '.' as the only separator, day and month with or without a leading 0):
 * - `dd.MM.yyyy`  that day
 * - `MM.yyyy`     that month
 * - `*dd.MM.yyyy` or `*.MM.yyyy`  the whole month (the brochure's `*03.11.2018` = November 2018)
 * - `yyyy`        that year
 * - `A-B`, `A–B`, `A..B` from the start of A to the end of B; open `A-` and `-B` too
 */

/** Azerbaijan has had UTC+4 without DST since 2016; the offset still comes from Intl, not a constant. */
export const BAKU_TIME_ZONE = 'Asia/Baku';

/** The bounds an open range gets, so `from`/`to` stay plain comparable strings. */
export const OPEN_FROM = '0000-01-01T00:00:00.000';
export const OPEN_TO = '9999-12-31T23:59:59.999';

/** Four-digit years only; the exclusive end of 9999 would need a fifth digit and break string order. */
const MIN_YEAR = 1000;
const MAX_YEAR = 9998;

/**
 * `from` is inclusive, `to` exclusive, both Baku local timestamps. With a key condition use
 * `>= from` and `< to`; `BETWEEN from AND to` is inclusive on both ends, which is only exact when the
 * sort key continues after the timestamp (e.g. `...T00:00:00.000#<id>` sorts after `to` itself).
 */
export interface BakuDateRange {
  from: string;
  to: string;
}

export interface DateFilterError {
  code: 'invalid_date_filter';
  params: { value: string };
}

export type DateFilterResult = { ok: true; range: BakuDateRange } | { ok: false; error: DateFilterError };

interface LocalDay {
  year: number;
  month: number; // 1-12, unlike Date
  day: number;
}

/** A parsed piece: its first day and the first day after it. */
interface Span {
  start: LocalDay;
  end: LocalDay;
}

export function parseDateFilter(input: string): DateFilterResult {
  const fail: DateFilterResult = {
    ok: false,
    error: { code: 'invalid_date_filter', params: { value: input } },
  };
  const text = input.trim();
  if (text === '') return fail;

  const parts = splitRange(text);
  if (parts === undefined) return fail;

  if (parts.length === 1) {
    const span = parseSpan(parts[0] ?? '');
    return span ? { ok: true, range: { from: stamp(span.start), to: stamp(span.end) } } : fail;
  }

  const [left = '', right = ''] = parts.map((p) => p.trim());
  if (left === '' && right === '') return fail;
  const a = left === '' ? undefined : parseSpan(left);
  const b = right === '' ? undefined : parseSpan(right);
  if ((left !== '' && !a) || (right !== '' && !b)) return fail;

  const from = a ? stamp(a.start) : OPEN_FROM;
  const to = b ? stamp(b.end) : OPEN_TO;
  // A reversed range matches nothing; say so instead of silently returning no rows.
  if (from >= to) return fail;
  return { ok: true, range: { from, to } };
}

/** True when a Baku local timestamp lies in the half-open range. */
export function inBakuRange(localTimestamp: string, range: BakuDateRange): boolean {
  return range.from <= localTimestamp && localTimestamp < range.to;
}

/** One part, or the two sides of a range; undefined when there are several separators. */
function splitRange(text: string): string[] | undefined {
  const found = ['..', '-', '–'].filter((sep) => text.includes(sep));
  if (found.length === 0) return [text];
  if (found.length > 1) return undefined;
  const sides = text.split(found[0] ?? '');
  return sides.length === 2 ? sides : undefined;
}

function parseSpan(part: string): Span | undefined {
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(part);
  if (m) {
    const day = toDay(Number(m[3]), Number(m[2]), Number(m[1]));
    return day && { start: day, end: nextDay(day) };
  }
  m = /^\*(?:(\d{1,2})|)\.(\d{1,2})\.(\d{4})$/.exec(part);
  if (m) {
    // The day after the star only has to be a real date; the month is what counts.
    if (m[1] !== undefined && !toDay(Number(m[3]), Number(m[2]), Number(m[1]))) return undefined;
    return monthSpan(Number(m[3]), Number(m[2]));
  }
  m = /^(\d{1,2})\.(\d{4})$/.exec(part);
  if (m) return monthSpan(Number(m[2]), Number(m[1]));
  m = /^(\d{4})$/.exec(part);
  if (m) {
    const year = Number(m[1]);
    return validYear(year)
      ? { start: { year, month: 1, day: 1 }, end: { year: year + 1, month: 1, day: 1 } }
      : undefined;
  }
  return undefined;
}

function monthSpan(year: number, month: number): Span | undefined {
  const start = toDay(year, month, 1);
  if (!start) return undefined;
  const end = month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 };
  return { start, end };
}

function toDay(year: number, month: number, day: number): LocalDay | undefined {
  if (!validYear(year) || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return undefined;
  return { year, month, day };
}

function validYear(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function nextDay({ year, month, day }: LocalDay): LocalDay {
  if (day < daysInMonth(year, month)) return { year, month, day: day + 1 };
  return month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 };
}

function stamp({ year, month, day }: LocalDay): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T00:00:00.000`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

// Built once: constructing Intl formatters is comparatively slow.
const bakuParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: BAKU_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
  hourCycle: 'h23',
});

// An explicit Z or offset is required: without one Date reads the string in the process's own zone.
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** `YYYY-MM-DDTHH:mm:ss.SSS` in Baku for an ISO instant; throws RangeError on anything else. */
export function toBakuLocal(isoInstant: string): string {
  const date = parseInstant(isoInstant);
  if (!date) throw new RangeError(`Not an ISO instant: ${isoInstant}`);
  const parts: Record<string, string> = {};
  for (const { type, value } of bakuParts.formatToParts(date)) parts[type] = value;
  const { year = '', month, day, hour, minute, second, fractionalSecond } = parts;
  return `${year.padStart(4, '0')}-${month}-${day}T${hour}:${minute}:${second}.${fractionalSecond}`;
}

function parseInstant(isoInstant: string): Date | undefined {
  const m = ISO_INSTANT.exec(isoInstant);
  if (!m) return undefined;
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0] = m.slice(1).map((g) => Number(g ?? 0));
  // Date rolls 31.02 over into March; a stored instant like that is corrupt, not a date.
  if (!toDay(y, mo, d) || h > 23 || mi > 59 || sec > 59) return undefined;
  const date = new Date(isoInstant);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** `YYYY-MM-DD`: the Baku calendar day of an instant. */
export function bakuLocalDate(isoInstant: string): string {
  return toBakuLocal(isoInstant).slice(0, 10);
}

/** `dd.MM.yyyy` for display, the same form the filter row accepts. */
export function formatBakuDate(isoInstant: string): string {
  const [year, month, day] = bakuLocalDate(isoInstant).split('-');
  return `${day}.${month}.${year}`;
}
