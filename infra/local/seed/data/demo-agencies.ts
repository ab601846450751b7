import type { DemoAgency } from './types';

/**
 * Demo tenants seeded on first start. Both organisations and all people are fictional; names are
 * marked "(demo)", e-mail addresses use `*.example.az`, phone numbers use the unassigned
 * +994 50 000 xx xx / +994 55 000 xx xx / +994 12 000 xx xx ranges.
 *
 * Department codes double as nomenclature prefixes (`02-03`) and as `{dept}` in registration
 * numbers. Usernames are unique across both tenants.
 */

/** Demo tenant 1: a state agency with a full org structure covering every role. */
export const demoAgency1: DemoAgency = {
  tenant: {
    key: 'demo1',
    name: {
      az: 'Rəqəmsal İnkişaf üzrə Dövlət Agentliyi (demo)',
      en: 'State Agency for Digital Development (demo)',
      ru: 'Государственное агентство по цифровому развитию (демо)',
    },
    shortName: { az: 'RİDA (demo)', en: 'SADD (demo)', ru: 'ГАЦР (демо)' },
    legalAddress: 'AZ1010, Bakı şəhəri, Nəsimi rayonu, Nümunə küçəsi 10',
    voen: '1900000011',
    email: 'info@demo1.example.az',
    phone: '+994120000100',
  },
  departments: [
    { code: '01', name: { az: 'Rəhbərlik', en: 'Management', ru: 'Руководство' } },
    {
      code: '02',
      parentCode: '01',
      name: {
        az: 'Kargüzarlıq şöbəsi',
        en: 'Records Management Department',
        ru: 'Отдел делопроизводства',
      },
    },
    {
      code: '03',
      parentCode: '01',
      name: { az: 'Hüquq şöbəsi', en: 'Legal Department', ru: 'Юридический отдел' },
    },
    {
      code: '04',
      parentCode: '01',
      name: {
        az: 'İnformasiya texnologiyaları şöbəsi',
        en: 'Information Technology Department',
        ru: 'Отдел информационных технологий',
      },
    },
    {
      code: '04.1',
      parentCode: '04',
      name: {
        az: 'İnformasiya təhlükəsizliyi sektoru',
        en: 'Information Security Sector',
        ru: 'Сектор информационной безопасности',
      },
    },
    {
      code: '05',
      parentCode: '01',
      name: {
        az: 'Vətəndaş müraciətləri şöbəsi',
        en: "Citizens' Appeals Department",
        ru: 'Отдел по работе с обращениями граждан',
      },
    },
    {
      code: '06',
      parentCode: '01',
      name: {
        az: 'Maliyyə və təsərrüfat şöbəsi',
        en: 'Finance and Administration Department',
        ru: 'Финансово-хозяйственный отдел',
      },
    },
    {
      code: '07',
      parentCode: '01',
      name: {
        az: 'İnsan resursları şöbəsi',
        en: 'Human Resources Department',
        ru: 'Отдел кадров',
      },
    },
  ],
  positions: [
    // 01 Rəhbərlik
    {
      code: 'director',
      departmentCode: '01',
      title: { az: 'Agentliyin direktoru', en: 'Director of the Agency', ru: 'Директор агентства' },
      kind: 'head',
      roles: ['head', 'approver'],
    },
    {
      code: 'deputy-director',
      departmentCode: '01',
      title: { az: 'Direktorun müavini', en: 'Deputy Director', ru: 'Заместитель директора' },
      kind: 'deputy',
      roles: ['head', 'approver', 'controller'],
    },
    // 02 Kargüzarlıq şöbəsi
    {
      code: 'records-head',
      departmentCode: '02',
      title: {
        az: 'Kargüzarlıq şöbəsinin müdiri',
        en: 'Head of the Records Management Department',
        ru: 'Заведующий отделом делопроизводства',
      },
      kind: 'head',
      roles: ['head', 'clerk', 'controller'],
    },
    {
      code: 'records-clerk',
      departmentCode: '02',
      title: { az: 'Kargüzar', en: 'Records Clerk', ru: 'Делопроизводитель' },
      kind: 'clerk',
      roles: ['clerk'],
    },
    {
      code: 'archivist',
      departmentCode: '02',
      title: { az: 'Arxivçi', en: 'Archivist', ru: 'Архивист' },
      kind: 'specialist',
      roles: ['archivist'],
    },
    {
      code: 'execution-controller',
      departmentCode: '02',
      title: {
        az: 'İcraya nəzarət üzrə baş məsləhətçi',
        en: 'Chief Consultant for Execution Control',
        ru: 'Главный консультант по контролю исполнения',
      },
      kind: 'specialist',
      roles: ['controller'],
    },
    // 03 Hüquq şöbəsi
    {
      code: 'legal-head',
      departmentCode: '03',
      title: {
        az: 'Hüquq şöbəsinin müdiri',
        en: 'Head of the Legal Department',
        ru: 'Заведующий юридическим отделом',
      },
      kind: 'head',
      roles: ['head', 'approver'],
    },
    {
      code: 'legal-consultant',
      departmentCode: '03',
      title: {
        az: 'Hüquq şöbəsinin baş məsləhətçisi',
        en: 'Chief Consultant of the Legal Department',
        ru: 'Главный консультант юридического отдела',
      },
      kind: 'specialist',
      roles: ['executor', 'approver'],
    },
    // 04 İnformasiya texnologiyaları şöbəsi
    {
      code: 'it-head',
      departmentCode: '04',
      title: {
        az: 'İnformasiya texnologiyaları şöbəsinin müdiri',
        en: 'Head of the Information Technology Department',
        ru: 'Заведующий отделом информационных технологий',
      },
      kind: 'head',
      roles: ['head', 'approver'],
    },
    {
      code: 'system-admin',
      departmentCode: '04',
      title: { az: 'Sistem inzibatçısı', en: 'System Administrator', ru: 'Системный администратор' },
      kind: 'specialist',
      roles: ['admin', 'executor'],
    },
    {
      code: 'it-consultant',
      departmentCode: '04',
      title: {
        az: 'İnformasiya texnologiyaları şöbəsinin aparıcı məsləhətçisi',
        en: 'Leading Consultant of the Information Technology Department',
        ru: 'Ведущий консультант отдела информационных технологий',
      },
      kind: 'specialist',
      roles: ['executor'],
    },
    // 04.1 İnformasiya təhlükəsizliyi sektoru
    {
      code: 'security-head',
      departmentCode: '04.1',
      title: {
        az: 'İnformasiya təhlükəsizliyi sektorunun müdiri',
        en: 'Head of the Information Security Sector',
        ru: 'Заведующий сектором информационной безопасности',
      },
      kind: 'head',
      roles: ['head', 'executor'],
    },
    // 05 Vətəndaş müraciətləri şöbəsi
    {
      code: 'appeals-head',
      departmentCode: '05',
      title: {
        az: 'Vətəndaş müraciətləri şöbəsinin müdiri',
        en: "Head of the Citizens' Appeals Department",
        ru: 'Заведующий отделом по работе с обращениями граждан',
      },
      kind: 'head',
      roles: ['head'],
    },
    {
      code: 'appeals-consultant',
      departmentCode: '05',
      title: {
        az: 'Vətəndaş müraciətləri şöbəsinin baş məsləhətçisi',
        en: "Chief Consultant of the Citizens' Appeals Department",
        ru: 'Главный консультант отдела по работе с обращениями граждан',
      },
      kind: 'specialist',
      roles: ['executor'],
    },
    {
      code: 'reception-operator',
      departmentCode: '05',
      title: { az: 'Qəbul üzrə operator', en: 'Reception Operator', ru: 'Оператор приёма' },
      kind: 'clerk',
      roles: ['clerk'],
    },
    // 06 Maliyyə və təsərrüfat şöbəsi
    {
      code: 'chief-accountant',
      departmentCode: '06',
      title: {
        az: 'Maliyyə və təsərrüfat şöbəsinin müdiri – baş mühasib',
        en: 'Head of the Finance and Administration Department – Chief Accountant',
        ru: 'Заведующий финансово-хозяйственным отделом – главный бухгалтер',
      },
      kind: 'head',
      roles: ['head', 'approver'],
    },
    {
      code: 'accountant',
      departmentCode: '06',
      title: { az: 'Mühasib', en: 'Accountant', ru: 'Бухгалтер' },
      kind: 'specialist',
      roles: ['executor'],
    },
    // 07 İnsan resursları şöbəsi
    {
      code: 'hr-head',
      departmentCode: '07',
      title: {
        az: 'İnsan resursları şöbəsinin müdiri',
        en: 'Head of the Human Resources Department',
        ru: 'Заведующий отделом кадров',
      },
      kind: 'head',
      roles: ['head', 'approver'],
    },
    {
      code: 'hr-inspector',
      departmentCode: '07',
      title: { az: 'Kadrlar üzrə inspektor', en: 'HR Inspector', ru: 'Инспектор по кадрам' },
      kind: 'specialist',
      roles: ['executor'],
    },
  ],
  employees: [
    {
      username: 'head',
      fullName: 'Həsənov Elçin Rafiq oğlu',
      email: 'e.hasanov@demo1.example.az',
      phone: '+994500000101',
      positionCodes: ['director'],
    },
    {
      username: 'deputy',
      fullName: 'Quliyeva Səbinə Vaqif qızı',
      email: 's.guliyeva@demo1.example.az',
      phone: '+994500000102',
      positionCodes: ['deputy-director'],
    },
    {
      username: 'admin',
      fullName: 'Nəsirov Tural Elşad oğlu',
      email: 't.nasirov@demo1.example.az',
      phone: '+994500000103',
      positionCodes: ['system-admin'],
    },
    {
      username: 'clerk',
      fullName: 'Cəfərova Günel Şahin qızı',
      email: 'g.jafarova@demo1.example.az',
      phone: '+994500000104',
      positionCodes: ['records-clerk'],
    },
    {
      username: 'controller',
      fullName: 'İsmayılov Fərid Ənvər oğlu',
      email: 'f.ismayilov@demo1.example.az',
      phone: '+994500000105',
      positionCodes: ['execution-controller'],
    },
    {
      username: 'archivist',
      fullName: 'Həsənova Səbinə Tofiq qızı',
      email: 's.hasanova@demo1.example.az',
      phone: '+994500000120',
      positionCodes: ['archivist'],
    },
    {
      username: 'executor1',
      fullName: 'Hüseynova Aytən Rövşən qızı',
      email: 'a.huseynova@demo1.example.az',
      phone: '+994500000106',
      positionCodes: ['appeals-consultant'],
    },
    {
      username: 'executor2',
      fullName: 'Abbasov Orxan Natiq oğlu',
      email: 'o.abbasov@demo1.example.az',
      phone: '+994500000107',
      positionCodes: ['it-consultant'],
    },
    {
      username: 'executor3',
      fullName: 'Nağıyeva Sevinc Rauf qızı',
      email: 's.naghiyeva@demo1.example.az',
      phone: '+994500000108',
      positionCodes: ['appeals-consultant'],
    },
    {
      username: 'approver',
      fullName: 'Məmmədov Rəşad Əli oğlu',
      email: 'r.mammadov@demo1.example.az',
      phone: '+994500000109',
      positionCodes: ['legal-head'],
    },
    {
      username: 'lawyer',
      fullName: 'Kərimova Leyla Çingiz qızı',
      email: 'l.karimova@demo1.example.az',
      phone: '+994500000110',
      positionCodes: ['legal-consultant'],
    },
    {
      username: 'recordshead',
      fullName: 'Babayeva Nərmin Səməd qızı',
      email: 'n.babayeva@demo1.example.az',
      phone: '+994500000111',
      positionCodes: ['records-head'],
    },
    {
      username: 'ithead',
      fullName: 'Əhmədov Kamran İlqar oğlu',
      email: 'k.ahmadov@demo1.example.az',
      phone: '+994500000112',
      positionCodes: ['it-head'],
    },
    {
      username: 'security',
      fullName: 'Orucov Ramil Şöhrət oğlu',
      email: 'r.orujov@demo1.example.az',
      phone: '+994500000113',
      positionCodes: ['security-head'],
    },
    {
      username: 'appealshead',
      fullName: 'Rzayev Vüsal Təbriz oğlu',
      email: 'v.rzayev@demo1.example.az',
      phone: '+994500000114',
      positionCodes: ['appeals-head'],
    },
    {
      username: 'reception',
      fullName: 'Əsgərova Şəbnəm Yaşar qızı',
      email: 'sh.asgarova@demo1.example.az',
      phone: '+994500000115',
      positionCodes: ['reception-operator'],
    },
    {
      username: 'accountant',
      fullName: 'Sadıqov Elnur Bəhruz oğlu',
      email: 'e.sadigov@demo1.example.az',
      phone: '+994500000116',
      positionCodes: ['chief-accountant'],
    },
    {
      username: 'executor4',
      fullName: 'Qasımov Tuğrul Fuad oğlu',
      email: 't.gasimov@demo1.example.az',
      phone: '+994500000117',
      positionCodes: ['accountant'],
    },
    {
      username: 'hr',
      fullName: 'Vəliyeva Könül Zakir qızı',
      email: 'k.valiyeva@demo1.example.az',
      phone: '+994500000118',
      positionCodes: ['hr-head'],
    },
    {
      username: 'hrinspector',
      fullName: 'Musayev Cavid Elxan oğlu',
      email: 'c.musayev@demo1.example.az',
      phone: '+994500000119',
      positionCodes: ['hr-inspector'],
    },
  ],
  absences: [
    {
      employee: 'head',
      kind: 'leave',
      substitute: 'deputy',
      fromDay: -7,
      toDay: 14,
      note: 'Əmək məzuniyyəti',
    },
    {
      employee: 'executor1',
      kind: 'business-trip',
      substitute: 'executor3',
      fromDay: 10,
      toDay: 21,
      note: 'Xidməti ezamiyyət',
    },
    {
      employee: 'approver',
      kind: 'leave',
      substitute: 'lawyer',
      fromDay: 17,
      toDay: 26,
      note: 'Əmək məzuniyyəti',
    },
  ],
  // Routes the Viza tab proposes for these classifications (şablon marşrutlar).
  routeTemplates: [
    {
      name: 'Kadr əmrinin razılaşdırılması və imzası',
      kinds: ['order'],
      classificationCodes: ['03.01'],
      stages: [
        { kind: 'endorsement', mode: 'parallel', positions: ['legal-head', 'hr-head'], deadlineDays: 2 },
        { kind: 'signing', mode: 'sequential', positions: ['director'], deadlineDays: 1 },
      ],
    },
    {
      name: 'Sosial müdafiə ilə bağlı vətəndaş müraciəti',
      kinds: ['incoming'],
      classificationCodes: ['01.01'],
      stages: [
        { kind: 'resolution', mode: 'sequential', positions: ['director'], deadlineDays: 1 },
        {
          kind: 'execution',
          mode: 'sequential',
          positions: ['appeals-head'],
          deadlineDays: 10,
          instruction: 'Müraciətə baxılsın, ərizəçiyə cavab hazırlansın',
        },
        { kind: 'information', mode: 'parallel', positions: ['execution-controller'] },
      ],
    },
    {
      name: 'Elektron viza müraciəti',
      kinds: ['incoming'],
      classificationCodes: ['01.04'],
      // The officer's decision is an endorsement: approve issues the visas (each applicant the
      // officer did not refuse), reject refuses them all with the comment as the reason.
      stages: [{ kind: 'endorsement', mode: 'sequential', positions: ['appeals-head'], deadlineDays: 3 }],
    },
  ],
  // The standard e-services in the public catalogue (issue 15).
  eservices: [
    { kind: 'e-visa', routeTemplate: 'Elektron viza müraciəti' },
    { kind: 'social-assistance', routeTemplate: 'Sosial müdafiə ilə bağlı vətəndaş müraciəti' },
  ],
};

/** Demo tenant 2: a small company, for tenant-isolation checks and the company use case. */
export const demoAgency2: DemoAgency = {
  tenant: {
    key: 'demo2',
    name: {
      az: 'Xəzər Logistika MMC (demo)',
      en: 'Khazar Logistics LLC (demo)',
      ru: 'ООО «Хазар Логистика» (демо)',
    },
    shortName: { az: 'Xəzər Logistika', en: 'Khazar Logistics', ru: 'Хазар Логистика' },
    legalAddress: 'AZ1025, Bakı şəhəri, Xətai rayonu, Nümunə prospekti 25',
    voen: '1900000021',
    email: 'office@xezer-logistika.example.az',
    phone: '+994120000200',
  },
  departments: [
    { code: '01', name: { az: 'Rəhbərlik', en: 'Management', ru: 'Руководство' } },
    {
      code: '02',
      parentCode: '01',
      name: { az: 'Daşımalar şöbəsi', en: 'Transport Operations Department', ru: 'Отдел перевозок' },
    },
  ],
  positions: [
    {
      code: 'director',
      departmentCode: '01',
      title: { az: 'Direktor', en: 'Director', ru: 'Директор' },
      kind: 'head',
      roles: ['head', 'approver', 'controller'],
    },
    {
      code: 'office-manager',
      departmentCode: '01',
      title: { az: 'Ofis meneceri', en: 'Office Manager', ru: 'Офис-менеджер' },
      kind: 'clerk',
      roles: ['admin', 'clerk'],
    },
    {
      code: 'logistics-manager',
      departmentCode: '02',
      title: { az: 'Logistika üzrə menecer', en: 'Logistics Manager', ru: 'Менеджер по логистике' },
      kind: 'specialist',
      roles: ['executor'],
    },
  ],
  employees: [
    {
      username: 'admin2',
      fullName: 'Məlikova Aynur Tofiq qızı',
      email: 'a.malikova@xezer-logistika.example.az',
      phone: '+994550000201',
      positionCodes: ['office-manager'],
    },
    {
      username: 'head2',
      fullName: 'Xəlilov Səməd Arif oğlu',
      email: 's.khalilov@xezer-logistika.example.az',
      phone: '+994550000202',
      positionCodes: ['director'],
    },
    {
      username: 'executor21',
      fullName: 'Bağırov Nicat Rəşid oğlu',
      email: 'n.bagirov@xezer-logistika.example.az',
      phone: '+994550000203',
      positionCodes: ['logistics-manager'],
    },
  ],
  absences: [],
  routeTemplates: [],
};

export const demoAgencies: readonly DemoAgency[] = [demoAgency1, demoAgency2];
