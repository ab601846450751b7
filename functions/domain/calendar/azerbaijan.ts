/**
 * Non-working days of the Republic of Azerbaijan for 2026 and 2027, five-day week.
 *
 * Law (Labour Code, Əmək Məcəlləsi, art. 105 as amended in 2020 and 2021):
 * - 105.1/105.2: non-working holidays are 1–2 January, 8 March, Novruz (5 days), 9 May, 28 May
 *   (Müstəqillik Günü since 2021), 15 June, 26 June, 8 November (Zəfər Günü, added 2020/2021),
 *   9 November, 31 December, Ramazan (2 days), Qurban (2 days). 18 October, 12 November and
 *   17 November are holidays but working days; so are 20 September and 27 September.
 *   https://rome.mfa.gov.az/it/content/135/qeyri-is-gunleri (current wording, MFA)
 *   https://azerbaijan.az/related-information/286 (Azerbaijani text of 105.1–105.6)
 *   https://docslib.org/download/3972453/holidays-excerpt-from-the-labor-code-of-the-republic-of-azerbaijan
 *   https://metbuat.az/news/1397853/zefer-gunu-qeyri-is-anim-gunu-ise-is-gunu-olacaq.html (8 Nov)
 *   https://metbuat.az/news/1420996/28-may-qeyri-is-18-oktyabr-is-gunu-olacaq.html (18 Oct works)
 *   https://metbuat.az/news/1529013/novbeti-4-gunluk-tetil-bu-tarixde-olacaq.html (12 Nov works)
 *   https://turan.az/en/economics/november-10-day-off (12 and 17 Nov work)
 *   https://metbuat.az/news/1509471/sabah-qeyri-is-gunudur.html (20 Sep works)
 * - 20 January, Ümumxalq hüzn günü, is not a working day, but as a mourning day it is not carried
 *   over when it falls on a weekend (Labour Ministry):
 *   https://metbuat.az/news/1490015/22-yanvar-olkede-qeyri-is-gunudur.html
 * - 105.5: a holiday on a weekend moves the rest day to the first working day after the holiday.
 *   105.6: Ramazan or Qurban on another non-working holiday makes the next working day a day off.
 *   105.7: the Cabinet may swap working and rest days to join them up (a yearly decision, if any).
 *
 * 2026 (complete; agrees with the Labour Ministry's production calendar: 241 working days):
 * - Cabinet decision No. 362 of 2 December 2025: Novruz 20–24 March, Ramazan 20–21 March,
 *   Qurban 27–28 May. https://www.ain.az/az/article/23974882 https://news.day.az/azerinews/1799373.html
 * - Production calendar 2026 (Labour Ministry collegium, 11 December 2025): days off 9, 25, 26, 27,
 *   30 March, 11 and 29 May, 10 November; 241 working days.
 *   https://sosial.gov.az/az/faydali/istehsalat-teqvimi
 *   https://news.day.az/azerinews/1801712.html
 *   https://report.az/ru/socialnaya-zashhita/obyavleny-nerabochie-dni-v-azerbajdzhane-na-2026-god
 *   https://1news.az/news/20251211062604709-Kakie-dni-stanut-nerabochimi-v-Azerbaidzhane-v-2026-godu-SPISOK
 * - March: https://news.day.az/azerinews/1813886.html
 *   https://modern.az/az/aktual/548093/novruzla-razmazan-eyni-gunde-11-gun-is-olmayacaq
 * - May: https://news.day.az/society/1821872.html
 *   https://1news.az/news/20260313022033671-V-mae-budet-14-nerabochikh-dnei
 * - No Cabinet transfer of working and rest days for 2026 was found (none for New Year 2026
 *   either: https://news.day.az/society/1804829.html), so no Saturday is a working day.
 *
 * 2027 (provisional): the Cabinet fixes Ramazan and Qurban for 2027 and any transfers only in
 * December 2026 or later; neither was published when this was written (November 2026). The fixed
 * holidays and the 105.5/105.6 carry-overs are certain. Ramazan 9–10 March and Qurban 16–17 May
 * (with 18 May off for the Sunday) follow Türkiye's Diyanet calendar for 2027 (Ramazan 9 March,
 * Kurban 16 May, vakithesaplama.diyanet.gov.tr/resmitatiller.php as quoted in the Ruby holidays
 * gem's definitions), which Azerbaijan's announced dates matched in 2022–2026; see also
 * https://publicholidays.me/azerbaijan/ramazan-bayram/ . These entries carry `provisional: true`;
 * replace them when the decision is out.
 *
 * A six-day week has fewer carried-over days (the production calendars list them separately); a
 * tenant on one sets its own weekend and days through `mergeCalendars`.
 */
import { DEFAULT_WEEKEND, type CalendarDay, type LocalizedName, type WorkingCalendar } from './working-days';

/** The span the seeded data covers; outside it only the weekend rule applies. */
export const AZERBAIJAN_CALENDAR_COVERAGE = { from: '2026-01-01', to: '2027-12-31' } as const;

const NEW_YEAR: LocalizedName = { az: 'Yeni il bayramı', en: 'New Year', ru: 'Новый год' };
const MOURNING: LocalizedName = {
  az: 'Ümumxalq hüzn günü',
  en: 'Day of National Mourning',
  ru: 'День всенародной скорби',
};
const WOMENS_DAY: LocalizedName = { az: 'Qadınlar Günü', en: "Women's Day", ru: 'Женский день' };
const NOVRUZ: LocalizedName = { az: 'Novruz bayramı', en: 'Novruz', ru: 'Праздник Новруз' };
const RAMAZAN: LocalizedName = {
  az: 'Ramazan bayramı',
  en: 'Ramazan Bayram (Eid al-Fitr)',
  ru: 'Праздник Рамазан',
};
const QURBAN: LocalizedName = {
  az: 'Qurban bayramı',
  en: 'Gurban Bayram (Eid al-Adha)',
  ru: 'Праздник Гурбан',
};
const VICTORY_OVER_FASCISM: LocalizedName = {
  az: 'Faşizm üzərində Qələbə Günü',
  en: 'Day of Victory over Fascism',
  ru: 'День Победы над фашизмом',
};
const INDEPENDENCE: LocalizedName = {
  az: 'Müstəqillik Günü',
  en: 'Independence Day',
  ru: 'День независимости',
};
const SALVATION: LocalizedName = {
  az: 'Azərbaycan xalqının Milli Qurtuluş Günü',
  en: 'National Salvation Day of the Azerbaijani People',
  ru: 'День национального спасения азербайджанского народа',
};
const ARMED_FORCES: LocalizedName = {
  az: 'Azərbaycan Respublikasının Silahlı Qüvvələri Günü',
  en: 'Armed Forces Day',
  ru: 'День Вооружённых сил Азербайджанской Республики',
};
const VICTORY: LocalizedName = { az: 'Zəfər Günü', en: 'Victory Day', ru: 'День Победы' };
const FLAG: LocalizedName = {
  az: 'Azərbaycan Respublikasının Dövlət Bayrağı Günü',
  en: 'State Flag Day',
  ru: 'День Государственного флага Азербайджанской Республики',
};
const SOLIDARITY: LocalizedName = {
  az: 'Dünya Azərbaycanlılarının Həmrəyliyi Günü',
  en: 'Day of Solidarity of World Azerbaijanis',
  ru: 'День солидарности азербайджанцев мира',
};

/** Two holidays on one date (Ramazan on Novruz, Qurban on Independence Day). */
function both(a: LocalizedName, b: LocalizedName): LocalizedName {
  return { az: `${a.az}, ${b.az}`, en: `${a.en}, ${b.en}`, ru: `${a.ru}, ${b.ru}` };
}

/** A day off, named by why it is off (in the three languages, written out: cases differ). */
function dayOffName(az: string, en: string, ru: string): LocalizedName {
  return { az: `İstirahət günü (${az})`, en: `Day off (${en})`, ru: `Выходной день (${ru})` };
}

const holiday = (date: string, name: LocalizedName): CalendarDay => ({ date, kind: 'holiday', name });
const dayOff = (date: string, name: LocalizedName): CalendarDay => ({ date, kind: 'day-off', name });
const provisional = (day: CalendarDay): CalendarDay => ({ ...day, provisional: true });

const days2026: CalendarDay[] = [
  holiday('2026-01-01', NEW_YEAR),
  holiday('2026-01-02', NEW_YEAR),
  holiday('2026-01-20', MOURNING),
  holiday('2026-03-08', WOMENS_DAY), // Sunday
  dayOff(
    '2026-03-09',
    dayOffName('8 Mart bazar gününə düşür', '8 March falls on a Sunday', '8 марта приходится на воскресенье'),
  ),
  holiday('2026-03-20', both(NOVRUZ, RAMAZAN)),
  holiday('2026-03-21', both(NOVRUZ, RAMAZAN)), // Saturday
  holiday('2026-03-22', NOVRUZ), // Sunday
  holiday('2026-03-23', NOVRUZ),
  holiday('2026-03-24', NOVRUZ),
  ...['2026-03-25', '2026-03-26'].map((date) =>
    dayOff(
      date,
      dayOffName(
        'Novruz bayramının 21 və 22 martı şənbə və bazar gününə düşür',
        'Novruz on 21 and 22 March falls on a weekend',
        'дни Новруза 21 и 22 марта приходятся на выходные',
      ),
    ),
  ),
  ...['2026-03-27', '2026-03-30'].map((date) =>
    dayOff(
      date,
      dayOffName(
        'Ramazan bayramı Novruz bayramı ilə üst-üstə düşür',
        'Ramazan Bayram coincides with Novruz',
        'праздник Рамазан совпадает с Новрузом',
      ),
    ),
  ),
  holiday('2026-05-09', VICTORY_OVER_FASCISM), // Saturday
  dayOff(
    '2026-05-11',
    dayOffName('9 May şənbə gününə düşür', '9 May falls on a Saturday', '9 мая приходится на субботу'),
  ),
  holiday('2026-05-27', QURBAN),
  holiday('2026-05-28', both(QURBAN, INDEPENDENCE)),
  dayOff(
    '2026-05-29',
    dayOffName(
      'Qurban bayramı Müstəqillik Günü ilə üst-üstə düşür',
      'Gurban Bayram coincides with Independence Day',
      'праздник Гурбан совпадает с Днём независимости',
    ),
  ),
  holiday('2026-06-15', SALVATION),
  holiday('2026-06-26', ARMED_FORCES),
  holiday('2026-11-08', VICTORY), // Sunday
  holiday('2026-11-09', FLAG),
  dayOff(
    '2026-11-10',
    dayOffName(
      '8 Noyabr bazar gününə düşür',
      '8 November falls on a Sunday',
      '8 ноября приходится на воскресенье',
    ),
  ),
  holiday('2026-12-31', SOLIDARITY),
];

const days2027: CalendarDay[] = [
  holiday('2027-01-01', NEW_YEAR),
  holiday('2027-01-02', NEW_YEAR), // Saturday
  dayOff(
    '2027-01-04',
    dayOffName(
      '2 yanvar şənbə gününə düşür',
      '2 January falls on a Saturday',
      '2 января приходится на субботу',
    ),
  ),
  holiday('2027-01-20', MOURNING),
  holiday('2027-03-08', WOMENS_DAY),
  provisional(holiday('2027-03-09', RAMAZAN)),
  provisional(holiday('2027-03-10', RAMAZAN)),
  holiday('2027-03-20', NOVRUZ), // Saturday
  holiday('2027-03-21', NOVRUZ), // Sunday
  holiday('2027-03-22', NOVRUZ),
  holiday('2027-03-23', NOVRUZ),
  holiday('2027-03-24', NOVRUZ),
  ...['2027-03-25', '2027-03-26'].map((date) =>
    dayOff(
      date,
      dayOffName(
        'Novruz bayramının 20 və 21 martı şənbə və bazar gününə düşür',
        'Novruz on 20 and 21 March falls on a weekend',
        'дни Новруза 20 и 21 марта приходятся на выходные',
      ),
    ),
  ),
  holiday('2027-05-09', VICTORY_OVER_FASCISM), // Sunday
  dayOff(
    '2027-05-10',
    dayOffName('9 May bazar gününə düşür', '9 May falls on a Sunday', '9 мая приходится на воскресенье'),
  ),
  provisional(holiday('2027-05-16', QURBAN)), // Sunday
  provisional(holiday('2027-05-17', QURBAN)),
  provisional(
    dayOff(
      '2027-05-18',
      dayOffName(
        'Qurban bayramının 16 mayı bazar gününə düşür',
        'Gurban Bayram on 16 May falls on a Sunday',
        'день Гурбана 16 мая приходится на воскресенье',
      ),
    ),
  ),
  holiday('2027-05-28', INDEPENDENCE),
  holiday('2027-06-15', SALVATION),
  holiday('2027-06-26', ARMED_FORCES), // Saturday
  dayOff(
    '2027-06-28',
    dayOffName('26 İyun şənbə gününə düşür', '26 June falls on a Saturday', '26 июня приходится на субботу'),
  ),
  holiday('2027-11-08', VICTORY),
  holiday('2027-11-09', FLAG),
  holiday('2027-12-31', SOLIDARITY),
  // 1–2 January 2028 fall on a weekend; their days off (3–4 January 2028) are outside the coverage.
];

export const azerbaijanCalendar2026_2027: WorkingCalendar = {
  weekend: DEFAULT_WEEKEND,
  days: [...days2026, ...days2027],
};
