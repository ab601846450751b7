/**
 * The yearly data of the state calendar that no rule gives: the lunar holidays, which the Cabinet
 * announces each year, and its transfers of working and rest days (Labour Code 105.7). The fixed
 * holidays and every carry-over follow from the rules in `azerbaijan.ts`.
 */

/** `provisional`: computed ahead of the Cabinet's decision; `confirmed`: as the decision has it. */
export const movableHolidayStatuses = ['provisional', 'confirmed'] as const;
export type MovableHolidayStatus = (typeof movableHolidayStatuses)[number];

/** What a year's calendar rests on: no yearly data (fixed holidays and weekends only), or data. */
export const movableHolidayStates = ['missing', ...movableHolidayStatuses] as const;
export type MovableHolidayState = (typeof movableHolidayStates)[number];

export interface MovableHolidays {
  readonly year: number;
  readonly status: MovableHolidayStatus;
  /**
   * First days of Ramazan Bayram in the year; the second day follows (on 1 January of the next
   * year when the first is 31 December). Usually one; two in a year the lunar calendar brings it
   * twice (e.g. 2033).
   */
  readonly ramazan: readonly string[];
  /** First days of Qurban Bayram, the same way. */
  readonly qurban: readonly string[];
  /** Cabinet transfers: weekend days made working days. */
  readonly workingDays: readonly string[];
  /** Cabinet transfers: working days made days off. */
  readonly restDays: readonly string[];
}

/** The input of a year's data: everything but the year, the transfers optional. */
export type MovableHolidaysInput = Omit<MovableHolidays, 'year' | 'workingDays' | 'restDays'> & {
  readonly workingDays?: readonly string[];
  readonly restDays?: readonly string[];
};

/** The state of a year's yearly data (`byYear`: the data in force, e.g. `movableHolidaysByYear`). */
export function movableHolidayState(
  byYear: ReadonlyMap<number, MovableHolidays>,
  year: number,
): MovableHolidayState {
  return byYear.get(year)?.status ?? 'missing';
}

/**
 * The years whose yearly data an admin should enter now: the current year (of `today`,
 * YYYY-MM-DD) when it has none, and from 1 December the next year when it has none.
 */
export function yearsLackingMovableHolidays(
  byYear: ReadonlyMap<number, MovableHolidays>,
  today: string,
): number[] {
  const year = Number(today.slice(0, 4));
  const due = today.slice(5, 7) === '12' ? [year, year + 1] : [year];
  return due.filter((y) => !byYear.has(y));
}
