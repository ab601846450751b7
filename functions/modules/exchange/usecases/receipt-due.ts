import { bakuLocalDate } from '../../documents';
import { addWorkingDays } from '../../execution';

/** The working-day calendar `addWorkingDays` counts on (the execution module's, per agency). */
export type ReceiptCalendar = Parameters<typeof addWorkingDays>[0];

const DAY_MS = 86_400_000;

/**
 * When the receipt notice (Decree 935 §148) of a document sent at `sentAt` must have arrived: at
 * the end (24:00 in Baku) of the `workingDays`-th working day after the day it was sent, on the
 * agency's working-day calendar. The sending day does not count (a letter sent on Friday evening
 * with 3 working days is due by the end of Wednesday); Baku keeps +04:00 all year.
 */
export function receiptDueAt(sentAt: string, workingDays: number, calendar: ReceiptCalendar): string {
  if (!Number.isSafeInteger(workingDays) || workingDays < 1)
    throw new RangeError(`Not a positive whole number of working days: ${workingDays}`);
  const lastDay = addWorkingDays(calendar, bakuLocalDate(sentAt), workingDays);
  return new Date(Date.parse(`${lastDay}T00:00:00+04:00`) + DAY_MS).toISOString();
}
