/**
 * An e-service as an agency defines it: what the citizen fills in, who may apply, the variants
 * (fee and service level), the route that decides and the document that comes out. This is the
 * content of one version; versions.ts keeps the versions and their states.
 *
 * The types are plain (a domain takes no zod: docs/architecture.md); the zod schema that parses a
 * definition at the edge is api/definition.schema.ts, which checks each part's shape and then runs
 * `definitionProblems` here: that the parts fit together (a rule names a field that exists and
 * has the right type, a date bound names a date field the field can see, the look-up field is a
 * required passport number or FİN of each applicant, …). A definition that passes both can be
 * validated against and published without further checks.
 */
import type { Trilingual } from './messages';

/** A service's code: lower-case slug, e.g. `e-visa`, `social-assistance`; 2–64 characters. */
export const SERVICE_CODE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** A field's code: camelCase, used in the submitted JSON and in error paths (`applicants[0].passportNumber`). */
export const FIELD_CODE = /^[a-z][A-Za-z0-9]{0,39}$/;
/** Codes of options and variants: lower-case slug. */
export const OPTION_CODE = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** A media type without parameters, e.g. `application/pdf`. */
export const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;
export const CURRENCY_CODE = /^[A-Z]{3}$/;

/** Limits of a definition (the schema enforces them). */
export const DEFINITION_LIMITS = {
  /** 100 years of days either way: enough for a birth date bound, small enough to stay a real date. */
  daySpan: 36_600,
  maxFileBytes: 100 * 1024 * 1024,
  maxGroup: 50,
} as const;

/**
 * A bound of a date field, in days from a point:
 * - `today`: the Baku date the application is validated on (`{ from: 'today', days: 0 }` as the
 *   minimum is "not in the past"; as the maximum of a birth date, "not in the future");
 * - `field`: another date field's value ("at least 3 days after the arrival date" is
 *   `{ from: 'field', field: 'arrivalDate', days: 3 }` as the minimum); skipped while that field
 *   is empty or wrong (it has its own error then);
 * - `date`: a fixed date.
 * Bounds are inclusive.
 */
export type DateBound =
  | { readonly from: 'today'; readonly days: number }
  | { readonly from: 'field'; readonly field: string; readonly days: number }
  | { readonly from: 'date'; readonly date: string };

interface FieldBase {
  readonly code: string;
  readonly label: Trilingual;
  readonly hint?: Trilingual;
  readonly required: boolean;
}

export interface TextField extends FieldBase {
  readonly type: 'text';
  readonly minLength?: number;
  readonly maxLength: number;
  /** A JavaScript regular expression (Unicode mode) the whole trimmed value must match. */
  readonly pattern?: string;
  readonly multiline?: boolean;
}

export interface DateField extends FieldBase {
  readonly type: 'date';
  readonly min?: DateBound;
  readonly max?: DateBound;
}

export interface ChoiceOption {
  readonly code: string;
  readonly label: Trilingual;
}

export interface ChoiceField extends FieldBase {
  readonly type: 'choice';
  readonly source:
    | { readonly kind: 'options'; readonly options: readonly ChoiceOption[] }
    /** The codes of an agency's reference list; the caller supplies them when validating. */
    | { readonly kind: 'reference-list'; readonly list: string };
}

export interface CountryField extends FieldBase {
  readonly type: 'country';
  /** Only these ISO 3166-1 alpha-3 codes may be chosen (any otherwise). */
  readonly countries?: readonly string[];
}

export interface PassportNumberField extends FieldBase {
  readonly type: 'passport-number';
}

export interface FinField extends FieldBase {
  readonly type: 'fin';
}

export interface PhoneField extends FieldBase {
  readonly type: 'phone';
  /** An Azerbaijani number must then be a mobile one (for SMS); other countries' are taken as they are. */
  readonly mobile?: boolean;
}

export interface EmailField extends FieldBase {
  readonly type: 'email';
}

export interface FileField extends FieldBase {
  readonly type: 'file';
  readonly mediaTypes: readonly string[];
  readonly maxBytes: number;
  /** When any file is given (a required field needs at least one). Default 1. */
  readonly minCount?: number;
  readonly maxCount: number;
}

/** A sum of money in minor units (qəpik, cents) of one currency. */
export interface AmountField extends FieldBase {
  readonly type: 'amount';
  readonly currency: string;
  readonly min?: number;
  readonly max?: number;
}

export type LeafField =
  | TextField
  | DateField
  | ChoiceField
  | CountryField
  | PassportNumberField
  | FinField
  | PhoneField
  | EmailField
  | FileField
  | AmountField;

/** A repeated group of fields, e.g. the members of a household: one object a row. */
export interface ListField extends FieldBase {
  readonly type: 'list';
  readonly fields: readonly LeafField[];
  /** When any row is given (a required list needs at least one). Default 1. */
  readonly minItems?: number;
  readonly maxItems: number;
}

export type FormField = LeafField | ListField;
export type FieldType = FormField['type'];

/**
 * Who may apply, checked on the values after the form itself is valid (and again by the automatic
 * checks before the decision). `message` replaces the standard one, e.g. to say where else to go.
 */
export type EligibilityRule =
  | {
      readonly kind: 'country-in';
      readonly field: string;
      readonly countries: readonly string[];
      readonly message?: Trilingual;
    }
  | {
      readonly kind: 'date-on-or-after';
      /** e.g. the passport's expiry date … */
      readonly field: string;
      /** … on or after the arrival date plus 89 days. */
      readonly reference: { readonly field: string; readonly days: number };
      readonly message?: Trilingual;
    };

/**
 * How long the agency has, counted from the moment the application is complete (paid, or
 * confirmed when free): whole days or hours, and whether non-working days and holidays count.
 * `{ unit: 'days', days: 3, countNonWorkingDays: false }` is "3 working days".
 */
export type ServiceLevel =
  | { readonly unit: 'days'; readonly days: number; readonly countNonWorkingDays: boolean }
  | { readonly unit: 'hours'; readonly hours: number; readonly countNonWorkingDays: boolean };

export interface Fee {
  /** Minor units (qəpik, cents): 2000 USD cents is 20 USD. Zero for a free service. */
  readonly amount: number;
  /** ISO 4217 */
  readonly currency: string;
}

export interface Variant {
  readonly code: string;
  readonly name: Trilingual;
  readonly description?: Trilingual;
  /** Per applicant: a group pays the sum in one payment. */
  readonly fee: Fee;
  readonly level: ServiceLevel;
}

export const resultKinds = ['e-visa', 'decision-letter'] as const;
export type ResultKind = (typeof resultKinds)[number];

export const noticeChannels = ['email', 'sms'] as const;
export type NoticeChannel = (typeof noticeChannels)[number];

export interface ServiceDefinition {
  readonly code: string;
  readonly name: Trilingual;
  readonly description: Trilingual;
  readonly form: {
    /** Filled once an application: contact e-mail, phone, a group's shared data. */
    readonly common: readonly FormField[];
    /** Filled for each applicant (once unless the service takes groups). */
    readonly applicant: readonly FormField[];
  };
  /** A group application: 2 to `maxApplicants` people, one contact e-mail, one payment. */
  readonly group?: { readonly maxApplicants: number };
  /** The common fields the agency writes to; an e-mail to confirm within a time limit. */
  readonly contact: {
    readonly email?: string;
    readonly phone?: string;
    readonly confirmEmailWithinMinutes?: number;
  };
  /** The applicant's field that is the second factor of a status look-up (with the application number). */
  readonly lookup: { readonly field: string };
  readonly eligibility: readonly EligibilityRule[];
  readonly variants: readonly Variant[];
  /** The approval route template (approval module) that decides an application. */
  readonly route: { readonly templateId: string };
  readonly result: { readonly kind: ResultKind };
  /** How the applicant hears the decision. */
  readonly decisionNotice: { readonly channels: readonly NoticeChannel[] };
  /**
   * How an application is registered as an incoming document (optional): the agency's
   * classification, document type and journal; absent, the agency's journal rules choose.
   */
  readonly registration?: {
    readonly classificationId?: string;
    readonly documentTypeId?: string;
    readonly journalId?: string;
  };
}

/** Something in a definition whose parts do not fit together, on its path in the definition. */
export interface DefinitionProblem {
  readonly path: (string | number)[];
  readonly message: string;
}

type Scope = 'common' | 'applicant';

/** The fields a rule or a bound can name, by code: common fields, then the applicant's over them. */
function visible(def: ServiceDefinition, scope: Scope): Map<string, { field: FormField; scope: Scope }> {
  const map = new Map<string, { field: FormField; scope: Scope }>();
  for (const field of def.form.common) map.set(field.code, { field, scope: 'common' });
  if (scope === 'applicant')
    for (const field of def.form.applicant) map.set(field.code, { field, scope: 'applicant' });
  return map;
}

/** What does not fit together in a definition whose parts each have the right shape; empty when all is well. */
export function definitionProblems(def: ServiceDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const add = (path: (string | number)[], message: string) => problems.push({ path, message });

  // One namespace for common and applicant fields, so a name always means one field.
  const seen = new Set<string>();
  for (const scope of ['common', 'applicant'] as const)
    def.form[scope].forEach((field, i) => {
      if (seen.has(field.code)) add(['form', scope, i, 'code'], `Field code ${field.code} is used twice`);
      seen.add(field.code);
    });

  const outer = { common: visible(def, 'common'), applicant: visible(def, 'applicant') };
  for (const scope of ['common', 'applicant'] as const)
    def.form[scope].forEach((field, i) => {
      const path = ['form', scope, i];
      fieldProblems(field, path, outer[scope], add);
      if (field.type === 'list') {
        const inner = new Map(outer[scope]);
        const own = new Set<string>();
        field.fields.forEach((sub, j) => {
          if (own.has(sub.code)) add([...path, 'fields', j, 'code'], `Field code ${sub.code} is used twice`);
          own.add(sub.code);
          inner.set(sub.code, { field: sub, scope });
        });
        field.fields.forEach((sub, j) => fieldProblems(sub, [...path, 'fields', j], inner, add));
      }
    });

  const all = outer.applicant;
  def.eligibility.forEach((rule, i) => {
    const target = all.get(rule.field);
    if (rule.kind === 'country-in') {
      if (target?.field.type !== 'country')
        add(['eligibility', i, 'field'], `${rule.field} is not a country field`);
    } else {
      if (target?.field.type !== 'date')
        add(['eligibility', i, 'field'], `${rule.field} is not a date field`);
      if (all.get(rule.reference.field)?.field.type !== 'date')
        add(['eligibility', i, 'reference', 'field'], `${rule.reference.field} is not a date field`);
    }
  });

  const lookup = def.form.applicant.find((f) => f.code === def.lookup.field);
  if (!lookup || (lookup.type !== 'passport-number' && lookup.type !== 'fin') || !lookup.required)
    add(
      ['lookup', 'field'],
      'The look-up field must be a required passport number or FİN field of the applicant',
    );

  const common = (code: string | undefined) => def.form.common.find((f) => f.code === code);
  const email = common(def.contact.email);
  if (def.contact.email !== undefined && email?.type !== 'email')
    add(['contact', 'email'], 'The contact e-mail must be an e-mail field of the common part');
  const phone = common(def.contact.phone);
  if (def.contact.phone !== undefined && phone?.type !== 'phone')
    add(['contact', 'phone'], 'The contact phone must be a phone field of the common part');
  if (def.contact.confirmEmailWithinMinutes !== undefined && !email?.required)
    add(['contact', 'confirmEmailWithinMinutes'], 'An e-mail to confirm must be a required field');
  if (def.group && !email?.required)
    add(['group'], 'A group application needs a required contact e-mail (one for the whole group)');
  if (
    def.decisionNotice.channels.includes('sms') &&
    !(phone?.type === 'phone' && phone.required && phone.mobile)
  )
    add(['decisionNotice', 'channels'], 'An SMS decision needs a required mobile contact phone');
  if (def.decisionNotice.channels.includes('email') && email === undefined)
    add(['decisionNotice', 'channels'], 'An e-mail decision needs a contact e-mail');
  if (new Set(def.decisionNotice.channels).size !== def.decisionNotice.channels.length)
    add(['decisionNotice', 'channels'], 'A channel is listed twice');

  const variants = new Set<string>();
  def.variants.forEach((v, i) => {
    if (variants.has(v.code)) add(['variants', i, 'code'], `Variant code ${v.code} is used twice`);
    variants.add(v.code);
  });
  return problems;
}

function fieldProblems(
  field: FormField,
  path: (string | number)[],
  names: Map<string, { field: FormField }>,
  add: (path: (string | number)[], message: string) => void,
): void {
  switch (field.type) {
    case 'text':
      if (field.minLength !== undefined && field.minLength > field.maxLength)
        add([...path, 'minLength'], 'minLength is greater than maxLength');
      if (field.pattern !== undefined) {
        try {
          new RegExp(`^(?:${field.pattern})$`, 'u'); // as validateApplication uses it
        } catch {
          add([...path, 'pattern'], 'Not a valid regular expression');
        }
      }
      return;
    case 'date':
      for (const key of ['min', 'max'] as const) {
        const bound = field[key];
        if (bound?.from !== 'field') continue;
        if (bound.field === field.code) add([...path, key, 'field'], 'A date cannot be bounded by itself');
        else if (names.get(bound.field)?.field.type !== 'date')
          add([...path, key, 'field'], `${bound.field} is not a date field this field can see`);
      }
      if (field.min?.from === 'date' && field.max?.from === 'date' && field.min.date > field.max.date)
        add([...path, 'min'], 'min is after max');
      return;
    case 'choice':
      if (field.source.kind === 'options') {
        const codes = field.source.options.map((o) => o.code);
        if (new Set(codes).size !== codes.length)
          add([...path, 'source', 'options'], 'An option code is used twice');
      }
      return;
    case 'file':
      if ((field.minCount ?? 1) > field.maxCount)
        add([...path, 'minCount'], 'minCount is greater than maxCount');
      return;
    case 'amount':
      if (field.min !== undefined && field.max !== undefined && field.min > field.max)
        add([...path, 'min'], 'min is greater than max');
      return;
    case 'list':
      if ((field.minItems ?? 1) > field.maxItems)
        add([...path, 'minItems'], 'minItems is greater than maxItems');
      return;
    default:
      return;
  }
}
