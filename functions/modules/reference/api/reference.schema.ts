import { z } from 'zod';
import { documentKinds, referenceLists, TREE_LIST_PAGE, type ReferenceListName } from '../domain/lists';
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
    })
    .strict(),
  counterparts: z
    .object({
      ...common,
      kind: z.enum(['state-body', 'organization']),
      voen: voen.optional(),
      email: email.optional(),
      phone: phone.optional(),
      address: z.string().trim().max(300).optional(),
    })
    .strict(),
  regions: z
    .object({ ...common, kind: z.enum(['city', 'district', 'autonomous-republic', 'settlement']) })
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

export const referenceItem = z
  .object({
    ...meta,
    list: z.enum(referenceLists),
    name: localizedText,
    code: z.string().max(40).optional(),
    parentId: id.optional(),
    active: z.boolean(),
  })
  .catchall(z.unknown())
  .meta({
    id: 'ReferenceItem',
    description: 'An item of a reference list; list-specific fields as in the request schemas',
  });
