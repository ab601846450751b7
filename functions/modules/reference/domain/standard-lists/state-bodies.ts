import type { StateBody } from './types';

/**
 * Azerbaijani state bodies, seeded as counterparts (kind 'state-body') of every tenant, each with
 * the body it works under. A legal address and an e-mail are given only where they were checked
 * against the body's own public pages or its entries in public registries; the others are left for
 * the agency's admin to complete rather than guessed. None is marked as receiving documents
 * electronically, so a demo never e-mails a real ministry.
 *
 * Current structure (after the reorganisations of 2015–2022: e.g. the Ministry of Taxes became
 * the State Tax Service under the Ministry of Economy, the Ministry of Transport, Communications
 * and High Technologies became the Ministry of Digital Development and Transport, the Ministry of
 * Education became the Ministry of Science and Education). Bodies abolished since then (Vergilər
 * Nazirliyi, Əmlak Məsələləri Dövlət Komitəsi, Qiymətli Kağızlar üzrə Dövlət Komitəsi, Milli
 * Təhlükəsizlik Nazirliyi, …) are deliberately absent.
 */
export const stateBodies: readonly StateBody[] = [
  // --- Supreme bodies -------------------------------------------------------------------------
  {
    code: 'president-admin',
    name: {
      az: 'Azərbaycan Respublikası Prezidentinin Administrasiyası',
      en: 'Administration of the President of the Republic of Azerbaijan',
      ru: 'Администрация Президента Азербайджанской Республики',
    },
  },
  {
    code: 'milli-majlis',
    name: {
      az: 'Azərbaycan Respublikasının Milli Məclisi',
      en: 'Milli Majlis of the Republic of Azerbaijan',
      ru: 'Милли Меджлис Азербайджанской Республики',
    },
  },
  {
    code: 'cabinet',
    name: {
      az: 'Azərbaycan Respublikasının Nazirlər Kabineti',
      en: 'Cabinet of Ministers of the Republic of Azerbaijan',
      ru: 'Кабинет Министров Азербайджанской Республики',
    },
  },
  {
    code: 'central-bank',
    legalAddress: { regionCode: 'baku', postalCode: 'AZ1014', street: 'Rəşid Behbudov küçəsi 32' },
    email: 'mail@cbar.az',
    name: {
      az: 'Azərbaycan Respublikasının Mərkəzi Bankı',
      en: 'Central Bank of the Republic of Azerbaijan',
      ru: 'Центральный банк Азербайджанской Республики',
    },
    shortName: { az: 'AMB', en: 'CBAR', ru: 'ЦБА' },
  },
  {
    code: 'chamber-of-accounts',
    name: {
      az: 'Azərbaycan Respublikasının Hesablama Palatası',
      en: 'Chamber of Accounts of the Republic of Azerbaijan',
      ru: 'Счётная палата Азербайджанской Республики',
    },
  },
  {
    code: 'cec',
    name: {
      az: 'Azərbaycan Respublikasının Mərkəzi Seçki Komissiyası',
      en: 'Central Election Commission of the Republic of Azerbaijan',
      ru: 'Центральная избирательная комиссия Азербайджанской Республики',
    },
    shortName: { az: 'MSK', en: 'CEC', ru: 'ЦИК' },
  },
  {
    code: 'ombudsman',
    name: {
      az: 'Azərbaycan Respublikasının İnsan Hüquqları üzrə Müvəkkili (Ombudsman)',
      en: 'Commissioner for Human Rights (Ombudsman) of the Republic of Azerbaijan',
      ru: 'Уполномоченный по правам человека (омбудсмен) Азербайджанской Республики',
    },
  },

  // --- Judiciary and prosecution --------------------------------------------------------------
  {
    code: 'constitutional-court',
    name: {
      az: 'Azərbaycan Respublikasının Konstitusiya Məhkəməsi',
      en: 'Constitutional Court of the Republic of Azerbaijan',
      ru: 'Конституционный суд Азербайджанской Республики',
    },
  },
  {
    code: 'supreme-court',
    name: {
      az: 'Azərbaycan Respublikasının Ali Məhkəməsi',
      en: 'Supreme Court of the Republic of Azerbaijan',
      ru: 'Верховный суд Азербайджанской Республики',
    },
  },
  {
    code: 'prosecutor-general',
    name: {
      az: 'Azərbaycan Respublikasının Baş Prokurorluğu',
      en: "Prosecutor General's Office of the Republic of Azerbaijan",
      ru: 'Генеральная прокуратура Азербайджанской Республики',
    },
  },

  // --- Ministries -----------------------------------------------------------------------------
  {
    code: 'internal-affairs',
    name: {
      az: 'Azərbaycan Respublikasının Daxili İşlər Nazirliyi',
      en: 'Ministry of Internal Affairs of the Republic of Azerbaijan',
      ru: 'Министерство внутренних дел Азербайджанской Республики',
    },
    shortName: { az: 'DİN', en: 'MIA', ru: 'МВД' },
  },
  {
    code: 'foreign-affairs',
    legalAddress: { regionCode: 'baku', postalCode: 'AZ1009', street: 'Şıxəli Qurbanov küçəsi 4' },
    name: {
      az: 'Azərbaycan Respublikasının Xarici İşlər Nazirliyi',
      en: 'Ministry of Foreign Affairs of the Republic of Azerbaijan',
      ru: 'Министерство иностранных дел Азербайджанской Республики',
    },
    shortName: { az: 'XİN', en: 'MFA', ru: 'МИД' },
  },
  {
    code: 'defence',
    name: {
      az: 'Azərbaycan Respublikasının Müdafiə Nazirliyi',
      en: 'Ministry of Defence of the Republic of Azerbaijan',
      ru: 'Министерство обороны Азербайджанской Республики',
    },
  },
  {
    code: 'justice',
    legalAddress: { regionCode: 'baku', street: 'İnşaatçılar prospekti 1' },
    name: {
      az: 'Azərbaycan Respublikasının Ədliyyə Nazirliyi',
      en: 'Ministry of Justice of the Republic of Azerbaijan',
      ru: 'Министерство юстиции Азербайджанской Республики',
    },
  },
  {
    code: 'penitentiary-service',
    parentCode: 'justice',
    name: {
      az: 'Ədliyyə Nazirliyinin Penitensiar Xidməti',
      en: 'Penitentiary Service of the Ministry of Justice',
      ru: 'Пенитенциарная служба Министерства юстиции',
    },
  },
  {
    code: 'finance',
    name: {
      az: 'Azərbaycan Respublikasının Maliyyə Nazirliyi',
      en: 'Ministry of Finance of the Republic of Azerbaijan',
      ru: 'Министерство финансов Азербайджанской Республики',
    },
  },
  {
    code: 'economy',
    name: {
      az: 'Azərbaycan Respublikasının İqtisadiyyat Nazirliyi',
      en: 'Ministry of Economy of the Republic of Azerbaijan',
      ru: 'Министерство экономики Азербайджанской Республики',
    },
  },
  {
    code: 'labour',
    legalAddress: { regionCode: 'baku', postalCode: 'AZ1009', street: 'Salatın Əsgərova küçəsi 85' },
    name: {
      az: 'Azərbaycan Respublikasının Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi',
      en: 'Ministry of Labour and Social Protection of Population of the Republic of Azerbaijan',
      ru: 'Министерство труда и социальной защиты населения Азербайджанской Республики',
    },
    shortName: { az: 'ƏƏSMN', en: 'MLSPP', ru: 'МТСЗН' },
  },
  {
    code: 'health',
    name: {
      az: 'Azərbaycan Respublikasının Səhiyyə Nazirliyi',
      en: 'Ministry of Health of the Republic of Azerbaijan',
      ru: 'Министерство здравоохранения Азербайджанской Республики',
    },
  },
  {
    code: 'science-education',
    name: {
      az: 'Azərbaycan Respublikasının Elm və Təhsil Nazirliyi',
      en: 'Ministry of Science and Education of the Republic of Azerbaijan',
      ru: 'Министерство науки и образования Азербайджанской Республики',
    },
  },
  {
    code: 'culture',
    name: {
      az: 'Azərbaycan Respublikasının Mədəniyyət Nazirliyi',
      en: 'Ministry of Culture of the Republic of Azerbaijan',
      ru: 'Министерство культуры Азербайджанской Республики',
    },
  },
  {
    code: 'youth-sports',
    name: {
      az: 'Azərbaycan Respublikasının Gənclər və İdman Nazirliyi',
      en: 'Ministry of Youth and Sports of the Republic of Azerbaijan',
      ru: 'Министерство молодёжи и спорта Азербайджанской Республики',
    },
  },
  {
    code: 'agriculture',
    name: {
      az: 'Azərbaycan Respublikasının Kənd Təsərrüfatı Nazirliyi',
      en: 'Ministry of Agriculture of the Republic of Azerbaijan',
      ru: 'Министерство сельского хозяйства Азербайджанской Республики',
    },
  },
  {
    code: 'ecology',
    name: {
      az: 'Azərbaycan Respublikasının Ekologiya və Təbii Sərvətlər Nazirliyi',
      en: 'Ministry of Ecology and Natural Resources of the Republic of Azerbaijan',
      ru: 'Министерство экологии и природных ресурсов Азербайджанской Республики',
    },
  },
  {
    code: 'energy',
    name: {
      az: 'Azərbaycan Respublikasının Energetika Nazirliyi',
      en: 'Ministry of Energy of the Republic of Azerbaijan',
      ru: 'Министерство энергетики Азербайджанской Республики',
    },
  },
  {
    code: 'digital-transport',
    name: {
      az: 'Azərbaycan Respublikasının Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi',
      en: 'Ministry of Digital Development and Transport of the Republic of Azerbaijan',
      ru: 'Министерство цифрового развития и транспорта Азербайджанской Республики',
    },
  },
  {
    code: 'emergency',
    name: {
      az: 'Azərbaycan Respublikasının Fövqəladə Hallar Nazirliyi',
      en: 'Ministry of Emergency Situations of the Republic of Azerbaijan',
      ru: 'Министерство по чрезвычайным ситуациям Азербайджанской Республики',
    },
    shortName: { az: 'FHN', en: 'MES', ru: 'МЧС' },
  },
  {
    code: 'defence-industry',
    name: {
      az: 'Azərbaycan Respublikasının Müdafiə Sənayesi Nazirliyi',
      en: 'Ministry of Defence Industry of the Republic of Azerbaijan',
      ru: 'Министерство оборонной промышленности Азербайджанской Республики',
    },
  },

  // --- State committees -----------------------------------------------------------------------
  {
    code: 'customs',
    legalAddress: { regionCode: 'baku', postalCode: 'AZ1073', street: 'İnşaatçılar prospekti 2' },
    name: {
      az: 'Azərbaycan Respublikasının Dövlət Gömrük Komitəsi',
      en: 'State Customs Committee of the Republic of Azerbaijan',
      ru: 'Государственный таможенный комитет Азербайджанской Республики',
    },
    shortName: { az: 'DGK', en: 'SCC', ru: 'ГТК' },
  },
  {
    code: 'statistics',
    name: {
      az: 'Azərbaycan Respublikasının Dövlət Statistika Komitəsi',
      en: 'State Statistical Committee of the Republic of Azerbaijan',
      ru: 'Государственный статистический комитет Азербайджанской Республики',
    },
  },
  {
    code: 'urban-planning',
    name: {
      az: 'Azərbaycan Respublikasının Dövlət Şəhərsalma və Arxitektura Komitəsi',
      en: 'State Committee for Urban Planning and Architecture of the Republic of Azerbaijan',
      ru: 'Государственный комитет по градостроительству и архитектуре Азербайджанской Республики',
    },
  },
  {
    code: 'refugees-idps',
    name: {
      az: 'Azərbaycan Respublikasının Qaçqınların və Məcburi Köçkünlərin İşləri üzrə Dövlət Komitəsi',
      en: 'State Committee for Affairs of Refugees and Internally Displaced Persons of the Republic of Azerbaijan',
      ru: 'Государственный комитет по делам беженцев и вынужденных переселенцев Азербайджанской Республики',
    },
  },
  {
    code: 'diaspora',
    name: {
      az: 'Azərbaycan Respublikasının Diasporla İş üzrə Dövlət Komitəsi',
      en: 'State Committee on Work with Diaspora of the Republic of Azerbaijan',
      ru: 'Государственный комитет по работе с диаспорой Азербайджанской Республики',
    },
  },
  {
    code: 'family-women-children',
    name: {
      az: 'Azərbaycan Respublikasının Ailə, Qadın və Uşaq Problemləri üzrə Dövlət Komitəsi',
      en: 'State Committee for Family, Women and Children Affairs of the Republic of Azerbaijan',
      ru: 'Государственный комитет по проблемам семьи, женщин и детей Азербайджанской Республики',
    },
  },
  {
    code: 'religious-associations',
    name: {
      az: 'Azərbaycan Respublikasının Dini Qurumlarla İş üzrə Dövlət Komitəsi',
      en: 'State Committee on Work with Religious Associations of the Republic of Azerbaijan',
      ru: 'Государственный комитет по работе с религиозными образованиями Азербайджанской Республики',
    },
  },

  // --- State services -------------------------------------------------------------------------
  {
    code: 'state-security',
    name: {
      az: 'Azərbaycan Respublikasının Dövlət Təhlükəsizlik Xidməti',
      en: 'State Security Service of the Republic of Azerbaijan',
      ru: 'Служба государственной безопасности Азербайджанской Республики',
    },
    shortName: { az: 'DTX', en: 'SSS', ru: 'СГБ' },
  },
  {
    code: 'foreign-intelligence',
    name: {
      az: 'Azərbaycan Respublikasının Xarici Kəşfiyyat Xidməti',
      en: 'Foreign Intelligence Service of the Republic of Azerbaijan',
      ru: 'Служба внешней разведки Азербайджанской Республики',
    },
  },
  {
    code: 'border-service',
    name: {
      az: 'Azərbaycan Respublikasının Dövlət Sərhəd Xidməti',
      en: 'State Border Service of the Republic of Azerbaijan',
      ru: 'Государственная пограничная служба Азербайджанской Республики',
    },
    shortName: { az: 'DSX', en: 'SBS', ru: 'ГПС' },
  },
  {
    code: 'migration-service',
    legalAddress: {
      regionCode: 'baku-binagadi',
      postalCode: 'AZ1114',
      street: 'Binəqədi şossesi 202, 3123-cü məhəllə',
    },
    name: {
      az: 'Azərbaycan Respublikasının Dövlət Miqrasiya Xidməti',
      en: 'State Migration Service of the Republic of Azerbaijan',
      ru: 'Государственная миграционная служба Азербайджанской Республики',
    },
    shortName: { az: 'DMX', en: 'SMS', ru: 'ГМС' },
  },
  {
    code: 'mobilization-service',
    name: {
      az: 'Azərbaycan Respublikasının Səfərbərlik və Hərbi Xidmətə Çağırış üzrə Dövlət Xidməti',
      en: 'State Service for Mobilization and Conscription of the Republic of Azerbaijan',
      ru: 'Государственная служба по мобилизации и призыву на военную службу Азербайджанской Республики',
    },
  },
  {
    code: 'state-protection',
    name: {
      az: 'Azərbaycan Respublikasının Dövlət Mühafizə Xidməti',
      en: 'State Protection Service of the Republic of Azerbaijan',
      ru: 'Служба государственной охраны Азербайджанской Республики',
    },
  },
  {
    code: 'special-state-protection',
    name: {
      az: 'Azərbaycan Respublikasının Xüsusi Dövlət Mühafizə Xidməti',
      en: 'Special State Protection Service of the Republic of Azerbaijan',
      ru: 'Специальная государственная служба охраны Азербайджанской Республики',
    },
  },
  {
    code: 'tax-service',
    email: 'office@taxes.gov.az',
    parentCode: 'economy',
    name: {
      az: 'Azərbaycan Respublikasının İqtisadiyyat Nazirliyi yanında Dövlət Vergi Xidməti',
      en: 'State Tax Service under the Ministry of Economy of the Republic of Azerbaijan',
      ru: 'Государственная налоговая служба при Министерстве экономики Азербайджанской Республики',
    },
    shortName: { az: 'DVX', en: 'STS', ru: 'ГНС' },
  },
  {
    code: 'property-service',
    parentCode: 'economy',
    name: {
      az: 'Azərbaycan Respublikasının İqtisadiyyat Nazirliyi yanında Əmlak Məsələləri Dövlət Xidməti',
      en: 'State Service for Property Issues under the Ministry of Economy of the Republic of Azerbaijan',
      ru: 'Государственная служба по имущественным вопросам при Министерстве экономики Азербайджанской Республики',
    },
  },
  {
    code: 'financial-monitoring',
    name: {
      az: 'Azərbaycan Respublikasının Maliyyə Monitorinqi Xidməti',
      en: 'Financial Monitoring Service of the Republic of Azerbaijan',
      ru: 'Служба финансового мониторинга Азербайджанской Республики',
    },
  },

  // --- State agencies and funds ---------------------------------------------------------------
  {
    code: 'asan',
    email: 'info@asan.gov.az',
    name: {
      az: 'Azərbaycan Respublikasının Prezidenti yanında Vətəndaşlara Xidmət və Sosial İnnovasiyalar üzrə Dövlət Agentliyi',
      en: 'State Agency for Public Service and Social Innovations under the President of the Republic of Azerbaijan',
      ru: 'Государственное агентство по обслуживанию граждан и социальным инновациям при Президенте Азербайджанской Республики',
    },
    shortName: { az: 'ASAN Xidmət', en: 'ASAN Service', ru: 'ASAN xidmət' },
  },
  {
    code: 'dost',
    parentCode: 'labour',
    name: {
      az: 'Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi yanında Dayanıqlı və Operativ Sosial Təminat Agentliyi',
      en: 'Agency for Sustainable and Operative Social Security under the Ministry of Labour and Social Protection of Population',
      ru: 'Агентство устойчивого и оперативного социального обеспечения при Министерстве труда и социальной защиты населения',
    },
    shortName: { az: 'DOST Agentliyi', en: 'DOST Agency', ru: 'Агентство DOST' },
  },
  {
    code: 'social-protection-fund',
    parentCode: 'labour',
    name: {
      az: 'Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi yanında Dövlət Sosial Müdafiə Fondu',
      en: 'State Social Protection Fund under the Ministry of Labour and Social Protection of Population',
      ru: 'Государственный фонд социальной защиты при Министерстве труда и социальной защиты населения',
    },
    shortName: { az: 'DSMF', en: 'SSPF', ru: 'ГФСЗ' },
  },
  {
    code: 'employment-agency',
    parentCode: 'labour',
    name: {
      az: 'Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi yanında Dövlət Məşğulluq Agentliyi',
      en: 'State Employment Agency under the Ministry of Labour and Social Protection of Population',
      ru: 'Государственное агентство занятости при Министерстве труда и социальной защиты населения',
    },
  },
  {
    code: 'kobia',
    parentCode: 'economy',
    name: {
      az: 'İqtisadiyyat Nazirliyi yanında Kiçik və Orta Biznesin İnkişafı Agentliyi',
      en: 'Small and Medium Business Development Agency under the Ministry of Economy',
      ru: 'Агентство развития малого и среднего бизнеса при Министерстве экономики',
    },
    shortName: { az: 'KOBİA', en: 'KOBIA', ru: 'KOBIA' },
  },
  {
    code: 'intellectual-property',
    name: {
      az: 'Azərbaycan Respublikasının Əqli Mülkiyyət Agentliyi',
      en: 'Intellectual Property Agency of the Republic of Azerbaijan',
      ru: 'Агентство интеллектуальной собственности Азербайджанской Республики',
    },
  },
  {
    code: 'tourism',
    name: {
      az: 'Azərbaycan Respublikasının Dövlət Turizm Agentliyi',
      en: 'State Tourism Agency of the Republic of Azerbaijan',
      ru: 'Государственное агентство по туризму Азербайджанской Республики',
    },
  },
  {
    code: 'food-safety',
    name: {
      az: 'Azərbaycan Respublikasının Qida Təhlükəsizliyi Agentliyi',
      en: 'Food Safety Agency of the Republic of Azerbaijan',
      ru: 'Агентство продовольственной безопасности Азербайджанской Республики',
    },
    shortName: { az: 'AQTA', en: 'AFSA', ru: 'АПБА' },
  },
  {
    code: 'housing',
    name: {
      az: 'Azərbaycan Respublikasının Mənzil İnşaatı Dövlət Agentliyi',
      en: 'State Housing Construction Agency of the Republic of Azerbaijan',
      ru: 'Государственное агентство по жилищному строительству Азербайджанской Республики',
    },
    shortName: { az: 'MİDA', en: 'MIDA', ru: 'MİDA' },
  },
  {
    code: 'energy-regulatory',
    parentCode: 'energy',
    name: {
      az: 'Azərbaycan Energetika Tənzimləmə Agentliyi',
      en: 'Azerbaijan Energy Regulatory Agency',
      ru: 'Агентство по регулированию энергетики Азербайджана',
    },
  },
  {
    code: 'renewable-energy',
    parentCode: 'energy',
    name: {
      az: 'Azərbaycan Respublikasının Energetika Nazirliyi yanında Bərpa Olunan Enerji Mənbələri üzrə Dövlət Agentliyi',
      en: 'State Agency for Renewable Energy Sources under the Ministry of Energy of the Republic of Azerbaijan',
      ru: 'Государственное агентство по возобновляемым источникам энергии при Министерстве энергетики Азербайджанской Республики',
    },
  },
  {
    code: 'innovation-digital',
    parentCode: 'digital-transport',
    name: {
      az: 'Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi yanında İnnovasiya və Rəqəmsal İnkişaf Agentliyi',
      en: 'Innovation and Digital Development Agency under the Ministry of Digital Development and Transport',
      ru: 'Агентство инноваций и цифрового развития при Министерстве цифрового развития и транспорта',
    },
    shortName: { az: 'İRİA', en: 'IDDA', ru: 'IDDA' },
  },
  {
    code: 'land-transport',
    name: {
      az: 'Azərbaycan Yerüstü Nəqliyyat Agentliyi',
      en: 'Azerbaijan Land Transport Agency',
      ru: 'Агентство наземного транспорта Азербайджана',
    },
    shortName: { az: 'AYNA', en: 'AYNA', ru: 'AYNA' },
  },
  {
    code: 'agrarian-services',
    parentCode: 'agriculture',
    name: {
      az: 'Kənd Təsərrüfatı Nazirliyi yanında Aqrar Xidmətlər Agentliyi',
      en: 'Agrarian Services Agency under the Ministry of Agriculture',
      ru: 'Агентство аграрных услуг при Министерстве сельского хозяйства',
    },
  },
  {
    code: 'exam-center',
    name: {
      az: 'Azərbaycan Respublikasının Dövlət İmtahan Mərkəzi',
      en: 'State Examination Centre of the Republic of Azerbaijan',
      ru: 'Государственный экзаменационный центр Азербайджанской Республики',
    },
    shortName: { az: 'DİM', en: 'SEC', ru: 'ГЭЦ' },
  },
  {
    code: 'health-insurance',
    name: {
      az: 'İcbari Tibbi Sığorta üzrə Dövlət Agentliyi',
      en: 'State Agency on Mandatory Health Insurance',
      ru: 'Государственное агентство по обязательному медицинскому страхованию',
    },
    shortName: { az: 'İTSDA', en: 'SAMHI', ru: 'ГАОМС' },
  },
  {
    code: 'tabib',
    name: {
      az: 'Tibbi Ərazi Bölmələrini İdarəetmə Birliyi',
      en: 'Administration of Regional Medical Divisions',
      ru: 'Объединение по управлению медицинскими территориальными подразделениями',
    },
    shortName: { az: 'TƏBİB', en: 'TABIB', ru: 'TƏBİB' },
  },
  {
    code: 'oil-fund',
    name: {
      az: 'Azərbaycan Respublikasının Dövlət Neft Fondu',
      en: 'State Oil Fund of the Republic of Azerbaijan',
      ru: 'Государственный нефтяной фонд Азербайджанской Республики',
    },
    shortName: { az: 'ARDNF', en: 'SOFAZ', ru: 'ГНФАР' },
  },
  {
    code: 'ngo-support',
    name: {
      az: 'Azərbaycan Respublikasının Qeyri-Hökumət Təşkilatlarına Dövlət Dəstəyi Agentliyi',
      en: 'Agency for State Support to Non-Governmental Organizations of the Republic of Azerbaijan',
      ru: 'Агентство государственной поддержки неправительственных организаций Азербайджанской Республики',
    },
  },
  {
    code: 'national-archive',
    name: {
      az: 'Azərbaycan Respublikasının Milli Arxiv İdarəsi',
      en: 'National Archive Department of the Republic of Azerbaijan',
      ru: 'Национальное архивное управление Азербайджанской Республики',
    },
  },

  // --- Local and autonomous-republic bodies ---------------------------------------------------
  {
    code: 'baku-executive',
    name: {
      az: 'Bakı Şəhər İcra Hakimiyyəti',
      en: 'Baku City Executive Power',
      ru: 'Исполнительная власть города Баку',
    },
  },
  {
    code: 'nakhchivan-supreme-majlis',
    name: {
      az: 'Naxçıvan Muxtar Respublikasının Ali Məclisi',
      en: 'Supreme Majlis of the Nakhchivan Autonomous Republic',
      ru: 'Верховный Меджлис Нахчыванской Автономной Республики',
    },
  },
];
