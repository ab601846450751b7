import { describe, expect, it } from 'vitest';
import { azerbaijanBuiltInCalendar } from '../../../functions/modules/execution/domain/calendar/azerbaijan';
import { receiptDueAt } from '../../../functions/modules/exchange/usecases/receipt-due';

const cal = azerbaijanBuiltInCalendar;

describe('receiptDueAt', () => {
  it('ends with the n-th working day after the sending day, at 24:00 in Baku', () => {
    // Act: sent on Monday 2 March 2026 at 11:00 Baku, three working days.
    const due = receiptDueAt('2026-03-02T07:00:00.000Z', 3, cal);

    // Assert: Tuesday, Wednesday, Thursday; due at the end of Thursday 5 March (Baku).
    expect(due).toBe('2026-03-05T20:00:00.000Z');
  });

  it('counts the Baku day of the sending, not the UTC one, and skips weekends', () => {
    // Act: Thursday 26 February 2026, 23:30 Baku, and Friday 27 February, 00:30 Baku (still Thursday in UTC).
    const thursday = receiptDueAt('2026-02-26T19:30:00.000Z', 1, cal);
    const friday = receiptDueAt('2026-02-26T20:30:00.000Z', 1, cal);

    // Assert: the end of Friday 27 February, and of Monday 2 March after the weekend.
    expect(thursday).toBe('2026-02-27T20:00:00.000Z');
    expect(friday).toBe('2026-03-02T20:00:00.000Z');
  });

  it('skips the agency’s holidays and days off', () => {
    // Arrange: the agency closes Tuesday 3 March.
    const closed = { weekend: [6, 7], days: [{ date: '2026-03-03', kind: 'holiday' as const }] };

    // Act
    const due = receiptDueAt('2026-03-02T07:00:00.000Z', 1, closed);

    // Assert
    expect(due).toBe('2026-03-04T20:00:00.000Z');
  });

  it('refuses a period that is not a positive whole number of days', () => {
    expect(() => receiptDueAt('2026-03-02T07:00:00.000Z', 0, cal)).toThrow(RangeError);
    expect(() => receiptDueAt('2026-03-02T07:00:00.000Z', 1.5, cal)).toThrow(RangeError);
  });
});
