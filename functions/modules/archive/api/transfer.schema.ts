import * as z from 'zod';
import { id, idParam, listQuery, localizedText, meta, pageOf } from '../../../platform/http/common.schema';

/** Transfer packages of permanent case files to the state archive (Decree 935 §153.7). */
const sha256 = z
  .string()
  .length(64)
  .regex(/^[0-9a-f]{64}$/);

export const transferParam = idParam;
export const transfersQuery = listQuery;

export const transferBody = z
  .object({
    nomenclatureId: id,
    year: z.int().min(2000).max(2100),
  })
  .strict();

export const archiveTransfer = z
  .object({
    ...meta,
    nomenclatureId: id,
    caseIndex: z.string().max(100),
    caseName: localizedText,
    year: z.int(),
    status: z.enum(['queued', 'building', 'ready', 'failed']),
    requestedBy: z.string().max(100),
    requestedAt: z.iso.datetime(),
    /** The bag's name: the tar's top directory, and the file is `<name>.tar`. */
    name: z.string().max(200),
    documents: z.int(),
    progress: z.object({ done: z.int(), total: z.int() }),
    startedAt: z.iso.datetime().optional(),
    finishedAt: z.iso.datetime().optional(),
    size: z.int().optional(),
    sha256: sha256.optional(),
    retainUntil: z.iso.datetime().optional(),
    failure: z
      .object({
        code: z.enum(['sha256_mismatch', 'object_missing', 'not_archived', 'build_failed']),
        detail: z.string().max(1000),
        documentId: id.optional(),
        key: z.string().max(1024).optional(),
      })
      .optional(),
  })
  .meta({ id: 'ArchiveTransfer' });
export const transfersPage = pageOf(archiveTransfer);

export const transferFile = z
  .object({
    name: z.string().max(250),
    sha256,
    size: z.int(),
    url: z.string().max(4000),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'ArchiveTransferFile' });
