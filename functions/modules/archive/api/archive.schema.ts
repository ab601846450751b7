import * as z from 'zod';
import {
  id,
  idParam,
  isoDate,
  listQuery,
  localizedText,
  meta,
  pageOf,
  versioned,
} from '../../../platform/http/common.schema';
import { archivedObject, groupUpdateResult } from '../../documents';

const sha256 = z
  .string()
  .length(64)
  .regex(/^[0-9a-f]{64}$/);
const day = isoDate;

export const documentParam = idParam;
export const contentParam = z.object({ id, contentId: id }).strict();

export const holdingsQuery = listQuery.extend({ nomenclatureId: id.optional() }).strict();
export const reportsQuery = listQuery;

/** One archived document on the archive page. */
export const holding = z
  .object({
    ...meta,
    documentId: id,
    kind: z.enum(['incoming', 'outgoing', 'internal', 'order']),
    number: z.string().max(100).optional(),
    summary: z.string().max(500),
    nomenclatureId: id.optional(),
    archivedAt: z.iso.datetime(),
    retainUntil: z.iso.datetime(),
    retainedThrough: day,
    retentionYears: z.int().nullable(),
    permanent: z.boolean(),
    legalHold: z.boolean(),
    objects: z.int(),
    disposedAt: z.iso.datetime().optional(),
    disposalActId: id.optional(),
  })
  .meta({ id: 'ArchiveHolding' });
export const holdingsPage = pageOf(holding);

/** Closing a case file of the nomenclature for a year archives its documents. */
export const closeCaseBody = z
  .object({
    nomenclatureId: id,
    year: z.int().min(2000).max(2100),
    comment: z.string().trim().min(1).max(1000).optional(),
  })
  .strict();

export const caseClosure = z
  .object({
    closure: z.object({
      ...meta,
      /** `<case file id>:<year>` */
      id: z.string().max(100),
      nomenclatureId: id,
      year: z.int(),
      closedAt: z.iso.datetime(),
      closedBy: z.string().max(100),
      archived: z.int(),
      comment: z.string().max(1000).optional(),
    }),
    results: groupUpdateResult.shape.results,
  })
  .meta({ id: 'CaseClosure' });

/** A legal hold set or released: the document version seen, and why. */
export const legalHoldBody = z
  .object({ ...versioned, on: z.boolean(), reason: z.string().trim().min(1).max(1000) })
  .strict();

export const archivedFile = z
  .object({
    role: archivedObject.shape.role,
    sha256,
    size: z.int(),
    url: z.string().max(4000),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'ArchivedFile' });

export const verification = z
  .object({
    documentId: id,
    valid: z.boolean(),
    chainValid: z.boolean(),
    entries: z
      .array(
        z.object({
          seq: z.int(),
          at: z.iso.datetime(),
          action: z.string().max(60),
          actorId: z.string().max(100),
          prevHash: sha256,
          hash: z.string().max(64),
          valid: z.boolean(),
          inclusion: z
            .object({
              day,
              root: sha256,
              size: z.int(),
              index: z.int(),
              proof: z.array(sha256).max(64),
              valid: z.boolean(),
            })
            .optional(),
        }),
      )
      .max(10000),
    objects: z
      .array(
        archivedObject
          .pick({ role: true, key: true, versionId: true, fileName: true, sha256: true })
          .extend({ actualSha256: sha256.nullable(), valid: z.boolean() }),
      )
      .max(600),
    archive: z
      .object({
        retainUntil: z.iso.datetime(),
        retainedThrough: day,
        legalHold: z.boolean(),
        permanent: z.boolean(),
      })
      .optional(),
  })
  .meta({ id: 'ArchiveVerification' });

export const integrityReport = z
  .object({
    ...meta,
    /** A requested check's id, or `nightly-<yyyy-MM-dd>` for the night's. */
    id: z.string().max(100),
    trigger: z.enum(['schedule', 'manual']),
    status: z.enum(['running', 'ok', 'mismatch']),
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().optional(),
    requestedBy: z.string().max(100).optional(),
    checkedObjects: z.int(),
    checkedEntries: z.int(),
    checkedDays: z.int(),
    mismatchCount: z.int(),
    mismatches: z
      .array(
        z.object({
          kind: z.enum(['object', 'retention', 'chain', 'root']),
          key: z.string().max(1024),
          documentId: id.optional(),
          detail: z.string().max(500),
        }),
      )
      .max(100),
  })
  .meta({ id: 'IntegrityReport' });
export const reportsPage = pageOf(integrityReport);

/** Drawing up a disposal act of what is due now (a note for the act's document, optional). */
export const disposalBody = z.object({ comment: z.string().trim().min(1).max(1000).optional() }).strict();

/** Cancelling an act not yet executed: the version seen, and why. */
export const disposalCancelBody = z
  .object({ ...versioned, reason: z.string().trim().min(1).max(1000) })
  .strict();

const disposalCase = z
  .object({
    nomenclatureId: id.optional(),
    index: z.string().max(50).optional(),
    name: localizedText.optional(),
    closedYear: z.int(),
    retentionYears: z.int(),
    retainedThrough: day,
    documents: z.int(),
  })
  .meta({ id: 'DisposalCase' });

/** What an act drawn up now would list (nothing written). */
export const disposalPreview = z
  .object({
    cutoff: z.iso.datetime(),
    cases: z.array(disposalCase).max(100),
    documents: z.int(),
    more: z.boolean(),
  })
  .meta({ id: 'DisposalPreview' });

/** A disposal act (Decree 935 §153.2) and what became of it. */
export const disposalAct = z
  .object({
    ...meta,
    status: z.enum(['drawn-up', 'approval', 'executing', 'executed', 'cancelled']),
    drawnUpBy: z.string().max(100),
    cutoff: z.iso.datetime(),
    cases: z.array(disposalCase).max(100),
    documentIds: z.array(id).max(1000),
    more: z.boolean(),
    listing: z.string().max(4000),
    documentId: id.optional(),
    number: z.string().max(100).optional(),
    progress: z.object({ done: z.int(), total: z.int() }).optional(),
    result: z
      .object({
        disposed: z.int(),
        skipped: z.array(z.object({ documentId: id, reason: z.string().max(100) })).max(1000),
        lockedCopies: z.int(),
        executedAt: z.iso.datetime(),
      })
      .optional(),
    cancelledAt: z.iso.datetime().optional(),
    cancelReason: z.string().max(1000).optional(),
  })
  .meta({ id: 'DisposalAct' });
export const disposalActsPage = pageOf(disposalAct);
export const disposalActsQuery = listQuery;
