/**
 * When an application is due: the service level counted from the moment the application became
 * complete (paid, or confirmed for a free variant), on the agency's calendar, in Baku time.
 *
 * - Days, non-working days counted: the term ends when the N-th calendar day after the start date
 *   ends (a Baku date; the start date itself does not count, as with terms in law).
 * - Days, non-working days not counted ("N working days"): the term ends when the N-th working day
 *   after the start date ends; a start on a holiday simply counts from the next working day.
 * - Hours, non-working days counted: start plus N hours, round the clock, holidays included (the
 *   urgent e-visa: 3 hours, also on holidays).
 * - Hours, non-working days not counted: only hours that fall on working days count (whole Baku
 *   days, 00:00–24:00 — agencies' office hours are not modelled); a start on a holiday counts from
 *   the next working day's 00:00, and a term that reaches a day's end goes on the next working day.
 *
 * `dueAt` is the instant the term is over: the application is overdue from `dueAt` on (for day
 * terms, the 00:00 after the last day). `lastDay` is the Baku date to show: the last day of a day
 * term, the date the term ends within for an hour term.
 *
 * The calendar is a question, `isWorkingDay(YYYY-MM-DD)`: a domain may not run another module's
 * code, so the use case answers it from the execution module's calendar of the agency
 * (`tenantCalendar`; `workingDaysBetween(cal, addDays(d, -1), d) === 1` tells a working day through
 * that module's index, or export its `isWorkingDay`).
 */
import type { ServiceLevel } from './definition';
import { addDays, bakuDate, dayStartMs, instantMs, isoInstant, MS } from './time';

export type IsWorkingDay = (date: string) => boolean;

export interface ServiceDue {
  readonly dueAt: string;
  readonly lastDay: string;
}

/** A calendar with no working day for this long is taken as broken rather than searched forever. */
const MAX_IDLE_DAYS = 366;

export function serviceDue(start: string, level: ServiceLevel, isWorkingDay: IsWorkingDay): ServiceDue {
  const startMs = instantMs(start);
  if (level.unit === 'days') {
    const lastDay = level.countNonWorkingDays
      ? addDays(bakuDate(start), level.days)
      : nthWorkingDayAfter(bakuDate(start), level.days, isWorkingDay);
    return { dueAt: isoInstant(dayStartMs(addDays(lastDay, 1))), lastDay };
  }
  let left = level.hours * MS.hour;
  if (level.countNonWorkingDays) {
    const dueMs = startMs + left;
    return { dueAt: isoInstant(dueMs), lastDay: bakuDate(isoInstant(dueMs - 1)) };
  }
  let at = startMs;
  let idle = 0;
  while (left > 0) {
    const day = bakuDate(isoInstant(at));
    const dayEnd = dayStartMs(addDays(day, 1));
    if (!isWorkingDay(day)) {
      if ((idle += 1) > MAX_IDLE_DAYS) throw new RangeError('No working day in a year of the calendar');
      at = dayEnd;
      continue;
    }
    idle = 0;
    const chunk = Math.min(left, dayEnd - at);
    at += chunk;
    left -= chunk;
  }
  return { dueAt: isoInstant(at), lastDay: bakuDate(isoInstant(at - 1)) };
}

function nthWorkingDayAfter(date: string, n: number, isWorkingDay: IsWorkingDay): string {
  let day = date;
  let idle = 0;
  for (let left = n; left > 0;) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) {
      left -= 1;
      idle = 0;
    } else if ((idle += 1) > MAX_IDLE_DAYS) throw new RangeError('No working day in a year of the calendar');
  }
  return day;
}

/**
 * The moment the service level starts: payment for a variant with a fee, the e-mail confirmation
 * (or the submission, when there is none to confirm) for a free one. Undefined while it has not.
 */
export function serviceClockStart(
  fee: { readonly amount: number },
  events: { readonly submittedAt: string; readonly confirmedAt?: string; readonly paidAt?: string },
  confirmsEmail: boolean,
): string | undefined {
  if (fee.amount > 0) return events.paidAt;
  return confirmsEmail ? events.confirmedAt : events.submittedAt;
}

/** What a group pays in one payment: the variant's fee for each applicant. */
export function applicationFee(
  fee: { readonly amount: number; readonly currency: string },
  applicants: number,
): { amount: number; currency: string } {
  if (!Number.isSafeInteger(applicants) || applicants < 1)
    throw new RangeError(`Not a number of applicants: ${applicants}`);
  return { amount: fee.amount * applicants, currency: fee.currency };
}
