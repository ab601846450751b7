import * as z from 'zod';
import { email, id, isoDate, meta, pageOf } from '../../../platform/http/common.schema';
import { quarantineReasons, receivedSources, receivedStates } from '../domain/received';

const instant = z.iso.datetime();

export const receivedListQuery = z
  .object({
    /** Absent: the items waiting for registration. */
    state: z.enum(receivedStates).default('waiting'),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(2048).optional(),
  })
  .strict();

export const receivedParam = z.object({ id }).strict();
export const receivedFileParam = z.object({ id, index: z.coerce.number().int().min(0).max(99) }).strict();

const signatureCheck = z.object({
  fieldName: z.string().max(200),
  signerName: z.string().max(300).optional(),
  positionTitle: z.string().max(500).optional(),
  right: z.string().max(40).optional(),
  signedAt: instant.optional(),
  integrity: z.boolean(),
  chain: z.boolean(),
  authority: z.boolean(),
  valid: z.boolean(),
});

export const receivedVerification = z
  .object({
    checkedAt: instant,
    valid: z.boolean(),
    signed: z.boolean(),
    problems: z.array(z.string().max(60)).max(50),
    signatures: z.array(signatureCheck).max(50),
  })
  .meta({ id: 'ReceivedVerification' });

export const receivedItem = z
  .object({
    ...meta,
    source: z.enum(receivedSources),
    state: z.enum(receivedStates),
    receivedAt: instant,
    sender: z.object({
      tenantId: z.string().max(100).optional(),
      organizationName: z.string().max(500),
      voen: z.string().max(20).optional(),
      email: z.string().max(254).optional(),
      address: z.string().max(500).optional(),
    }),
    requisites: z.object({
      number: z.string().max(100).optional(),
      date: isoDate.optional(),
      summary: z.string().max(2000),
    }),
    files: z
      .array(
        z.object({
          name: z.string().max(300),
          contentType: z.string().max(200),
          size: z.int().min(0),
          sha256: z.string().max(100),
          singleFile: z.boolean().optional(),
        }),
      )
      .max(100),
    verification: receivedVerification.optional(),
    quarantine: z
      .object({ reason: z.enum(quarantineReasons), detail: z.string().max(1000).optional() })
      .optional(),
    openedAt: instant.optional(),
    registration: z
      .object({
        documentId: id,
        number: z.string().max(100),
        date: isoDate,
        at: instant,
        by: z.string().max(100),
      })
      .optional(),
    refusal: z.object({ reason: z.string().max(2000), at: instant, by: z.string().max(100) }).optional(),
    receipt: z
      .object({ at: instant, sha256: z.string().max(100), messageId: z.string().max(300).optional() })
      .optional(),
  })
  .meta({ id: 'ReceivedItem' });

export const receivedPage = pageOf(receivedItem);

export const registerReceivedBody = z
  .object({
    version: z.int().positive(),
    /** Optional choices of the clerk; the journal rules pick the journal otherwise. */
    documentTypeId: id.optional(),
    classificationId: id.optional(),
    addresseeId: id.optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();

export const registeredReceived = z.object({ item: receivedItem, documentId: id });

export const refuseReceivedBody = z
  .object({ version: z.int().positive(), reason: z.string().trim().min(1).max(2000) })
  .strict();

export const receivedFileLink = z.object({ url: z.string().max(4096), expiresAt: instant });

export const exchangeSettings = z
  .object({
    version: z.int().min(0),
    /** Mail to this address becomes a received item of the agency. */
    intakeAddress: z.string().max(254),
    replyTo: email.optional(),
    receiptDays: z.int().min(1).max(60),
  })
  .meta({ id: 'ExchangeSettings' });

export const exchangeSettingsBody = z
  .object({
    version: z.int().min(0),
    replyTo: email.optional(),
    receiptDays: z.int().min(1).max(60),
  })
  .strict();

export const evidenceParam = z.object({ id }).strict();

const storedEvidence = z.object({
  sha256: z.string().max(100),
  /** The stored object matches the SHA-256 recorded when it was written. */
  intact: z.boolean(),
  /** The signed receipt notice as stored (JSON). */
  content: z.unknown().optional(),
});

export const exchangeEvidence = z
  .object({
    generatedAt: instant,
    side: z.enum(['sender', 'recipient']),
    document: z.object({
      id,
      kind: z.string().max(20),
      summary: z.string().max(2000),
      number: z.string().max(100).optional(),
      date: isoDate.optional(),
    }),
    deliveries: z
      .array(
        z.object({
          id,
          recipientName: z.string().max(500),
          recipientTenantId: z.string().max(100),
          state: z.string().max(20),
          deliveredAt: instant.optional(),
          receiptDueAt: instant.optional(),
          registration: z.object({ number: z.string().max(100), date: isoDate, at: instant }).optional(),
          refusal: z.object({ reason: z.string().max(2000), at: instant }).optional(),
          sentSha256: z.string().max(100).optional(),
          receipt: storedEvidence.optional(),
        }),
      )
      .max(500)
      .optional(),
    received: receivedItem.optional(),
    envelope: storedEvidence.optional(),
    receipt: storedEvidence.optional(),
  })
  .meta({ id: 'ExchangeEvidence' });
