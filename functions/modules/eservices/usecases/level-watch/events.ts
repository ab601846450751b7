/**
 * When an application's service-level watch speaks (pure: no clock, no store). Two events per
 * level, both absolute instants computed from the level alone, so a restarted watch fires at the
 * original times:
 *
 * - `reminder`, before `dueAt`: for a day term at the agency's notice hour (the deadline policy's
 *   `notifyHour`, Baku) of the last working day on or before the term's last day — one working day
 *   before the term runs out; for an hour term one hour before `dueAt` (half the term when the term
 *   is shorter than two hours). A reminder that would not fall inside the term is left out.
 * - `escalation`, at `dueAt`: the term has run out (overdue).
 *
 * Execution's `nextDeadlineEvent` is not reused: its events are Baku dates at a fixed hour, and it
 * escalates for ever; a service level may be counted in hours, and the watch escalates once.
 */
import type { ServiceLevel } from '../../domain/definition';
import type { IsWorkingDay } from '../../domain/service-level';
import { addDays, dayStartMs, instantMs, isoInstant, MS } from '../../domain/time';
import type { ApplicationRecord } from '../application-records';

export type LevelEventKind = 'reminder' | 'escalation';

export interface LevelEvent {
  kind: LevelEventKind;
  /** ISO instant. */
  at: string;
}

type Level = NonNullable<ApplicationRecord['level']>;

/** A calendar with no working day for this long is taken as broken rather than searched further. */
const MAX_IDLE_DAYS = 366;

/** The last working day on or before `date`, not before `earliest`; undefined when there is none. */
function lastWorkingDay(date: string, earliest: string, isWorkingDay: IsWorkingDay): string | undefined {
  let day = date;
  for (let i = 0; i <= MAX_IDLE_DAYS && day >= earliest; i++, day = addDays(day, -1))
    if (isWorkingDay(day)) return day;
  return undefined;
}

function reminderMs(
  level: Level,
  unit: ServiceLevel['unit'],
  isWorkingDay: IsWorkingDay,
  notifyHour: number,
): number | undefined {
  const start = instantMs(level.startedAt);
  const due = instantMs(level.dueAt);
  if (unit === 'hours') return due - Math.min(MS.hour, Math.floor((due - start) / 2));
  const day = lastWorkingDay(level.lastDay, addDays(level.lastDay, -MAX_IDLE_DAYS), isWorkingDay);
  return day === undefined ? undefined : dayStartMs(day) + notifyHour * MS.hour;
}

/** The level's events in time order: the reminder (when it falls inside the term), the escalation. */
export function levelEvents(
  level: Level,
  unit: ServiceLevel['unit'],
  isWorkingDay: IsWorkingDay,
  notifyHour: number,
): LevelEvent[] {
  const start = instantMs(level.startedAt);
  const due = instantMs(level.dueAt);
  const reminder = reminderMs(level, unit, isWorkingDay, notifyHour);
  return [
    ...(reminder !== undefined && reminder > start && reminder < due
      ? [{ kind: 'reminder' as const, at: isoInstant(reminder) }]
      : []),
    { kind: 'escalation', at: isoInstant(due) },
  ];
}

/**
 * The first event strictly after `after` (the watch's last event, or the level's start). A
 * reminder whose turn comes only once the term has run out (`now` at or past `dueAt`: the watch
 * started late) is skipped for the escalation. Undefined once both are past: the watch ends.
 */
export function nextLevelEvent(
  events: readonly LevelEvent[],
  after: string,
  now: string,
): LevelEvent | undefined {
  const afterMs = instantMs(after);
  const nowMs = instantMs(now);
  const due = events.find((e) => e.kind === 'escalation');
  return events.find(
    (e) =>
      instantMs(e.at) > afterMs &&
      !(e.kind === 'reminder' && due !== undefined && nowMs >= instantMs(due.at)),
  );
}
