import { api } from '../../lib/api';
import type { PrintFile, SingleFile, SingleFileVerification } from '../../api/contract';

const singleFilePath = (id: string) => `/documents/${encodeURIComponent(id)}/single-file`;

/** The document's single electronic file (assembled on read while unsigned, frozen once signed). */
export function getSingleFile(documentId: string): Promise<SingleFile> {
  return api<SingleFile>(singleFilePath(documentId));
}

/** Assembles the single file again for the document version shown (refused once signed or changed since). */
export function rebuildSingleFile(documentId: string, version: number): Promise<SingleFile> {
  return api<SingleFile>(singleFilePath(documentId), { method: 'POST', body: { version } });
}

/** The single file as printed: page 1 stamped with the registration code and the copy marking. */
export function getPrintFile(documentId: string): Promise<PrintFile> {
  return api<PrintFile>(`${singleFilePath(documentId)}/print`);
}

/** Verifies the single file: every signature's integrity, chain, authority and byte ranges, and the requisites. */
export function verifySingleFile(documentId: string): Promise<SingleFileVerification> {
  return api<SingleFileVerification>(`${singleFilePath(documentId)}/verification`);
}
