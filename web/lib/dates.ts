/**
 * Dates of the document forms: typed and shown as dd.MM.yyyy (the brochure's and the decree's
 * notation), sent to the API as yyyy-MM-dd. Instants are shown in Asia/Baku.
 */

import { serverNow } from './config';
const DISPLAY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** yyyy-MM-dd for a valid dd.MM.yyyy; '' for empty input; undefined when it is not a real date. */
export function parseDisplayDate(value: string): string | undefined {
  const text = value.trim();
  if (!text) return '';
  const m = DISPLAY.exec(text);
  if (!m) return undefined;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    year < 1900 ||
    year > 2999 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return undefined;
  }
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** dd.MM.yyyy of a yyyy-MM-dd calendar date ('' when absent). */
export function toDisplayDate(iso: string | undefined): string {
  if (!iso) return '';
  const m = ISO.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : '';
}

const bakuDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Baku',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** dd.MM.yyyy HH:mm of an instant, in Asia/Baku whatever the browser's zone. */
export function formatDateTime(value: string | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const parts = bakuDateTime.formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}.${get('month')}.${get('year')} ${get('hour')}:${get('minute')}`;
}

/** Today's date in Baku as dd.MM.yyyy (a default for the date fields). */
export function todayDisplay(): string {
  return formatDateTime(serverNow().toISOString()).slice(0, 10);
}
