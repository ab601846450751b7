import type { NomenclatureEntry, TenantKey } from './types';

/**
 * Nomenklatur (case-file index) per demo tenant. Index = `<department code>-<case number>`;
 * department codes are those of `demo-agencies.ts`. retentionYears null = permanent (daimi).
 */
export const nomenclatureByTenant: Readonly<Record<TenantKey, readonly NomenclatureEntry[]>> = {
  demo1: [
    // 01 Rəhbərlik
    {
      index: '01-01',
      departmentCode: '01',
      title: {
        az: 'Agentliyin əsasnaməsi və strukturu',
        en: 'Charter and structure of the agency',
        ru: 'Положение и структура агентства',
      },
      retentionYears: null,
    },
    {
      index: '01-02',
      departmentCode: '01',
      title: {
        az: 'Əsas fəaliyyət üzrə əmrlər',
        en: 'Orders on core activities',
        ru: 'Приказы по основной деятельности',
      },
      retentionYears: null,
    },
    {
      index: '01-03',
      departmentCode: '01',
      title: {
        az: 'Kollegiya və müşavirələrin protokolları',
        en: 'Minutes of board and management meetings',
        ru: 'Протоколы заседаний коллегии и совещаний',
      },
      retentionYears: null,
    },
    {
      index: '01-04',
      departmentCode: '01',
      title: {
        az: 'Yuxarı orqanların tapşırıqları və onların icrasına dair sənədlər',
        en: 'Instructions of superior bodies and documents on their execution',
        ru: 'Поручения вышестоящих органов и документы об их исполнении',
      },
      retentionYears: 10,
    },
    // 02 Kargüzarlıq şöbəsi
    {
      index: '02-01',
      departmentCode: '02',
      title: {
        az: 'Daxil olan sənədlərin qeydiyyat jurnalları',
        en: 'Registration journals of incoming documents',
        ru: 'Журналы регистрации входящих документов',
      },
      retentionYears: 5,
    },
    {
      index: '02-02',
      departmentCode: '02',
      title: {
        az: 'Xaric olan sənədlərin qeydiyyat jurnalları',
        en: 'Registration journals of outgoing documents',
        ru: 'Журналы регистрации исходящих документов',
      },
      retentionYears: 5,
    },
    {
      index: '02-03',
      departmentCode: '02',
      title: {
        az: 'Dövlət orqanları ilə yazışmalar',
        en: 'Correspondence with state bodies',
        ru: 'Переписка с государственными органами',
      },
      retentionYears: 5,
    },
    {
      index: '02-04',
      departmentCode: '02',
      title: { az: 'İşlərin nomenklaturu', en: 'File nomenclature', ru: 'Номенклатура дел' },
      retentionYears: null,
    },
    {
      index: '02-05',
      departmentCode: '02',
      title: {
        az: 'Arxivə təhvil verilən işlərin siyahıları',
        en: 'Inventories of files transferred to the archive',
        ru: 'Описи дел, переданных в архив',
      },
      retentionYears: null,
    },
    // 03 Hüquq şöbəsi
    {
      index: '03-01',
      departmentCode: '03',
      title: {
        az: 'Normativ hüquqi aktların layihələrinə dair rəylər',
        en: 'Opinions on draft normative legal acts',
        ru: 'Заключения по проектам нормативных правовых актов',
      },
      retentionYears: 10,
    },
    {
      index: '03-02',
      departmentCode: '03',
      title: {
        az: 'Müqavilələr və sazişlər',
        en: 'Contracts and agreements',
        ru: 'Договоры и соглашения',
      },
      retentionYears: 5,
    },
    {
      index: '03-03',
      departmentCode: '03',
      title: {
        az: 'Məhkəmə işləri üzrə sənədlər',
        en: 'Court case documents',
        ru: 'Документы по судебным делам',
      },
      retentionYears: 5,
    },
    // 04 İnformasiya texnologiyaları şöbəsi
    {
      index: '04-01',
      departmentCode: '04',
      title: {
        az: 'İnformasiya sistemlərinin texniki sənədləri',
        en: 'Technical documentation of information systems',
        ru: 'Техническая документация информационных систем',
      },
      retentionYears: 10,
    },
    {
      index: '04-02',
      departmentCode: '04',
      title: {
        az: 'İnformasiya sistemlərinə giriş hüquqlarının verilməsinə dair müraciətlər',
        en: 'Requests for access rights to information systems',
        ru: 'Заявки на предоставление прав доступа к информационным системам',
      },
      retentionYears: 3,
    },
    {
      index: '04.1-01',
      departmentCode: '04.1',
      title: {
        az: 'İnformasiya təhlükəsizliyi insidentlərinə dair aktlar',
        en: 'Reports on information security incidents',
        ru: 'Акты об инцидентах информационной безопасности',
      },
      retentionYears: 5,
    },
    // 05 Vətəndaş müraciətləri şöbəsi
    {
      index: '05-01',
      departmentCode: '05',
      title: {
        az: 'Vətəndaşların ərizələri və onlara verilmiş cavablar',
        en: "Citizens' applications and replies to them",
        ru: 'Заявления граждан и ответы на них',
      },
      retentionYears: 5,
    },
    {
      index: '05-02',
      departmentCode: '05',
      title: {
        az: 'Vətəndaşların şikayətləri və onlara baxılmasına dair sənədlər',
        en: "Citizens' complaints and documents on their review",
        ru: 'Жалобы граждан и документы по их рассмотрению',
      },
      retentionYears: 5,
    },
    {
      index: '05-03',
      departmentCode: '05',
      title: {
        az: 'Vətəndaşların şəxsi qəbulu jurnalı',
        en: 'Journal of personal reception of citizens',
        ru: 'Журнал личного приёма граждан',
      },
      retentionYears: 5,
    },
    {
      index: '05-04',
      departmentCode: '05',
      title: {
        az: 'Vətəndaş müraciətlərinin təhlilinə dair illik hesabatlar',
        en: "Annual reports analysing citizens' appeals",
        ru: 'Годовые отчёты об анализе обращений граждан',
      },
      retentionYears: null,
    },
    // 06 Maliyyə və təsərrüfat şöbəsi
    {
      index: '06-01',
      departmentCode: '06',
      title: {
        az: 'İllik maliyyə hesabatları',
        en: 'Annual financial statements',
        ru: 'Годовая финансовая отчётность',
      },
      retentionYears: null,
    },
    {
      index: '06-02',
      departmentCode: '06',
      title: {
        az: 'İlkin mühasibat sənədləri',
        en: 'Primary accounting documents',
        ru: 'Первичные бухгалтерские документы',
      },
      retentionYears: 5,
    },
    {
      index: '06-03',
      departmentCode: '06',
      title: {
        az: 'Satınalma müqavilələri',
        en: 'Procurement contracts',
        ru: 'Договоры о закупках',
      },
      retentionYears: 5,
    },
    // 07 İnsan resursları şöbəsi
    {
      index: '07-01',
      departmentCode: '07',
      title: {
        az: 'Şəxsi heyət üzrə əmrlər',
        en: 'Personnel orders',
        ru: 'Приказы по личному составу',
      },
      retentionYears: 75,
    },
    {
      index: '07-02',
      departmentCode: '07',
      title: {
        az: 'İşçilərin şəxsi işləri',
        en: 'Personal files of employees',
        ru: 'Личные дела работников',
      },
      retentionYears: 75,
    },
    {
      index: '07-03',
      departmentCode: '07',
      title: { az: 'Məzuniyyət qrafikləri', en: 'Leave schedules', ru: 'Графики отпусков' },
      retentionYears: 3,
    },
  ],
  demo2: [
    {
      index: '01-01',
      departmentCode: '01',
      title: { az: 'Təsisçinin qərarları', en: "Founder's decisions", ru: 'Решения учредителя' },
      retentionYears: null,
    },
    {
      index: '01-02',
      departmentCode: '01',
      title: { az: 'Direktorun əmrləri', en: "Director's orders", ru: 'Приказы директора' },
      retentionYears: null,
    },
    {
      index: '01-03',
      departmentCode: '01',
      title: { az: 'Daxil olan məktublar', en: 'Incoming letters', ru: 'Входящие письма' },
      retentionYears: 5,
    },
    {
      index: '01-04',
      departmentCode: '01',
      title: { az: 'Göndərilən məktublar', en: 'Outgoing letters', ru: 'Исходящие письма' },
      retentionYears: 5,
    },
    {
      index: '02-01',
      departmentCode: '02',
      title: {
        az: 'Müştərilərlə daşıma müqavilələri',
        en: 'Carriage contracts with customers',
        ru: 'Договоры перевозки с клиентами',
      },
      retentionYears: 5,
    },
  ],
};

/** The nomenclature of the main demo agency. */
export const nomenclature: readonly NomenclatureEntry[] = nomenclatureByTenant.demo1;
