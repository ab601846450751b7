/**
 * The zod schema of a service definition, for the edge (the admin API that saves drafts, the
 * import of a standard definition): each part's shape and limits here, then the domain's
 * `definitionProblems` for how the parts fit together. A definition that parses is a domain
 * `ServiceDefinition` (the annotation keeps the two in step).
 */
import * as z from 'zod';
import { isCountryCode } from '../domain/countries';
import {
  CURRENCY_CODE,
  DEFINITION_LIMITS,
  FIELD_CODE,
  MEDIA_TYPE,
  OPTION_CODE,
  SERVICE_CODE,
  definitionProblems,
  noticeChannels,
  resultKinds,
  type ServiceDefinition,
} from '../domain/definition';

const line = (max: number) => z.string().trim().min(1).max(max);

/** A text in az, en and ru, each required: visitors who read no Azerbaijani use these services. */
export const trilingual = (max = 200) => z.object({ az: line(max), en: line(max), ru: line(max) }).strict();

export const serviceCode = z.string().min(2).max(64).regex(SERVICE_CODE);
export const fieldCode = z.string().max(40).regex(FIELD_CODE);
export const optionCode = z.string().max(40).regex(OPTION_CODE);
export const countryCode = z
  .string()
  .length(3)
  .refine(isCountryCode, { message: 'Not an ISO 3166-1 alpha-3 code' });
export const currencyCode = z.string().length(3).regex(CURRENCY_CODE);

const days = z.int().min(-DEFINITION_LIMITS.daySpan).max(DEFINITION_LIMITS.daySpan);

export const dateBound = z.discriminatedUnion('from', [
  z.object({ from: z.literal('today'), days }).strict(),
  z.object({ from: z.literal('field'), field: fieldCode, days }).strict(),
  z.object({ from: z.literal('date'), date: z.iso.date() }).strict(),
]);

const base = {
  code: fieldCode,
  label: trilingual(200),
  hint: trilingual(500).optional(),
  required: z.boolean(),
};

const leafFields = [
  z
    .object({
      ...base,
      type: z.literal('text'),
      minLength: z.int().min(0).max(4000).optional(),
      maxLength: z.int().min(1).max(4000),
      pattern: z.string().min(1).max(300).optional(),
      multiline: z.boolean().optional(),
    })
    .strict(),
  z
    .object({ ...base, type: z.literal('date'), min: dateBound.optional(), max: dateBound.optional() })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal('choice'),
      source: z.discriminatedUnion('kind', [
        z
          .object({
            kind: z.literal('options'),
            options: z
              .array(z.object({ code: optionCode, label: trilingual(200) }).strict())
              .min(1)
              .max(300),
          })
          .strict(),
        z.object({ kind: z.literal('reference-list'), list: z.string().min(1).max(64) }).strict(),
      ]),
    })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal('country'),
      countries: z.array(countryCode).min(1).max(300).optional(),
    })
    .strict(),
  z.object({ ...base, type: z.literal('passport-number') }).strict(),
  z.object({ ...base, type: z.literal('fin') }).strict(),
  z.object({ ...base, type: z.literal('phone'), mobile: z.boolean().optional() }).strict(),
  z.object({ ...base, type: z.literal('email') }).strict(),
  z
    .object({
      ...base,
      type: z.literal('file'),
      mediaTypes: z.array(z.string().max(127).regex(MEDIA_TYPE)).min(1).max(20),
      maxBytes: z.int().min(1).max(DEFINITION_LIMITS.maxFileBytes),
      minCount: z.int().min(1).max(50).optional(),
      maxCount: z.int().min(1).max(50),
    })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal('amount'),
      currency: currencyCode,
      min: z.int().min(0).optional(),
      max: z.int().min(0).optional(),
    })
    .strict(),
] as const;

export const leafField = z.discriminatedUnion('type', leafFields);

export const formField = z.discriminatedUnion('type', [
  ...leafFields,
  z
    .object({
      ...base,
      type: z.literal('list'),
      fields: z.array(leafField).min(1).max(30),
      minItems: z.int().min(1).max(100).optional(),
      maxItems: z.int().min(1).max(100),
    })
    .strict(),
]);

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
      field: fieldCode,
      reference: z.object({ field: fieldCode, days }).strict(),
      message: trilingual(500).optional(),
    })
    .strict(),
]);

export const serviceLevel = z.discriminatedUnion('unit', [
  z
    .object({ unit: z.literal('days'), days: z.int().min(1).max(365), countNonWorkingDays: z.boolean() })
    .strict(),
  z
    .object({ unit: z.literal('hours'), hours: z.int().min(1).max(720), countNonWorkingDays: z.boolean() })
    .strict(),
]);

export const variant = z
  .object({
    code: optionCode,
    name: trilingual(200),
    description: trilingual(1000).optional(),
    fee: z.object({ amount: z.int().min(0).max(1_000_000_000), currency: currencyCode }).strict(),
    level: serviceLevel,
  })
  .strict();

export const serviceDefinition: z.ZodType<ServiceDefinition> = z
  .object({
    code: serviceCode,
    name: trilingual(200),
    description: trilingual(2000),
    form: z
      .object({
        common: z.array(formField).max(50),
        applicant: z.array(formField).min(1).max(80),
      })
      .strict(),
    group: z
      .object({ maxApplicants: z.int().min(2).max(DEFINITION_LIMITS.maxGroup) })
      .strict()
      .optional(),
    contact: z
      .object({
        email: fieldCode.optional(),
        phone: fieldCode.optional(),
        confirmEmailWithinMinutes: z.int().min(5).max(1440).optional(),
      })
      .strict(),
    lookup: z.object({ field: fieldCode }).strict(),
    eligibility: z.array(eligibilityRule).max(20),
    variants: z.array(variant).min(1).max(10),
    route: z.object({ templateId: z.string().min(1).max(100) }).strict(),
    result: z.object({ kind: z.enum(resultKinds) }).strict(),
    decisionNotice: z.object({ channels: z.array(z.enum(noticeChannels)).min(1).max(2) }).strict(),
    registration: z
      .object({
        classificationId: z.uuid().optional(),
        documentTypeId: z.uuid().optional(),
        journalId: z.uuid().optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((def, ctx) => {
    for (const problem of definitionProblems(def)) ctx.addIssue({ code: 'custom', ...problem });
  });
