/**
 * An e-service as an agency defines it: what the citizen fills in, who may apply, the variants
 * (fee and service level), the route that decides and the document that comes out. This is the
 * content of one version; versions.ts keeps the versions and their states.
 *
 * The schema checks each part's shape and, in `superRefine`, that the parts fit together (a rule
 * names a field that exists and has the right type, a date bound names a date field the field can
 * see, the look-up field is a required passport number or FİN of each applicant, …), so a
 * definition that parses can be validated against and published without further checks.
 */
import * as z from 'zod';
import { isCountryCode } from './countries';
import { trilingual } from './messages';

/** A service's code: lower-case slug, e.g. `e-visa`, `social-assistance`. */
export const serviceCode = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);

/** A field's code: camelCase, used in the submitted JSON and in error paths (`applicants[0].passportNumber`). */
export const fieldCode = z.string().regex(/^[a-z][A-Za-z0-9]{0,39}$/);

/** Codes of options and variants: lower-case slug. */
export const optionCode = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);

export const countryCode = z.string().refine(isCountryCode, { message: 'Not an ISO 3166-1 alpha-3 code' });

export const currencyCode = z.string().regex(/^[A-Z]{3}$/);

/** 100 years of days either way: enough for a birth date bound, small enough to stay a real date. */
const DAY_SPAN = 36_600;

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
export const dateBound = z.discriminatedUnion('from', [
  z.object({ from: z.literal('today'), days: z.int().min(-DAY_SPAN).max(DAY_SPAN) }).strict(),
  z.object({ from: z.literal('field'), field: fieldCode, days: z.int().min(-DAY_SPAN).max(DAY_SPAN) }).strict(),
  z.object({ from: z.literal('date'), date: z.iso.date() }).strict(),
]);
export type DateBound = z.infer<typeof dateBound>;

const base = {
  code: fieldCode,
  label: trilingual(200),
  hint: trilingual(500).optional(),
  required: z.boolean(),
};

const MAX_FILE_BYTES = 100 * 1024 * 1024;

const textField = z
  .object({
    ...base,
    type: z.literal('text'),
    minLength: z.int().min(0).max(4000).optional(),
    maxLength: z.int().min(1).max(4000),
    /** A JavaScript regular expression (Unicode mode) the whole trimmed value must match. */
    pattern: z.string().min(1).max(300).optional(),
    multiline: z.boolean().optional(),
  })
  .strict();

const dateField = z
  .object({ ...base, type: z.literal('date'), min: dateBound.optional(), max: dateBound.optional() })
  .strict();

const choiceOption = z.object({ code: optionCode, label: trilingual(200) }).strict();

const choiceField = z
  .object({
    ...base,
    type: z.literal('choice'),
    source: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('options'), options: z.array(choiceOption).min(1).max(300) }).strict(),
      /** The codes of an agency's reference list; the caller supplies them when validating. */
      z.object({ kind: z.literal('reference-list'), list: z.string().min(1).max(64) }).strict(),
    ]),
  })
  .strict();

const countryField = z
  .object({
    ...base,
    type: z.literal('country'),
    /** Only these countries may be chosen (the rest of ISO 3166-1 otherwise). */
    countries: z.array(countryCode).min(1).optional(),
  })
  .strict();

const passportField = z.object({ ...base, type: z.literal('passport-number') }).strict();
const finField = z.object({ ...base, type: z.literal('fin') }).strict();
const phoneField = z
  .object({
    ...base,
    type: z.literal('phone'),
    /** An Azerbaijani number must then be a mobile one (for SMS); other countries' are taken as they are. */
    mobile: z.boolean().optional(),
  })
  .strict();
const emailField = z.object({ ...base, type: z.literal('email') }).strict();

/** Media type without parameters, e.g. `application/pdf`. */
const mediaType = z.string().regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/);

const fileField = z
  .object({
    ...base,
    type: z.literal('file'),
    mediaTypes: z.array(mediaType).min(1).max(20),
    maxBytes: z.int().min(1).max(MAX_FILE_BYTES),
    /** When any file is given (a required field needs at least one). Default 1. */
    minCount: z.int().min(1).max(50).optional(),
    maxCount: z.int().min(1).max(50),
  })
  .strict();

/** A sum of money in minor units (qəpik, cents) of one currency. */
const amountField = z
  .object({
    ...base,
    type: z.literal('amount'),
    currency: currencyCode,
    min: z.int().min(0).optional(),
    max: z.int().min(0).optional(),
  })
  .strict();

export const leafField = z.discriminatedUnion('type', [
  textField,
  dateField,
  choiceField,
  countryField,
  passportField,
  finField,
  phoneField,
  emailField,
  fileField,
  amountField,
]);
export type LeafField = z.infer<typeof leafField>;

/** A repeated group of fields, e.g. the members of a household: one object a row. */
const listField = z
  .object({
    ...base,
    type: z.literal('list'),
    fields: z.array(leafField).min(1).max(30),
    /** When any row is given (a required list needs at least one). Default 1. */
    minItems: z.int().min(1).max(100).optional(),
    maxItems: z.int().min(1).max(100),
  })
  .strict();

export const formField = z.discriminatedUnion('type', [...leafField.options, listField]);
export type FormField = z.infer<typeof formField>;
export type ListField = z.infer<typeof listField>;
export type FieldType = FormField['type'];

/**
 * Who may apply, checked on the values after the form itself is valid (and again by the automatic
 * checks before the decision). `message` replaces the standard one, e.g. to say where else to go.
 */
export const eligibilityRule = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('country-in'),
      field: fieldCode,
      countries: z.array(countryCode).min(1).max(300),
      message: trilingual(500).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('date-on-or-after'),
      /** e.g. the passport's expiry date … */
      field: fieldCode,
      /** … on or after the arrival date plus 89 days. */
      reference: z.object({ field: fieldCode, days: z.int().min(-DAY_SPAN).max(DAY_SPAN) }).strict(),
      message: trilingual(500).optional(),
    })
    .strict(),
]);
export type EligibilityRule = z.infer<typeof eligibilityRule>;

/**
 * How long the agency has, counted from the moment the application is complete (paid, or
 * confirmed when free): whole days or hours, and whether non-working days and holidays count.
 * `{ unit: 'days', days: 3, countNonWorkingDays: false }` is "3 working days".
 */
export const serviceLevel = z.discriminatedUnion('unit', [
  z.object({ unit: z.literal('days'), days: z.int().min(1).max(365), countNonWorkingDays: z.boolean() }).strict(),
  z.object({ unit: z.literal('hours'), hours: z.int().min(1).max(720), countNonWorkingDays: z.boolean() }).strict(),
]);
export type ServiceLevel = z.infer<typeof serviceLevel>;

export const variant = z
  .object({
    code: optionCode,
    name: trilingual(200),
    description: trilingual(1000).optional(),
    /** Per applicant: a group pays the sum in one payment. Zero for a free service. */
    fee: z.object({ amount: z.int().min(0).max(1_000_000_000), currency: currencyCode }).strict(),
    level: serviceLevel,
  })
  .strict();
export type Variant = z.infer<typeof variant>;

export const resultKinds = ['e-visa', 'decision-letter'] as const;
export type ResultKind = (typeof resultKinds)[number];

export const serviceDefinition = z
  .object({
    code: serviceCode,
    name: trilingual(200),
    description: trilingual(2000),
    form: z
      .object({
        /** Filled once an application: contact e-mail, phone, a group's shared data. */
        common: z.array(formField).max(50),
        /** Filled for each applicant (once unless the service takes groups). */
        applicant: z.array(formField).min(1).max(80),
      })
      .strict(),
    /** A group application: 2 to `maxApplicants` people, one contact e-mail, one payment. */
    group: z.object({ maxApplicants: z.int().min(2).max(50) }).strict().optional(),
    /** The common fields the agency writes to; an e-mail to confirm within a time limit. */
    contact: z
      .object({
        email: fieldCode.optional(),
        phone: fieldCode.optional(),
        confirmEmailWithinMinutes: z.int().min(5).max(1440).optional(),
      })
      .strict(),
    /** The applicant's field that is the second factor of a status look-up (with the application number). */
    lookup: z.object({ field: fieldCode }).strict(),
    eligibility: z.array(eligibilityRule).max(20),
    variants: z.array(variant).min(1).max(10),
    /** The approval route template (approval module) that decides an application. */
    route: z.object({ templateId: z.string().min(1).max(100) }).strict(),
    result: z.object({ kind: z.enum(resultKinds) }).strict(),
    /** How the applicant hears the decision. */
    decisionNotice: z
      .object({ channels: z.array(z.enum(['email', 'sms'])).min(1).max(2) })
      .strict(),
  })
  .strict()
  .superRefine((def, ctx) => {
    for (const problem of structureProblems(def)) ctx.addIssue({ code: 'custom', ...problem });
  });
export type ServiceDefinition = z.infer<typeof serviceDefinition>;

interface Problem {
  path: (string | number)[];
  message: string;
}

type Scope = 'common' | 'applicant';

/** The fields a rule or a bound can name, by code: common fields, then the applicant's over them. */
function visible(def: ServiceDefinition, scope: Scope): Map<string, { field: FormField; scope: Scope }> {
  const map = new Map<string, { field: FormField; scope: Scope }>();
  for (const field of def.form.common) map.set(field.code, { field, scope: 'common' });
  if (scope === 'applicant') for (const field of def.form.applicant) map.set(field.code, { field, scope: 'applicant' });
  return map;
}

function structureProblems(def: ServiceDefinition): Problem[] {
  const problems: Problem[] = [];
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
      if (target?.field.type !== 'country') add(['eligibility', i, 'field'], `${rule.field} is not a country field`);
    } else {
      if (target?.field.type !== 'date') add(['eligibility', i, 'field'], `${rule.field} is not a date field`);
      if (all.get(rule.reference.field)?.field.type !== 'date')
        add(['eligibility', i, 'reference', 'field'], `${rule.reference.field} is not a date field`);
    }
  });

  const lookup = def.form.applicant.find((f) => f.code === def.lookup.field);
  if (!lookup || (lookup.type !== 'passport-number' && lookup.type !== 'fin') || !lookup.required)
    add(['lookup', 'field'], 'The look-up field must be a required passport number or FİN field of the applicant');

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
  if (def.decisionNotice.channels.includes('sms') && !(phone?.type === 'phone' && phone.required && phone.mobile))
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
          new RegExp(field.pattern, 'u');
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
        if (new Set(codes).size !== codes.length) add([...path, 'source', 'options'], 'An option code is used twice');
      }
      return;
    case 'file':
      if ((field.minCount ?? 1) > field.maxCount) add([...path, 'minCount'], 'minCount is greater than maxCount');
      return;
    case 'amount':
      if (field.min !== undefined && field.max !== undefined && field.min > field.max)
        add([...path, 'min'], 'min is greater than max');
      return;
    case 'list':
      if ((field.minItems ?? 1) > field.maxItems) add([...path, 'minItems'], 'minItems is greater than maxItems');
      return;
    default:
      return;
  }
}
