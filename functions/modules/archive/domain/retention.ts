/**
 * How long an archived document is kept (Decree 935 §153.2). Records practice counts a case file's
 * retention period in whole years from 1 January of the year after the case file is closed: a case
 * closed in 2026 with a 5-year period is kept through 31 December 2031. The archive's Object Lock
 * runs until the first moment after that day in Baku (1 January 2032, 00:00 +04:00).
 *
 * "Daimi" (permanent) items have no end: S3 Object Lock needs a date, so they are locked for
 * PERMANENT_YEARS (COMPLIANCE mode, which nobody can shorten) and carry a legal hold that only the
 * archive role can release — the hold, not the date, is what keeps them (docs/decisions.md).
 */
export const PERMANENT_YEARS = 100;

export interface Retention {
  /** The instant Object Lock runs until. */
  retainUntil: string;
  /** The last day (Baku, yyyy-MM-dd) of the retention period, as shown. */
  retainedThrough: string;
  /** A "daimi" item: kept permanently (legal hold on). */
  permanent: boolean;
  retentionYears: number | null;
  /** The year (Baku) the case file closed, from which the period is counted. */
  closedYear: number;
}

export function retentionOf(closedYear: number, retentionYears: number | null): Retention {
  const permanent = retentionYears === null;
  const years = retentionYears ?? PERMANENT_YEARS;
  const lastYear = closedYear + years;
  return {
    retainUntil: new Date(`${lastYear + 1}-01-01T00:00:00+04:00`).toISOString(),
    retainedThrough: `${lastYear}-12-31`,
    permanent,
    retentionYears,
    closedYear,
  };
}
