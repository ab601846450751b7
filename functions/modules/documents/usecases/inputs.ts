import * as z from 'zod';
import { email, id, isoDate, phone, text, versioned } from '../../../platform/kernel/fields';
import { documentKinds, executionCharacters, linkTypes, orderCategories } from '../domain/document';

/**
 * What the documents' use cases take, as schemas: the API validates requests with them at the edge
 * (and documents them), and the use cases' input types are their outputs.
 */

const optionalText = (max: number) => z.string().trim().max(max).optional();
const fin = z
  .string()
  .trim()
  .toUpperCase()
  .length(7)
  .regex(/^[0-9A-Z]{7}$/);

const organizationSender = z
  .object({
    kind: z.literal('organization'),
    counterpartId: id,
    contactPerson: optionalText(200),
  })
  .strict();
export const citizenSender = z
  .object({
    kind: z.literal('citizen'),
    fin: fin.optional(),
    name: text(200),
    address: optionalText(500),
    phone: phone.optional(),
    email: email.optional(),
  })
  .strict();
export const senderInput = z
  .discriminatedUnion('kind', [organizationSender, citizenSender])
  .meta({ id: 'SenderInput' });

const common = {
  journalId: id.optional(),
  summary: text(2000),
  note: optionalText(4000),
  documentTypeId: id.optional(),
  classificationId: id.optional(),
  nomenclatureId: id.optional(),
  deliveryFormId: id.optional(),
  addresseeId: id.optional(),
  controllerId: id.optional(),
  controlled: z.boolean().default(false),
  dueDate: isoDate.optional(),
  documentDate: isoDate.optional(),
  /** A confidential document (Decree 179): seen only by its participants and `accessList`. */
  confidential: z.boolean().default(false),
  /** Employees named to see a confidential document (only with `confidential`). */
  accessList: z.array(id).max(100).default([]),
};

export const incomingInput = z
  .object({
    ...common,
    documentNumber: optionalText(60),
    sender: senderInput,
    routeTemplateId: id.optional(),
    physicalFormId: id.optional(),
    pageCount: z.int().min(1).max(100000).optional(),
    distribution: z.array(id).max(100).default([]),
    repeatOf: id.optional(),
    inReplyTo: id.optional(),
  })
  .strict()
  .meta({ id: 'IncomingInput' });

const recipientInput = z
  .object({
    counterpartId: id.optional(),
    name: optionalText(300),
    email: email.optional(),
    contactPerson: optionalText(200),
  })
  .strict()
  .refine((r) => r.counterpartId !== undefined || (r.name !== undefined && r.name.length > 0), {
    message: 'A recipient needs a counterpart or a name',
    path: ['name'],
  });

export const outgoingInput = z
  .object({
    ...common,
    signatoryId: id,
    content: optionalText(20000),
    recipients: z.array(recipientInput).min(1).max(50),
    inReplyTo: id.optional(),
    /** Working days the recipients have for the receipt notice (§150); absent: the agency's default. */
    receiptDays: z.int().min(1).max(60).optional(),
  })
  .strict()
  .meta({ id: 'OutgoingInput' });

export const internalInput = z
  .object({
    ...common,
    signatoryId: id.optional(),
    executionCharacter: z.enum(executionCharacters).optional(),
    answersId: id.optional(),
    extraInfo: optionalText(4000),
  })
  .strict()
  .meta({ id: 'InternalInput' });

export const orderInput = z
  .object({
    ...common,
    category: z.enum(orderCategories),
    signatoryId: id.optional(),
  })
  .strict()
  .meta({ id: 'OrderInput' });

export const documentInputs = {
  incoming: incomingInput,
  outgoing: outgoingInput,
  internal: internalInput,
  order: orderInput,
} as const;

/** An update replaces the editable fields; the links made at registration stay. */
export const documentUpdates = {
  incoming: incomingInput.omit({ journalId: true, repeatOf: true, inReplyTo: true }).extend(versioned),
  outgoing: outgoingInput.omit({ journalId: true, inReplyTo: true }).extend(versioned),
  internal: internalInput.omit({ journalId: true, answersId: true }).extend(versioned),
  order: orderInput.omit({ journalId: true }).extend(versioned),
} as const;

export const operationInput = z
  .object({
    ...versioned,
    comment: optionalText(2000),
    /** register: the journal (else chosen by kind, department or nomenclature) */
    journalId: id.optional(),
    /** enact: the date the order takes effect */
    effectiveDate: isoDate.optional(),
  })
  .strict()
  .meta({ id: 'OperationInput' });

export const sendInput = z
  .object({ ...versioned, note: optionalText(1000) })
  .strict()
  .meta({ id: 'SendInput' });

export const groupUpdateInput = z
  .object({
    kind: z.enum(documentKinds),
    ids: z.array(id).min(1).max(100),
    set: z
      .object({
        classificationId: id.optional(),
        nomenclatureId: id.optional(),
        controllerId: id.optional(),
        addresseeId: id.optional(),
      })
      .strict()
      .refine((s) => Object.keys(s).length > 0, { message: 'Nothing to change' }),
  })
  .strict()
  .meta({ id: 'GroupUpdateInput' });

/** The most documents one group request acts on (a larger selection goes in several requests). */
export const GROUP_LIMIT = 100;

/** The selected documents of a group operation, each with the version the caller saw (stale → refused). */
export const groupDocuments = z
  .array(z.object({ id, ...versioned }).strict())
  .min(1)
  .max(GROUP_LIMIT);

export const groupArchiveInput = z
  .object({
    documents: groupDocuments,
    /** The case file (nomenclature item) the documents are filed in. */
    nomenclatureId: id,
    comment: optionalText(2000),
  })
  .strict()
  .meta({ id: 'GroupArchiveInput' });

/** The most documents one export holds (the rows are written as they are read). */
export const EXPORT_LIMIT = 1000;

export const exportInput = z
  .object({ ids: z.array(id).min(1).max(EXPORT_LIMIT) })
  .strict()
  .meta({ id: 'ExportInput' });

export const linkInput = z
  .object({ otherId: id, type: z.enum(linkTypes) })
  .strict()
  .meta({ id: 'LinkInput' });

export const contentInput = z
  .object({
    fileName: text(255),
    contentType: z
      .string()
      .trim()
      .max(200)
      .regex(/^[\w.+-]+\/[\w.+-]+$/),
    size: z.int().min(1),
    /** SHA-256 of the bytes, hex (64 characters) */
    sha256: z
      .string()
      .length(64)
      .regex(/^[0-9a-f]{64}$/i),
  })
  .strict()
  .meta({ id: 'ContentInput' });

export const documentListQuery = z
  .object({
    kind: z.enum(documentKinds),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(2048).optional(),
    order: z.enum(['asc', 'desc']).default('desc'),
    /** Registration date in the filter-row syntax: dd.MM.yyyy, MM.yyyy, *.MM.yyyy, yyyy, or a range A-B */
    registered: z.string().trim().max(40).optional(),
    number: z.string().trim().max(100).optional(),
    documentNumber: z.string().trim().max(60).optional(),
    documentDate: z.string().trim().max(40).optional(),
    summary: z.string().trim().max(200).optional(),
    party: z.string().trim().max(200).optional(),
    /** Comma-separated statuses */
    status: z.string().trim().max(300).optional(),
    documentTypeId: id.optional(),
    classificationId: id.optional(),
    nomenclatureId: id.optional(),
    addresseeId: id.optional(),
    controllerId: id.optional(),
    signatoryId: id.optional(),
    authorId: id.optional(),
    category: z.enum(orderCategories).optional(),
    controlled: z.enum(['true', 'false']).optional(),
  })
  .strict();

export const repeatQuery = z
  .object({
    sender: senderInput,
    documentNumber: optionalText(60),
    documentDate: isoDate.optional(),
    summary: z.string().trim().max(2000).default(''),
  })
  .strict()
  .meta({ id: 'RepeatQuery' });

export const savedFilter = z.object({
  id,
  name: text(100),
  list: z.string().trim().min(1).max(40),
  query: z.record(z.string().max(40), z.string().max(300)),
});

export const savedFiltersInput = z
  .object({ version: z.int().min(0), items: z.array(savedFilter).max(50) })
  .strict()
  .meta({ id: 'SavedFiltersInput' });
