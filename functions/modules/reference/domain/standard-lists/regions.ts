import type { Region } from './types';

/**
 * Administrative-territorial units of Azerbaijan: the Naxçıvan Autonomous Republic, the cities of
 * republican subordination, Baku's 12 districts and the 66 districts (rayonlar: 59 outside and 7
 * inside the Naxçıvan AR). Lənkəran, Şəki and Yevlax are both a city and a district of the same
 * name, so the cities carry the `-city` suffix in their codes. Addresses may go down to the
 * settlements (qəsəbələr) of Baku's Səbail, Binəqədi, Sabunçu and Xəzər districts, listed as their
 * municipalities are; other districts' settlements are not listed yet.
 */
export const regions: readonly Region[] = [
  // --- Autonomous republic ---
  {
    code: 'nakhchivan-ar',
    kind: 'autonomous-republic',
    name: {
      az: 'Naxçıvan Muxtar Respublikası',
      en: 'Nakhchivan Autonomous Republic',
      ru: 'Нахчыванская Автономная Республика',
    },
  },
  // --- Cities of republican subordination ---
  { code: 'baku', kind: 'city', name: { az: 'Bakı şəhəri', en: 'Baku city', ru: 'город Баку' } },
  { code: 'ganja', kind: 'city', name: { az: 'Gəncə şəhəri', en: 'Ganja city', ru: 'город Гянджа' } },
  {
    code: 'sumgait',
    kind: 'city',
    name: { az: 'Sumqayıt şəhəri', en: 'Sumgait city', ru: 'город Сумгайыт' },
  },
  {
    code: 'mingachevir',
    kind: 'city',
    name: { az: 'Mingəçevir şəhəri', en: 'Mingachevir city', ru: 'город Мингечевир' },
  },
  {
    code: 'naftalan',
    kind: 'city',
    name: { az: 'Naftalan şəhəri', en: 'Naftalan city', ru: 'город Нафталан' },
  },
  { code: 'shirvan', kind: 'city', name: { az: 'Şirvan şəhəri', en: 'Shirvan city', ru: 'город Ширван' } },
  {
    code: 'lankaran-city',
    kind: 'city',
    name: { az: 'Lənkəran şəhəri', en: 'Lankaran city', ru: 'город Ленкорань' },
  },
  { code: 'shaki-city', kind: 'city', name: { az: 'Şəki şəhəri', en: 'Shaki city', ru: 'город Шеки' } },
  {
    code: 'yevlakh-city',
    kind: 'city',
    name: { az: 'Yevlax şəhəri', en: 'Yevlakh city', ru: 'город Евлах' },
  },
  {
    code: 'khankendi',
    kind: 'city',
    name: { az: 'Xankəndi şəhəri', en: 'Khankendi city', ru: 'город Ханкенди' },
  },
  // --- Districts of Baku ---
  {
    code: 'baku-binagadi',
    kind: 'district',
    parentCode: 'baku',
    name: { az: 'Binəqədi rayonu', en: 'Binagadi District', ru: 'Бинагадинский район' },
  },
  {
    code: 'baku-garadagh',
    kind: 'district',
    parentCode: 'baku',
    name: { az: 'Qaradağ rayonu', en: 'Garadagh District', ru: 'Гарадагский район' },
  },
  {
    code: 'baku-khatai',
    kind: 'district',
    parentCode: 'baku',
    name: { az: 'Xətai rayonu', en: 'Khatai District', ru: 'Хатаинский район' },
  },
  {
    code: 'baku-khazar',
    kind: 'district',
    parentCode: 'baku',
    name: { az: 'Xəzər rayonu', en: 'Khazar District', ru: 'Хазарский район' },
  },
  {
    code: 'baku-narimanov',
    kind: 'district',
    parentCode: 'baku',
    name: { az: 'Nərimanov rayonu', en: 'Narimanov District', ru: 'Наримановский район' },
  },
  {
    code: 'baku-nasimi',
    kind: 'district',
    parentCode: 'baku',
    name: { az: 'Nəsimi rayonu', en: 'Nasimi District', ru: 'Насиминский район' },
  },
  {
    code: 'baku-nizami',
    kind: 'district',
    parentCode: 'baku',
    name: { az: 'Nizami rayonu', en: 'Nizami District', ru: 'Низаминский район' },
  },
  {
    code: 'baku-pirallahi',
    kind: 'district',
    parentCode: 'baku',
    name: { az: 'Pirallahı rayonu', en: 'Pirallahi District', ru: 'Пираллахинский район' },
  },
  {
    code: 'baku-sabunchu',
    kind: 'district',
    parentCode: 'baku',
    name: { az: 'Sabunçu rayonu', en: 'Sabunchu District', ru: 'Сабунчинский район' },
  },
  {
    code: 'baku-sabail',
    kind: 'district',
    parentCode: 'baku',
    name: { az: 'Səbail rayonu', en: 'Sabail District', ru: 'Сабаильский район' },
  },
  {
    code: 'baku-surakhani',
    kind: 'district',
    parentCode: 'baku',
    name: { az: 'Suraxanı rayonu', en: 'Surakhani District', ru: 'Сураханский район' },
  },
  {
    code: 'baku-yasamal',
    kind: 'district',
    parentCode: 'baku',
    name: { az: 'Yasamal rayonu', en: 'Yasamal District', ru: 'Ясамальский район' },
  },
  // --- Districts (rayonlar) ---
  {
    code: 'absheron',
    kind: 'district',
    name: { az: 'Abşeron rayonu', en: 'Absheron District', ru: 'Абшеронский район' },
  },
  {
    code: 'aghjabadi',
    kind: 'district',
    name: { az: 'Ağcabədi rayonu', en: 'Aghjabadi District', ru: 'Агджабединский район' },
  },
  {
    code: 'aghdam',
    kind: 'district',
    name: { az: 'Ağdam rayonu', en: 'Aghdam District', ru: 'Агдамский район' },
  },
  {
    code: 'aghdash',
    kind: 'district',
    name: { az: 'Ağdaş rayonu', en: 'Aghdash District', ru: 'Агдашский район' },
  },
  {
    code: 'aghstafa',
    kind: 'district',
    name: { az: 'Ağstafa rayonu', en: 'Aghstafa District', ru: 'Агстафинский район' },
  },
  {
    code: 'aghsu',
    kind: 'district',
    name: { az: 'Ağsu rayonu', en: 'Aghsu District', ru: 'Агсуинский район' },
  },
  {
    code: 'astara',
    kind: 'district',
    name: { az: 'Astara rayonu', en: 'Astara District', ru: 'Астаринский район' },
  },
  {
    code: 'balakan',
    kind: 'district',
    name: { az: 'Balakən rayonu', en: 'Balakan District', ru: 'Балакенский район' },
  },
  {
    code: 'barda',
    kind: 'district',
    name: { az: 'Bərdə rayonu', en: 'Barda District', ru: 'Бардинский район' },
  },
  {
    code: 'beylagan',
    kind: 'district',
    name: { az: 'Beyləqan rayonu', en: 'Beylagan District', ru: 'Бейлаганский район' },
  },
  {
    code: 'bilasuvar',
    kind: 'district',
    name: { az: 'Biləsuvar rayonu', en: 'Bilasuvar District', ru: 'Билясуварский район' },
  },
  {
    code: 'dashkasan',
    kind: 'district',
    name: { az: 'Daşkəsən rayonu', en: 'Dashkasan District', ru: 'Дашкесанский район' },
  },
  {
    code: 'fuzuli',
    kind: 'district',
    name: { az: 'Füzuli rayonu', en: 'Fuzuli District', ru: 'Физулинский район' },
  },
  {
    code: 'gadabay',
    kind: 'district',
    name: { az: 'Gədəbəy rayonu', en: 'Gadabay District', ru: 'Гедабекский район' },
  },
  {
    code: 'goranboy',
    kind: 'district',
    name: { az: 'Goranboy rayonu', en: 'Goranboy District', ru: 'Геранбойский район' },
  },
  {
    code: 'goychay',
    kind: 'district',
    name: { az: 'Göyçay rayonu', en: 'Goychay District', ru: 'Гёйчайский район' },
  },
  {
    code: 'goygol',
    kind: 'district',
    name: { az: 'Göygöl rayonu', en: 'Goygol District', ru: 'Гёйгёльский район' },
  },
  {
    code: 'hajigabul',
    kind: 'district',
    name: { az: 'Hacıqabul rayonu', en: 'Hajigabul District', ru: 'Гаджигабульский район' },
  },
  {
    code: 'imishli',
    kind: 'district',
    name: { az: 'İmişli rayonu', en: 'Imishli District', ru: 'Имишлинский район' },
  },
  {
    code: 'ismayilli',
    kind: 'district',
    name: { az: 'İsmayıllı rayonu', en: 'Ismayilli District', ru: 'Исмаиллинский район' },
  },
  {
    code: 'jabrayil',
    kind: 'district',
    name: { az: 'Cəbrayıl rayonu', en: 'Jabrayil District', ru: 'Джебраильский район' },
  },
  {
    code: 'jalilabad',
    kind: 'district',
    name: { az: 'Cəlilabad rayonu', en: 'Jalilabad District', ru: 'Джалилабадский район' },
  },
  {
    code: 'kalbajar',
    kind: 'district',
    name: { az: 'Kəlbəcər rayonu', en: 'Kalbajar District', ru: 'Кельбаджарский район' },
  },
  {
    code: 'khachmaz',
    kind: 'district',
    name: { az: 'Xaçmaz rayonu', en: 'Khachmaz District', ru: 'Хачмазский район' },
  },
  {
    code: 'khizi',
    kind: 'district',
    name: { az: 'Xızı rayonu', en: 'Khizi District', ru: 'Хызинский район' },
  },
  {
    code: 'khojaly',
    kind: 'district',
    name: { az: 'Xocalı rayonu', en: 'Khojaly District', ru: 'Ходжалинский район' },
  },
  {
    code: 'khojavend',
    kind: 'district',
    name: { az: 'Xocavənd rayonu', en: 'Khojavend District', ru: 'Ходжавендский район' },
  },
  {
    code: 'kurdamir',
    kind: 'district',
    name: { az: 'Kürdəmir rayonu', en: 'Kurdamir District', ru: 'Кюрдамирский район' },
  },
  {
    code: 'lachin',
    kind: 'district',
    name: { az: 'Laçın rayonu', en: 'Lachin District', ru: 'Лачинский район' },
  },
  {
    code: 'lankaran',
    kind: 'district',
    name: { az: 'Lənkəran rayonu', en: 'Lankaran District', ru: 'Ленкоранский район' },
  },
  {
    code: 'lerik',
    kind: 'district',
    name: { az: 'Lerik rayonu', en: 'Lerik District', ru: 'Лерикский район' },
  },
  {
    code: 'masally',
    kind: 'district',
    name: { az: 'Masallı rayonu', en: 'Masally District', ru: 'Масаллинский район' },
  },
  {
    code: 'neftchala',
    kind: 'district',
    name: { az: 'Neftçala rayonu', en: 'Neftchala District', ru: 'Нефтчалинский район' },
  },
  {
    code: 'oghuz',
    kind: 'district',
    name: { az: 'Oğuz rayonu', en: 'Oghuz District', ru: 'Огузский район' },
  },
  {
    code: 'gabala',
    kind: 'district',
    name: { az: 'Qəbələ rayonu', en: 'Gabala District', ru: 'Габалинский район' },
  },
  { code: 'gakh', kind: 'district', name: { az: 'Qax rayonu', en: 'Gakh District', ru: 'Гахский район' } },
  {
    code: 'gazakh',
    kind: 'district',
    name: { az: 'Qazax rayonu', en: 'Gazakh District', ru: 'Газахский район' },
  },
  {
    code: 'gobustan',
    kind: 'district',
    name: { az: 'Qobustan rayonu', en: 'Gobustan District', ru: 'Гобустанский район' },
  },
  { code: 'guba', kind: 'district', name: { az: 'Quba rayonu', en: 'Guba District', ru: 'Губинский район' } },
  {
    code: 'gubadly',
    kind: 'district',
    name: { az: 'Qubadlı rayonu', en: 'Gubadly District', ru: 'Губадлинский район' },
  },
  {
    code: 'gusar',
    kind: 'district',
    name: { az: 'Qusar rayonu', en: 'Gusar District', ru: 'Гусарский район' },
  },
  {
    code: 'saatly',
    kind: 'district',
    name: { az: 'Saatlı rayonu', en: 'Saatly District', ru: 'Саатлинский район' },
  },
  {
    code: 'sabirabad',
    kind: 'district',
    name: { az: 'Sabirabad rayonu', en: 'Sabirabad District', ru: 'Сабирабадский район' },
  },
  {
    code: 'salyan',
    kind: 'district',
    name: { az: 'Salyan rayonu', en: 'Salyan District', ru: 'Сальянский район' },
  },
  {
    code: 'samukh',
    kind: 'district',
    name: { az: 'Samux rayonu', en: 'Samukh District', ru: 'Самухский район' },
  },
  {
    code: 'shabran',
    kind: 'district',
    name: { az: 'Şabran rayonu', en: 'Shabran District', ru: 'Шабранский район' },
  },
  {
    code: 'shamakhi',
    kind: 'district',
    name: { az: 'Şamaxı rayonu', en: 'Shamakhi District', ru: 'Шемахинский район' },
  },
  {
    code: 'shaki',
    kind: 'district',
    name: { az: 'Şəki rayonu', en: 'Shaki District', ru: 'Шекинский район' },
  },
  {
    code: 'shamkir',
    kind: 'district',
    name: { az: 'Şəmkir rayonu', en: 'Shamkir District', ru: 'Шамкирский район' },
  },
  {
    code: 'shusha',
    kind: 'district',
    name: { az: 'Şuşa rayonu', en: 'Shusha District', ru: 'Шушинский район' },
  },
  {
    code: 'siyazan',
    kind: 'district',
    name: { az: 'Siyəzən rayonu', en: 'Siyazan District', ru: 'Сиазаньский район' },
  },
  {
    code: 'tartar',
    kind: 'district',
    name: { az: 'Tərtər rayonu', en: 'Tartar District', ru: 'Тертерский район' },
  },
  {
    code: 'tovuz',
    kind: 'district',
    name: { az: 'Tovuz rayonu', en: 'Tovuz District', ru: 'Товузский район' },
  },
  { code: 'ujar', kind: 'district', name: { az: 'Ucar rayonu', en: 'Ujar District', ru: 'Уджарский район' } },
  {
    code: 'yardymli',
    kind: 'district',
    name: { az: 'Yardımlı rayonu', en: 'Yardymli District', ru: 'Ярдымлинский район' },
  },
  {
    code: 'yevlakh',
    kind: 'district',
    name: { az: 'Yevlax rayonu', en: 'Yevlakh District', ru: 'Евлахский район' },
  },
  {
    code: 'zagatala',
    kind: 'district',
    name: { az: 'Zaqatala rayonu', en: 'Zagatala District', ru: 'Закатальский район' },
  },
  {
    code: 'zangilan',
    kind: 'district',
    name: { az: 'Zəngilan rayonu', en: 'Zangilan District', ru: 'Зангиланский район' },
  },
  {
    code: 'zardab',
    kind: 'district',
    name: { az: 'Zərdab rayonu', en: 'Zardab District', ru: 'Зардабский район' },
  },
  // --- Naxçıvan Autonomous Republic: capital city and districts ---
  {
    code: 'nakhchivan-city',
    kind: 'city',
    parentCode: 'nakhchivan-ar',
    name: { az: 'Naxçıvan şəhəri', en: 'Nakhchivan city', ru: 'город Нахчыван' },
  },
  {
    code: 'babek',
    kind: 'district',
    parentCode: 'nakhchivan-ar',
    name: { az: 'Babək rayonu', en: 'Babek District', ru: 'Бабекский район' },
  },
  {
    code: 'julfa',
    kind: 'district',
    parentCode: 'nakhchivan-ar',
    name: { az: 'Culfa rayonu', en: 'Julfa District', ru: 'Джульфинский район' },
  },
  {
    code: 'kangarli',
    kind: 'district',
    parentCode: 'nakhchivan-ar',
    name: { az: 'Kəngərli rayonu', en: 'Kangarli District', ru: 'Кенгерлинский район' },
  },
  {
    code: 'ordubad',
    kind: 'district',
    parentCode: 'nakhchivan-ar',
    name: { az: 'Ordubad rayonu', en: 'Ordubad District', ru: 'Ордубадский район' },
  },
  {
    code: 'sadarak',
    kind: 'district',
    parentCode: 'nakhchivan-ar',
    name: { az: 'Sədərək rayonu', en: 'Sadarak District', ru: 'Садаракский район' },
  },
  {
    code: 'shahbuz',
    kind: 'district',
    parentCode: 'nakhchivan-ar',
    name: { az: 'Şahbuz rayonu', en: 'Shahbuz District', ru: 'Шахбузский район' },
  },
  {
    code: 'sharur',
    kind: 'district',
    parentCode: 'nakhchivan-ar',
    name: { az: 'Şərur rayonu', en: 'Sharur District', ru: 'Шарурский район' },
  },
  // --- Settlements (qəsəbələr) of Baku's districts, where the municipal lists are known ---
  {
    code: 'baku-sabail-badamdar',
    kind: 'settlement',
    parentCode: 'baku-sabail',
    name: { az: 'Badamdar qəsəbəsi', en: 'Badamdar settlement', ru: 'посёлок Бадамдар' },
  },
  {
    code: 'baku-sabail-bibiheybat',
    kind: 'settlement',
    parentCode: 'baku-sabail',
    name: { az: 'Bibiheybət qəsəbəsi', en: 'Bibiheybat settlement', ru: 'посёлок Биби-Эйбат' },
  },
  {
    code: 'baku-sabail-bayil',
    kind: 'settlement',
    parentCode: 'baku-sabail',
    name: { az: 'Bayıl qəsəbəsi', en: 'Bayil settlement', ru: 'посёлок Баилово' },
  },
  {
    code: 'baku-binagadi-binagadi',
    kind: 'settlement',
    parentCode: 'baku-binagadi',
    name: { az: 'Binəqədi qəsəbəsi', en: 'Binagadi settlement', ru: 'посёлок Бинагади' },
  },
  {
    code: 'baku-binagadi-bilajari',
    kind: 'settlement',
    parentCode: 'baku-binagadi',
    name: { az: 'Biləcəri qəsəbəsi', en: 'Bilajari settlement', ru: 'посёлок Биладжары' },
  },
  {
    code: 'baku-binagadi-khojasan',
    kind: 'settlement',
    parentCode: 'baku-binagadi',
    name: { az: 'Xocəsən qəsəbəsi', en: 'Khojasan settlement', ru: 'посёлок Ходжасан' },
  },
  {
    code: 'baku-binagadi-rasulzade',
    kind: 'settlement',
    parentCode: 'baku-binagadi',
    name: { az: 'Rəsulzadə qəsəbəsi', en: 'Rasulzade settlement', ru: 'посёлок Расулзаде' },
  },
  {
    code: 'baku-binagadi-sulutapa',
    kind: 'settlement',
    parentCode: 'baku-binagadi',
    name: { az: 'Sulutəpə qəsəbəsi', en: 'Sulutapa settlement', ru: 'посёлок Сулутепе' },
  },
  {
    code: 'baku-binagadi-28-may',
    kind: 'settlement',
    parentCode: 'baku-binagadi',
    name: { az: '28 May qəsəbəsi', en: '28 May settlement', ru: 'посёлок 28 Мая' },
  },
  {
    code: 'baku-sabunchu-bakikhanov',
    kind: 'settlement',
    parentCode: 'baku-sabunchu',
    name: { az: 'Bakıxanov qəsəbəsi', en: 'Bakikhanov settlement', ru: 'посёлок Бакиханов' },
  },
  {
    code: 'baku-sabunchu-balakhani',
    kind: 'settlement',
    parentCode: 'baku-sabunchu',
    name: { az: 'Balaxanı qəsəbəsi', en: 'Balakhani settlement', ru: 'посёлок Балаханы' },
  },
  {
    code: 'baku-sabunchu-bilgah',
    kind: 'settlement',
    parentCode: 'baku-sabunchu',
    name: { az: 'Bilgəh qəsəbəsi', en: 'Bilgah settlement', ru: 'посёлок Бильгях' },
  },
  {
    code: 'baku-sabunchu-kurdakhani',
    kind: 'settlement',
    parentCode: 'baku-sabunchu',
    name: { az: 'Kürdəxanı qəsəbəsi', en: 'Kurdakhani settlement', ru: 'посёлок Кюрдаханы' },
  },
  {
    code: 'baku-sabunchu-mashtaga',
    kind: 'settlement',
    parentCode: 'baku-sabunchu',
    name: { az: 'Maştağa qəsəbəsi', en: 'Mashtaga settlement', ru: 'посёлок Маштага' },
  },
  {
    code: 'baku-sabunchu-nardaran',
    kind: 'settlement',
    parentCode: 'baku-sabunchu',
    name: { az: 'Nardaran qəsəbəsi', en: 'Nardaran settlement', ru: 'посёлок Нардаран' },
  },
  {
    code: 'baku-sabunchu-pirshagi',
    kind: 'settlement',
    parentCode: 'baku-sabunchu',
    name: { az: 'Pirşağı qəsəbəsi', en: 'Pirshagi settlement', ru: 'посёлок Пиршаги' },
  },
  {
    code: 'baku-sabunchu-ramana',
    kind: 'settlement',
    parentCode: 'baku-sabunchu',
    name: { az: 'Ramana qəsəbəsi', en: 'Ramana settlement', ru: 'посёлок Раманы' },
  },
  {
    code: 'baku-sabunchu-sabunchu',
    kind: 'settlement',
    parentCode: 'baku-sabunchu',
    name: { az: 'Sabunçu qəsəbəsi', en: 'Sabunchu settlement', ru: 'посёлок Сабунчи' },
  },
  {
    code: 'baku-sabunchu-zabrat',
    kind: 'settlement',
    parentCode: 'baku-sabunchu',
    name: { az: 'Zabrat qəsəbəsi', en: 'Zabrat settlement', ru: 'посёлок Забрат' },
  },
  {
    code: 'baku-khazar-bina',
    kind: 'settlement',
    parentCode: 'baku-khazar',
    name: { az: 'Binə qəsəbəsi', en: 'Bina settlement', ru: 'посёлок Бина' },
  },
  {
    code: 'baku-khazar-buzovna',
    kind: 'settlement',
    parentCode: 'baku-khazar',
    name: { az: 'Buzovna qəsəbəsi', en: 'Buzovna settlement', ru: 'посёлок Бузовна' },
  },
  {
    code: 'baku-khazar-mardakan',
    kind: 'settlement',
    parentCode: 'baku-khazar',
    name: { az: 'Mərdəkan qəsəbəsi', en: 'Mardakan settlement', ru: 'посёлок Мардакян' },
  },
  {
    code: 'baku-khazar-gala',
    kind: 'settlement',
    parentCode: 'baku-khazar',
    name: { az: 'Qala qəsəbəsi', en: 'Gala settlement', ru: 'посёлок Гала' },
  },
  {
    code: 'baku-khazar-shagan',
    kind: 'settlement',
    parentCode: 'baku-khazar',
    name: { az: 'Şağan qəsəbəsi', en: 'Shagan settlement', ru: 'посёлок Шаган' },
  },
  {
    code: 'baku-khazar-shuvalan',
    kind: 'settlement',
    parentCode: 'baku-khazar',
    name: { az: 'Şüvəlan qəsəbəsi', en: 'Shuvalan settlement', ru: 'посёлок Шувелян' },
  },
  {
    code: 'baku-khazar-turkan',
    kind: 'settlement',
    parentCode: 'baku-khazar',
    name: { az: 'Türkan qəsəbəsi', en: 'Turkan settlement', ru: 'посёлок Тюркян' },
  },
  {
    code: 'baku-khazar-zira',
    kind: 'settlement',
    parentCode: 'baku-khazar',
    name: { az: 'Zirə qəsəbəsi', en: 'Zira settlement', ru: 'посёлок Зиря' },
  },
];
