/**
 * Validating an application against one version of a service definition: every field error at
 * once (never only the first), each with its path, a stable code and the message in az/en/ru; or
 * the values in their normalized form (trimmed, NFC text, upper-case passport numbers and FİN,
 * E.164 phones, lower-case e-mail domains), holding only the fields that were filled in.
 *
 * The submitted JSON:
 *
 *     { "variant": "standard",
 *       "common": { "email": "…", "phone": "…" },
 *       "applicants": [ { "surname": "…", "passportNumber": "…", … }, … ] }
 *
 * `applicants` has one entry, or 2 to `group.maxApplicants` when the service takes groups. Keys
 * the definition does not know are refused (`unknown_field`), at any depth. A file field's value
 * is the list of uploads the applicant made for it; the sizes and types here are the ones the
 * upload declared — the storage slice checks them against the stored objects.
 */
import type {
  DateBound,
  FileField,
  FormField,
  LeafField,
  ListField,
  AmountField,
  ServiceDefinition,
} from './definition';
import { checkEligibility } from './eligibility';
import { isCountryCode } from './countries';
import {
  checkPhone,
  isFin,
  isPassportNumber,
  normalizeEmail,
  normalizeFin,
  normalizePassportNumber,
} from './identifiers';
import { fieldError, type FieldError } from './messages';
import { addDays, bakuDate, isIsoDate } from './time';
import type { ApplicationValues, FieldValue, FieldValues, FileRef, LeafValue, ListItem } from './values';

export interface ValidationContext {
  /** The instant of validation (submission): "today" of date bounds is its Baku date. */
  readonly at: string;
  /**
   * The codes of the reference lists that choice fields name, by list code (the use case reads
   * them). A choice field whose list is missing here is a programming error, not the applicant's.
   */
  readonly referenceLists?: Readonly<Record<string, readonly string[]>>;
}

export type ApplicationValidation =
  | { readonly ok: true; readonly values: ApplicationValues }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Number of applicants a definition accepts. */
export function applicantRange(def: ServiceDefinition): { min: number; max: number } {
  return { min: 1, max: def.group?.maxApplicants ?? 1 };
}

export function validateApplication(
  def: ServiceDefinition,
  input: unknown,
  context: ValidationContext,
): ApplicationValidation {
  const errors: FieldError[] = [];
  const today = bakuDate(context.at);
  const checker = new FieldChecker(today, context.referenceLists ?? {}, errors);

  if (!isObject(input)) return { ok: false, errors: [fieldError('', 'invalid_type')] };
  for (const key of Object.keys(input))
    if (key !== 'variant' && key !== 'common' && key !== 'applicants')
      errors.push(fieldError(key, 'unknown_field'));

  const variant = input.variant;
  if (variant === undefined || variant === null || variant === '')
    errors.push(fieldError('variant', 'required'));
  else if (typeof variant !== 'string') errors.push(fieldError('variant', 'invalid_type'));
  else if (!def.variants.some((v) => v.code === variant))
    errors.push(fieldError('variant', 'unknown_variant'));

  const rawCommon = input.common ?? {};
  let common: FieldValues = {};
  if (!isObject(rawCommon)) errors.push(fieldError('common', 'invalid_type'));
  else common = checker.level(def.form.common, rawCommon, 'common');

  const applicants: FieldValues[] = [];
  const rawApplicants = input.applicants;
  const { min, max } = applicantRange(def);
  if (rawApplicants === undefined || rawApplicants === null)
    errors.push(fieldError('applicants', 'required'));
  else if (!Array.isArray(rawApplicants)) errors.push(fieldError('applicants', 'invalid_type'));
  else if (rawApplicants.length < min) errors.push(fieldError('applicants', 'too_few_applicants', { min }));
  else if (rawApplicants.length > max) errors.push(fieldError('applicants', 'too_many_applicants', { max }));
  else
    rawApplicants.forEach((raw: unknown, i) => {
      const path = `applicants[${i}]`;
      if (!isObject(raw)) {
        errors.push(fieldError(path, 'invalid_type'));
        return;
      }
      applicants.push(checker.level(def.form.applicant, raw, path));
    });

  // Cross-field date bounds, once every field's own value is known.
  checker.bounds(def.form.common, common, 'common', []);
  applicants.forEach((values, i) => checker.bounds(def.form.applicant, values, `applicants[${i}]`, [common]));

  if (errors.length > 0) return { ok: false, errors };
  const values: ApplicationValues = { variant: variant as string, common, applicants };
  const ineligible = checkEligibility(def, values);
  return ineligible.length > 0 ? { ok: false, errors: ineligible } : { ok: true, values };
}

const isAbsent = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

class FieldChecker {
  constructor(
    private readonly today: string,
    private readonly lists: Readonly<Record<string, readonly string[]>>,
    private readonly errors: FieldError[],
  ) {}

  /** The normalized values of one level's fields; errors for the wrong ones and for unknown keys. */
  level(fields: readonly FormField[], raw: Raw, path: string): Record<string, FieldValue> {
    const known = new Set(fields.map((f) => f.code));
    for (const key of Object.keys(raw)) if (!known.has(key)) this.fail(`${path}.${key}`, 'unknown_field');
    const out: Record<string, FieldValue> = {};
    for (const field of fields) {
      const at = `${path}.${field.code}`;
      const value = raw[field.code];
      if (isAbsent(value)) {
        if (field.required) this.fail(at, 'required');
        continue;
      }
      const normalized = field.type === 'list' ? this.list(field, value, at) : this.leaf(field, value, at);
      if (normalized !== undefined) out[field.code] = normalized;
    }
    return out;
  }

  /**
   * Bounds that name another date field, checked on normalized values: `values` are this level's,
   * `outer` the enclosing levels' (innermost first). A field that already failed is not there.
   */
  bounds(
    fields: readonly FormField[],
    values: FieldValues,
    path: string,
    outer: readonly FieldValues[],
  ): void {
    const scopes = [values, ...outer];
    const lookup = (code: string) => {
      for (const scope of scopes) if (typeof scope[code] === 'string') return scope[code];
      return undefined;
    };
    for (const field of fields) {
      const value = values[field.code];
      if (value === undefined) continue;
      if (field.type === 'date' && typeof value === 'string') {
        for (const kind of ['min', 'max'] as const) {
          const bound = field[kind];
          if (bound?.from !== 'field') continue;
          const other = lookup(bound.field);
          if (typeof other !== 'string' || !isIsoDate(other)) continue;
          this.dateWithin(addDays(other, bound.days), value, kind, `${path}.${field.code}`);
        }
      }
      if (field.type === 'list' && Array.isArray(value))
        (value as readonly ListItem[]).forEach((item, i) =>
          this.bounds(field.fields, item, `${path}.${field.code}[${i}]`, scopes),
        );
    }
  }

  private fail(...args: Parameters<typeof fieldError>): undefined {
    this.errors.push(fieldError(...args));
    return undefined;
  }

  private list(field: ListField, value: unknown, path: string): ListItem[] | undefined {
    if (!Array.isArray(value)) return this.fail(path, 'invalid_type');
    const min = field.minItems ?? 1;
    if (value.length < min) return this.fail(path, 'too_few_items', { min });
    if (value.length > field.maxItems) return this.fail(path, 'too_many_items', { max: field.maxItems });
    const before = this.errors.length;
    const items = value.map((item: unknown, i) => {
      if (isObject(item)) return this.level(field.fields, item, `${path}[${i}]`) as ListItem;
      this.fail(`${path}[${i}]`, 'invalid_type');
      return {};
    });
    return this.errors.length === before ? items : undefined;
  }

  private leaf(field: LeafField, value: unknown, path: string): LeafValue | undefined {
    if (field.type === 'file') return this.files(field, value, path);
    if (field.type === 'amount') return this.amount(field, value, path);
    if (typeof value !== 'string') return this.fail(path, 'invalid_type');
    switch (field.type) {
      case 'text': {
        const text = value.normalize('NFC').trim();
        const length = [...text].length;
        if (field.minLength !== undefined && length < field.minLength)
          return this.fail(path, 'too_short', { min: field.minLength });
        if (length > field.maxLength) return this.fail(path, 'too_long', { max: field.maxLength });
        if (field.pattern !== undefined && !new RegExp(`^(?:${field.pattern})$`, 'u').test(text))
          return this.fail(path, 'pattern_mismatch');
        return text;
      }
      case 'date': {
        const date = value.trim();
        if (!isIsoDate(date)) return this.fail(path, 'invalid_date');
        for (const kind of ['min', 'max'] as const) {
          const limit = this.fixedBound(field[kind]);
          if (limit !== undefined && !this.dateWithin(limit, date, kind, path)) return undefined;
        }
        return date;
      }
      case 'choice': {
        const code = value.trim();
        const codes =
          field.source.kind === 'options'
            ? field.source.options.map((o) => o.code)
            : this.listCodes(field.source.list);
        return codes.includes(code) ? code : this.fail(path, 'unknown_option');
      }
      case 'country': {
        const code = value.trim().toUpperCase();
        if (!isCountryCode(code)) return this.fail(path, 'unknown_country');
        if (field.countries && !field.countries.includes(code)) return this.fail(path, 'unknown_option');
        return code;
      }
      case 'passport-number': {
        const number = normalizePassportNumber(value);
        return isPassportNumber(number) ? number : this.fail(path, 'invalid_passport_number');
      }
      case 'fin': {
        const fin = normalizeFin(value);
        return isFin(fin) ? fin : this.fail(path, 'invalid_fin');
      }
      case 'phone': {
        const phone = checkPhone(value);
        if (!phone.ok) return this.fail(path, 'invalid_phone');
        if (field.mobile && phone.mobile === false) return this.fail(path, 'not_mobile_phone');
        return phone.e164;
      }
      case 'email':
        return normalizeEmail(value) ?? this.fail(path, 'invalid_email');
    }
  }

  private listCodes(list: string): readonly string[] {
    const codes = this.lists[list];
    if (!codes) throw new Error(`The codes of reference list ${list} were not supplied`);
    return codes;
  }

  /** The date a `today` or fixed bound stands for; undefined for none or a field bound. */
  private fixedBound(bound: DateBound | undefined): string | undefined {
    if (bound?.from === 'today') return addDays(this.today, bound.days);
    if (bound?.from === 'date') return bound.date;
    return undefined;
  }

  private dateWithin(limit: string, date: string, kind: 'min' | 'max', path: string): boolean {
    if (kind === 'min' && date < limit) return this.fail(path, 'date_too_early', { min: limit }) ?? false;
    if (kind === 'max' && date > limit) return this.fail(path, 'date_too_late', { max: limit }) ?? false;
    return true;
  }

  private amount(field: AmountField, value: unknown, path: string): number | undefined {
    if (typeof value !== 'number') return this.fail(path, 'invalid_type');
    if (!Number.isSafeInteger(value) || value < 0) return this.fail(path, 'invalid_amount');
    if (field.min !== undefined && value < field.min)
      return this.fail(path, 'amount_too_small', { min: field.min });
    if (field.max !== undefined && value > field.max)
      return this.fail(path, 'amount_too_large', { max: field.max });
    return value;
  }

  private files(field: FileField, value: unknown, path: string): FileRef[] | undefined {
    if (!Array.isArray(value)) return this.fail(path, 'invalid_type');
    const min = field.minCount ?? 1;
    if (value.length < min) return this.fail(path, 'too_few_files', { min });
    if (value.length > field.maxCount) return this.fail(path, 'too_many_files', { max: field.maxCount });
    const before = this.errors.length;
    const refs = new Set<string>();
    const files: FileRef[] = [];
    value.forEach((entry: unknown, i) => {
      const at = `${path}[${i}]`;
      const file = asFileRef(entry);
      if (!file) return this.fail(at, 'invalid_type');
      const mediaType = file.mediaType.split(';')[0]!.trim().toLowerCase();
      if (!field.mediaTypes.includes(mediaType))
        return this.fail(at, 'file_type_not_allowed', { allowed: field.mediaTypes.join(', ') });
      if (file.bytes === 0) return this.fail(at, 'file_empty');
      if (file.bytes > field.maxBytes) return this.fail(at, 'file_too_large', { max: field.maxBytes });
      if (refs.has(file.ref)) return this.fail(at, 'duplicate_file');
      refs.add(file.ref);
      files.push({ ref: file.ref, name: file.name.normalize('NFC').trim(), mediaType, bytes: file.bytes });
      return undefined;
    });
    return this.errors.length === before ? files : undefined;
  }
}

function asFileRef(value: unknown): FileRef | undefined {
  if (!isObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.some((k) => k !== 'ref' && k !== 'name' && k !== 'mediaType' && k !== 'bytes')) return undefined;
  const { ref, name, mediaType, bytes } = value;
  if (typeof ref !== 'string' || ref.length === 0 || ref.length > 200) return undefined;
  if (typeof name !== 'string' || name.trim() === '' || name.length > 255) return undefined;
  if (typeof mediaType !== 'string' || mediaType.length > 200) return undefined;
  if (typeof bytes !== 'number' || !Number.isSafeInteger(bytes) || bytes < 0) return undefined;
  return { ref, name, mediaType, bytes };
}
