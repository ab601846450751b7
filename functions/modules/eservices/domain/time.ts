/**
 * Dates and instants of e-services. Instants are ISO strings (UTC) passed in by the caller — the
 * domain never reads a clock. Calendar dates are Baku dates, `YYYY-MM-DD`. Asia/Baku has been UTC+4
 * all year since 2016 (as execution/domain/deadline.ts also assumes), so a Baku date starts at
 * 20:00 UTC of the day before.
 */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const BAKU_OFFSET_MS = 4 * HOUR_MS;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in `YYYY-MM-DD` form (no 31 February), years 1000–9999. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const back = new Date(Date.UTC(year, month - 1, day));
  return year >= 1000 && back.getUTCMonth() === month - 1 && back.getUTCDate() === day;
}

/** Milliseconds since the epoch; throws RangeError unless `instant` is an ISO date-time with a zone. */
export function instantMs(instant: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(instant))
    throw new RangeError(`Not an ISO instant with a zone: ${instant}`);
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO instant: ${instant}`);
  return ms;
}

export function isoInstant(ms: number): string {
  return new Date(ms).toISOString();
}

/** The Baku date an instant falls on. */
export function bakuDate(instant: string): string {
  return new Date(instantMs(instant) + BAKU_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Baku date begins (its 00:00). */
export function bakuStartOfDay(date: string): string {
  return isoInstant(dayStartMs(date));
}

export function dayStartMs(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return Date.parse(`${date}T00:00:00Z`) - BAKU_OFFSET_MS;
}

/** `date` plus `days` calendar days (negative to go back). */
export function addDays(date: string, days: number): string {
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export const MS = { day: DAY_MS, hour: HOUR_MS } as const;
