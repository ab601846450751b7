/**
 * The e-visa (issue 15, item 5) as a standard service definition an agency (the migration service)
 * starts from, and the rules of an issued visa's dates.
 *
 * Facts it follows (ASAN Visa, public): standard visa within 3 working days for a 20 USD state fee;
 * urgent within 3 hours, also on non-working days and holidays, for a higher fee; single entry,
 * valid 90 days, stay up to 30 days; citizens of an approved list of countries only; groups of 2 to
 * 10 people with one e-mail address and one payment; the e-mail confirmed within one hour. The
 * purposes are the seed's list (tourism, business, official visit, study, treatment, private visit,
 * transit, sport). Choices made here (docs/decisions.md, "Issue 15 — e-service domain"):
 * - urgent fee 60 USD (6000 cents) a person — the issue says only "a higher fee" — and the
 *   standard fee is per person too (a group pays the sum in one payment);
 * - validity: from the arrival date the applicant gives — or from the decision's Baku date when
 *   the decision comes later — for 90 days counting the first (validUntil = validFrom + 89);
 *   one entry; a stay of at most 30 days counting the day of entry, and never past validUntil;
 * - the passport must be valid at least until validUntil: at submission against the arrival date
 *   (the eligibility rule), at the decision against the computed dates (`passportCoversVisa`);
 * - the eligible countries are data an admin edits: the list below is a starting point the
 *   agency checks against the official list (countries whose citizens travel visa-free, such as
 *   the neighbours, are left out: they apply for nothing).
 */
import type { ServiceDefinition } from './definition';
import { addDays, bakuDate } from './time';
import { tri } from './messages';

export const EVISA_VALID_DAYS = 90;
export const EVISA_MAX_STAY_DAYS = 30;
export const EVISA_MAX_GROUP = 10;
/** The arrival date may be at most this many days ahead of the application. */
export const EVISA_ARRIVAL_WITHIN_DAYS = 90;

export const EVISA_ELIGIBLE_COUNTRIES: readonly string[] = Object.freeze(
  (
    'ALB AND ARE ARG ATG AUS AUT BEL BGR BHS BIH BRA BRB BRN CAN CHE CHL CHN COL CRI CUB CYP CZE DEU DNK ' +
    'DOM ECU EGY ESP EST FIN FJI FRA GBR GRC GTM HND HRV HUN IDN IND IRL ISL ISR ITA JAM JOR JPN KOR KWT ' +
    'LIE LTU LUX LVA MCO MDV MEX MKD MLT MNE MYS NLD NOR NZL OMN PAK PAN PER PHL POL PRT PRY QAT ROU SAU ' +
    'SGP SLV SMR SRB SVK SVN SWE SYC THA TTO URY USA VAT VNM ZAF'
  ).split(' '),
);

const purposes: [string, string, string, string][] = [
  ['tourism', 'Turizm', 'Tourism', 'Туризм'],
  ['business', 'İşgüzar səfər', 'Business', 'Деловая поездка'],
  ['official', 'Rəsmi səfər', 'Official visit', 'Официальный визит'],
  ['study', 'Təhsil', 'Study', 'Учёба'],
  ['treatment', 'Müalicə', 'Medical treatment', 'Лечение'],
  [
    'private',
    'Şəxsi səfər (qohum və ya dost ziyarəti)',
    'Private visit (relatives or friends)',
    'Частный визит (родственники или друзья)',
  ],
  ['transit', 'Tranzit', 'Transit', 'Транзит'],
  ['sport', 'İdman yarışlarında iştirak', 'Sports competition', 'Участие в спортивных соревнованиях'],
];

/** Letters of the Latin script as printed in a passport, with spaces, hyphens and apostrophes. */
const PASSPORT_NAME = "[\\p{Script=Latin}][\\p{Script=Latin}\\p{M}' -]*";

/** The standard e-visa service; the agency names its approval route template. */
export function eVisaDefinition(options: { routeTemplateId: string }): ServiceDefinition {
  return {
    code: 'e-visa',
    name: tri('Elektron viza', 'Electronic visa', 'Электронная виза'),
    description: tri(
      'Azərbaycan Respublikasına birdəfəlik giriş üçün elektron viza: 90 gün etibarlıdır, ölkədə 30 günədək qalmaq olar.',
      'An electronic visa for a single entry into the Republic of Azerbaijan: valid 90 days, for a stay of up to 30 days.',
      'Электронная виза для однократного въезда в Азербайджанскую Республику: действует 90 дней, пребывание до 30 дней.',
    ),
    form: {
      common: [
        { code: 'email', type: 'email', required: true, label: tri('E-poçt', 'E-mail', 'Электронная почта') },
        { code: 'phone', type: 'phone', required: true, label: tri('Telefon', 'Phone', 'Телефон') },
      ],
      applicant: [
        {
          code: 'surname',
          type: 'text',
          required: true,
          maxLength: 60,
          pattern: PASSPORT_NAME,
          label: tri('Soyad (pasportdakı kimi)', 'Surname (as in the passport)', 'Фамилия (как в паспорте)'),
        },
        {
          code: 'givenNames',
          type: 'text',
          required: true,
          maxLength: 80,
          pattern: PASSPORT_NAME,
          label: tri('Ad (pasportdakı kimi)', 'Given names (as in the passport)', 'Имя (как в паспорте)'),
        },
        {
          code: 'sex',
          type: 'choice',
          required: true,
          label: tri('Cins', 'Sex', 'Пол'),
          source: {
            kind: 'options',
            options: [
              { code: 'female', label: tri('Qadın', 'Female', 'Женский') },
              { code: 'male', label: tri('Kişi', 'Male', 'Мужской') },
            ],
          },
        },
        {
          code: 'birthDate',
          type: 'date',
          required: true,
          max: { from: 'today', days: 0 },
          label: tri('Doğum tarixi', 'Date of birth', 'Дата рождения'),
        },
        {
          code: 'nationality',
          type: 'country',
          required: true,
          label: tri('Vətəndaşlıq', 'Nationality', 'Гражданство'),
        },
        {
          code: 'passportNumber',
          type: 'passport-number',
          required: true,
          label: tri('Pasportun nömrəsi', 'Passport number', 'Номер паспорта'),
        },
        {
          code: 'passportIssueDate',
          type: 'date',
          required: true,
          min: { from: 'field', field: 'birthDate', days: 0 },
          max: { from: 'today', days: 0 },
          label: tri('Pasportun verilmə tarixi', 'Passport issue date', 'Дата выдачи паспорта'),
        },
        {
          code: 'passportExpiryDate',
          type: 'date',
          required: true,
          min: { from: 'field', field: 'passportIssueDate', days: 1 },
          label: tri('Pasportun etibarlılıq müddəti', 'Passport expiry date', 'Срок действия паспорта'),
        },
        {
          code: 'purpose',
          type: 'choice',
          required: true,
          label: tri('Səfərin məqsədi', 'Purpose of the visit', 'Цель поездки'),
          source: {
            kind: 'options',
            options: purposes.map(([code, az, en, ru]) => ({ code, label: tri(az, en, ru) })),
          },
        },
        {
          code: 'arrivalDate',
          type: 'date',
          required: true,
          min: { from: 'today', days: 0 },
          max: { from: 'today', days: EVISA_ARRIVAL_WITHIN_DAYS },
          label: tri('Gəliş tarixi', 'Date of arrival', 'Дата прибытия'),
        },
        {
          code: 'addressInAzerbaijan',
          type: 'text',
          required: true,
          maxLength: 300,
          label: tri('Azərbaycanda ünvan', 'Address in Azerbaijan', 'Адрес в Азербайджане'),
        },
        {
          code: 'passportScan',
          type: 'file',
          required: true,
          mediaTypes: ['application/pdf', 'image/jpeg', 'image/png'],
          maxBytes: 5 * 1024 * 1024,
          maxCount: 1,
          label: tri(
            'Pasportun şəkilli səhifəsinin surəti',
            'Scan of the passport’s photo page',
            'Скан страницы паспорта с фотографией',
          ),
        },
      ],
    },
    group: { maxApplicants: EVISA_MAX_GROUP },
    contact: { email: 'email', phone: 'phone', confirmEmailWithinMinutes: 60 },
    lookup: { field: 'passportNumber' },
    eligibility: [
      {
        kind: 'country-in',
        field: 'nationality',
        countries: [...EVISA_ELIGIBLE_COUNTRIES],
        message: tri(
          'Bu ölkənin vətəndaşları elektron viza ala bilməz; Azərbaycan Respublikasının səfirliyinə və ya konsulluğuna müraciət edin',
          'Citizens of this country cannot get an e-visa; apply at an embassy or consulate of the Republic of Azerbaijan',
          'Граждане этой страны не могут получить электронную визу; обратитесь в посольство или консульство Азербайджанской Республики',
        ),
      },
      {
        kind: 'date-on-or-after',
        field: 'passportExpiryDate',
        reference: { field: 'arrivalDate', days: EVISA_VALID_DAYS - 1 },
        message: tri(
          'Pasport vizanın bütün etibarlılıq müddəti ərzində (gəliş tarixindən 90 gün) etibarlı olmalıdır',
          'The passport must be valid for the whole validity of the visa (90 days from the arrival date)',
          'Паспорт должен действовать весь срок действия визы (90 дней с даты прибытия)',
        ),
      },
    ],
    variants: [
      {
        code: 'standard',
        name: tri('Standart', 'Standard', 'Стандартная'),
        description: tri('3 iş günü ərzində', 'Within 3 working days', 'В течение 3 рабочих дней'),
        fee: { amount: 2000, currency: 'USD' },
        level: { unit: 'days', days: 3, countNonWorkingDays: false },
      },
      {
        code: 'urgent',
        name: tri('Təcili', 'Urgent', 'Срочная'),
        description: tri(
          '3 saat ərzində, qeyri-iş və bayram günləri də daxil olmaqla',
          'Within 3 hours, non-working days and holidays included',
          'В течение 3 часов, включая нерабочие и праздничные дни',
        ),
        fee: { amount: 6000, currency: 'USD' },
        level: { unit: 'hours', hours: 3, countNonWorkingDays: true },
      },
    ],
    route: { templateId: options.routeTemplateId },
    result: { kind: 'e-visa' },
    decisionNotice: { channels: ['email'] },
  };
}

export interface EVisaValidity {
  readonly entries: 'single';
  /** First and last day (Baku dates, both included) the holder may enter. */
  readonly validFrom: string;
  readonly validUntil: string;
  /** Days of stay at most, the day of entry included. */
  readonly maxStayDays: number;
}

/**
 * The dates printed on an issued visa: valid from the arrival date (or from the decision's Baku
 * date when that is later: a visa is never valid before it exists) for 90 days.
 */
export function eVisaValidity(arrivalDate: string, decidedAt: string): EVisaValidity {
  const decided = bakuDate(decidedAt);
  const validFrom = arrivalDate > decided ? arrivalDate : decided;
  return {
    entries: 'single',
    validFrom,
    validUntil: addDays(validFrom, EVISA_VALID_DAYS - 1),
    maxStayDays: EVISA_MAX_STAY_DAYS,
  };
}

/** The last day of stay for an entry on `entryDate`: 30 days counting that day, and within the visa's validity. */
export function eVisaLeaveBy(validity: EVisaValidity, entryDate: string): string {
  if (entryDate < validity.validFrom || entryDate > validity.validUntil)
    throw new RangeError(`${entryDate} is outside the visa's validity`);
  const stayEnd = addDays(entryDate, validity.maxStayDays - 1);
  return stayEnd < validity.validUntil ? stayEnd : validity.validUntil;
}

/** The automatic check before the decision: the passport is valid at least until the visa's last day. */
export function passportCoversVisa(passportExpiryDate: string, validity: EVisaValidity): boolean {
  return passportExpiryDate >= validity.validUntil;
}
