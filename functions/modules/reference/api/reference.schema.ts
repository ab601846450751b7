import * as z from 'zod';
import {
  counterpartKinds,
  documentKinds,
  referenceLists,
  TREE_LIST_PAGE,
  regionKinds,
  ruleDocumentKinds,
  senderKinds,
  type ReferenceListName,
} from '../domain/lists';
import {
  email,
  id,
  listQuery,
  localizedText,
  meta,
  phone,
  text,
  versioned,
  voen,
} from '../../../platform/http/common.schema';

const common = {
  name: localizedText,
  code: z
    .string()
    .trim()
    .max(40)
    .regex(/^[\p{L}\p{N}._/-]{1,40}$/u)
    .optional(),
  parentId: id.optional(),
  active: z.boolean().default(true),
};

const simple = z.object(common).strict();

const inputs = {
  'document-types': simple,
  'delivery-forms': simple,
  'physical-forms': simple,
  classifications: simple,
  nomenclature: z
    .object({
      ...common,
      index: z
        .string()
        .trim()
        .max(20)
        .regex(/^[\p{L}\p{N}._/-]{1,20}$/u),
      retentionYears: z.int().min(1).max(100).nullable(),
      departmentId: id.optional(),
    })
    .strict(),
  journals: z
    .object({
      ...common,
      code: z
        .string()
        .trim()
        .max(40)
        .regex(/^[\p{L}\p{N}._/-]{1,40}$/u),
      pattern: text(60),
      documentKind: z.enum(documentKinds),
      departmentId: id.optional(),
      nomenclatureId: id.optional(),
      confidential: z.boolean().optional(),
    })
    .strict(),
  counterparts: z
    .object({
      ...common,
      kind: z.enum(counterpartKinds),
      voen: voen.optional().meta({ description: 'Taxpayer id; unique among the counterparts of the tenant' }),
      email: email.optional(),
      phone: phone.optional(),
      address: z
        .string()
        .trim()
        .max(300)
        .optional()
        .meta({ description: 'Legal address: street and building (the place is regionId)' }),
      regionId: id
        .optional()
        .meta({ description: 'The most precise item of the regions list: settlement, district or city' }),
      postalCode: z
        .string()
        .trim()
        .max(6)
        .regex(/^AZ\d{4}$/)
        .optional()
        .meta({ description: 'Azerbaijani postal code, e.g. AZ1000' }),
      parentBodyId: id.optional().meta({ description: 'The counterpart this body works under' }),
      receivesElectronically: z
        .boolean()
        .default(false)
        .meta({ description: 'Takes documents by e-mail (needs an e-mail address)' }),
    })
    .strict(),
  regions: z.object({ ...common, kind: z.enum(regionKinds) }).strict(),
  'journal-rules': z
    .object({
      ...common,
      journalId: id,
      documentKind: z.enum(ruleDocumentKinds),
      priority: z.int().min(1).max(999).default(100).meta({ description: 'Lower numbers are tried first' }),
      senderKind: z.enum(senderKinds).optional().meta({ description: 'Incoming documents only' }),
      documentTypeIds: z.array(id).max(50).default([]),
      classificationIds: z
        .array(id)
        .max(50)
        .default([])
        .meta({ description: 'A classification also matches the classifications under it' }),
      departmentIds: z.array(id).max(50).default([]),
      deliveryFormIds: z.array(id).max(50).default([]),
    })
    .strict(),
} satisfies Record<ReferenceListName, z.ZodObject>;

/** Each list's item as its request body is parsed (the list itself comes from the path). */
export type ReferenceInputOf = { [L in ReferenceListName]: z.output<(typeof inputs)[L]> };

export const referenceInputs = inputs;
export const referenceUpdates = Object.fromEntries(
  Object.entries(inputs).map(([list, schema]) => [list, schema.extend(versioned).strict()]),
) as unknown as { [L in ReferenceListName]: z.ZodType<ReferenceInputOf[L] & { version: number }> };

export const listParam = z.object({ list: z.enum(referenceLists) }).strict();
export const itemParam = z.object({ list: z.enum(referenceLists), id }).strict();
/** Up to FLAT_LIST_PAGE items a page, or TREE_LIST_PAGE for a tree list (classifications, regions). */
export const referenceListQuery = listQuery
  .extend({
    limit: z.coerce.number().int().min(1).max(TREE_LIST_PAGE).default(50),
    parentId: id.optional(),
  })
  .strict();

/** A counterpart a registry clerk adds while registering (the admins' list route takes the same body). */
export const counterpartInput = inputs.counterparts.meta({
  id: 'CounterpartInput',
  description: 'A new organization or state body of the counterparts list',
});

export const referenceItem = z
  .object({
    ...meta,
    list: z.enum(referenceLists),
    name: localizedText,
    code: z.string().max(40).optional(),
    parentId: id.optional(),
    active: z.boolean(),
    /** Counterparts: an agency on the platform (by its VÖEN), so it receives by edms there. */
    onPlatform: z.boolean().optional(),
  })
  .catchall(z.unknown())
  .meta({
    id: 'ReferenceItem',
    description: 'An item of a reference list; list-specific fields as in the request schemas',
  });
