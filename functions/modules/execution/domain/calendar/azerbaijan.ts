/**
 * Non-working days of the Republic of Azerbaijan for any year, five-day week: the fixed holidays
 * and their carry-overs computed from the Labour Code, the lunar holidays (Ramazan, Qurban) and the
 * Cabinet's transfers from yearly data (built in below for the years known, entered by an agency
 * admin for the others).
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
 *   over when it falls on a weekend (Labour Ministry), and it is no holiday for 105.6 either:
 *   https://metbuat.az/news/1490015/22-yanvar-olkede-qeyri-is-gunudur.html
 * - 105.5: a holiday on a weekend moves the rest day to the first working day after the holiday.
 *   105.6: Ramazan or Qurban on another non-working holiday makes the next working day a day off.
 *   105.7: the Cabinet may swap working and rest days to join them up (a yearly decision, if any).
 *
 * How the rules are applied (checked against the published 2026 calendar and the 2027 one below):
 * - A date is a holiday once however many holidays fall on it; its name lists them, the one that
 *   began first first (Qurban 27–28 May before Independence Day 28 May; Novruz before Ramazan when
 *   both begin on 20 March).
 * - 105.5 gives one day off for each weekend date with a holiday (not for 20 January); 105.6 one
 *   for each date where Ramazan or Qurban meets another holiday. A day off goes to the first
 *   weekday after its date that is neither a holiday nor already a day off, so they stack: the
 *   105.5 days off of the whole span first, then the 105.6 ones, each in date order (the 2026
 *   production calendar gives 25–26 March to the Novruz weekend, 27 and 30 March to Ramazan).
 *   They run across the year end: 31 December 2022 (Saturday) and 1 January 2023 (Sunday) gave
 *   3 and 4 January 2023, and 1–2 January 2028 (a weekend) give 3–4 January 2028.
 * - Cabinet transfers are applied last, over the computed days: a weekend day made working, a
 *   weekday made a day off.
 * - Days that follow from provisional yearly data (the lunar holidays, their days off, the
 *   transfers, and any day off pushed on by them) carry `provisional: true`.
 * - The same rules serve every year; years before the 2021 amendments were not checked.
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
 * https://publicholidays.me/azerbaijan/ramazan-bayram/ . An admin confirms or corrects them when
 * the decision is out (PUT /api/v1/calendar/years/2027).
 *
 * A year with no yearly data still gets its fixed holidays and their carry-overs; only Ramazan,
 * Qurban and transfers are missing (the calendar reports such a year through `onMissingYear`).
 *
 * A six-day week has fewer carried-over days (the production calendars list them separately); a
 * tenant on one sets its own weekend and days through `mergeCalendars`.
 */
import type { FieldIssue } from '../../../../platform/kernel/errors';
import type { MovableHolidays } from './movable-holidays';
import { DEFAULT_WEEKEND, type CalendarDay, type LocalizedName, type WorkingCalendar } from './working-days';

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

/** The lunar holidays in the phrase "… coincides with …", shorter than their full names. */
const RAMAZAN_SHORT: LocalizedName = { az: 'Ramazan bayramı', en: 'Ramazan Bayram', ru: 'праздник Рамазан' };
const QURBAN_SHORT: LocalizedName = { az: 'Qurban bayramı', en: 'Gurban Bayram', ru: 'праздник Гурбан' };
const TRANSFER_WORKING: LocalizedName = {
  az: 'İş günü (Nazirlər Kabinetinin qərarı ilə köçürülüb)',
  en: 'Working day (moved by a Cabinet of Ministers decision)',
  ru: 'Рабочий день (перенесён решением Кабинета министров)',
};
const TRANSFER_REST: LocalizedName = {
  az: 'İstirahət günü (Nazirlər Kabinetinin qərarı ilə köçürülüb)',
  en: 'Day off (moved by a Cabinet of Ministers decision)',
  ru: 'Выходной день (перенесён решением Кабинета министров)',
};

const MONTHS = {
  az: [
    'yanvar',
    'fevral',
    'mart',
    'aprel',
    'may',
    'iyun',
    'iyul',
    'avqust',
    'sentyabr',
    'oktyabr',
    'noyabr',
    'dekabr',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  // Genitive: "8 марта".
  ru: [
    'января',
    'февраля',
    'марта',
    'апреля',
    'мая',
    'июня',
    'июля',
    'августа',
    'сентября',
    'октября',
    'ноября',
    'декабря',
  ],
};
/** Indexed by ISO weekday; the forms that follow "… gününə düşür", "falls on a …", "приходится на …". */
const WEEKDAYS = {
  az: ['', 'bazar ertəsi', 'çərşənbə axşamı', 'çərşənbə', 'cümə axşamı', 'cümə', 'şənbə', 'bazar'],
  en: ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  ru: ['', 'понедельник', 'вторник', 'среду', 'четверг', 'пятницу', 'субботу', 'воскресенье'],
};

/** Fixed holidays (month, days of the month); 20 January is off but never carried over. */
const FIXED: ReadonlyArray<{ month: number; days: number[]; name: LocalizedName; mourning?: true }> = [
  { month: 1, days: [1, 2], name: NEW_YEAR },
  { month: 1, days: [20], name: MOURNING, mourning: true },
  { month: 3, days: [8], name: WOMENS_DAY },
  { month: 3, days: [20, 21, 22, 23, 24], name: NOVRUZ },
  { month: 5, days: [9], name: VICTORY_OVER_FASCISM },
  { month: 5, days: [28], name: INDEPENDENCE },
  { month: 6, days: [15], name: SALVATION },
  { month: 6, days: [26], name: ARMED_FORCES },
  { month: 11, days: [8], name: VICTORY },
  { month: 11, days: [9], name: FLAG },
  { month: 12, days: [31], name: SOLIDARITY },
];

/**
 * The yearly data built in: 2026 as the Cabinet published it, 2027 provisional (see above). An
 * agency's own entry for a year replaces the built-in one.
 */
export const BUILT_IN_MOVABLE_HOLIDAYS: readonly MovableHolidays[] = [
  {
    year: 2026,
    status: 'confirmed',
    ramazan: ['2026-03-20'],
    qurban: ['2026-05-27'],
    workingDays: [],
    restDays: [],
  },
  {
    year: 2027,
    status: 'provisional',
    ramazan: ['2027-03-09'],
    qurban: ['2027-05-16'],
    workingDays: [],
    restDays: [],
  },
];

export interface AzerbaijanCalendarOptions {
  /** The agency's yearly data; an entry replaces the built-in one of its year. */
  readonly years?: readonly MovableHolidays[];
  /**
   * Called when the calendar first computes a year without yearly data (once a year for the
   * calendar): its deadlines then count fixed holidays and weekends only.
   */
  readonly onMissingYear?: (year: number) => void;
}

/** The yearly data in force for each year: the agency's entries over the built-in ones. */
export function movableHolidaysByYear(
  agency: readonly MovableHolidays[] = [],
): ReadonlyMap<number, MovableHolidays> {
  const byYear = new Map<number, MovableHolidays>();
  for (const data of BUILT_IN_MOVABLE_HOLIDAYS) byYear.set(data.year, data);
  for (const data of agency) byYear.set(data.year, data);
  return byYear;
}

/** The state calendar for a five-day week, every year computed when first needed. */
export function azerbaijanCalendar(options: AzerbaijanCalendarOptions = {}): WorkingCalendar {
  const byYear = movableHolidaysByYear(options.years);
  return {
    weekend: DEFAULT_WEEKEND,
    exceptionsOf: (year) => {
      if (!byYear.has(year)) options.onMissingYear?.(year);
      return azerbaijanYearDays(year, (y) => byYear.get(y));
    },
  };
}

/** The state calendar with the built-in yearly data only (shared: its years are cached). */
export const azerbaijanBuiltInCalendar: WorkingCalendar = azerbaijanCalendar();

/** True when `date` (YYYY-MM-DD) is one of the fixed holidays (20 January included). */
export function isFixedHoliday(date: string): boolean {
  const [, month, day] = date.split('-').map(Number);
  return FIXED.some((h) => h.month === month && h.days.includes(day ?? 0));
}

/**
 * The non-working days and transfers of `year`: its fixed holidays, Ramazan and Qurban from its
 * yearly data, the days off of 105.5 and 105.6 (those of the previous year's last days included),
 * then the Cabinet's transfers. Without yearly data for the year only the fixed part is there.
 */
export function azerbaijanYearDays(
  year: number,
  dataOf: (year: number) => MovableHolidays | undefined,
): CalendarDay[] {
  // The year before is in the span for the days off its last days carry into this one.
  const occurrences = occurrencesIn([year - 1, year], dataOf);
  const daysOff = carryOvers(occurrences);
  const first = dayOf(year, 1, 1);
  const last = dayOf(year, 12, 31);
  const out = new Map<number, CalendarDay>();
  for (const [day, list] of occurrences) {
    if (day < first || day > last) continue;
    out.set(day, {
      date: isoOf(day),
      kind: 'holiday',
      name: joined(list.map((o) => o.name)),
      ...(list.every((o) => o.provisional) ? { provisional: true } : {}),
    });
  }
  for (const [day, off] of daysOff) {
    if (day < first || day > last) continue;
    out.set(day, {
      date: isoOf(day),
      kind: 'day-off',
      name: off.name,
      ...(off.provisional ? { provisional: true } : {}),
    });
  }
  const data = dataOf(year);
  const provisional = data?.status === 'provisional' ? { provisional: true } : {};
  for (const date of data?.workingDays ?? [])
    out.set(dayOfIso(date), { date, kind: 'working', name: TRANSFER_WORKING, ...provisional });
  for (const date of data?.restDays ?? [])
    out.set(dayOfIso(date), { date, kind: 'day-off', name: TRANSFER_REST, ...provisional });
  return [...out.entries()].sort(([a], [b]) => a - b).map(([, entry]) => entry);
}

// --- internals -------------------------------------------------------------------------------

interface Occurrence {
  readonly name: LocalizedName;
  /** The lunar holidays' name in "… coincides with …". */
  readonly short?: LocalizedName;
  /** The holiday's first day: orders the names of two holidays on one date. */
  readonly start: number;
  readonly movable: boolean;
  /** 20 January: off, but neither carried over nor a holiday for 105.6. */
  readonly mourning: boolean;
  readonly provisional: boolean;
}

interface DayOff {
  readonly name: LocalizedName;
  readonly provisional: boolean;
}

const DAY_MS = 86_400_000;
const dayOf = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** Day number of a YYYY-MM-DD date that the caller has checked. */
function dayOfIso(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return dayOf(year ?? 0, month ?? 1, day ?? 1);
}
/** 1970-01-01 (day 0) was a Thursday, ISO weekday 4. */
const weekdayOf = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;
const isWeekend = (day: number) => DEFAULT_WEEKEND.includes(weekdayOf(day));

/** Every holiday on every date of the given years, by day number. */
function occurrencesIn(
  years: readonly number[],
  dataOf: (year: number) => MovableHolidays | undefined,
): Map<number, Occurrence[]> {
  const byDay = new Map<number, Occurrence[]>();
  const add = (day: number, occurrence: Occurrence) =>
    byDay.set(day, [...(byDay.get(day) ?? []), occurrence]);
  for (const year of years) {
    for (const h of FIXED) {
      const start = dayOf(year, h.month, h.days[0] ?? 1);
      for (const d of h.days)
        add(dayOf(year, h.month, d), {
          name: h.name,
          start,
          movable: false,
          mourning: h.mourning === true,
          provisional: false,
        });
    }
    const data = dataOf(year);
    if (!data) continue;
    const lunar: Array<[readonly string[], LocalizedName, LocalizedName]> = [
      [data.ramazan, RAMAZAN, RAMAZAN_SHORT],
      [data.qurban, QURBAN, QURBAN_SHORT],
    ];
    for (const [starts, name, short] of lunar) {
      for (const first of starts) {
        const start = dayOfIso(first);
        // Two days; the second may be 1 January of the next year.
        for (const day of [start, start + 1])
          add(day, {
            name,
            short,
            start,
            movable: true,
            mourning: false,
            provisional: data.status === 'provisional',
          });
      }
    }
  }
  for (const list of byDay.values())
    list.sort((a, b) => a.start - b.start || Number(a.movable) - Number(b.movable));
  return byDay;
}

/** The days off of 105.5 and 105.6 for the holidays given, by day number. */
function carryOvers(occurrences: ReadonlyMap<number, readonly Occurrence[]>): Map<number, DayOff> {
  const daysOff = new Map<number, DayOff>();
  const dates = [...occurrences.keys()].sort((a, b) => a - b);
  const place = (from: number, name: LocalizedName, certain: boolean) => {
    let provisional = !certain;
    let day = from + 1;
    for (; isWeekend(day) || occurrences.has(day) || daysOff.has(day); day += 1) {
      // Passing over a weekday that only provisional data makes a day off leaves the date open too.
      const holiday = occurrences.get(day);
      if (!isWeekend(day) && (holiday ? holiday.every((o) => o.provisional) : daysOff.get(day)?.provisional))
        provisional = true;
    }
    daysOff.set(day, { name: dayOffName(name), provisional });
  };
  // 105.5: a weekend date with a holiday (20 January aside).
  for (const day of dates) {
    const carried = (occurrences.get(day) ?? []).filter((o) => !o.mourning);
    if (!isWeekend(day) || carried.length === 0) continue;
    place(
      day,
      onWeekend(day, carried),
      carried.some((o) => !o.provisional),
    );
  }
  // 105.6: Ramazan or Qurban on another holiday.
  for (const day of dates) {
    const list = occurrences.get(day) ?? [];
    const lunar = list.find((o) => o.movable);
    const others = list.filter((o) => !o.movable && !o.mourning);
    if (!lunar || others.length === 0) continue;
    place(day, coincides(lunar, others), !lunar.provisional);
  }
  return daysOff;
}

/** "Novruz bayramı: 21 mart şənbə gününə düşür" and the like. */
function onWeekend(day: number, list: readonly Occurrence[]): LocalizedName {
  const name = joined(list.map((o) => o.name));
  const date = new Date(day * DAY_MS);
  const [d, m, w] = [date.getUTCDate(), date.getUTCMonth(), weekdayOf(day)];
  return {
    az: `${name.az}: ${d} ${MONTHS.az[m]} ${WEEKDAYS.az[w]} gününə düşür`,
    en: `${name.en}: ${d} ${MONTHS.en[m]} falls on a ${WEEKDAYS.en[w]}`,
    ru: `${name.ru}: ${d} ${MONTHS.ru[m]} приходится на ${WEEKDAYS.ru[w]}`,
  };
}

/** "Ramazan bayramı Novruz bayramı ilə üst-üstə düşür" and the like. */
function coincides(lunar: Occurrence, others: readonly Occurrence[]): LocalizedName {
  const short = lunar.short ?? lunar.name;
  const name = joined(others.map((o) => o.name));
  return {
    az: `${short.az} ${name.az} ilə üst-üstə düşür`,
    en: `${short.en} coincides with ${name.en}`,
    ru: `${short.ru} совпадает с праздником «${name.ru}»`,
  };
}

/** Names of the holidays on one date, each once. */
function joined(names: readonly LocalizedName[]): LocalizedName {
  const unique = names.filter((n, i) => names.findIndex((m) => m.az === n.az) === i);
  return {
    az: unique.map((n) => n.az).join(', '),
    en: unique.map((n) => n.en).join(', '),
    ru: unique.map((n) => n.ru).join(', '),
  };
}

/** A day off, named by why it is off. */
function dayOffName(why: LocalizedName): LocalizedName {
  return { az: `İstirahət günü (${why.az})`, en: `Day off (${why.en})`, ru: `Выходной день (${why.ru})` };
}

/**
 * What is wrong with a year's data (none: it can be used), as field issues with the request's
 * paths: a date outside the year, two dates (a lunar holiday's two days included) on one day, a
 * transfer to working on a weekday or a holiday, a transfer to rest on a weekend day or a holiday.
 * The dates are well-formed `YYYY-MM-DD` (the schema checks that).
 */
export function movableHolidayIssues(data: MovableHolidays): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const taken = new Set<string>();
  const prefix = `${data.year}-`;
  const claim = (date: string, path: string) => {
    if (taken.has(date)) {
      issues.push({ path, code: 'overlapping_dates' });
      return false;
    }
    taken.add(date);
    return true;
  };
  const lists: Array<['ramazan' | 'qurban' | 'workingDays' | 'restDays', readonly string[]]> = [
    ['ramazan', data.ramazan],
    ['qurban', data.qurban],
    ['workingDays', data.workingDays],
    ['restDays', data.restDays],
  ];
  for (const [field, dates] of lists) {
    dates.forEach((date, i) => {
      const path = `${field}.${i}`;
      if (!date.startsWith(prefix)) {
        issues.push({ path, code: 'date_outside_year' });
        return;
      }
      if (field === 'ramazan' || field === 'qurban') {
        if (claim(date, path)) claim(nextDate(date), path);
        return;
      }
      if (!claim(date, path)) return;
      const weekend = isoWeekday(date) >= 6;
      if (isFixedHoliday(date)) issues.push({ path, code: 'transfer_on_holiday' });
      else if (field === 'workingDays' && !weekend) issues.push({ path, code: 'not_a_weekend_day' });
      else if (field === 'restDays' && weekend) issues.push({ path, code: 'not_a_weekday' });
    });
  }
  return issues;
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function isoWeekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}
