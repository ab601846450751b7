import type { Actor } from '../../domain/aggregate';
import type { CalendarOverride } from '../../domain/calendar/working-days';
import { mergeCalendars } from '../../domain/calendar/working-days';
import { azerbaijanCalendar2026_2027 } from '../../domain/calendar/azerbaijan';
import { BusinessRuleError, ConflictError } from '../../domain/errors';
import { CALENDAR_ID, calendarWithEdits, type CalendarAggregate, type ExecutionDeps } from './common';

/** The tenant's working-day calendar for one year: the seeded Azerbaijani one with the tenant's edits. */
export async function getCalendar(deps: ExecutionDeps, actor: Actor, year: number) {
  const { own, calendar: merged } = await calendarWithEdits(deps, actor.tenantId);
  const prefix = `${year}-`;
  return {
    year,
    weekend: [...merged.weekend],
    days: merged.days.filter((d) => d.date.startsWith(prefix)).map((d) => ({ ...d })),
    overrides: (own?.days ?? []).filter((d) => d.date.startsWith(prefix)).map((d) => ({ ...d })),
    version: own?.version ?? 0,
  };
}

/**
 * Replaces the tenant's edits — of one `year` when it is given (the other years' edits stay), else
 * of all years — and optionally its weekend; version 0 creates them. The deadline machines read
 * the calendar at each step, so later events follow the edit. Answers with the edited year.
 */
export async function updateCalendar(
  deps: ExecutionDeps,
  actor: Actor,
  input: { version: number; year?: number; weekend?: number[]; days: CalendarOverride[] },
) {
  const dates = input.days.map((d) => d.date);
  if (new Set(dates).size !== dates.length)
    throw new BusinessRuleError('duplicate_date', 'A date is listed twice', {}, [
      { path: 'days', code: 'duplicate_date' },
    ]);
  const prefix = input.year !== undefined ? `${input.year}-` : undefined;
  const outside = prefix ? dates.findIndex((d) => !d.startsWith(prefix)) : -1;
  if (outside >= 0)
    throw new BusinessRuleError('date_outside_year', 'A date is outside the edited year', {}, [
      { path: `days.${outside}.date`, code: 'date_outside_year' },
    ]);
  const current = await deps.store.get<CalendarAggregate>('calendar', actor.tenantId, CALENDAR_ID);
  const kept = prefix ? (current?.days ?? []).filter((d) => !d.date.startsWith(prefix)) : [];
  const weekend = input.weekend ?? current?.weekend;
  const data = { ...(weekend ? { weekend } : {}), days: [...kept, ...input.days] };
  mergeCalendars(azerbaijanCalendar2026_2027, data);
  const now = deps.clock.now().toISOString();
  const options = { actorId: actor.employeeId, sortKey: CALENDAR_ID };
  if (!current) {
    if (input.version !== 0)
      throw new ConflictError('stale_version', 'The record was changed by someone else; reload it', {
        expected: input.version,
      });
    await deps.store.create<CalendarAggregate>(
      'calendar',
      { ...data, id: CALENDAR_ID, tenantId: actor.tenantId, version: 1, createdAt: now, updatedAt: now },
      options,
    );
  } else {
    await deps.store.update<CalendarAggregate>(
      'calendar',
      {
        ...data,
        id: CALENDAR_ID,
        tenantId: actor.tenantId,
        version: current.version,
        createdAt: current.createdAt,
        updatedAt: now,
      },
      input.version,
      options,
    );
  }
  const year = input.year ?? Number((dates[0] ?? deps.clock.now().toISOString()).slice(0, 4));
  return getCalendar(deps, actor, year);
}
