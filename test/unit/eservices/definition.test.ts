import { describe, expect, it } from 'vitest';
import {
  definitionProblems,
  eVisaDefinition,
  serviceDefinition,
  socialAssistanceDefinition,
  type ServiceDefinition,
} from '../../../functions/modules/eservices';
import { definitionWith, tri } from './builders';

/** The messages of the issues a definition fails with, with their paths. */
function problems(input: unknown): [string, string][] {
  const result = serviceDefinition.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

const base = (): ServiceDefinition => definitionWith([]);

describe('serviceDefinition: shape', () => {
  it('accepts the standard e-visa and social-assistance definitions', () => {
    // Arrange
    const definitions = [
      eVisaDefinition({ routeTemplateId: 'r1' }),
      socialAssistanceDefinition({ routeTemplateId: 'r2' }),
    ];

    // Act
    const results = definitions.map((d) => problems(d));

    // Assert: the schema, and the domain's own check of how the parts fit.
    expect(results).toEqual([[], []]);
    expect(definitions.map(definitionProblems)).toEqual([[], []]);
  });

  it('refuses a bad service code, a missing translation, an unknown field type and unknown keys', () => {
    // Arrange
    const def = base();

    // Act
    const result = serviceDefinition.safeParse({
      ...def,
      code: 'E Visa',
      name: { az: 'Viza', en: 'Visa' },
      form: {
        ...def.form,
        applicant: [...def.form.applicant, { code: 'x', type: 'signature', required: true, label: tri('X') }],
      },
      colour: 'blue',
    });

    // Assert
    expect(result.success).toBe(false);
    const paths = result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['code', 'name.ru', 'form.applicant.1.type', '']));
  });

  it('refuses a country code outside ISO 3166-1 alpha-3 and a fee that is not whole minor units', () => {
    // Arrange
    const def = base();

    // Act
    const result = problems({
      ...def,
      eligibility: [{ kind: 'country-in', field: 'nationality', countries: ['DE'] }],
      variants: [{ ...def.variants[0]!, fee: { amount: 20.5, currency: 'USD' } }],
    });

    // Assert
    expect(result.map(([path]) => path)).toEqual(
      expect.arrayContaining(['eligibility.0.countries.0', 'variants.0.fee.amount']),
    );
  });
});

describe('serviceDefinition: the parts fit together', () => {
  it('refuses a field code used twice across the common and applicant parts, and an option code used twice', () => {
    // Arrange
    const def = base();

    // Act
    const result = problems({
      ...def,
      form: {
        common: def.form.common,
        applicant: [
          ...def.form.applicant,
          { code: 'email', type: 'text', required: false, maxLength: 5, label: tri('E') },
          {
            code: 'sex',
            type: 'choice',
            required: true,
            label: tri('S'),
            source: {
              kind: 'options',
              options: [
                { code: 'f', label: tri('F') },
                { code: 'f', label: tri('F') },
              ],
            },
          },
        ],
      },
    });

    // Assert
    expect(result).toEqual([
      ['form.applicant.1.code', 'Field code email is used twice'],
      ['form.applicant.2.source.options', 'An option code is used twice'],
    ]);
  });

  it('refuses bounds naming a field that is not a date the field can see, or itself', () => {
    // Arrange
    const def = base();
    const date = (code: string, min: unknown) => ({
      code,
      type: 'date',
      required: true,
      label: tri(code),
      min,
    });

    // Act: a common field cannot see the applicant's fields.
    const result = problems({
      ...def,
      form: {
        common: [...def.form.common, date('commonDay', { from: 'field', field: 'ownDay', days: 0 })],
        applicant: [
          ...def.form.applicant,
          date('ownDay', { from: 'field', field: 'ownDay', days: 1 }),
          date('otherDay', { from: 'field', field: 'passportNumber', days: 1 }),
          date('fine', { from: 'field', field: 'commonDay', days: 1 }),
        ],
      },
    });

    // Assert
    expect(result).toEqual([
      ['form.common.1.min.field', 'ownDay is not a date field this field can see'],
      ['form.applicant.1.min.field', 'A date cannot be bounded by itself'],
      ['form.applicant.2.min.field', 'passportNumber is not a date field this field can see'],
    ]);
  });

  it('refuses inverted limits and a pattern that is not a regular expression', () => {
    // Arrange
    const def = base();

    // Act
    const result = problems({
      ...def,
      form: {
        common: def.form.common,
        applicant: [
          ...def.form.applicant,
          {
            code: 'a',
            type: 'text',
            required: true,
            minLength: 9,
            maxLength: 5,
            pattern: '([a-z]',
            label: tri('A'),
          },
          {
            code: 'b',
            type: 'file',
            required: true,
            mediaTypes: ['application/pdf'],
            maxBytes: 10,
            minCount: 3,
            maxCount: 2,
            label: tri('B'),
          },
          { code: 'c', type: 'amount', required: true, currency: 'AZN', min: 10, max: 5, label: tri('C') },
          {
            code: 'd',
            type: 'list',
            required: true,
            minItems: 4,
            maxItems: 2,
            label: tri('D'),
            fields: [{ code: 'e', type: 'fin', required: true, label: tri('E') }],
          },
          {
            code: 'f',
            type: 'date',
            required: true,
            min: { from: 'date', date: '2027-02-01' },
            max: { from: 'date', date: '2027-01-01' },
            label: tri('F'),
          },
        ],
      },
    });

    // Assert
    expect(result.map(([path]) => path)).toEqual([
      'form.applicant.1.minLength',
      'form.applicant.1.pattern',
      'form.applicant.2.minCount',
      'form.applicant.3.min',
      'form.applicant.4.minItems',
      'form.applicant.5.min',
    ]);
  });

  it('refuses eligibility rules over fields of the wrong type', () => {
    // Arrange
    const def = base();

    // Act
    const result = problems({
      ...def,
      eligibility: [
        { kind: 'country-in', field: 'passportNumber', countries: ['DEU'] },
        { kind: 'date-on-or-after', field: 'missing', reference: { field: 'email', days: 3 } },
      ],
    });

    // Assert
    expect(result).toEqual([
      ['eligibility.0.field', 'passportNumber is not a country field'],
      ['eligibility.1.field', 'missing is not a date field'],
      ['eligibility.1.reference.field', 'email is not a date field'],
    ]);
  });

  it('refuses a look-up field that is not a required passport number or FİN of the applicant', () => {
    // Arrange
    const def = base();
    const optionalPassport = { ...def.form.applicant[0]!, required: false };

    // Act
    const onEmail = problems({ ...def, lookup: { field: 'email' } });
    const optional = problems({ ...def, form: { ...def.form, applicant: [optionalPassport] } });

    // Assert
    const message = 'The look-up field must be a required passport number or FİN field of the applicant';
    expect(onEmail).toEqual([['lookup.field', message]]);
    expect(optional).toEqual([['lookup.field', message]]);
  });

  it('needs a required common e-mail for a group or an e-mail to confirm, a required mobile phone for SMS', () => {
    // Arrange
    const def = base();
    const optionalEmail = { ...def.form.common[0]!, required: false };
    const landline = { code: 'phone', type: 'phone', required: true, label: tri('Phone') };

    // Act
    const group = problems({
      ...def,
      form: { ...def.form, common: [optionalEmail] },
      group: { maxApplicants: 5 },
      contact: { email: 'email', confirmEmailWithinMinutes: 60 },
    });
    const sms = problems({
      ...def,
      form: { ...def.form, common: [...def.form.common, landline] },
      contact: { email: 'email', phone: 'phone' },
      decisionNotice: { channels: ['sms', 'sms'] },
    });
    const wrongContact = problems({ ...def, contact: { email: 'passportNumber', phone: 'email' } });

    // Assert
    expect(group).toEqual([
      ['contact.confirmEmailWithinMinutes', 'An e-mail to confirm must be a required field'],
      ['group', 'A group application needs a required contact e-mail (one for the whole group)'],
    ]);
    expect(sms).toEqual([
      ['decisionNotice.channels', 'An SMS decision needs a required mobile contact phone'],
      ['decisionNotice.channels', 'A channel is listed twice'],
    ]);
    expect(wrongContact.map(([path]) => path)).toEqual([
      'contact.email',
      'contact.phone',
      'decisionNotice.channels',
    ]);
  });

  it('refuses a variant code used twice and a group of fewer than 2', () => {
    // Arrange
    const def = base();

    // Act
    const twice = problems({ ...def, variants: [def.variants[0], def.variants[0]] });
    const alone = problems({ ...def, group: { maxApplicants: 1 } });

    // Assert
    expect(twice).toEqual([['variants.1.code', 'Variant code standard is used twice']]);
    expect(alone.map(([path]) => path)).toEqual(['group.maxApplicants']);
  });
});
