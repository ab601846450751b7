import { addWorkingDays, type WorkingCalendar } from './calendar/working-days';
import type { DeadlinePolicy } from '../../org';

/**
 * When a controlled resolution's deadline machine speaks: reminders some working days before the
 * due date, an overdue notice the moment the due date has passed, then escalations every few
 * working days while it stays unexecuted. Times are absolute (UTC instants of Baku wall-clock
 * times), computed only from the due date, the calendar and the policy — never from "now" — so a
 * restarted machine fires at the original times.
 */
export type DeadlineEventKind = 'reminder' | 'overdue' | 'escalation';

export interface DeadlineEvent {
  kind: DeadlineEventKind;
  /** ISO instant. */
  at: string;
  /** Reminders: working days left; escalations: the escalation's number (1, 2, ...). */
  n: number;
}

/** Asia/Baku has been UTC+4 all year since 2016. */
export function bakuInstant(date: string, hour: number): string {
  return new Date(Date.parse(`${date}T00:00:00+04:00`) + hour * 3_600_000).toISOString();
}

function nextCalendarDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The first event strictly after `after` (an ISO instant). There is always one: escalations go on. */
export function nextDeadlineEvent(
  calendar: WorkingCalendar,
  dueDate: string,
  policy: DeadlinePolicy,
  after: string,
): DeadlineEvent {
  const afterMs = Date.parse(after);
  const reminders = [...new Set(policy.reminderWorkingDays.filter((d) => d > 0))].sort((a, b) => b - a);
  for (const days of reminders) {
    const at = bakuInstant(addWorkingDays(calendar, dueDate, -days), policy.notifyHour);
    if (Date.parse(at) > afterMs) return { kind: 'reminder', at, n: days };
  }
  const overdueAt = bakuInstant(nextCalendarDay(dueDate), 0);
  if (Date.parse(overdueAt) > afterMs) return { kind: 'overdue', at: overdueAt, n: 0 };
  const every = Math.max(1, Math.floor(policy.escalationEveryWorkingDays));
  let day = dueDate;
  for (let n = 1; ; n++) {
    day = addWorkingDays(calendar, day, every);
    const at = bakuInstant(day, policy.notifyHour);
    if (Date.parse(at) > afterMs) return { kind: 'escalation', at, n };
  }
}
