import { describe, expect, it } from 'vitest';
import {
  EVISA_ELIGIBLE_COUNTRIES,
  applicationFee,
  eVisaLeaveBy,
  eVisaValidity,
  isCountryCode,
  passportCoversVisa,
  serviceDue,
  validateApplication,
} from '../../../functions/modules/eservices';
import { evisa, ON_1_MARCH_2027, visitor } from './builders';

describe('the e-visa definition', () => {
  it('offers a standard variant (3 working days, 20 USD) and an urgent one (3 hours, holidays counted, 60 USD)', () => {
    // Arrange
    const def = evisa();

    // Act
    const variants = def.variants.map((v) => [v.code, v.fee, v.level]);

    // Assert
    expect(variants).toEqual([
      ['standard', { amount: 2000, currency: 'USD' }, { unit: 'days', days: 3, countNonWorkingDays: false }],
      ['urgent', { amount: 6000, currency: 'USD' }, { unit: 'hours', hours: 3, countNonWorkingDays: true }],
    ]);
    expect(def).toMatchObject({
      group: { maxApplicants: 10 },
      contact: { email: 'email', confirmEmailWithinMinutes: 60 },
      lookup: { field: 'passportNumber' },
      result: { kind: 'e-visa' },
      route: { templateId: 'route-evisa' },
    });
  });

  it('asks for the issue’s fields of each person, and one e-mail and phone for the group', () => {
    // Arrange
    const def = evisa();

    // Act
    const applicant = def.form.applicant.map((f) => [f.code, f.type, f.required]);
    const common = def.form.common.map((f) => f.code);

    // Assert
    expect(applicant).toEqual([
      ['surname', 'text', true],
      ['givenNames', 'text', true],
      ['sex', 'choice', true],
      ['birthDate', 'date', true],
      ['nationality', 'country', true],
      ['passportNumber', 'passport-number', true],
      ['passportIssueDate', 'date', true],
      ['passportExpiryDate', 'date', true],
      ['purpose', 'choice', true],
      ['arrivalDate', 'date', true],
      ['addressInAzerbaijan', 'text', true],
      ['passportScan', 'file', true],
    ]);
    expect(common).toEqual(['email', 'phone']);
  });

  it('lists eligible countries as ISO codes, each once', () => {
    // Arrange
    const list = EVISA_ELIGIBLE_COUNTRIES;

    // Act
    const unknown = list.filter((c) => !isCountryCode(c));

    // Assert
    expect(unknown).toEqual([]);
    expect(new Set(list).size).toBe(list.length);
    expect(list).toContain('USA');
    expect(list).not.toContain('AZE');
  });

  it('takes a group of 10 with one e-mail: one payment of ten fees', () => {
    // Arrange
    const def = evisa();
    const people = Array.from({ length: 10 }, (_, i) =>
      visitor({ passportNumber: `C0000000${i}`, nationality: i % 2 ? 'GBR' : 'JPN' }),
    );

    // Act
    const result = validateApplication(
      def,
      {
        variant: 'standard',
        common: { email: 'tour@example.co.uk', phone: '+44 20 7946 0958' },
        applicants: people,
      },
      ON_1_MARCH_2027,
    );

    // Assert
    expect(result.ok).toBe(true);
    expect(result.ok && result.values.applicants.length).toBe(10);
    expect(applicationFee(def.variants[0]!.fee, 10)).toEqual({ amount: 20_000, currency: 'USD' });
  });

  it('refuses names not in Latin letters, an arrival more than 90 days ahead, a passport issued before birth', () => {
    // Arrange
    const def = evisa();
    const person = visitor({ surname: 'Мюллер', arrivalDate: '2027-05-31', passportIssueDate: '1989-12-31' });

    // Act
    const result = validateApplication(
      def,
      {
        variant: 'standard',
        common: { email: 'anna@example.de', phone: '+49 30 1234567' },
        applicants: [person],
      },
      ON_1_MARCH_2027,
    );

    // Assert
    expect(result.ok ? [] : result.errors.map((e) => [e.path, e.code])).toEqual([
      ['applicants[0].surname', 'pattern_mismatch'],
      ['applicants[0].arrivalDate', 'date_too_late'],
      ['applicants[0].passportIssueDate', 'date_too_early'],
    ]);
  });

  it('urgent: paid late on a holiday evening, due three hours later', () => {
    // Arrange: 9 May 2027 (Victory Day, a Sunday), 22:00 Baku.
    const urgent = evisa().variants[1]!;

    // Act
    const due = serviceDue('2027-05-09T18:00:00Z', urgent.level, () => false);

    // Assert
    expect(due.dueAt).toBe('2027-05-09T21:00:00.000Z');
  });
});

describe('eVisaValidity', () => {
  it('runs 90 days from the arrival date, both days included, for a decision before arrival', () => {
    // Arrange
    const arrival = '2027-03-10';

    // Act
    const validity = eVisaValidity(arrival, '2027-03-03T09:00:00Z');

    // Assert
    expect(validity).toEqual({
      entries: 'single',
      validFrom: '2027-03-10',
      validUntil: '2027-06-07',
      maxStayDays: 30,
    });
  });

  it('starts on the decision’s Baku date when the decision comes after the arrival date', () => {
    // Arrange: decided 21:30 UTC on 11 March = 01:30 Baku on 12 March.
    const decidedAt = '2027-03-11T21:30:00Z';

    // Act
    const validity = eVisaValidity('2027-03-10', decidedAt);

    // Assert
    expect([validity.validFrom, validity.validUntil]).toEqual(['2027-03-12', '2027-06-09']);
  });

  it('allows a stay of 30 days counting the day of entry, never past the validity', () => {
    // Arrange
    const validity = eVisaValidity('2027-03-10', '2027-03-03T09:00:00Z');

    // Act
    const early = eVisaLeaveBy(validity, '2027-03-10');
    const late = eVisaLeaveBy(validity, '2027-06-01');

    // Assert
    expect(early).toBe('2027-04-08');
    expect(late).toBe('2027-06-07');
    expect(() => eVisaLeaveBy(validity, '2027-06-08')).toThrow(RangeError);
    expect(() => eVisaLeaveBy(validity, '2027-03-09')).toThrow(RangeError);
  });

  it('needs the passport valid at least until the visa’s last day', () => {
    // Arrange
    const validity = eVisaValidity('2027-03-10', '2027-03-03T09:00:00Z');

    // Act
    const checks = ['2027-06-06', '2027-06-07', '2030-01-01'].map((expiry) =>
      passportCoversVisa(expiry, validity),
    );

    // Assert
    expect(checks).toEqual([false, true, true]);
  });
});
