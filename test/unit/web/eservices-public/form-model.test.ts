import { describe, expect, it } from 'vitest';
import {
  countryCodes as serverCountryCodes,
  eVisaDefinition,
  socialAssistanceDefinition,
  validateApplication,
  type ServiceDefinition,
} from '../../../../functions/modules/eservices';
import {
  countryCodes,
  countryName,
  countryOptions,
} from '../../../../web/features/eservices-public/countries';
import {
  bakuToday,
  checkForm,
  fieldPaths,
  formatMoney,
  initialState,
  mapServerErrors,
  normalizePath,
  parseAmount,
  toRequest,
  totalFee,
  update,
  type FormState,
} from '../../../../web/features/eservices-public/form-model';
import type { CatalogueService, UploadedFile } from '../../../../web/features/eservices-public/types';

/** The catalogue's answer for a definition (what GET …/services/{code} sends the page). */
function served(def: ServiceDefinition): CatalogueService {
  return JSON.parse(
    JSON.stringify({
      agency: 'demo1',
      code: def.code,
      version: 1,
      publishedAt: '2026-04-01T08:00:00.000Z',
      name: def.name,
      description: def.description,
      variants: def.variants,
      maxApplicants: def.group?.maxApplicants ?? 1,
      form: def.form,
      lookupField: def.lookup.field,
      confirmEmailWithinMinutes: def.contact.confirmEmailWithinMinutes,
    }),
  ) as CatalogueService;
}

const evisaDef = eVisaDefinition({ routeTemplateId: 'route-1' });
const evisa = served(evisaDef);
const socialDef = socialAssistanceDefinition({ routeTemplateId: 'route-2' });
const social = served(socialDef);

/** The instant of the checks: 10.05.2026 in Baku. */
const at = '2026-05-10T08:00:00.000Z';
const today = bakuToday(new Date(at));

const scan: UploadedFile = {
  ref: 'up_a1b2c3d4e5f6',
  name: 'passport.pdf',
  mediaType: 'application/pdf',
  bytes: 2048,
};

function filledVisa(): FormState {
  let s = initialState(evisa);
  s = update.variant(s, 'standard');
  s = update.common(s, 'email', 'tour@example.co.uk');
  s = update.common(s, 'phone', '+44 20 7946 0958');
  const person: Record<string, string | UploadedFile[]> = {
    surname: 'Müller',
    givenNames: 'Anna Maria',
    sex: 'female',
    birthDate: '14.02.1990',
    nationality: 'DEU',
    passportNumber: 'c01x00t47',
    passportIssueDate: '01.03.2020',
    passportExpiryDate: '28.02.2030',
    purpose: 'tourism',
    arrivalDate: '01.06.2026',
    addressInAzerbaijan: 'Bakı, Nizami küçəsi 10',
    passportScan: [scan],
  };
  for (const [code, value] of Object.entries(person)) s = update.applicant(s, 0, code, value);
  return s;
}

describe('the form model of a published service', () => {
  it('starts with one applicant holding every field of the definition, and the only variant chosen', () => {
    const s = initialState(evisa);
    expect(s.variant).toBe('');
    expect(Object.keys(s.common)).toEqual(['email', 'phone']);
    expect(s.applicants).toHaveLength(1);
    expect(Object.keys(s.applicants[0]!)).toEqual(evisaDef.form.applicant.map((f) => f.code));
    expect(s.applicants[0]!.passportScan).toEqual([]);

    const free = initialState(social);
    expect(free.variant).toBe('standard');
    // An optional list starts without rows.
    expect(free.common.household).toEqual([]);
  });

  it('asks for every required field of an empty e-visa form, at the paths the API uses', () => {
    const errors = checkForm(evisa, initialState(evisa), today);
    expect(errors.variant).toEqual({ code: 'required' });
    expect(errors['common.email']).toEqual({ code: 'required' });
    for (const f of evisaDef.form.applicant)
      expect(errors[`applicants[0].${f.code}`]).toEqual({ code: 'required' });
  });

  it('lets a filled form through, and its request is what the server validates as valid', () => {
    const s = filledVisa();
    expect(checkForm(evisa, s, today)).toEqual({});
    const body = toRequest(evisa, s, 'en');
    expect(body.language).toBe('en');
    expect(body.applicants[0]).toMatchObject({
      birthDate: '1990-02-14',
      arrivalDate: '2026-06-01',
      passportScan: [scan],
    });
    const { language: _language, ...input } = body;
    const result = validateApplication(evisaDef, input, { at });
    expect(result.ok ? [] : result.errors.map((e) => `${e.path} ${e.code}`)).toEqual([]);
  });

  it('checks lengths, the pattern, identifiers and date bounds as the server does, at the same paths', () => {
    let s = filledVisa();
    s = update.applicant(s, 0, 'surname', 'Мюллер');
    s = update.applicant(s, 0, 'givenNames', 'A'.repeat(81));
    s = update.applicant(s, 0, 'passportNumber', 'AB1');
    s = update.applicant(s, 0, 'arrivalDate', '09.05.2026');
    s = update.applicant(s, 0, 'passportIssueDate', '31.02.2020');
    s = update.common(s, 'email', 'tour@');
    const client = checkForm(evisa, s, today);
    expect(client).toEqual({
      'applicants[0].surname': { code: 'pattern_mismatch' },
      'applicants[0].givenNames': { code: 'too_long', params: { max: 80 } },
      'applicants[0].passportNumber': { code: 'invalid_passport_number' },
      'applicants[0].arrivalDate': { code: 'date_too_early', params: { date: '10.05.2026' } },
      'applicants[0].passportIssueDate': { code: 'invalid_date' },
      'common.email': { code: 'invalid_email' },
    });
    const { language: _language, ...input } = toRequest(evisa, s, 'az');
    const server = validateApplication(evisaDef, input, { at });
    expect(server.ok).toBe(false);
    const serverCodes = new Set(server.ok ? [] : server.errors.map((e) => `${e.path} ${e.code}`));
    for (const [path, e] of Object.entries(client)) expect(serverCodes).toContain(`${path} ${e.code}`);
  });

  it('bounds a date by another field of the same applicant', () => {
    let s = filledVisa();
    s = update.applicant(s, 0, 'passportExpiryDate', '01.03.2020');
    expect(checkForm(evisa, s, today)['applicants[0].passportExpiryDate']).toEqual({
      code: 'date_too_early',
      params: { date: '02.03.2020' },
    });
    s = update.applicant(s, 0, 'arrivalDate', '09.08.2026');
    expect(checkForm(evisa, s, today)['applicants[0].arrivalDate']).toEqual({
      code: 'date_too_late',
      params: { date: '08.08.2026' },
    });
  });

  it('adds applicants up to the group size, removes down to one, and sums the fee per applicant', () => {
    let s = filledVisa();
    for (let i = 0; i < 15; i++) s = update.addApplicant(s, evisa);
    expect(s.applicants).toHaveLength(10);
    expect(totalFee(evisa, s)).toEqual({ amount: 20000, currency: 'USD' });
    expect(checkForm(evisa, s, today)['applicants[9].surname']).toEqual({ code: 'required' });
    for (let i = 0; i < 15; i++) s = update.removeApplicant(s, s.applicants.length - 1);
    expect(s.applicants).toHaveLength(1);
    expect(s.applicants[0]!.surname).toBe('Müller');
    expect(formatMoney(totalFee(evisa, update.variant(s, 'urgent'))!.amount, 'USD')).toBe('60.00 USD');
  });

  it('takes amounts as whole minor units and checks list rows, as the social-assistance form needs', () => {
    let s = initialState(social);
    s = update.common(s, 'phone', '+994 50 123 45 67');
    s = update.common(s, 'address', 'Bakı, Yasamal r-nu, Ş. Mehdiyev küç. 5');
    s = update.common(s, 'household', [
      {
        fullName: 'Əliyeva Leyla Rauf qızı',
        fin: '',
        birthDate: '02.03.2015',
        relation: 'child',
        monthlyIncome: '',
      },
      { fullName: '', fin: '12', birthDate: '02.03.2030', relation: 'child', monthlyIncome: '12.5' },
    ]);
    const person = {
      fin: '5ZX7K2P',
      surname: 'Əliyev',
      name: 'Rauf',
      birthDate: '11.11.1985',
      monthlyIncome: '35 000',
      incomeSource: 'salary',
    };
    for (const [code, value] of Object.entries(person)) s = update.applicant(s, 0, code, value);
    expect(checkForm(social, s, today)).toEqual({
      'common.household[1].fullName': { code: 'required' },
      'common.household[1].fin': { code: 'invalid_fin' },
      'common.household[1].birthDate': { code: 'date_too_late', params: { date: '10.05.2026' } },
      'common.household[1].monthlyIncome': { code: 'invalid_amount' },
    });
    s = update.common(s, 'household', [(s.common.household as Array<Record<string, string>>)[0]!]);
    expect(checkForm(social, s, today)).toEqual({});
    const { language: _language, ...input } = toRequest(social, s, 'az');
    expect(input.applicants[0]!.monthlyIncome).toBe(35000);
    expect(input.common.household).toEqual([
      { fullName: 'Əliyeva Leyla Rauf qızı', birthDate: '2015-03-02', relation: 'child' },
    ]);
    const result = validateApplication(socialDef, input, { at });
    expect(result.ok ? [] : result.errors.map((e) => `${e.path} ${e.code}`)).toEqual([]);
  });

  it('parses amounts and shows money', () => {
    expect(parseAmount('25050')).toBe(25050);
    expect(parseAmount(' 1 000 ')).toBe(1000);
    expect(parseAmount('12.50')).toBeUndefined();
    expect(parseAmount('-5')).toBeUndefined();
    expect(formatMoney(2000, 'USD')).toBe('20.00 USD');
    expect(formatMoney(5, 'AZN')).toBe('0.05 AZN');
  });
});

describe("the server's field errors on the form", () => {
  const s = update.addApplicant(filledVisa(), evisa);
  const known = fieldPaths(evisa, s);

  it('places each error at its field, a file item at its file field, the rest above the form', () => {
    const mapped = mapServerErrors(
      [
        { path: 'applicants[1].passportNumber', message: 'Pasport nömrəsi düzgün deyil' },
        { path: 'applicants[1].passportNumber', message: 'second message' },
        { path: 'applicants[0].passportScan[0]', message: 'Fayl növü icazəli deyil' },
        { path: '/applicants/0/nationality', message: 'Bu ölkənin vətəndaşları elektron viza ala bilməz' },
        { path: 'variant', message: 'Naməlum növ' },
        { path: 'applicants[12]', message: 'Ən çox 10 nəfər' },
        { path: 'secret', message: 'Naməlum sahə' },
      ],
      known,
    );
    expect(mapped.fields).toEqual({
      'applicants[1].passportNumber': 'Pasport nömrəsi düzgün deyil',
      'applicants[0].passportScan': 'Fayl növü icazəli deyil',
      'applicants[0].nationality': 'Bu ölkənin vətəndaşları elektron viza ala bilməz',
      variant: 'Naməlum növ',
      applicants: 'Ən çox 10 nəfər',
    });
    expect(mapped.general).toEqual(['Naməlum sahə']);
  });

  it('knows the rows of lists', () => {
    let f = initialState(social);
    f = update.common(f, 'household', [
      { fullName: '', fin: '', birthDate: '', relation: '', monthlyIncome: '' },
    ]);
    const mapped = mapServerErrors(
      [
        { path: 'common.household[0].fin', message: 'FİN düzgün deyil' },
        { path: 'common.household[3].fin', message: 'no such row' },
      ],
      fieldPaths(social, f),
    );
    expect(mapped.fields).toEqual({
      'common.household[0].fin': 'FİN düzgün deyil',
      'common.household': 'no such row',
    });
  });

  it('reads JSON pointers as the dotted paths', () => {
    expect(normalizePath('/common/household/1/fin')).toBe('common.household[1].fin');
    expect(normalizePath('applicants[0].surname')).toBe('applicants[0].surname');
  });
});

describe('the countries of a country field', () => {
  it('are exactly the codes the server accepts', () => {
    expect([...countryCodes]).toEqual([...serverCountryCodes]);
  });

  it('are named in the page language and restricted to the field’s list', () => {
    expect(countryName('DEU', 'en')).toBe('Germany');
    expect(countryName('DEU', 'ru')).toBe('Германия');
    expect(countryOptions('en', ['USA', 'GBR']).map((o) => o.value)).toEqual(['GBR', 'USA']);
  });
});
