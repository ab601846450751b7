/**
 * The countries a `country` field offers: ISO 3166-1 alpha-3 codes (what the API takes), named
 * in the page's language by the browser (`Intl.DisplayNames` knows alpha-2 region codes, hence
 * the pairs below). The list is the officially assigned codes, as the server's
 * (functions/modules/eservices/domain/countries.ts); a field's own `countries` restricts it.
 */
const PAIRS =
  'ABW AW AFG AF AGO AO AIA AI ALA AX ALB AL AND AD ARE AE ARG AR ARM AM ASM AS ATA AQ ATF TF ATG AG ' +
  'AUS AU AUT AT AZE AZ BDI BI BEL BE BEN BJ BES BQ BFA BF BGD BD BGR BG BHR BH BHS BS BIH BA BLM BL ' +
  'BLR BY BLZ BZ BMU BM BOL BO BRA BR BRB BB BRN BN BTN BT BVT BV BWA BW CAF CF CAN CA CCK CC CHE CH ' +
  'CHL CL CHN CN CIV CI CMR CM COD CD COG CG COK CK COL CO COM KM CPV CV CRI CR CUB CU CUW CW CXR CX ' +
  'CYM KY CYP CY CZE CZ DEU DE DJI DJ DMA DM DNK DK DOM DO DZA DZ ECU EC EGY EG ERI ER ESH EH ESP ES ' +
  'EST EE ETH ET FIN FI FJI FJ FLK FK FRA FR FRO FO FSM FM GAB GA GBR GB GEO GE GGY GG GHA GH GIB GI ' +
  'GIN GN GLP GP GMB GM GNB GW GNQ GQ GRC GR GRD GD GRL GL GTM GT GUF GF GUM GU GUY GY HKG HK HMD HM ' +
  'HND HN HRV HR HTI HT HUN HU IDN ID IMN IM IND IN IOT IO IRL IE IRN IR IRQ IQ ISL IS ISR IL ITA IT ' +
  'JAM JM JEY JE JOR JO JPN JP KAZ KZ KEN KE KGZ KG KHM KH KIR KI KNA KN KOR KR KWT KW LAO LA LBN LB ' +
  'LBR LR LBY LY LCA LC LIE LI LKA LK LSO LS LTU LT LUX LU LVA LV MAC MO MAF MF MAR MA MCO MC MDA MD ' +
  'MDG MG MDV MV MEX MX MHL MH MKD MK MLI ML MLT MT MMR MM MNE ME MNG MN MNP MP MOZ MZ MRT MR MSR MS ' +
  'MTQ MQ MUS MU MWI MW MYS MY MYT YT NAM NA NCL NC NER NE NFK NF NGA NG NIC NI NIU NU NLD NL NOR NO ' +
  'NPL NP NRU NR NZL NZ OMN OM PAK PK PAN PA PCN PN PER PE PHL PH PLW PW PNG PG POL PL PRI PR PRK KP ' +
  'PRT PT PRY PY PSE PS PYF PF QAT QA REU RE ROU RO RUS RU RWA RW SAU SA SDN SD SEN SN SGP SG SGS GS ' +
  'SHN SH SJM SJ SLB SB SLE SL SLV SV SMR SM SOM SO SPM PM SRB RS SSD SS STP ST SUR SR SVK SK SVN SI ' +
  'SWE SE SWZ SZ SXM SX SYC SC SYR SY TCA TC TCD TD TGO TG THA TH TJK TJ TKL TK TKM TM TLS TL TON TO ' +
  'TTO TT TUN TN TUR TR TUV TV TWN TW TZA TZ UGA UG UKR UA UMI UM URY UY USA US UZB UZ VAT VA VCT VC ' +
  'VEN VE VGB VG VIR VI VNM VN VUT VU WLF WF WSM WS YEM YE ZAF ZA ZMB ZM ZWE ZW';

const alpha2 = new Map<string, string>();
{
  const parts = PAIRS.split(' ');
  for (let i = 0; i + 1 < parts.length; i += 2) alpha2.set(parts[i]!, parts[i + 1]!);
}

/** Every alpha-3 code the API knows. */
export const countryCodes: readonly string[] = [...alpha2.keys()];

const namers = new Map<string, Intl.DisplayNames | null>();
function namer(locale: string): Intl.DisplayNames | null {
  if (!namers.has(locale)) {
    let made: Intl.DisplayNames | null = null;
    try {
      made = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    } catch {
      // A browser without region names: the codes are shown.
    }
    namers.set(locale, made);
  }
  return namers.get(locale) ?? null;
}

/** The country's name in the language (the code itself when the browser has no name for it). */
export function countryName(code: string, locale: string): string {
  const two = alpha2.get(code);
  return (two && namer(locale)?.of(two)) || code;
}

/** The options of a country field: its own list or every country, sorted by name in the language. */
export function countryOptions(
  locale: string,
  only?: readonly string[],
): Array<{ value: string; label: string }> {
  const codes = only && only.length > 0 ? only : countryCodes;
  return codes
    .map((value) => ({ value, label: countryName(value, locale) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}
