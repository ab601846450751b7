import { describe, expect, it } from 'vitest';
import {
  levelEvents,
  nextLevelEvent,
  type LevelEvent,
} from '../../../../functions/modules/eservices/usecases/level-watch/events';

/** Monday to Friday, with 2026-04-06 (a Monday) taken as a holiday. */
const weekdays = (date: string) => {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6 && date !== '2026-04-06';
};
const NINE = 9;

describe('the events of a service level', () => {
  it('reminds at the notice hour of a working-day term’s last day and escalates at its end', () => {
    // Arrange: three working days from Thursday 26 March 2026, 10:00 Baku; the last is Tuesday 31 March.
    const level = {
      startedAt: '2026-03-26T06:00:00.000Z',
      lastDay: '2026-03-31',
      dueAt: '2026-03-31T20:00:00.000Z',
    };

    // Act
    const events = levelEvents(level, 'days', weekdays, NINE);

    // Assert: 09:00 Baku on the last day is 05:00 UTC.
    expect(events).toEqual([
      { kind: 'reminder', at: '2026-03-31T05:00:00.000Z' },
      { kind: 'escalation', at: '2026-03-31T20:00:00.000Z' },
    ]);
  });

  it('reminds on the last working day before a calendar-day term that ends on a holiday', () => {
    // Arrange: the term's last day is Monday 6 April, a holiday here; Friday 3 April is the last working day.
    const level = {
      startedAt: '2026-03-27T06:00:00.000Z',
      lastDay: '2026-04-06',
      dueAt: '2026-04-06T20:00:00.000Z',
    };

    // Act
    const events = levelEvents(level, 'days', weekdays, 10);

    // Assert
    expect(events[0]).toEqual({ kind: 'reminder', at: '2026-04-03T06:00:00.000Z' });
  });

  it('reminds an hour before an hour term ends, or half-way through a term shorter than two hours', () => {
    // Arrange
    const urgent = {
      startedAt: '2026-12-30T18:00:00.000Z',
      lastDay: '2026-12-31',
      dueAt: '2026-12-30T21:00:00.000Z',
    };
    const short = {
      startedAt: '2026-12-30T18:00:00.000Z',
      lastDay: '2026-12-30',
      dueAt: '2026-12-30T19:00:00.000Z',
    };

    // Act
    const [urgentReminder] = levelEvents(urgent, 'hours', weekdays, NINE);
    const [shortReminder] = levelEvents(short, 'hours', weekdays, NINE);

    // Assert
    expect(urgentReminder).toEqual({ kind: 'reminder', at: '2026-12-30T20:00:00.000Z' });
    expect(shortReminder).toEqual({ kind: 'reminder', at: '2026-12-30T18:30:00.000Z' });
  });

  it('leaves out a reminder that would come before the term starts', () => {
    // Arrange: one calendar day from Friday 3 April 2026, 14:00 Baku; the last day is a Saturday, so
    // the last working day is the starting Friday, whose 09:00 is past.
    const level = {
      startedAt: '2026-04-03T10:00:00.000Z',
      lastDay: '2026-04-04',
      dueAt: '2026-04-04T20:00:00.000Z',
    };

    // Act
    const events = levelEvents(level, 'days', weekdays, NINE);

    // Assert
    expect(events).toEqual([{ kind: 'escalation', at: '2026-04-04T20:00:00.000Z' }]);
  });
});

describe('the next event of the watch', () => {
  const events: LevelEvent[] = [
    { kind: 'reminder', at: '2026-03-31T05:00:00.000Z' },
    { kind: 'escalation', at: '2026-03-31T20:00:00.000Z' },
  ];
  const start = '2026-03-26T06:00:00.000Z';

  it('goes reminder, escalation, then nothing', () => {
    // Act
    const first = nextLevelEvent(events, start, start);
    const second = nextLevelEvent(events, first!.at, first!.at);
    const third = nextLevelEvent(events, second!.at, second!.at);

    // Assert
    expect([first?.kind, second?.kind, third]).toEqual(['reminder', 'escalation', undefined]);
  });

  it('skips the reminder when the watch starts only once the term has run out', () => {
    // Act
    const next = nextLevelEvent(events, start, '2026-04-01T08:00:00.000Z');

    // Assert
    expect(next).toEqual(events[1]);
  });

  it('still gives a reminder whose instant has passed while the term runs (a late start sends it at once)', () => {
    // Act
    const next = nextLevelEvent(events, start, '2026-03-31T10:00:00.000Z');

    // Assert
    expect(next).toEqual(events[0]);
  });
});
