/**
 * The application form as data, built from a published service's definition (pure: no React, no
 * clock — `today` is an argument). The state mirrors the request the API takes: `variant`,
 * `common` and one value set per applicant; every field has a path that is also the path of the
 * server's field errors (`common.email`, `applicants[0].passportNumber`,
 * `common.household[1].fin`), so one map of errors serves the client's checks and the 422.
 *
 * Values are what the inputs hold (strings; dates typed dd.MM.yyyy, amounts in minor units);
 * `toRequest` turns them into the API's values (YYYY-MM-DD, numbers, empty values left out). The client checks
 * only what needs no server: required, lengths, the text pattern, shapes of dates, e-mail,
 * passport number, FİN, phone, amount bounds, date bounds, counts of files, rows and applicants.
 * Everything else (and all of this again) is the server's to say.
 */
import { parseDisplayDate } from '../../lib/dates';
import type { CatalogueService, FormField, LeafField, ListField, UploadedFile } from './types';

export type Row = Record<string, LeafValue>;
export type LeafValue = string | UploadedFile[];
export type FieldValue = LeafValue | Row[];
export type Values = Record<string, FieldValue>;

export interface FormState {
  variant: string;
  common: Values;
  applicants: Values[];
}

/** A client-side error: a code of the messages (`eservicesPublic.errors.<code>`) and its parameters. */
export interface ClientError {
  code: string;
  params?: Record<string, string | number>;
}

export type Language = 'az' | 'en' | 'ru';

const isList = (field: FormField): field is ListField => field.type === 'list';

/** Rows a list starts with: its minimum when required, none when optional. */
function initialRows(field: ListField): number {
  return field.required ? Math.max(field.minItems ?? 1, 1) : 0;
}

export function emptyLeaf(field: LeafField): LeafValue {
  return field.type === 'file' ? [] : '';
}

export function emptyRow(field: ListField): Row {
  return Object.fromEntries(field.fields.map((f) => [f.code, emptyLeaf(f)]));
}

export function emptyValues(fields: readonly FormField[]): Values {
  return Object.fromEntries(
    fields.map((f) => [
      f.code,
      isList(f) ? Array.from({ length: initialRows(f) }, () => emptyRow(f)) : emptyLeaf(f),
    ]),
  );
}

/** The form of a service before anything is typed: one applicant, the only variant chosen. */
export function initialState(service: CatalogueService): FormState {
  return {
    variant: service.variants.length === 1 ? service.variants[0]!.code : '',
    common: emptyValues(service.form.common),
    applicants: [emptyValues(service.form.applicant)],
  };
}

/** The most applicants one application takes (1 without a group). */
export function maxApplicants(service: Pick<CatalogueService, 'maxApplicants'>): number {
  return Math.max(1, service.maxApplicants ?? 1);
}

export const paths = {
  common: (code: string) => `common.${code}`,
  applicant: (index: number, code: string) => `applicants[${index}].${code}`,
  row: (listPath: string, row: number, code: string) => `${listPath}[${row}].${code}`,
};

/* ---------- amounts ---------- */

/**
 * The value of a typed amount: a whole number of minor units, as the API and the definitions'
 * labels have it ("Monthly income (in qəpik)"); spaces between digit groups are allowed. The page
 * shows what it means in major units beside the field. Undefined when it is no whole number.
 */
export function parseAmount(typed: string): number | undefined {
  const text = typed.trim().replace(/[\s\u00a0]/g, '');
  if (!/^\d{1,15}$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** An amount in minor units as the page shows it: "20.00 USD". */
export function formatMoney(amount: number, currency: string, digits = 2): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const major = Math.floor(abs / 10 ** digits);
  const minor = String(abs % 10 ** digits).padStart(digits, '0');
  return `${sign}${major}${digits > 0 ? `.${minor}` : ''} ${currency}`;
}

/* ---------- dates ---------- */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

export function addDays(date: string, days: number): string {
  const m = ISO_DATE.exec(date)!;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days)).toISOString().slice(0, 10);
}

/** The Baku calendar date (UTC+4, no daylight saving) of an instant. */
export function bakuToday(now: Date): string {
  return new Date(now.getTime() + 4 * 3_600_000).toISOString().slice(0, 10);
}

type DateField = Extract<LeafField, { type: 'date' }>;
type DateBound = NonNullable<DateField['min']>;

/** The calendar date (YYYY-MM-DD) of a typed dd.MM.yyyy (or an ISO date); undefined when it is none. */
export function typedDate(text: string): string | undefined {
  const t = text.trim();
  if (isIsoDate(t)) return t;
  return parseDisplayDate(t) || undefined;
}

/** A bound's date, or undefined while the field it refers to is empty or no date. */
export function boundDate(
  bound: DateBound,
  today: string,
  lookup: (code: string) => string | undefined,
): string | undefined {
  if (bound.from === 'today') return addDays(today, bound.days);
  if (bound.from === 'date') return bound.date;
  const other = typedDate(lookup(bound.field) ?? '');
  return other ? addDays(other, bound.days) : undefined;
}

/** dd.MM.yyyy of a calendar date. */
export function showDate(date: string): string {
  const m = ISO_DATE.exec(date);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : date;
}

/* ---------- checks ---------- */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PASSPORT = /^[A-Z0-9]{5,20}$/;
const FIN = /^[A-Z0-9]{7}$/;
const PHONE = /^\+?[0-9][0-9 ()-]{5,22}[0-9]$/;

const isEmpty = (value: FieldValue | undefined): boolean =>
  value === undefined || (typeof value === 'string' ? value.trim() === '' : value.length === 0);

function patternMatches(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(value);
  } catch {
    // A pattern this browser cannot compile is the server's to check.
    return true;
  }
}

/** The error of one leaf value, if any. */
export function checkLeaf(
  field: LeafField,
  value: LeafValue | undefined,
  today: string,
  lookup: (code: string) => string | undefined,
): ClientError | undefined {
  if (isEmpty(value)) return field.required ? { code: 'required' } : undefined;
  if (field.type === 'file') {
    const files = value as UploadedFile[];
    const min = field.minCount ?? 1;
    if (files.length < min) return { code: 'too_few_files', params: { min } };
    if (files.length > field.maxCount) return { code: 'too_many_files', params: { max: field.maxCount } };
    return undefined;
  }
  const text = (value as string).trim();
  switch (field.type) {
    case 'text': {
      const length = [...text.normalize('NFC')].length;
      if (length > field.maxLength) return { code: 'too_long', params: { max: field.maxLength } };
      if (field.minLength !== undefined && length < field.minLength) {
        return { code: 'too_short', params: { min: field.minLength } };
      }
      if (field.pattern && !patternMatches(field.pattern, text.normalize('NFC')))
        return { code: 'pattern_mismatch' };
      return undefined;
    }
    case 'date': {
      const date = typedDate(text);
      if (!date) return { code: 'invalid_date' };
      const min = field.min && boundDate(field.min, today, lookup);
      if (min && date < min) return { code: 'date_too_early', params: { date: showDate(min) } };
      const max = field.max && boundDate(field.max, today, lookup);
      if (max && date > max) return { code: 'date_too_late', params: { date: showDate(max) } };
      return undefined;
    }
    case 'email':
      return EMAIL.test(text) ? undefined : { code: 'invalid_email' };
    case 'passport-number':
      return PASSPORT.test(text.replace(/\s+/g, '').toUpperCase())
        ? undefined
        : { code: 'invalid_passport_number' };
    case 'fin':
      return FIN.test(text.toUpperCase()) ? undefined : { code: 'invalid_fin' };
    case 'phone':
      return PHONE.test(text) ? undefined : { code: 'invalid_phone' };
    case 'amount': {
      const minor = parseAmount(text);
      if (minor === undefined) return { code: 'invalid_amount' };
      if (field.min !== undefined && minor < field.min) {
        return { code: 'amount_too_small', params: { min: formatMoney(field.min, field.currency) } };
      }
      if (field.max !== undefined && minor > field.max) {
        return { code: 'amount_too_large', params: { max: formatMoney(field.max, field.currency) } };
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Field codes to their string values, the nearest level first (a row → the applicant → common). */
function scope(...levels: Array<Values | Row | undefined>) {
  return (code: string): string | undefined => {
    for (const level of levels) {
      const v = level?.[code];
      if (typeof v === 'string') return v.trim();
    }
    return undefined;
  };
}

function checkFields(
  fields: readonly FormField[],
  values: Values,
  at: (code: string) => string,
  today: string,
  outer: Array<Values | undefined>,
  errors: Record<string, ClientError>,
): void {
  const lookup = scope(values, ...outer);
  for (const field of fields) {
    const path = at(field.code);
    const value = values[field.code];
    if (!isList(field)) {
      const error = checkLeaf(field, value as LeafValue | undefined, today, lookup);
      if (error) errors[path] = error;
      continue;
    }
    const rows = (value as Row[] | undefined) ?? [];
    if (rows.length === 0) {
      if (field.required) errors[path] = { code: 'required' };
    } else if (rows.length < (field.minItems ?? 1)) {
      errors[path] = { code: 'too_few_items', params: { min: field.minItems ?? 1 } };
    } else if (rows.length > field.maxItems) {
      errors[path] = { code: 'too_many_items', params: { max: field.maxItems } };
    }
    rows.forEach((row, r) => {
      const rowLookup = scope(row, values, ...outer);
      for (const inner of field.fields) {
        const error = checkLeaf(inner, row[inner.code], today, rowLookup);
        if (error) errors[paths.row(path, r, inner.code)] = error;
      }
    });
  }
}

/** Every client-side error of the form by path; empty when the form may be sent. */
export function checkForm(
  service: CatalogueService,
  state: FormState,
  today: string,
): Record<string, ClientError> {
  const errors: Record<string, ClientError> = {};
  if (!service.variants.some((v) => v.code === state.variant)) errors.variant = { code: 'required' };
  checkFields(service.form.common, state.common, paths.common, today, [], errors);
  state.applicants.forEach((applicant, i) =>
    checkFields(
      service.form.applicant,
      applicant,
      (code) => paths.applicant(i, code),
      today,
      [state.common],
      errors,
    ),
  );
  if (state.applicants.length > maxApplicants(service)) {
    errors.applicants = { code: 'too_many_applicants', params: { max: maxApplicants(service) } };
  }
  return errors;
}

/* ---------- the request ---------- */

function leafToRequest(field: LeafField, value: LeafValue | undefined): unknown {
  if (isEmpty(value)) return undefined;
  if (field.type === 'file')
    return (value as UploadedFile[]).map(({ ref, name, mediaType, bytes }) => ({
      ref,
      name,
      mediaType,
      bytes,
    }));
  const text = (value as string).trim();
  if (field.type === 'amount') return parseAmount(text) ?? text;
  if (field.type === 'date') return typedDate(text) ?? text;
  return text;
}

function valuesToRequest(fields: readonly FormField[], values: Values): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.code];
    if (isList(field)) {
      const rows = ((value as Row[] | undefined) ?? []).map((row) => {
        const o: Record<string, unknown> = {};
        for (const inner of field.fields) {
          const v = leafToRequest(inner, row[inner.code]);
          if (v !== undefined) o[inner.code] = v;
        }
        return o;
      });
      if (rows.length > 0) out[field.code] = rows;
      continue;
    }
    const v = leafToRequest(field, value as LeafValue | undefined);
    if (v !== undefined) out[field.code] = v;
  }
  return out;
}

/** The body of `POST …/services/{code}/applications`: filled values only, amounts in minor units. */
export function toRequest(service: CatalogueService, state: FormState, language: Language) {
  return {
    language,
    variant: state.variant,
    common: valuesToRequest(service.form.common, state.common),
    applicants: state.applicants.map((a) => valuesToRequest(service.form.applicant, a)),
  };
}

/* ---------- the server's errors ---------- */

/** `/applicants/0/passportNumber` (a JSON pointer) or `applicants[0].passportNumber` → the latter. */
export function normalizePath(path: string): string {
  if (!path.startsWith('/')) return path;
  return path
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

/** One step up a path: `a[0].b[1]` → `a[0].b`, `a[0].b` → `a[0]`, `a[0]` → `a`; undefined at the top. */
function parentPath(path: string): string | undefined {
  const m = /^(.*)(\[\d+\]|\.[^.[\]]+)$/.exec(path);
  return m ? m[1] || undefined : undefined;
}

/** Every path the form shows an error at: its fields, the variant, the applicants, each list. */
export function fieldPaths(service: CatalogueService, state: FormState): Set<string> {
  const out = new Set<string>(['variant', 'applicants']);
  const add = (fields: readonly FormField[], values: Values, at: (code: string) => string) => {
    for (const field of fields) {
      const path = at(field.code);
      out.add(path);
      if (isList(field)) {
        ((values[field.code] as Row[] | undefined) ?? []).forEach((_, r) => {
          for (const inner of field.fields) out.add(paths.row(path, r, inner.code));
        });
      }
    }
  };
  add(service.form.common, state.common, paths.common);
  state.applicants.forEach((a, i) => add(service.form.applicant, a, (code) => paths.applicant(i, code)));
  return out;
}

export interface MappedErrors {
  /** The first message for each field path the form shows. */
  fields: Record<string, string>;
  /** Messages no field of the form holds (shown above the form). */
  general: string[];
}

/**
 * The 422's `errors` placed on the form: each error goes to its path, or to the nearest enclosing
 * path the form shows (`applicants[0].passportScan[0]` → the file field, `applicants[12]` → the
 * applicants); what fits nowhere is general.
 */
export function mapServerErrors(
  errors: ReadonlyArray<{ path: string; message: string }>,
  known: ReadonlySet<string>,
): MappedErrors {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const error of errors) {
    let path: string | undefined = normalizePath(error.path);
    while (path !== undefined && !known.has(path)) path = parentPath(path);
    if (path === undefined) general.push(error.message);
    else fields[path] ??= error.message;
  }
  return { fields, general };
}

/** The fee of the whole application: the variant's fee per applicant times the applicants. */
export function totalFee(
  service: CatalogueService,
  state: FormState,
): { amount: number; currency: string } | undefined {
  const variant = service.variants.find((v) => v.code === state.variant);
  return variant
    ? { amount: variant.fee.amount * state.applicants.length, currency: variant.fee.currency }
    : undefined;
}

/** Immutable updates of the state (the components call these). */
export const update = {
  variant: (s: FormState, variant: string): FormState => ({ ...s, variant }),
  common: (s: FormState, code: string, value: FieldValue): FormState => ({
    ...s,
    common: { ...s.common, [code]: value },
  }),
  applicant: (s: FormState, index: number, code: string, value: FieldValue): FormState => ({
    ...s,
    applicants: s.applicants.map((a, i) => (i === index ? { ...a, [code]: value } : a)),
  }),
  addApplicant: (s: FormState, service: CatalogueService): FormState =>
    s.applicants.length >= maxApplicants(service)
      ? s
      : { ...s, applicants: [...s.applicants, emptyValues(service.form.applicant)] },
  removeApplicant: (s: FormState, index: number): FormState =>
    s.applicants.length <= 1 ? s : { ...s, applicants: s.applicants.filter((_, i) => i !== index) },
};
