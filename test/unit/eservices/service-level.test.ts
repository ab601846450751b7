import { describe, expect, it } from 'vitest';
import {
  applicationFee,
  serviceClockStart,
  serviceDue,
  type IsWorkingDay,
} from '../../../functions/modules/eservices';
import { azerbaijanBuiltInCalendar } from '../../../functions/modules/execution/domain/calendar/azerbaijan';
import { isWorkingDay } from '../../../functions/modules/execution/domain/calendar/working-days';

/**
 * The agency's calendar as the use case will hand it over: the execution module's calendar of the
 * Republic (2026 is complete there: Novruz and Ramazan 20–24 March, days off 25, 26, 27 and 30
 * March, so Thursday 19 March is followed by working day Tuesday 31 March).
 */
const azerbaijan: IsWorkingDay = (date) => isWorkingDay(azerbaijanBuiltInCalendar, date);

describe('serviceDue', () => {
  it('standard e-visa: 3 working days after the payment date, skipping the Novruz and Ramazan holidays', () => {
    // Arrange: paid Thursday 19 March 2026, 15:00 Baku.
    const paidAt = '2026-03-19T11:00:00Z';

    // Act
    const due = serviceDue(paidAt, { unit: 'days', days: 3, countNonWorkingDays: false }, azerbaijan);

    // Assert: 31 March, 1 and 2 April; over at 00:00 Baku of 3 April.
    expect(due).toEqual({ lastDay: '2026-04-02', dueAt: '2026-04-02T20:00:00.000Z' });
  });

  it('working days: a start on a holiday counts from the next working day; the Baku date decides, not UTC', () => {
    // Arrange: Saturday 21 March (Novruz); and 01:00 Baku on 19 March, still the 18th in UTC.
    const level = { unit: 'days', days: 1, countNonWorkingDays: false } as const;

    // Act
    const onHoliday = serviceDue('2026-03-21T08:00:00Z', level, azerbaijan);
    const afterMidnight = serviceDue('2026-03-18T21:00:00Z', level, azerbaijan);

    // Assert
    expect(onHoliday.lastDay).toBe('2026-03-31');
    expect(afterMidnight.lastDay).toBe('2026-03-31');
  });

  it('urgent e-visa: 3 hours round the clock, through a holiday night', () => {
    // Arrange: paid 22:30 Baku on 20 March 2026, the first day of Novruz.
    const paidAt = '2026-03-20T18:30:00Z';

    // Act
    const due = serviceDue(paidAt, { unit: 'hours', hours: 3, countNonWorkingDays: true }, azerbaijan);

    // Assert: 01:30 Baku on 21 March.
    expect(due).toEqual({ dueAt: '2026-03-20T21:30:00.000Z', lastDay: '2026-03-21' });
  });

  it('hours not counting non-working days: the clock stops from the holiday’s 00:00 to the next working day’s', () => {
    // Arrange: 23:00 Baku on Thursday 19 March 2026, the eve of Novruz.
    const start = '2026-03-19T19:00:00Z';

    // Act
    const due = serviceDue(start, { unit: 'hours', hours: 3, countNonWorkingDays: false }, azerbaijan);
    const onHoliday = serviceDue(
      '2026-03-22T10:00:00Z',
      { unit: 'hours', hours: 24, countNonWorkingDays: false },
      azerbaijan,
    );

    // Assert: 1 hour on the 19th, 2 on Tuesday 31 March: 02:00 Baku. 24 hours from a holiday: all of the 31st.
    expect(due).toEqual({ dueAt: '2026-03-30T22:00:00.000Z', lastDay: '2026-03-31' });
    expect(onHoliday).toEqual({ dueAt: '2026-03-31T20:00:00.000Z', lastDay: '2026-03-31' });
  });

  it('days counting non-working days: social assistance’s 15 calendar days, the last day kept even when it is a holiday', () => {
    // Arrange
    const level = { unit: 'days', days: 15, countNonWorkingDays: true } as const;

    // Act
    const due = serviceDue('2026-03-19T06:00:00Z', level, azerbaijan);
    const overNovruz = serviceDue('2026-03-05T06:00:00Z', level, azerbaijan);

    // Assert
    expect(due).toEqual({ lastDay: '2026-04-03', dueAt: '2026-04-03T20:00:00.000Z' });
    expect(overNovruz.lastDay).toBe('2026-03-20');
  });

  it('refuses a calendar without working days and an instant without a zone', () => {
    // Arrange
    const never: IsWorkingDay = () => false;

    // Act
    const broken = () =>
      serviceDue('2026-03-19T06:00:00Z', { unit: 'days', days: 1, countNonWorkingDays: false }, never);
    const brokenHours = () =>
      serviceDue('2026-03-19T06:00:00Z', { unit: 'hours', hours: 1, countNonWorkingDays: false }, never);
    const local = () =>
      serviceDue('2026-03-19T06:00:00', { unit: 'hours', hours: 1, countNonWorkingDays: true }, azerbaijan);

    // Assert
    expect(broken).toThrow(RangeError);
    expect(brokenHours).toThrow(RangeError);
    expect(local).toThrow(/zone/);
  });
});

describe('serviceClockStart and applicationFee', () => {
  it('starts a paid variant’s clock at the payment, a free one’s at the confirmation or submission', () => {
    // Arrange
    const events = { submittedAt: '2026-03-19T06:00:00Z', confirmedAt: '2026-03-19T06:20:00Z' };

    // Act
    const unpaid = serviceClockStart({ amount: 2000 }, events, true);
    const paid = serviceClockStart({ amount: 2000 }, { ...events, paidAt: '2026-03-19T07:00:00Z' }, true);
    const freeConfirmed = serviceClockStart({ amount: 0 }, events, true);
    const freeUnconfirmed = serviceClockStart({ amount: 0 }, { submittedAt: events.submittedAt }, true);
    const freeNoConfirmation = serviceClockStart({ amount: 0 }, { submittedAt: events.submittedAt }, false);

    // Assert
    expect([unpaid, paid, freeConfirmed, freeUnconfirmed, freeNoConfirmation]).toEqual([
      undefined,
      '2026-03-19T07:00:00Z',
      '2026-03-19T06:20:00Z',
      undefined,
      '2026-03-19T06:00:00Z',
    ]);
  });

  it('charges a group the fee of each person in one sum', () => {
    // Arrange
    const fee = { amount: 2000, currency: 'USD' };

    // Act
    const ten = applicationFee(fee, 10);

    // Assert
    expect(ten).toEqual({ amount: 20_000, currency: 'USD' });
    expect(applicationFee({ amount: 0, currency: 'AZN' }, 3)).toEqual({ amount: 0, currency: 'AZN' });
    expect(() => applicationFee(fee, 0)).toThrow(RangeError);
  });
});
