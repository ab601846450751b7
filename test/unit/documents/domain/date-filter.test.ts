import { afterEach, describe, expect, it } from 'vitest';
import {
  bakuLocalDate,
  formatBakuDate,
  inBakuRange,
  OPEN_FROM,
  OPEN_TO,
  parseDateFilter,
  toBakuLocal,
  type BakuDateRange,
} from '../../../../functions/modules/documents/domain/date-filter';

/** The range of a filter that must parse; fails the test with the input otherwise. */
function range(input: string): BakuDateRange {
  const result = parseDateFilter(input);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(input)} to parse`);
  return result.range;
}

const day = (date: string) => `${date}T00:00:00.000`;

describe('parseDateFilter: single forms', () => {
  it.each([
    ['15.03.2026', '2026-03-15', '2026-03-16'],
    ['5.3.2026', '2026-03-05', '2026-03-06'],
    ['  05.03.2026 ', '2026-03-05', '2026-03-06'],
    ['31.01.2026', '2026-01-31', '2026-02-01'],
    ['30.11.2026', '2026-11-30', '2026-12-01'],
    ['31.12.2026', '2026-12-31', '2027-01-01'],
  ])('dd.MM.yyyy %j is that day', (input, from, to) => {
    // Act / Assert
    expect(range(input)).toEqual({ from: day(from), to: day(to) });
  });

  it.each([
    ['11.2026', '2026-11-01', '2026-12-01'],
    ['1.2026', '2026-01-01', '2026-02-01'],
    ['01.2026', '2026-01-01', '2026-02-01'],
    ['12.2026', '2026-12-01', '2027-01-01'],
  ])('MM.yyyy %j is that month', (input, from, to) => {
    // Act / Assert
    expect(range(input)).toEqual({ from: day(from), to: day(to) });
  });

  it.each([
    ['*03.11.2018', '2018-11-01', '2018-12-01'],
    ['*3.11.2018', '2018-11-01', '2018-12-01'],
    ['*.11.2018', '2018-11-01', '2018-12-01'],
    ['*30.11.2026', '2026-11-01', '2026-12-01'],
    ['*.12.2026', '2026-12-01', '2027-01-01'],
    ['*15.12.2026', '2026-12-01', '2027-01-01'],
    [' *.2.2028 ', '2028-02-01', '2028-03-01'],
  ])('a star before a date, %j, is the whole month', (input, from, to) => {
    // Act / Assert
    expect(range(input)).toEqual({ from: day(from), to: day(to) });
  });

  it('yyyy is that year', () => {
    // Act / Assert
    expect(range('2026')).toEqual({ from: day('2026-01-01'), to: day('2027-01-01') });
  });
});

describe('parseDateFilter: leap years', () => {
  it.each([
    ['29.02.2028', '2028-02-29', '2028-03-01'],
    ['29.02.2000', '2000-02-29', '2000-03-01'],
    ['28.02.2026', '2026-02-28', '2026-03-01'],
  ])('%j exists', (input, from, to) => {
    // Act / Assert
    expect(range(input)).toEqual({ from: day(from), to: day(to) });
  });

  it('February of a leap year ends after the 29th', () => {
    // Act / Assert
    expect(range('02.2028')).toEqual({ from: day('2028-02-01'), to: day('2028-03-01') });
    expect(inBakuRange('2028-02-29T23:59:59.999', range('02.2028'))).toBe(true);
  });

  it.each(['29.02.2026', '29.02.2100', '30.02.2028', '*29.02.2026'])('%j does not exist', (input) => {
    // Act / Assert
    expect(parseDateFilter(input).ok).toBe(false);
  });
});

describe('parseDateFilter: ranges', () => {
  it.each([
    ['01.11.2026-15.11.2026'],
    ['01.11.2026–15.11.2026'],
    ['01.11.2026..15.11.2026'],
    [' 1.11.2026 - 15.11.2026 '],
    ['1.11.2026 .. 15.11.2026'],
  ])('%j runs from the start of the first day to the end of the last', (input) => {
    // Act / Assert
    expect(range(input)).toEqual({ from: day('2026-11-01'), to: day('2026-11-16') });
  });

  it.each([
    ['2025-2026', '2025-01-01', '2027-01-01'],
    ['11.2026-2.2027', '2026-11-01', '2027-03-01'],
    ['*05.11.2026..31.12.2026', '2026-11-01', '2027-01-01'],
    ['15.10.2026-*.11.2026', '2026-10-15', '2026-12-01'],
    ['2026–03.2027', '2026-01-01', '2027-04-01'],
    ['15.03.2026-15.03.2026', '2026-03-15', '2026-03-16'],
  ])('mixes forms: %j', (input, from, to) => {
    // Act / Assert
    expect(range(input)).toEqual({ from: day(from), to: day(to) });
  });

  it.each([
    ['15.03.2026-', { from: day('2026-03-15'), to: OPEN_TO }],
    ['11.2026..', { from: day('2026-11-01'), to: OPEN_TO }],
    ['-15.03.2026', { from: OPEN_FROM, to: day('2026-03-16') }],
    ['– 2025', { from: OPEN_FROM, to: day('2026-01-01') }],
    ['..*.12.2026', { from: OPEN_FROM, to: day('2027-01-01') }],
  ])('leaves %j open on one side', (input, expected) => {
    // Act / Assert
    expect(range(input)).toEqual(expected);
  });

  it('keeps the open bounds beyond every date a filter can name', () => {
    // Arrange
    const earliest = range('01.01.1000');
    const latest = range('31.12.9998');

    // Assert
    expect(OPEN_FROM < earliest.from).toBe(true);
    expect(latest.to < OPEN_TO).toBe(true);
  });
});

describe('parseDateFilter: errors', () => {
  it.each([
    '',
    '   ',
    '31.02.2026',
    '31.04.2026',
    '32.01.2026',
    '0.11.2026',
    '13.2026',
    '0.2026',
    '00.2026',
    '*11.2026',
    '*2026',
    '*.13.2026',
    '*31.02.2026',
    '**.11.2026',
    '01/11/2026',
    '2026-11-01',
    '01.11.26',
    '11.26',
    '26',
    '20266',
    '0999',
    '9999',
    '001.11.2026',
    '1.011.2026',
    '01.11.2026.',
    '.01.11.2026',
    '01,11,2026',
    '01 11 2026',
    '01.11.2026 12:00',
    'noyabr 2026',
    'abc',
    '-',
    '..',
    '–',
    '2026...2027',
    '2026--2027',
    '2025-2026-2027',
    '2025..2026-2027',
    '2027-2026',
    '16.11.2026-15.11.2026',
    '12.2026-11.2026',
  ])('%j is invalid', (input) => {
    // Act
    const result = parseDateFilter(input);

    // Assert
    expect(result).toEqual({ ok: false, error: { code: 'invalid_date_filter', params: { value: input } } });
  });
});

describe('registration instants against filters', () => {
  // 01.11.2026 00:30 in Baku: a 0-based month or a UTC day would put it in October.
  const justAfterMidnight = '2026-10-31T20:30:00Z';

  it('reads a late-October UTC instant as 1 November in Baku', () => {
    // Act / Assert
    expect(toBakuLocal(justAfterMidnight)).toBe('2026-11-01T00:30:00.000');
    expect(bakuLocalDate(justAfterMidnight)).toBe('2026-11-01');
    expect(formatBakuDate(justAfterMidnight)).toBe('01.11.2026');
  });

  it.each(['11.2026', '*.11.2026', '*01.11.2026', '01.11.2026', '1.11.2026', '2026', '10.2026-11.2026'])(
    'finds it with %j',
    (filter) => {
      // Act / Assert
      expect(inBakuRange(toBakuLocal(justAfterMidnight), range(filter))).toBe(true);
    },
  );

  it.each(['10.2026', '*.10.2026', '31.10.2026', '02.11.2026', '12.2026', '-31.10.2026', '02.11.2026-'])(
    'does not find it with %j',
    (filter) => {
      // Act / Assert
      expect(inBakuRange(toBakuLocal(justAfterMidnight), range(filter))).toBe(false);
    },
  );

  it('keeps the last millisecond of October in October', () => {
    // Arrange
    const local = toBakuLocal('2026-10-31T19:59:59.999Z');

    // Assert
    expect(local).toBe('2026-10-31T23:59:59.999');
    expect(inBakuRange(local, range('10.2026'))).toBe(true);
    expect(inBakuRange(local, range('11.2026'))).toBe(false);
  });

  it('puts the evening of 31 December UTC into the next year', () => {
    // Arrange
    const local = toBakuLocal('2026-12-31T20:00:00Z');

    // Assert
    expect(local).toBe('2027-01-01T00:00:00.000');
    for (const filter of ['2027', '01.2027', '01.01.2027', '*.01.2027']) {
      expect(inBakuRange(local, range(filter))).toBe(true);
    }
    for (const filter of ['2026', '12.2026', '31.12.2026']) {
      expect(inBakuRange(local, range(filter))).toBe(false);
    }
  });

  it('round-trips: the displayed date, typed into the filter, finds the document', () => {
    // Arrange
    const instants = ['2026-02-28T20:00:00Z', '2028-02-29T12:00:00Z', '2026-06-30T21:15:00.250Z'];

    // Act / Assert
    for (const instant of instants) {
      expect(inBakuRange(toBakuLocal(instant), range(formatBakuDate(instant)))).toBe(true);
    }
  });
});

describe('toBakuLocal', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('is UTC+4 through every month of a year (no DST since 2016)', () => {
    // Arrange
    const instants = Array.from({ length: 12 }, (_, m) => Date.UTC(2026, m, 15, 21, 5, 7, 89));

    // Act / Assert
    for (const ms of instants) {
      const shifted = new Date(ms + 4 * 3600_000).toISOString().slice(0, 23);
      expect(toBakuLocal(new Date(ms).toISOString())).toBe(shifted);
    }
  });

  it('takes the offset from the time-zone database, not a constant (Baku had summer time until 2015)', () => {
    // Act / Assert
    expect(toBakuLocal('2015-07-01T12:00:00Z')).toBe('2015-07-01T17:00:00.000');
    expect(toBakuLocal('2015-01-01T12:00:00Z')).toBe('2015-01-01T16:00:00.000');
  });

  it('ignores the process time zone', () => {
    // Arrange: Node applies a TZ change at once; the offset check proves it took.
    process.env.TZ = 'America/Los_Angeles';
    expect(new Date('2026-01-15T12:00:00Z').getTimezoneOffset()).toBe(480);

    // Act / Assert
    expect(toBakuLocal('2026-10-31T20:30:00Z')).toBe('2026-11-01T00:30:00.000');
    expect(formatBakuDate('2026-12-31T20:00:00Z')).toBe('01.01.2027');

    // Arrange: a zone east of Baku, where the UTC evening is already the next morning
    process.env.TZ = 'Asia/Tokyo';
    expect(new Date('2026-01-15T12:00:00Z').getTimezoneOffset()).toBe(-540);

    // Act / Assert
    expect(toBakuLocal('2026-10-31T19:30:00Z')).toBe('2026-10-31T23:30:00.000');
  });

  it.each([
    ['2026-11-01T00:30:00+04:00', '2026-11-01T00:30:00.000'],
    ['2026-10-31T15:30:00-05:00', '2026-11-01T00:30:00.000'],
    ['2026-10-31T20:30Z', '2026-11-01T00:30:00.000'],
    ['2026-10-31T20:30:00.1Z', '2026-11-01T00:30:00.100'],
    ['2026-10-31T20:30:00.123Z', '2026-11-01T00:30:00.123'],
  ])('reads the offset and precision of %j', (instant, expected) => {
    // Act / Assert
    expect(toBakuLocal(instant)).toBe(expected);
  });

  it.each([
    '2026-11-01T00:30:00',
    '2026-11-01',
    '2026-02-31T10:00:00Z',
    '2026-13-01T10:00:00Z',
    '2026-11-01T24:00:00Z',
    '2026-11-01T10:60:00Z',
    '2026-11-01T10:00:00+25:00',
    '01.11.2026',
    'not a date',
    '',
  ])('refuses %j, which is not an instant', (input) => {
    // Act / Assert
    expect(() => toBakuLocal(input)).toThrow(RangeError);
  });
});
