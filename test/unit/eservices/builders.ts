/** Builders of service definitions and applications for the e-services unit tests. */
import {
  eVisaDefinition,
  serviceDefinition,
  type FormField,
  type ServiceDefinition,
} from '../../../functions/modules/eservices';

export const tri = (en: string) => ({ az: `${en} (az)`, en, ru: `${en} (ru)` });

/** A small valid definition: one common e-mail, the given applicant fields plus a passport number to look up by. */
export function definitionWith(
  applicant: FormField[],
  overrides: Partial<ServiceDefinition> & { common?: FormField[] } = {},
): ServiceDefinition {
  const { common, ...rest } = overrides;
  return serviceDefinition.parse({
    code: 'test-service',
    name: tri('Test service'),
    description: tri('A service for tests'),
    form: {
      common: common ?? [{ code: 'email', type: 'email', required: true, label: tri('E-mail') }],
      applicant: [
        { code: 'passportNumber', type: 'passport-number', required: true, label: tri('Passport') },
        ...applicant,
      ],
    },
    contact: { email: 'email' },
    lookup: { field: 'passportNumber' },
    eligibility: [],
    variants: [
      {
        code: 'standard',
        name: tri('Standard'),
        fee: { amount: 0, currency: 'AZN' },
        level: { unit: 'days', days: 5, countNonWorkingDays: false },
      },
    ],
    route: { templateId: 'route-1' },
    result: { kind: 'decision-letter' },
    decisionNotice: { channels: ['email'] },
    ...rest,
  });
}

/** An application to `definitionWith`: the applicant's values plus a passport number. */
export function applicationWith(values: Record<string, unknown>, common: Record<string, unknown> = {}) {
  return {
    variant: 'standard',
    common: { email: 'aysel@example.az', ...common },
    applicants: [{ passportNumber: 'C01234567', ...values }],
  };
}

export const evisa = () => eVisaDefinition({ routeTemplateId: 'route-evisa' });

/** A valid e-visa applicant, for an application made on 2027-03-01. */
export function visitor(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    surname: 'Müller',
    givenNames: 'Anna Maria',
    sex: 'female',
    birthDate: '1990-01-02',
    nationality: 'DEU',
    passportNumber: 'C01X00T47',
    passportIssueDate: '2020-01-01',
    passportExpiryDate: '2030-01-01',
    purpose: 'tourism',
    arrivalDate: '2027-03-10',
    addressInAzerbaijan: 'Bakı, Nizami küç. 10',
    passportScan: [{ ref: 'upload-1', name: 'passport.pdf', mediaType: 'application/pdf', bytes: 350_000 }],
    ...overrides,
  };
}

export const ON_1_MARCH_2027 = { at: '2027-03-01T10:00:00Z' };
