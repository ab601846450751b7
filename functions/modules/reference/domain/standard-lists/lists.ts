import type {
  ClassificationNode,
  DeliveryForm,
  DocumentType,
  JournalRuleSeed,
  PhysicalForm,
  RegistrationJournal,
} from './types';

/** Sənədin növü (document types), with the registers where each is normally used. */
export const documentTypes: readonly DocumentType[] = [
  {
    code: 'application',
    name: { az: 'Ərizə', en: 'Application', ru: 'Заявление' },
    kinds: ['incoming'],
  },
  {
    code: 'complaint',
    name: { az: 'Şikayət', en: 'Complaint', ru: 'Жалоба' },
    kinds: ['incoming'],
  },
  {
    code: 'proposal',
    name: { az: 'Təklif', en: 'Proposal', ru: 'Предложение' },
    kinds: ['incoming', 'internal'],
  },
  {
    code: 'inquiry',
    name: { az: 'Sorğu', en: 'Inquiry', ru: 'Запрос' },
    kinds: ['incoming', 'outgoing'],
  },
  {
    code: 'parliamentary-inquiry',
    name: { az: 'Deputat sorğusu', en: 'Parliamentary inquiry', ru: 'Депутатский запрос' },
    kinds: ['incoming'],
  },
  {
    code: 'letter',
    name: { az: 'Məktub', en: 'Letter', ru: 'Письмо' },
    kinds: ['incoming', 'outgoing'],
  },
  {
    code: 'reply',
    name: { az: 'Cavab məktubu', en: 'Reply letter', ru: 'Ответное письмо' },
    kinds: ['incoming', 'outgoing'],
  },
  {
    code: 'instruction',
    name: { az: 'Tapşırıq', en: 'Instruction', ru: 'Поручение' },
    kinds: ['incoming', 'internal'],
  },
  {
    code: 'certificate',
    name: { az: 'Arayış', en: 'Certificate', ru: 'Справка' },
    kinds: ['incoming', 'outgoing', 'internal'],
  },
  {
    code: 'act',
    name: { az: 'Akt', en: 'Act (statement of record)', ru: 'Акт' },
    kinds: ['incoming', 'outgoing', 'internal'],
  },
  {
    code: 'minutes',
    name: { az: 'Protokol', en: 'Minutes', ru: 'Протокол' },
    kinds: ['incoming', 'internal'],
  },
  {
    code: 'report',
    name: { az: 'Hesabat', en: 'Report', ru: 'Отчёт' },
    kinds: ['incoming', 'outgoing', 'internal'],
  },
  {
    code: 'contract',
    name: { az: 'Müqavilə', en: 'Contract', ru: 'Договор' },
    kinds: ['incoming', 'outgoing'],
  },
  {
    code: 'telegram',
    name: { az: 'Teleqram', en: 'Telegram', ru: 'Телеграмма' },
    kinds: ['incoming', 'outgoing'],
  },
  {
    code: 'memo',
    name: { az: 'Xidməti qeyd', en: 'Memo', ru: 'Служебная записка' },
    kinds: ['internal'],
  },
  {
    code: 'explanatory-note',
    name: { az: 'İzahat', en: 'Explanatory note', ru: 'Объяснительная записка' },
    kinds: ['internal'],
  },
  {
    code: 'power-of-attorney',
    name: { az: 'Etibarnamə', en: 'Power of attorney', ru: 'Доверенность' },
    kinds: ['outgoing', 'internal'],
  },
  {
    code: 'order',
    name: { az: 'Əmr', en: 'Order', ru: 'Приказ' },
    kinds: ['order'],
  },
  {
    code: 'directive',
    name: { az: 'Sərəncam', en: 'Directive', ru: 'Распоряжение' },
    kinds: ['order'],
  },
  {
    code: 'decision',
    name: { az: 'Qərar', en: 'Decision', ru: 'Решение' },
    kinds: ['order', 'incoming'],
  },
];

/** Çatdırılma forması (delivery forms). */
export const deliveryForms: readonly DeliveryForm[] = [
  { code: 'fax', name: { az: 'Faks', en: 'Fax', ru: 'Факс' } },
  { code: 'courier', name: { az: 'Kuryer', en: 'Courier', ru: 'Курьер' } },
  { code: 'email', name: { az: 'E-poçt', en: 'E-mail', ru: 'Электронная почта' } },
  { code: 'in-person', name: { az: 'Şəxsən', en: 'In person', ru: 'Лично' } },
  { code: 'post', name: { az: 'Poçt', en: 'Post', ru: 'Почта' } },
  { code: 'e-service', name: { az: 'E-xidmət', en: 'E-service', ru: 'Электронная услуга' } },
  {
    code: 'edms',
    name: {
      az: 'Elektron sənəd dövriyyəsi sistemi',
      en: 'Electronic document management system',
      ru: 'Система электронного документооборота',
    },
  },
  { code: 'other', name: { az: 'Digər', en: 'Other', ru: 'Другое' } },
];

/** Sənədin növü as a carrier (physical forms). */
export const physicalForms: readonly PhysicalForm[] = [
  { code: 'envelope', name: { az: 'Zərf', en: 'Envelope', ru: 'Конверт' } },
  { code: 'parcel', name: { az: 'Bağlama', en: 'Parcel', ru: 'Посылка' } },
  { code: 'sheet', name: { az: 'Vərəq', en: 'Sheet', ru: 'Лист' } },
  { code: 'other', name: { az: 'Digər', en: 'Other', ru: 'Другое' } },
];

/** Təsnifat (subjects): a two-level tree; route templates are chosen by these. */
export const classifications: readonly ClassificationNode[] = [
  {
    code: '01',
    name: { az: 'Vətəndaş müraciətləri', en: "Citizens' appeals", ru: 'Обращения граждан' },
  },
  {
    code: '01.01',
    parentCode: '01',
    name: { az: 'Sosial müdafiə', en: 'Social protection', ru: 'Социальная защита' },
  },
  {
    code: '01.02',
    parentCode: '01',
    name: {
      az: 'Mənzil-məişət məsələləri',
      en: 'Housing and living conditions',
      ru: 'Жилищно-бытовые вопросы',
    },
  },
  {
    code: '01.03',
    parentCode: '01',
    name: { az: 'Əmək və məşğulluq', en: 'Labour and employment', ru: 'Труд и занятость' },
  },
  {
    code: '01.04',
    parentCode: '01',
    name: { az: 'Elektron xidmətlər', en: 'E-services', ru: 'Электронные услуги' },
  },
  {
    code: '02',
    name: {
      az: 'Dövlət orqanlarının sorğu və tapşırıqları',
      en: 'Requests and instructions of state bodies',
      ru: 'Запросы и поручения государственных органов',
    },
  },
  {
    code: '02.01',
    parentCode: '02',
    name: {
      az: 'Yuxarı orqanların tapşırıqları',
      en: 'Instructions of superior bodies',
      ru: 'Поручения вышестоящих органов',
    },
  },
  {
    code: '02.02',
    parentCode: '02',
    name: { az: 'Deputat sorğuları', en: 'Parliamentary inquiries', ru: 'Депутатские запросы' },
  },
  {
    code: '02.03',
    parentCode: '02',
    name: {
      az: 'Hüquq-mühafizə və məhkəmə orqanlarının sorğuları',
      en: 'Requests of law-enforcement bodies and courts',
      ru: 'Запросы правоохранительных органов и судов',
    },
  },
  {
    code: '03',
    name: {
      az: 'Təşkilati-inzibati məsələlər',
      en: 'Organizational and administrative matters',
      ru: 'Организационно-административные вопросы',
    },
  },
  {
    code: '03.01',
    parentCode: '03',
    name: { az: 'Kadr məsələləri', en: 'Personnel matters', ru: 'Кадровые вопросы' },
  },
  {
    code: '03.02',
    parentCode: '03',
    name: { az: 'Maliyyə və satınalma', en: 'Finance and procurement', ru: 'Финансы и закупки' },
  },
  {
    code: '03.03',
    parentCode: '03',
    name: { az: 'Təsərrüfat məsələləri', en: 'Facilities management', ru: 'Хозяйственные вопросы' },
  },
  {
    code: '04',
    name: { az: 'Rəqəmsal inkişaf', en: 'Digital development', ru: 'Цифровое развитие' },
  },
  {
    code: '04.01',
    parentCode: '04',
    name: {
      az: 'İnformasiya sistemləri və ehtiyatları',
      en: 'Information systems and resources',
      ru: 'Информационные системы и ресурсы',
    },
  },
  {
    code: '04.02',
    parentCode: '04',
    name: { az: 'İnformasiya təhlükəsizliyi', en: 'Information security', ru: 'Информационная безопасность' },
  },
  {
    code: '04.03',
    parentCode: '04',
    name: {
      az: 'Beynəlxalq əməkdaşlıq və layihələr',
      en: 'International cooperation and projects',
      ru: 'Международное сотрудничество и проекты',
    },
  },
];

/** Qeydiyyat jurnalları (registration journals); numbers restart every year. */
export const registrationJournals: readonly RegistrationJournal[] = [
  {
    code: 'incoming',
    name: {
      az: 'Daxil olan sənədlərin qeydiyyat jurnalı',
      en: 'Incoming documents journal',
      ru: 'Журнал регистрации входящих документов',
    },
    pattern: 'D-{seq}/{yy}',
    documentKind: 'incoming',
  },
  {
    code: 'citizens',
    name: {
      az: 'Vətəndaş müraciətlərinin qeydiyyat jurnalı',
      en: "Citizens' appeals journal",
      ru: 'Журнал регистрации обращений граждан',
    },
    pattern: 'Ə-{seq}/{yy}',
    documentKind: 'incoming',
  },
  {
    code: 'e-service',
    name: {
      az: 'E-xidmət müraciətlərinin qeydiyyat jurnalı',
      en: 'E-service applications journal',
      ru: 'Журнал регистрации заявлений на электронные услуги',
    },
    pattern: 'EX{yy}-{seq:6}',
    documentKind: 'incoming',
  },
  {
    code: 'outgoing',
    name: {
      az: 'Xaric olan sənədlərin qeydiyyat jurnalı',
      en: 'Outgoing documents journal',
      ru: 'Журнал регистрации исходящих документов',
    },
    pattern: '{index}/{seq}',
    documentKind: 'outgoing',
  },
  {
    code: 'internal',
    name: {
      az: 'Daxili sənədlərin qeydiyyat jurnalı',
      en: 'Internal documents journal',
      ru: 'Журнал регистрации внутренних документов',
    },
    pattern: '{dept}-{seq}',
    documentKind: 'internal',
  },
  {
    code: 'orders-main',
    name: {
      az: 'Əsas fəaliyyət üzrə əmrlərin qeydiyyat jurnalı',
      en: 'Journal of orders on core activities',
      ru: 'Журнал регистрации приказов по основной деятельности',
    },
    pattern: '{seq}',
    documentKind: 'order',
  },
  {
    code: 'orders-personnel',
    name: {
      az: 'Şəxsi heyət üzrə əmrlərin qeydiyyat jurnalı',
      en: 'Journal of personnel orders',
      ru: 'Журнал регистрации приказов по личному составу',
    },
    pattern: '{seq}-K',
    documentKind: 'order',
  },
  {
    code: 'general',
    name: { az: 'Ümumi qeydiyyat jurnalı', en: 'General journal', ru: 'Общий журнал регистрации' },
    pattern: '{seq:4}/{year}',
    documentKind: 'any',
  },
];

/**
 * The agency's default journal rules (Gap 8): a citizen's appeal goes into the citizens' appeals
 * journal (an application made through an e-service into the e-service journal), an
 * organization's letter into the incoming journal, and an order on personnel matters into the
 * personnel orders journal. A journal a rule names takes only the documents its rules describe.
 */
export const journalRules: readonly JournalRuleSeed[] = [
  {
    code: 'e-service-applications',
    name: {
      az: 'E-xidmət vasitəsilə müraciətlər — e-xidmət jurnalına',
      en: 'Applications made through an e-service — to the e-service journal',
      ru: 'Обращения через электронные услуги — в журнал электронных услуг',
    },
    journalCode: 'e-service',
    documentKind: 'incoming',
    priority: 10,
    senderKind: 'citizen',
    deliveryFormCodes: ['e-service'],
  },
  {
    code: 'citizens-appeals',
    name: {
      az: 'Vətəndaş müraciətləri — vətəndaş müraciətləri jurnalına',
      en: "Citizens' appeals — to the citizens' appeals journal",
      ru: 'Обращения граждан — в журнал обращений граждан',
    },
    journalCode: 'citizens',
    documentKind: 'incoming',
    priority: 20,
    senderKind: 'citizen',
  },
  {
    code: 'organizations-letters',
    name: {
      az: 'Təşkilatların məktubları — daxil olan sənədlər jurnalına',
      en: "Organizations' letters — to the incoming documents journal",
      ru: 'Письма организаций — в журнал входящих документов',
    },
    journalCode: 'incoming',
    documentKind: 'incoming',
    priority: 30,
    senderKind: 'organization',
  },
  {
    code: 'personnel-orders',
    name: {
      az: 'Kadr məsələləri üzrə əmrlər — şəxsi heyət üzrə əmrlər jurnalına',
      en: 'Orders on personnel matters — to the personnel orders journal',
      ru: 'Приказы по кадровым вопросам — в журнал приказов по личному составу',
    },
    journalCode: 'orders-personnel',
    documentKind: 'order',
    priority: 10,
    classificationCodes: ['03.01'],
  },
];
