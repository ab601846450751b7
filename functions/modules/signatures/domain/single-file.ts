import type { AggregateMeta } from '../../../platform/kernel/aggregate';
import type { ContentItem, DocumentRecord } from '../../documents';

/**
 * The single electronic file of a document (Decree 935 §142.6, §142.7): one PDF with the document's
 * requisites and text first, its PDF attachments' pages in order, its scans (JPEG, PNG, TIFF) as
 * pages, and every other file embedded as an associated file that comes back byte for byte.
 */

/** How one stored file enters the single file. */
export type PartKind = 'pdf' | 'jpeg' | 'png' | 'tiff' | 'embedded';

/** What became of one of the document's files in the single file. */
export interface SingleFilePart {
  contentId: string;
  fileName: string;
  contentType: string;
  sha256: string;
  /** 'embedded' also for a PDF or image that could not be read as one (it is kept whole). */
  kind: PartKind;
  /** Pages it gave (0 when embedded). */
  pages: number;
}

export interface SingleFileData {
  documentId: string;
  /** SHA-256 (hex) of the assembled PDF. */
  sha256: string;
  size: number;
  pageCount: number;
  /** Pages of the requisites and text at the front. */
  textPages: number;
  /** Object key in the attachments bucket and the version written. */
  key: string;
  versionId?: string;
  /** Fingerprint of what the file was built from (requisites, text, files): a change makes it stale. */
  inputs: string;
  parts: SingleFilePart[];
  builtAt: string;
  builtBy: string;
  /** Set once the document carries its first signature: the file is never rebuilt after it. */
  frozenAt?: string;
}

export type SingleFileRecord = AggregateMeta & SingleFileData;

/** The aggregate type of the per-document record in the store (its id is the document's id). */
export const SINGLE_FILE = 'single-file' as const;

const byExtension: Record<string, PartKind> = {
  pdf: 'pdf',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  png: 'png',
  tif: 'tiff',
  tiff: 'tiff',
};

const byType: Record<string, PartKind> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpeg',
  'image/jpg': 'jpeg',
  'image/png': 'png',
  'image/tiff': 'tiff',
};

/**
 * How a file enters the single file, by its declared type (or, for a generic type, its extension).
 * The bytes decide in the end: a file whose bytes are not what it claims is embedded whole.
 */
export function partKindOf(contentType: string, fileName: string): PartKind {
  const type = contentType.toLowerCase().split(';')[0]!.trim();
  const known = byType[type];
  if (known) return known;
  if (type !== 'application/octet-stream' && type !== '') return 'embedded';
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  return byExtension[ext] ?? 'embedded';
}

/** Whether the bytes begin as the kind says (magic numbers); otherwise the file is embedded whole. */
export function bytesMatch(kind: PartKind, bytes: Uint8Array): boolean {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  switch (kind) {
    case 'pdf':
      return starts(0x25, 0x50, 0x44, 0x46, 0x2d);
    case 'jpeg':
      return starts(0xff, 0xd8, 0xff);
    case 'png':
      return starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
    case 'tiff':
      return starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a);
    case 'embedded':
      return true;
  }
}

export interface Signature {
  at: string;
  by: string;
}

/**
 * The document's first signature, if any: the signing of an internal document or an order (the
 * `sign` operation), or the first signing step of its approval route. The single file is frozen
 * from then on (§142.7: the signed file is the document).
 */
export function firstSignature(doc: DocumentRecord): Signature | undefined {
  const found: Signature[] = [];
  // An electronic signature of any right (an endorsement too) freezes the file it was made on.
  const first = doc.signatures?.[0];
  if (first) found.push({ at: first.at, by: first.signerId });
  const own = doc.internal?.signedAt ? doc.internal : doc.order?.signedAt ? doc.order : undefined;
  if (own?.signedAt && own.signedBy) found.push({ at: own.signedAt, by: own.signedBy });
  for (const step of doc.route?.steps ?? []) {
    if (step.kind !== 'signing') continue;
    for (const a of step.assignees) {
      if (a.status === 'signed' && a.decidedAt)
        found.push({ at: a.decidedAt, by: a.decidedBy ?? a.employeeId });
    }
  }
  return found.sort((a, b) => a.at.localeCompare(b.at))[0];
}

/**
 * The files that go into the single file: the stored ones, in the order they were added; once the
 * document is signed, only those added before the signature (a file attached to a signed order
 * later is not part of what was signed).
 */
export function filesOf(doc: DocumentRecord, signedAt?: string): ContentItem[] {
  return doc.contents.filter((c) => c.state === 'stored' && (!signedAt || c.addedAt <= signedAt));
}

/** The rule: a file is frozen once the document is signed, and stale when its inputs changed. */
export function mayRebuild(doc: DocumentRecord, record: SingleFileRecord | undefined): boolean {
  return !record?.frozenAt && !firstSignature(doc);
}
