import { createHash } from 'node:crypto';
import type { Actor } from '../../../platform/kernel/aggregate';
import { ConflictError } from '../../../platform/kernel/errors';
import type { Tenant } from '../../org';
import { formatBakuDate, visibleDocument, type DocumentRecord } from '../../documents';
import type { CodeRequisites } from '../pdf/barcode';
import { stampFirstPage } from '../pdf/stamp';
import { fileNameOf, putOnce, readServedFile, type SingleFileDeps } from './single-file.usecase';

/** The name of the information system printed on a paper copy (§143.2). */
export const SYSTEM_NAME = 'Kargüzar';
const DOWNLOAD_SECONDS = 5 * 60;

export interface PrintFileView {
  /** SHA-256 of the file to print: the single file with the stamp revision appended. */
  sha256: string;
  /** SHA-256 of the single file it was stamped on: its bytes are the printed file's first bytes. */
  singleFileSha256: string;
  size: number;
  pageCount: number;
  requisites: CodeRequisites;
  copy: { words: string; createdAt: string; system: string };
  url: string;
  expiresAt: string;
}

function objects(deps: SingleFileDeps) {
  if (!deps.objects) throw new Error('Object store not configured');
  return deps.objects;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The four requisites of §146, from the agency's profile and the document's registration. */
async function requisitesOf(deps: SingleFileDeps, doc: DocumentRecord): Promise<CodeRequisites> {
  const reg = doc.registration;
  if (!reg) {
    throw new ConflictError('not_registered', 'The document has no registration number to print', {
      status: doc.status,
    });
  }
  const tenant = await deps.store.get<Tenant>('tenant', doc.tenantId, doc.tenantId);
  return {
    organization: tenant?.name.az ?? doc.tenantId,
    legalAddress: tenant?.legalAddress ?? '',
    registrationNumber: reg.number,
    registrationDate: formatBakuDate(reg.at),
  };
}

/**
 * The document's single file as it is printed (Decree 935 §146, §143): page 1 carries the
 * registration code and the copy marking, added as an incremental update on the single file so
 * that its signatures stay valid. The stamped file is stored content-addressed beside the single
 * file (the same file and requisites give the same bytes) and served by a short-lived link; each
 * print is recorded in the document's operations log (§152).
 */
export async function getPrintFile(deps: SingleFileDeps, actor: Actor, id: string): Promise<PrintFileView> {
  const doc = await visibleDocument(deps, actor, id);
  const requisites = await requisitesOf(deps, doc);
  // The newest signed revision is stamped: every signature made so far stays valid under the stamp.
  const { record, bytes: original } = await readServedFile(deps, actor, doc, 'single_file_damaged');
  const copy = { createdAt: formatBakuDate(doc.createdAt), system: SYSTEM_NAME };
  const stamped = await stampFirstPage(original, { requisites, copy });
  const printSha = sha256(stamped.bytes);
  const key = `${doc.tenantId}/documents/${doc.id}/single-file/print/${printSha}.pdf`;
  const versionId = await putOnce(deps, key, stamped.bytes);
  const now = deps.clock.now();
  await deps.documents.log(doc.tenantId, {
    documentId: doc.id,
    at: now.toISOString(),
    actorId: actor.employeeId,
    action: 'single-file-printed',
    changes: [
      {
        field: 'printFile',
        after: { sha256: printSha, singleFileSha256: record.sha256, pageCount: stamped.pageCount },
      },
    ],
  });
  const url = await objects(deps).presignDownload({
    bucket: 'attachments',
    key,
    ...(versionId ? { versionId } : {}),
    fileName: fileNameOf(doc).replace(/\.pdf$/, '-cap.pdf'),
    inline: false,
    expiresInSeconds: DOWNLOAD_SECONDS,
  });
  return {
    sha256: printSha,
    singleFileSha256: record.sha256,
    size: stamped.bytes.length,
    pageCount: stamped.pageCount,
    requisites,
    copy: { words: `Elektron sənədin surəti. ${stamped.pageCount} vərəq`, ...copy },
    url,
    expiresAt: new Date(now.getTime() + DOWNLOAD_SECONDS * 1000).toISOString(),
  };
}
