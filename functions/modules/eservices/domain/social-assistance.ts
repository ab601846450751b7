/**
 * Targeted state social assistance (ünvanlı dövlət sosial yardımı) through VEMTAS, issue 15 item 6,
 * as a standard service definition the Labour and Social Protection ministry starts from.
 *
 * From the seed: a family applies electronically, without collecting documents other than a
 * notarized power of attorney given to one family member, and learns the decision "15 gün ərzində"
 * by an SMS to the mobile phone. Choices (docs/decisions.md, "Issue 15 — e-service domain"):
 * - 15 calendar days, non-working days counted: the seed says "15 gün", not "15 iş günü";
 * - no fee; one applicant (the family applies once), the household as a list of members;
 * - the decision by SMS to a required mobile number, and by e-mail when one is given;
 * - no eligibility rule in the form: need is assessed by the ministry (the household inspection
 *   the seed describes), not by the form;
 * - the applicant's personal data is filled from the citizen registry by FİN in the next slice;
 *   the form still holds it, so what the applicant confirmed is what is decided on.
 */
import type { ServiceDefinition } from './definition';
import { tri } from './messages';

const AZN_LIMIT = 100_000_000; // 1 000 000 AZN a month, in qəpik: a typo guard, not a policy

const relations: [string, string, string, string][] = [
  ['spouse', 'Həyat yoldaşı', 'Spouse', 'Супруг(а)'],
  ['child', 'Övlad', 'Child', 'Ребёнок'],
  ['parent', 'Valideyn', 'Parent', 'Родитель'],
  ['sibling', 'Bacı və ya qardaş', 'Sister or brother', 'Сестра или брат'],
  ['grandparent', 'Nənə və ya baba', 'Grandparent', 'Бабушка или дедушка'],
  ['grandchild', 'Nəvə', 'Grandchild', 'Внук или внучка'],
  ['other', 'Digər', 'Other', 'Другое'],
];

const incomeSources: [string, string, string, string][] = [
  ['salary', 'Əmək haqqı', 'Salary', 'Заработная плата'],
  ['pension', 'Pensiya', 'Pension', 'Пенсия'],
  ['allowance', 'Müavinət', 'Allowance', 'Пособие'],
  ['self-employment', 'Sahibkarlıq', 'Self-employment', 'Предпринимательство'],
  ['agriculture', 'Kənd təsərrüfatı', 'Agriculture', 'Сельское хозяйство'],
  ['none', 'Gəliri yoxdur', 'No income', 'Нет дохода'],
  ['other', 'Digər', 'Other', 'Другое'],
];

const options = (list: [string, string, string, string][]) =>
  list.map(([code, az, en, ru]) => ({ code, label: tri(az, en, ru) }));

const monthlyIncome = {
  code: 'monthlyIncome',
  type: 'amount',
  currency: 'AZN',
  max: AZN_LIMIT,
  label: tri('Aylıq gəlir (qəpiklə)', 'Monthly income (in qəpik)', 'Ежемесячный доход (в гяпиках)'),
} as const;

const documents = {
  type: 'file' as const,
  required: false,
  mediaTypes: ['application/pdf', 'image/jpeg', 'image/png'],
  maxBytes: 10 * 1024 * 1024,
};

/** The standard social-assistance service; the ministry names its approval route template. */
export function socialAssistanceDefinition(settings: { routeTemplateId: string }): ServiceDefinition {
  return {
    code: 'social-assistance',
    name: tri(
      'Ünvanlı dövlət sosial yardımı',
      'Targeted state social assistance',
      'Адресная государственная социальная помощь',
    ),
    description: tri(
      'Aztəminatlı ailələr üçün ünvanlı dövlət sosial yardımının təyin edilməsi üçün müraciət. Qərar 15 gün ərzində SMS ilə göndərilir.',
      'Application of a low-income family for targeted state social assistance. The decision is sent by SMS within 15 days.',
      'Заявление малообеспеченной семьи на адресную государственную социальную помощь. Решение направляется по SMS в течение 15 дней.',
    ),
    form: {
      common: [
        {
          code: 'phone',
          type: 'phone',
          required: true,
          mobile: true,
          label: tri(
            'Mobil telefon (qərar SMS ilə)',
            'Mobile phone (the decision comes by SMS)',
            'Мобильный телефон (решение придёт по SMS)',
          ),
        },
        {
          code: 'email',
          type: 'email',
          required: false,
          label: tri('E-poçt', 'E-mail', 'Электронная почта'),
        },
        {
          code: 'address',
          type: 'text',
          required: true,
          maxLength: 300,
          label: tri('Ailənin yaşadığı ünvan', 'The family’s address', 'Адрес проживания семьи'),
        },
        {
          code: 'household',
          type: 'list',
          required: false,
          maxItems: 20,
          label: tri('Ailə üzvləri', 'Household members', 'Члены семьи'),
          fields: [
            {
              code: 'fullName',
              type: 'text',
              required: true,
              maxLength: 150,
              label: tri('Soyadı, adı, atasının adı', 'Full name', 'Фамилия, имя, отчество'),
            },
            { code: 'fin', type: 'fin', required: false, label: tri('FİN', 'FIN', 'ФИН') },
            {
              code: 'birthDate',
              type: 'date',
              required: true,
              max: { from: 'today', days: 0 },
              label: tri('Doğum tarixi', 'Date of birth', 'Дата рождения'),
            },
            {
              code: 'relation',
              type: 'choice',
              required: true,
              source: { kind: 'options', options: options(relations) },
              label: tri('Qohumluq əlaqəsi', 'Relation to the applicant', 'Родство с заявителем'),
            },
            { ...monthlyIncome, required: false },
          ],
        },
        {
          ...documents,
          code: 'powerOfAttorney',
          maxCount: 1,
          label: tri(
            'Ailə üzvünə verilmiş notarial etibarnamə',
            'Notarized power of attorney given to a family member',
            'Нотариальная доверенность, выданная члену семьи',
          ),
        },
        {
          ...documents,
          code: 'otherDocuments',
          maxCount: 10,
          label: tri('Digər sənədlər', 'Other documents', 'Другие документы'),
        },
      ],
      applicant: [
        { code: 'fin', type: 'fin', required: true, label: tri('FİN', 'FIN', 'ФИН') },
        {
          code: 'surname',
          type: 'text',
          required: true,
          maxLength: 60,
          label: tri('Soyadı', 'Surname', 'Фамилия'),
        },
        { code: 'name', type: 'text', required: true, maxLength: 60, label: tri('Adı', 'Name', 'Имя') },
        {
          code: 'patronymic',
          type: 'text',
          required: false,
          maxLength: 60,
          label: tri('Atasının adı', 'Patronymic', 'Отчество'),
        },
        {
          code: 'birthDate',
          type: 'date',
          required: true,
          max: { from: 'today', days: 0 },
          label: tri('Doğum tarixi', 'Date of birth', 'Дата рождения'),
        },
        { ...monthlyIncome, required: true },
        {
          code: 'incomeSource',
          type: 'choice',
          required: true,
          source: { kind: 'options', options: options(incomeSources) },
          label: tri('Əsas gəlir mənbəyi', 'Main source of income', 'Основной источник дохода'),
        },
      ],
    },
    contact: { email: 'email', phone: 'phone' },
    lookup: { field: 'fin' },
    eligibility: [],
    variants: [
      {
        code: 'standard',
        name: tri('Standart', 'Standard', 'Стандартная'),
        description: tri('15 gün ərzində', 'Within 15 days', 'В течение 15 дней'),
        fee: { amount: 0, currency: 'AZN' },
        level: { unit: 'days', days: 15, countNonWorkingDays: true },
      },
    ],
    route: { templateId: settings.routeTemplateId },
    result: { kind: 'decision-letter' },
    decisionNotice: { channels: ['sms', 'email'] },
  };
}
