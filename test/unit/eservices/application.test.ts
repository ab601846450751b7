import { describe, expect, it } from 'vitest';
import { checkEligibility, validateApplication, type FieldError } from '../../../functions/modules/eservices';
import { applicationWith, definitionWith, evisa, ON_1_MARCH_2027, tri, visitor } from './builders';

const codes = (errors: readonly FieldError[]) => errors.map((e) => [e.path, e.code]);

function errorsOf(result: ReturnType<typeof validateApplication>): readonly FieldError[] {
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('validateApplication: the shape of an application', () => {
  it('refuses what is not an object, unknown top-level keys, a missing or unknown variant', () => {
    // Arrange
    const def = definitionWith([]);

    // Act
    const notObject = validateApplication(def, [1, 2], ON_1_MARCH_2027);
    const wrong = validateApplication(
      def,
      { variant: 'express', applicants: [{ passportNumber: 'C0123' }], extra: 1 },
      ON_1_MARCH_2027,
    );
    const noVariant = validateApplication(
      def,
      { common: { email: 'a@b.az' }, applicants: [{ passportNumber: 'C0123' }] },
      ON_1_MARCH_2027,
    );

    // Assert
    expect(codes(errorsOf(notObject))).toEqual([['', 'invalid_type']]);
    expect(codes(errorsOf(wrong))).toEqual([
      ['extra', 'unknown_field'],
      ['variant', 'unknown_variant'],
      ['common.email', 'required'],
    ]);
    expect(codes(errorsOf(noVariant))).toEqual([['variant', 'required']]);
  });

  it('refuses fields the definition does not have, at every level', () => {
    // Arrange
    const def = definitionWith([
      {
        code: 'members',
        type: 'list',
        required: false,
        maxItems: 3,
        label: tri('Members'),
        fields: [{ code: 'fullName', type: 'text', required: true, maxLength: 50, label: tri('Name') }],
      },
    ]);

    // Act
    const result = validateApplication(
      def,
      applicationWith({ nickname: 'x', members: [{ fullName: 'Aysel', age: 3 }] }, { fax: '123' }),
      ON_1_MARCH_2027,
    );

    // Assert
    expect(codes(errorsOf(result))).toEqual([
      ['common.fax', 'unknown_field'],
      ['applicants[0].nickname', 'unknown_field'],
      ['applicants[0].members[0].age', 'unknown_field'],
    ]);
  });

  it('reports every error at once, each with a message in az, en and ru with its parameters filled in', () => {
    // Arrange
    const def = definitionWith([
      { code: 'note', type: 'text', required: true, minLength: 5, maxLength: 10, label: tri('Note') },
    ]);

    // Act
    const result = validateApplication(
      def,
      applicationWith({ passportNumber: '', note: 'abc' }),
      ON_1_MARCH_2027,
    );

    // Assert
    const errors = errorsOf(result);
    expect(codes(errors)).toEqual([
      ['applicants[0].passportNumber', 'required'],
      ['applicants[0].note', 'too_short'],
    ]);
    expect(errors[1]).toEqual({
      path: 'applicants[0].note',
      code: 'too_short',
      params: { min: 5 },
      message: {
        az: 'Ən azı 5 simvol olmalıdır',
        en: 'Must be at least 5 characters',
        ru: 'Должно быть не менее 5 символов',
      },
    });
  });

  it('takes null, blank text and empty lists as left out: fine when optional, `required` otherwise', () => {
    // Arrange
    const def = definitionWith([
      { code: 'note', type: 'text', required: false, maxLength: 10, label: tri('Note') },
      { code: 'remark', type: 'text', required: true, maxLength: 10, label: tri('Remark') },
    ]);

    // Act
    const left = validateApplication(def, applicationWith({ note: '   ', remark: null }), ON_1_MARCH_2027);
    const given = validateApplication(def, applicationWith({ note: null, remark: ' ok ' }), ON_1_MARCH_2027);

    // Assert: a left-out optional field is absent from the values, not an empty string.
    expect(codes(errorsOf(left))).toEqual([['applicants[0].remark', 'required']]);
    expect(given).toEqual({
      ok: true,
      values: {
        variant: 'standard',
        common: { email: 'aysel@example.az' },
        applicants: [{ passportNumber: 'C01234567', remark: 'ok' }],
      },
    });
  });
});

describe('validateApplication: field types', () => {
  it('text: trims, NFC-normalizes, counts characters (not UTF-16 units), matches the whole pattern', () => {
    // Arrange
    const def = definitionWith([
      { code: 'name', type: 'text', required: true, maxLength: 5, label: tri('Name'), pattern: '[\\p{L} ]+' },
    ]);

    // Act: "Əli" typed with a combining mark; five letters of the Azerbaijani alphabet fit.
    const decomposed = validateApplication(def, applicationWith({ name: ' A\u0301li ' }), ON_1_MARCH_2027);
    const five = validateApplication(def, applicationWith({ name: 'Şəkər' }), ON_1_MARCH_2027);
    const long = validateApplication(def, applicationWith({ name: 'Şəkərə' }), ON_1_MARCH_2027);
    const digits = validateApplication(def, applicationWith({ name: 'Ali1' }), ON_1_MARCH_2027);
    const number = validateApplication(def, applicationWith({ name: 12 }), ON_1_MARCH_2027);

    // Assert
    expect(decomposed.ok && decomposed.values.applicants[0]!.name).toBe('Áli');
    expect(five.ok).toBe(true);
    expect(codes(errorsOf(long))).toEqual([['applicants[0].name', 'too_long']]);
    expect(codes(errorsOf(digits))).toEqual([['applicants[0].name', 'pattern_mismatch']]);
    expect(codes(errorsOf(number))).toEqual([['applicants[0].name', 'invalid_type']]);
  });

  it('date: a real YYYY-MM-DD date, "not in the past" counted from the Baku date of the instant', () => {
    // Arrange: 28 February 2027 21:00 UTC is already 1 March in Baku.
    const def = definitionWith([
      {
        code: 'arrival',
        type: 'date',
        required: true,
        min: { from: 'today', days: 0 },
        max: { from: 'date', date: '2027-12-31' },
        label: tri('Arrival'),
      },
    ]);
    const at = { at: '2027-02-28T21:00:00Z' };

    // Act
    const yesterday = validateApplication(def, applicationWith({ arrival: '2027-02-28' }), at);
    const today = validateApplication(def, applicationWith({ arrival: '2027-03-01' }), at);
    const tooLate = validateApplication(def, applicationWith({ arrival: '2028-01-01' }), at);
    const notADate = validateApplication(def, applicationWith({ arrival: '2027-02-30' }), at);
    const otherForm = validateApplication(def, applicationWith({ arrival: '01.03.2027' }), at);

    // Assert: messages show dates as dd.MM.yyyy.
    const early = errorsOf(yesterday)[0]!;
    expect([early.path, early.code, early.params]).toEqual([
      'applicants[0].arrival',
      'date_too_early',
      { min: '2027-03-01' },
    ]);
    expect(early.message.en).toBe('The date cannot be earlier than 01.03.2027');
    expect(today.ok).toBe(true);
    expect(codes(errorsOf(tooLate))).toEqual([['applicants[0].arrival', 'date_too_late']]);
    expect(codes(errorsOf(notADate))).toEqual([['applicants[0].arrival', 'invalid_date']]);
    expect(codes(errorsOf(otherForm))).toEqual([['applicants[0].arrival', 'invalid_date']]);
  });

  it('date: "at least N days after field X", also X of the common part, skipped while X is wrong', () => {
    // Arrange
    const def = definitionWith(
      [
        { code: 'checkIn', type: 'date', required: true, label: tri('Check-in') },
        {
          code: 'checkOut',
          type: 'date',
          required: true,
          min: { from: 'field', field: 'checkIn', days: 3 },
          max: { from: 'field', field: 'tripEnd', days: 0 },
          label: tri('Check-out'),
        },
      ],
      {
        common: [
          { code: 'email', type: 'email', required: true, label: tri('E-mail') },
          { code: 'tripEnd', type: 'date', required: true, label: tri('Trip end') },
        ],
      },
    );
    const common = { tripEnd: '2027-04-30' };

    // Act
    const twoDays = validateApplication(
      def,
      applicationWith({ checkIn: '2027-04-01', checkOut: '2027-04-03' }, common),
      ON_1_MARCH_2027,
    );
    const threeDays = validateApplication(
      def,
      applicationWith({ checkIn: '2027-04-01', checkOut: '2027-04-04' }, common),
      ON_1_MARCH_2027,
    );
    const afterTrip = validateApplication(
      def,
      applicationWith({ checkIn: '2027-04-01', checkOut: '2027-05-01' }, common),
      ON_1_MARCH_2027,
    );
    const badCheckIn = validateApplication(
      def,
      applicationWith({ checkIn: 'soon', checkOut: '2027-04-02' }, common),
      ON_1_MARCH_2027,
    );

    // Assert
    expect(errorsOf(twoDays).map((e) => [e.path, e.code, e.params])).toEqual([
      ['applicants[0].checkOut', 'date_too_early', { min: '2027-04-04' }],
    ]);
    expect(threeDays.ok).toBe(true);
    expect(codes(errorsOf(afterTrip))).toEqual([['applicants[0].checkOut', 'date_too_late']]);
    expect(codes(errorsOf(badCheckIn))).toEqual([['applicants[0].checkIn', 'invalid_date']]);
  });

  it('choice: an inline option or a code of the reference list the caller supplies', () => {
    // Arrange
    const def = definitionWith([
      {
        code: 'sex',
        type: 'choice',
        required: true,
        label: tri('Sex'),
        source: {
          kind: 'options',
          options: [
            { code: 'female', label: tri('F') },
            { code: 'male', label: tri('M') },
          ],
        },
      },
      {
        code: 'region',
        type: 'choice',
        required: true,
        label: tri('Region'),
        source: { kind: 'reference-list', list: 'regions' },
      },
    ]);
    const context = { ...ON_1_MARCH_2027, referenceLists: { regions: ['baku', 'ganja'] } };

    // Act
    const good = validateApplication(def, applicationWith({ sex: 'female', region: 'ganja' }), context);
    const bad = validateApplication(def, applicationWith({ sex: 'other', region: 'paris' }), context);

    // Assert
    expect(good.ok).toBe(true);
    expect(codes(errorsOf(bad))).toEqual([
      ['applicants[0].sex', 'unknown_option'],
      ['applicants[0].region', 'unknown_option'],
    ]);
    // The list's codes are the caller's duty: forgetting them is a bug, not the applicant's error.
    expect(() =>
      validateApplication(def, applicationWith({ sex: 'male', region: 'baku' }), ON_1_MARCH_2027),
    ).toThrow(/reference list regions/);
  });

  it('country: an ISO 3166-1 alpha-3 code in any case, limited to the field’s countries when it has them', () => {
    // Arrange
    const def = definitionWith([
      { code: 'nationality', type: 'country', required: true, label: tri('Nationality') },
      {
        code: 'residence',
        type: 'country',
        required: false,
        countries: ['AZE', 'GEO'],
        label: tri('Residence'),
      },
    ]);

    // Act
    const good = validateApplication(
      def,
      applicationWith({ nationality: ' deu ', residence: 'geo' }),
      ON_1_MARCH_2027,
    );
    const alpha2 = validateApplication(
      def,
      applicationWith({ nationality: 'DE', residence: 'TUR' }),
      ON_1_MARCH_2027,
    );

    // Assert
    expect(good.ok && good.values.applicants[0]).toMatchObject({ nationality: 'DEU', residence: 'GEO' });
    expect(codes(errorsOf(alpha2))).toEqual([
      ['applicants[0].nationality', 'unknown_country'],
      ['applicants[0].residence', 'unknown_option'],
    ]);
  });

  it('passport number, FİN, phone and e-mail come back normalized; malformed ones get their own codes', () => {
    // Arrange
    const def = definitionWith(
      [
        { code: 'fin', type: 'fin', required: true, label: tri('FIN') },
        { code: 'mobile', type: 'phone', required: true, mobile: true, label: tri('Mobile') },
      ],
      {
        common: [
          { code: 'email', type: 'email', required: true, label: tri('E-mail') },
          { code: 'phone', type: 'phone', required: true, label: tri('Phone') },
        ],
      },
    );

    // Act
    const good = validateApplication(
      def,
      applicationWith(
        { passportNumber: 'c 0123 4567', fin: ' 5zk7qh2', mobile: '050 123 45 67' },
        { email: 'Aysel@Mail.AZ ', phone: '(012) 498 12 34' },
      ),
      ON_1_MARCH_2027,
    );
    const bad = validateApplication(
      def,
      applicationWith(
        { passportNumber: 'C-0123', fin: '5ZK7QH', mobile: '+994 12 498 12 34' },
        { email: 'aysel@mail', phone: '12345' },
      ),
      ON_1_MARCH_2027,
    );

    // Assert
    expect(good).toMatchObject({
      ok: true,
      values: {
        common: { email: 'Aysel@mail.az', phone: '+994124981234' },
        applicants: [{ passportNumber: 'C01234567', fin: '5ZK7QH2', mobile: '+994501234567' }],
      },
    });
    expect(codes(errorsOf(bad))).toEqual([
      ['common.email', 'invalid_email'],
      ['common.phone', 'invalid_phone'],
      ['applicants[0].passportNumber', 'invalid_passport_number'],
      ['applicants[0].fin', 'invalid_fin'],
      ['applicants[0].mobile', 'not_mobile_phone'],
    ]);
  });

  it('file: allowed media types (parameters and case ignored), size, count, no empty or repeated upload', () => {
    // Arrange
    const def = definitionWith([
      {
        code: 'scans',
        type: 'file',
        required: true,
        mediaTypes: ['application/pdf', 'image/jpeg'],
        maxBytes: 1000,
        minCount: 2,
        maxCount: 3,
        label: tri('Scans'),
      },
    ]);
    const file = (ref: string, mediaType = 'application/pdf', bytes = 500) => ({
      ref,
      name: `${ref}.pdf`,
      mediaType,
      bytes,
    });

    // Act
    const good = validateApplication(
      def,
      applicationWith({ scans: [file('a'), file('b', 'Image/JPEG; q=1')] }),
      ON_1_MARCH_2027,
    );
    const one = validateApplication(def, applicationWith({ scans: [file('a')] }), ON_1_MARCH_2027);
    const four = validateApplication(
      def,
      applicationWith({ scans: [file('a'), file('b'), file('c'), file('d')] }),
      ON_1_MARCH_2027,
    );
    const wrong = validateApplication(
      def,
      applicationWith({
        scans: [file('a', 'image/gif'), file('b', 'application/pdf', 1001), file('c', 'application/pdf', 0)],
      }),
      ON_1_MARCH_2027,
    );
    const twice = validateApplication(
      def,
      applicationWith({ scans: [file('c'), file('c')] }),
      ON_1_MARCH_2027,
    );
    const malformed = validateApplication(
      def,
      applicationWith({ scans: [file('a'), { ref: 'b', bytes: -1 }] }),
      ON_1_MARCH_2027,
    );

    // Assert
    expect(good.ok && good.values.applicants[0]!.scans).toEqual([
      file('a'),
      { ...file('b', 'image/jpeg'), name: 'b.pdf' },
    ]);
    expect(errorsOf(one).map((e) => [e.code, e.params])).toEqual([['too_few_files', { min: 2 }]]);
    expect(errorsOf(four).map((e) => [e.code, e.params])).toEqual([['too_many_files', { max: 3 }]]);
    expect(codes(errorsOf(wrong))).toEqual([
      ['applicants[0].scans[0]', 'file_type_not_allowed'],
      ['applicants[0].scans[1]', 'file_too_large'],
      ['applicants[0].scans[2]', 'file_empty'],
    ]);
    expect(codes(errorsOf(twice))).toEqual([['applicants[0].scans[1]', 'duplicate_file']]);
    expect(errorsOf(wrong)[0]!.message.en).toBe(
      'This kind of file is not accepted; allowed: application/pdf, image/jpeg',
    );
    expect(codes(errorsOf(malformed))).toEqual([['applicants[0].scans[1]', 'invalid_type']]);
  });

  it('amount: a whole, non-negative number of minor units within the bounds', () => {
    // Arrange
    const def = definitionWith([
      {
        code: 'income',
        type: 'amount',
        required: true,
        currency: 'AZN',
        min: 100,
        max: 50_000,
        label: tri('Income'),
      },
    ]);

    // Act
    const results = [10_000, 12.5, -3, 99, 50_001, '100'].map((income) =>
      validateApplication(def, applicationWith({ income }), ON_1_MARCH_2027),
    );

    // Assert
    expect(results[0]!.ok).toBe(true);
    expect(results.slice(1).map((r) => errorsOf(r)[0]!.code)).toEqual([
      'invalid_amount',
      'invalid_amount',
      'amount_too_small',
      'amount_too_large',
      'invalid_type',
    ]);
  });

  it('list: rows validated field by field with their own paths, row counts bounded', () => {
    // Arrange
    const def = definitionWith([
      {
        code: 'members',
        type: 'list',
        required: true,
        minItems: 1,
        maxItems: 2,
        label: tri('Members'),
        fields: [
          { code: 'fin', type: 'fin', required: true, label: tri('FIN') },
          {
            code: 'birthDate',
            type: 'date',
            required: true,
            max: { from: 'today', days: 0 },
            label: tri('Born'),
          },
        ],
      },
    ]);

    // Act
    const good = validateApplication(
      def,
      applicationWith({ members: [{ fin: '5zk7qh2', birthDate: '2015-06-01' }] }),
      ON_1_MARCH_2027,
    );
    const bad = validateApplication(
      def,
      applicationWith({
        members: [{ fin: '5ZK7QH2', birthDate: '2030-01-01' }, { birthDate: '2015-06-01' }],
      }),
      ON_1_MARCH_2027,
    );
    const many = validateApplication(def, applicationWith({ members: [{}, {}, {}] }), ON_1_MARCH_2027);
    const none = validateApplication(def, applicationWith({ members: [] }), ON_1_MARCH_2027);
    const notRows = validateApplication(def, applicationWith({ members: ['x'] }), ON_1_MARCH_2027);

    // Assert
    expect(good.ok && good.values.applicants[0]!.members).toEqual([
      { fin: '5ZK7QH2', birthDate: '2015-06-01' },
    ]);
    expect(codes(errorsOf(bad))).toEqual([
      ['applicants[0].members[0].birthDate', 'date_too_late'],
      ['applicants[0].members[1].fin', 'required'],
    ]);
    expect(codes(errorsOf(many))).toEqual([['applicants[0].members', 'too_many_items']]);
    expect(codes(errorsOf(none))).toEqual([['applicants[0].members', 'required']]);
    expect(codes(errorsOf(notRows))).toEqual([['applicants[0].members[0]', 'invalid_type']]);
  });
});

describe('validateApplication: groups', () => {
  it('takes 1 to maxApplicants people sharing the common e-mail, each person’s errors on their own path', () => {
    // Arrange
    const def = evisa();
    const ten = Array.from({ length: 10 }, (_, i) => visitor({ passportNumber: `C0000000${i}` }));
    ten[3] = visitor({ passportNumber: 'C-3', nationality: 'XYZ' });
    ten[7] = visitor({ birthDate: undefined });

    // Act
    const result = validateApplication(
      def,
      {
        variant: 'standard',
        common: { email: 'group@example.com', phone: '+49 30 1234567' },
        applicants: ten,
      },
      ON_1_MARCH_2027,
    );

    // Assert
    expect(codes(errorsOf(result))).toEqual([
      ['applicants[3].nationality', 'unknown_country'],
      ['applicants[3].passportNumber', 'invalid_passport_number'],
      ['applicants[7].birthDate', 'required'],
    ]);
  });

  it('refuses more than maxApplicants, none at all, and a group where the service takes one person', () => {
    // Arrange
    const single = definitionWith([]);
    const group = evisa();
    const common = { email: 'group@example.com', phone: '+49 30 1234567' };

    // Act
    const eleven = validateApplication(
      group,
      { variant: 'standard', common, applicants: Array.from({ length: 11 }, () => visitor()) },
      ON_1_MARCH_2027,
    );
    const nobody = validateApplication(
      group,
      { variant: 'standard', common, applicants: [] },
      ON_1_MARCH_2027,
    );
    const two = validateApplication(
      single,
      { ...applicationWith({}), applicants: [{ passportNumber: 'C0123' }, { passportNumber: 'C0124' }] },
      ON_1_MARCH_2027,
    );

    // Assert
    expect(errorsOf(eleven).map((e) => [e.path, e.code, e.params])).toEqual([
      ['applicants', 'too_many_applicants', { max: 10 }],
    ]);
    expect(codes(errorsOf(nobody))).toEqual([['applicants', 'too_few_applicants']]);
    expect(errorsOf(two).map((e) => [e.code, e.params])).toEqual([['too_many_applicants', { max: 1 }]]);
  });
});

describe('validateApplication: eligibility', () => {
  it('checks the rules once the form is valid, on each applicant, with the definition’s own message', () => {
    // Arrange
    const def = evisa();
    const common = { email: 'group@example.com', phone: '+49 30 1234567' };
    const people = [
      visitor(),
      visitor({ nationality: 'AFG' }),
      visitor({ passportExpiryDate: '2027-06-07' }),
    ];

    // Act
    const result = validateApplication(
      def,
      { variant: 'urgent', common, applicants: people },
      ON_1_MARCH_2027,
    );

    // Assert: arrival 10.03.2027 + 89 days = 07.06.2027 is the visa's last day; the passport must reach 07.06.
    expect(result.ok).toBe(false);
    const errors = errorsOf(result);
    expect(codes(errors)).toEqual([['applicants[1].nationality', 'not_eligible_country']]);
    expect(errors[0]!.message.en).toMatch(/cannot get an e-visa; apply at an embassy/);
  });

  it('refuses a passport that expires before the visa would end', () => {
    // Arrange
    const def = evisa();
    const common = { email: 'group@example.com', phone: '+49 30 1234567' };

    // Act
    const result = validateApplication(
      def,
      { variant: 'standard', common, applicants: [visitor({ passportExpiryDate: '2027-06-06' })] },
      ON_1_MARCH_2027,
    );

    // Assert
    expect(errorsOf(result).map((e) => [e.path, e.code, e.params])).toEqual([
      ['applicants[0].passportExpiryDate', 'not_eligible_date', { min: '2027-06-07' }],
    ]);
  });

  it('does not judge eligibility while the form has errors (the applicant fixes those first)', () => {
    // Arrange
    const def = evisa();

    // Act
    const result = validateApplication(
      def,
      { variant: 'standard', common: { email: 'x' }, applicants: [visitor({ nationality: 'AFG' })] },
      ON_1_MARCH_2027,
    );

    // Assert
    expect(codes(errorsOf(result))).toEqual([
      ['common.email', 'invalid_email'],
      ['common.phone', 'required'],
    ]);
  });

  it('checkEligibility: a rule over a common field is checked once, one over a common and an applicant field per person', () => {
    // Arrange: the trip's end (common) must be at least 2 days after each person's arrival.
    const def = definitionWith([{ code: 'arrival', type: 'date', required: true, label: tri('Arrival') }], {
      common: [
        { code: 'email', type: 'email', required: true, label: tri('E-mail') },
        { code: 'tripEnd', type: 'date', required: true, label: tri('Trip end') },
        { code: 'residence', type: 'country', required: true, label: tri('Residence') },
      ],
      group: { maxApplicants: 3 },
      eligibility: [
        { kind: 'country-in', field: 'residence', countries: ['AZE'] },
        { kind: 'date-on-or-after', field: 'tripEnd', reference: { field: 'arrival', days: 2 } },
      ],
    });
    const values = {
      variant: 'standard',
      common: { email: 'a@b.az', tripEnd: '2027-04-10', residence: 'GEO' },
      applicants: [
        { passportNumber: 'C0001', arrival: '2027-04-01' },
        { passportNumber: 'C0002', arrival: '2027-04-09' },
        { passportNumber: 'C0003', arrival: '2027-04-09' },
      ],
    };

    // Act
    const errors = checkEligibility(def, values);

    // Assert: the common field's date error is reported once, though two people fail it.
    expect(errors.map((e) => [e.path, e.code, e.params])).toEqual([
      ['common.residence', 'not_eligible_country', { country: 'GEO' }],
      ['common.tripEnd', 'not_eligible_date', { min: '2027-04-11' }],
    ]);
  });
});
