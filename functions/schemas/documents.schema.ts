import { z } from 'zod';
import { documentKinds, executionCharacters, linkTypes, orderCategories } from '../domain/documents/document';
import { operations } from '../domain/documents/status';
import { email, id, isoDate, meta, phone, text, versioned, voen } from './common.schema';
import { documentRoute } from './route.schema';

const optionalText = (max: number) => z.string().trim().max(max).optional();
const fin = z
  .string()
  .trim()
  .toUpperCase()
  .length(7)
  .regex(/^[0-9A-Z]{7}$/);

export const kindParam = z.object({ kind: z.enum(documentKinds) }).strict();
export const documentIdParam = z.object({ id }).strict();
export const operationParam = z.object({ id, operation: z.enum(operations) }).strict();
export const contentParam = z.object({ id, contentId: id }).strict();

const organizationSender = z
  .object({
    kind: z.literal('organization'),
    counterpartId: id,
    contactPerson: optionalText(200),
  })
  .strict();
const citizenSender = z
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

export const groupUpdateResult = z
  .object({
    results: z
      .array(
        z.object({
          id,
          ok: z.boolean(),
          version: z.int().optional(),
          code: z.string().max(60).optional(),
          title: z.string().max(300).optional(),
        }),
      )
      .max(100),
  })
  .meta({ id: 'GroupUpdateResult' });

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

export const contentUrlQuery = z.object({ inline: z.enum(['true', 'false']).default('false') }).strict();

const registration = z.object({
  journalId: id,
  year: z.int(),
  seq: z.int(),
  number: z.string().max(100),
  at: z.iso.datetime(),
});

export const contentItem = z
  .object({
    id,
    fileName: z.string().max(255),
    contentType: z.string().max(200),
    size: z.int(),
    sha256: z.string().max(64),
    state: z.enum(['pending', 'stored']),
    /** The stored file was found missing or altered on a read: it is not handed out. */
    integrity: z.object({ problem: z.enum(['missing', 'damaged']), detectedAt: z.iso.datetime() }).optional(),
    addedAt: z.iso.datetime(),
    addedBy: z.string().max(100),
  })
  .meta({ id: 'ContentItem' });

const sender = z.union([
  z.object({
    kind: z.literal('organization'),
    counterpartId: id,
    name: z.string().max(500),
    voen: voen.optional(),
    contactPerson: z.string().max(200).optional(),
  }),
  citizenSender,
]);

export const document = z
  .object({
    ...meta,
    kind: z.enum(documentKinds),
    status: z.string().max(40),
    summary: z.string().max(2000),
    note: z.string().max(4000).optional(),
    documentTypeId: id.optional(),
    classificationId: id.optional(),
    nomenclatureId: id.optional(),
    deliveryFormId: id.optional(),
    addresseeId: id.optional(),
    controllerId: id.optional(),
    controlled: z.boolean(),
    dueDate: isoDate.optional(),
    documentDate: isoDate.optional(),
    documentNumber: z.string().max(60).optional(),
    authorId: z.string().max(100),
    departmentId: id.optional(),
    registration: registration.optional(),
    participants: z.array(z.string().max(100)).max(500),
    contents: z.array(contentItem).max(500),
    incoming: z
      .object({
        sender,
        routeTemplateId: id.optional(),
        physicalFormId: id.optional(),
        pageCount: z.int().optional(),
        distribution: z.array(id).max(100),
        repeatOf: id.optional(),
      })
      .optional(),
    outgoing: z
      .object({
        signatoryId: id,
        content: z.string().max(20000).optional(),
        recipients: z
          .array(
            z.object({
              counterpartId: id.optional(),
              name: z.string().max(500),
              email: email.optional(),
              contactPerson: z.string().max(200).optional(),
            }),
          )
          .max(50),
        inReplyTo: id.optional(),
        dispatches: z
          .array(
            z.object({
              id,
              at: z.iso.datetime(),
              by: z.string().max(100),
              deliveryFormId: id.optional(),
              channel: z.enum(['email', 'register']),
              recipients: z.array(z.string().max(500)).max(50),
              messageId: z.string().max(300).optional(),
              note: z.string().max(1000).optional(),
            }),
          )
          .max(100),
      })
      .optional(),
    internal: z
      .object({
        signatoryId: id.optional(),
        executionCharacter: z.enum(executionCharacters).optional(),
        answersId: id.optional(),
        extraInfo: z.string().max(4000).optional(),
        signedAt: z.iso.datetime().optional(),
        signedBy: z.string().max(100).optional(),
      })
      .optional(),
    order: z
      .object({
        category: z.enum(orderCategories),
        signatoryId: id.optional(),
        effectiveDate: isoDate.optional(),
        signedAt: z.iso.datetime().optional(),
        signedBy: z.string().max(100).optional(),
        cancelledAt: z.iso.datetime().optional(),
        cancelReason: z.string().max(2000).optional(),
      })
      .optional(),
    /** The document's approval route (the Viza tab's copy of its template), once it has one. */
    route: documentRoute.optional(),
    allowedOperations: z.array(z.enum(operations)).max(20).optional(),
  })
  .meta({ id: 'Document' });

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

export const operationEntry = z
  .object({
    id,
    documentId: id,
    at: z.iso.datetime(),
    actorId: z.string().max(100),
    onBehalfOf: z.string().max(100).optional(),
    action: z.string().max(40),
    changes: z
      .array(
        z.object({
          field: z.string().max(100),
          before: z.unknown().optional(),
          after: z.unknown().optional(),
        }),
      )
      .max(200),
    comment: z.string().max(2000).optional(),
  })
  .meta({ id: 'OperationEntry' });

export const operationsQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(100),
    cursor: z.string().max(2048).optional(),
  })
  .strict();

export const linkedDocument = z
  .object({
    type: z.enum(linkTypes),
    direction: z.enum(['out', 'in']),
    createdAt: z.iso.datetime(),
    createdBy: z.string().max(100),
    document: z.object({
      id,
      kind: z.enum(documentKinds),
      status: z.string().max(40),
      number: z.string().max(100).optional(),
      registeredAt: z.iso.datetime().optional(),
      summary: z.string().max(2000),
    }),
  })
  .meta({ id: 'LinkedDocument' });

export const linkList = z.object({ items: z.array(linkedDocument).max(1000) }).meta({ id: 'LinkList' });

export const uploadTicket = z
  .object({
    content: contentItem,
    upload: z.object({
      url: z.string().max(4000),
      method: z.literal('PUT'),
      /** Headers the PUT must carry exactly (they are part of the signature). */
      signedHeaders: z.record(z.string().max(100), z.string().max(1000)),
      expiresAt: z.iso.datetime(),
    }),
  })
  .meta({ id: 'UploadTicket' });

export const contentUrl = z
  .object({ url: z.string().max(4000), expiresAt: z.iso.datetime() })
  .meta({ id: 'ContentUrl' });

export const repeatQuery = z
  .object({
    sender: senderInput,
    documentNumber: optionalText(60),
    documentDate: isoDate.optional(),
    summary: z.string().trim().max(2000).default(''),
  })
  .strict()
  .meta({ id: 'RepeatQuery' });

export const repeatCandidates = z
  .object({
    windowDays: z.int(),
    items: z
      .array(
        z.object({
          document: linkedDocument.shape.document,
          reasons: z.array(z.enum(['same_fin', 'same_sender_number', 'similar_summary'])).max(3),
          score: z.number(),
        }),
      )
      .max(20),
  })
  .meta({ id: 'RepeatCandidates' });

const savedFilter = z.object({
  id,
  name: text(100),
  list: z.string().trim().min(1).max(40),
  query: z.record(z.string().max(40), z.string().max(300)),
});

export const savedFiltersInput = z
  .object({ version: z.int().min(0), items: z.array(savedFilter).max(50) })
  .strict()
  .meta({ id: 'SavedFiltersInput' });

export const savedFilters = z
  .object({ version: z.int().min(0), items: z.array(savedFilter).max(50) })
  .meta({ id: 'SavedFilters' });
