import { z } from 'zod';
import {
  id,
  idParam,
  isoDate,
  listQuery,
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
