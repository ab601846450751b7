/**
 * An application's values as the officer reads them: each field's label from the published form
 * (the code when the form no longer has it), dates as dd.MM.yyyy, choices and countries by name,
 * files by name, a list's rows one after another. Pure: the decision view renders what this gives.
 */
import { toDisplayDate } from '../../lib/dates';
import { pickText, type Locale } from '../../lib/i18n';
import { countryName } from '../eservices-public/countries';
import type { FormField } from '../eservices-public/types';

export interface ValueLine {
  code: string;
  label: string;
  text: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isFile = (v: unknown): v is { name: string } =>
  typeof v === 'object' && v !== null && 'ref' in v && typeof (v as { name?: unknown }).name === 'string';

function textOf(field: FormField | undefined, value: unknown, locale: Locale): string {
  if (value === undefined || value === null || value === '') return '';
  if (Array.isArray(value)) {
    if (value.every(isFile)) return value.map((f) => f.name).join(', ');
    // A list field: each row's values by the row's field labels.
    const fields = field?.type === 'list' ? field.fields : [];
    return value
      .map((row, i) =>
        typeof row === 'object' && row !== null
          ? `${i + 1}) ${valueLines(fields, row as Record<string, unknown>, locale)
              .map((l) => `${l.label}: ${l.text}`)
              .join('; ')}`
          : String(row),
      )
      .join(' ');
  }
  if (typeof value === 'string') {
    if (field?.type === 'choice' && field.source.kind === 'options') {
      const option = field.source.options.find((o) => o.code === value);
      if (option) return pickText(option.label, locale);
    }
    if (field?.type === 'country') return countryName(value, locale);
    if (ISO_DATE.test(value)) return toDisplayDate(value);
    return value;
  }
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** The lines of a set of values: the form's fields in its order, then values it does not name. */
export function valueLines(
  fields: readonly FormField[],
  values: Record<string, unknown>,
  locale: Locale,
): ValueLine[] {
  const known = fields
    .filter((f) => f.code in values)
    .map((f) => ({
      code: f.code,
      label: pickText(f.label, locale),
      text: textOf(f, values[f.code], locale),
    }));
  const rest = Object.keys(values)
    .filter((code) => !fields.some((f) => f.code === code))
    .map((code) => ({ code, label: code, text: textOf(undefined, values[code], locale) }));
  return [...known, ...rest].filter((l) => l.text !== '');
}

/** The scans of applicant `i` (paths `applicants[i].…`) or of the common part (`common.…`). */
export function scansOf<T extends { path: string }>(scans: readonly T[], applicant?: number): T[] {
  const prefix = applicant === undefined ? 'common.' : `applicants[${applicant}].`;
  return scans.filter((s) => s.path.startsWith(prefix));
}
