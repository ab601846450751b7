import * as z from 'zod';
import { documentKinds, executionCharacters, linkTypes, orderCategories } from '../domain/document';
import { operations } from '../domain/status';
import { deliveryStates } from '../domain/delivery';
import { email, id, isoDate, meta, voen } from '../../../platform/http/common.schema';
import { documentRoute } from './route-copy.schema';

import { citizenSender, savedFilter } from '../usecases/inputs';

// The request bodies and queries are declared with the use cases that read them.
export {
  contentInput,
  documentInputs,
  documentListQuery,
  documentUpdates,
  exportInput,
  groupArchiveInput,
  groupDocuments,
  groupUpdateInput,
  incomingInput,
  internalInput,
  linkInput,
  operationInput,
  orderInput,
  outgoingInput,
  repeatQuery,
  savedFiltersInput,
  sendInput,
  senderInput,
} from '../usecases/inputs';

export const kindParam = z.object({ kind: z.enum(documentKinds) }).strict();
export const documentIdParam = z.object({ id }).strict();
export const operationParam = z.object({ id, operation: z.enum(operations) }).strict();
export const contentParam = z.object({ id, contentId: id }).strict();

/** The workbook of an export (its bytes; the OpenAPI document describes it as binary). */
export const exportFile = z.string().meta({ id: 'ExportFile' });

/** Every group operation's answer: one result per document, a refusal with its localized reason. */
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

/** One object of a document's copy in the archive bucket. */
export const archivedObject = z.object({
  role: z.enum(['single-file', 'content', 'operations', 'manifest']),
  key: z.string().max(1024),
  versionId: z.string().max(1024).optional(),
  sha256: z
    .string()
    .length(64)
    .regex(/^[0-9a-f]{64}$/),
  size: z.int(),
  contentType: z.string().max(200),
  contentId: id.optional(),
  fileName: z.string().max(255).optional(),
});

/** The document's copy in the immutable archive: its objects, retention and legal hold. */
export const archiveState = z
  .object({
    archivedAt: z.iso.datetime(),
    nomenclatureId: id.optional(),
    retentionYears: z.int().nullable(),
    retainUntil: z.iso.datetime(),
    retainedThrough: isoDate,
    permanent: z.boolean(),
    legalHold: z.boolean(),
    objects: z.array(archivedObject).max(600),
    disposal: z
      .object({
        actId: id,
        actDocumentId: id,
        actNumber: z.string().max(100).optional(),
        at: z.iso.datetime(),
      })
      .optional(),
  })
  .meta({ id: 'ArchiveState' });

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
    confidential: z.boolean().optional(),
    accessList: z.array(id).max(100).optional(),
    contents: z.array(contentItem).max(500),
    archive: archiveState.optional(),
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
              channel: z.enum(['email', 'register', 'edms']),
              recipients: z.array(z.string().max(500)).max(50),
              messageId: z.string().max(300).optional(),
              note: z.string().max(1000).optional(),
            }),
          )
          .max(100),
        deliveries: z
          .array(
            z.object({
              id,
              dispatchId: id,
              recipientIndex: z.int().min(0),
              recipientTenantId: z.string().max(100),
              recipientName: z.string().max(500),
              state: z.enum(deliveryStates),
              receiptDueAt: z.iso.datetime().optional(),
              deliveredAt: z.iso.datetime().optional(),
              receivedAt: z.iso.datetime().optional(),
              registration: z
                .object({ number: z.string().max(100), date: isoDate, at: z.iso.datetime() })
                .optional(),
              refusal: z.object({ reason: z.string().max(2000), at: z.iso.datetime() }).optional(),
              noReceipt: z
                .object({ at: z.iso.datetime(), taskId: z.string().max(200).optional() })
                .optional(),
              evidence: z
                .object({
                  sentSha256: z.string().max(100),
                  receiptKey: z.string().max(1024).optional(),
                  receiptSha256: z.string().max(100).optional(),
                })
                .optional(),
            }),
          )
          .max(500)
          .optional(),
        receiptDays: z.int().min(1).max(60).optional(),
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

export const savedFilters = z
  .object({ version: z.int().min(0), items: z.array(savedFilter).max(50) })
  .meta({ id: 'SavedFilters' });
