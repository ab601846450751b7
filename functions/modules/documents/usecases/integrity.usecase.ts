import { createHash } from 'node:crypto';
import type { ArchivedObject, ContentItem, DocumentRecord } from '../domain/document';
import { ConflictError } from '../../../platform/kernel/errors';
import type { ObjectStore } from '../../../platform/ports/object-store.port';
import type { AdminAlerts } from '../ports';
import { retryOnStale, type DocumentDeps } from './common';

/**
 * Stored contents are checked whenever they are read: the object (the version recorded when the
 * upload was verified) must still be there with the recorded size and SHA-256. A file that is
 * missing or altered is never handed out as if whole: the card marks it, the operations log says
 * when it was found, the agency's admins are told, and the reader gets a 409 problem.
 */
export type IntegrityProblem = 'missing' | 'damaged';

export type IntegrityDeps = DocumentDeps & {
  readonly alerts?: AdminAlerts;
  readonly log?: { error(message: string, fields: Record<string, unknown>): void };
};

export const contentKey = (doc: DocumentRecord, contentId: string) =>
  `${doc.tenantId}/documents/${doc.id}/${contentId}`;

const sha256Base64OfHex = (hex: string) => Buffer.from(hex, 'hex').toString('base64');

function objects(deps: DocumentDeps): ObjectStore {
  if (!deps.objects) throw new Error('Object store not configured');
  return deps.objects;
}

/** What is wrong with the stored object of `item`, read through HEAD (S3's own checksum). */
export async function checkStoredContent(
  deps: DocumentDeps,
  doc: DocumentRecord,
  item: ContentItem,
): Promise<IntegrityProblem | undefined> {
  const head = await objects(deps).head({
    bucket: 'attachments',
    key: contentKey(doc, item.id),
    ...(item.versionId ? { versionId: item.versionId } : {}),
  });
  if (!head) return 'missing';
  if (head.size !== item.size || head.sha256Base64 !== sha256Base64OfHex(item.sha256)) return 'damaged';
  return undefined;
}

/** What is wrong with a file's copy in the archive bucket (HEAD: S3's own checksum of the version). */
export async function checkArchivedContent(
  deps: DocumentDeps,
  object: Pick<ArchivedObject, 'key' | 'versionId' | 'sha256' | 'size'>,
): Promise<IntegrityProblem | undefined> {
  const head = await objects(deps).head({
    bucket: 'archive',
    key: object.key,
    ...(object.versionId ? { versionId: object.versionId } : {}),
  });
  if (!head) return 'missing';
  if (head.size !== object.size || head.sha256Base64 !== sha256Base64OfHex(object.sha256)) return 'damaged';
  return undefined;
}

/**
 * Where a file is served from: the archive copy once the document is archived (checked with
 * `checkArchivedContent`), else the version stored in the attachments bucket.
 */
export function servedFrom(
  archived: Pick<ArchivedObject, 'key' | 'versionId'> | undefined,
  stored: { key: string; versionId?: string },
): { bucket: 'archive' | 'attachments'; key: string; versionId?: string } {
  const { key, versionId } = archived ?? stored;
  return { bucket: archived ? 'archive' : 'attachments', key, ...(versionId ? { versionId } : {}) };
}

/** What is wrong with bytes read for `item` (our own SHA-256 over what came back). */
export function checkBytes(item: ContentItem, bytes: Uint8Array | undefined): IntegrityProblem | undefined {
  if (!bytes) return 'missing';
  const hex = createHash('sha256').update(bytes).digest('hex');
  return bytes.byteLength !== item.size || hex !== item.sha256 ? 'damaged' : undefined;
}

/**
 * Records the problem on the document (once per problem and file) and tells the admins, then
 * throws the 409 the reader gets.
 */
export async function reportIntegrityProblem(
  deps: IntegrityDeps,
  doc: DocumentRecord,
  item: ContentItem,
  problem: IntegrityProblem,
): Promise<never> {
  const now = deps.clock.now().toISOString();
  const updated = await retryOnStale(5, async () => {
    const current = (await deps.documents.get(doc.tenantId, doc.id)) ?? doc;
    const found = current.contents.find((c) => c.id === item.id);
    if (!found || found.integrity?.problem === problem) return undefined;
    const flagged: ContentItem = { ...found, integrity: { problem, detectedAt: now } };
    const result = await deps.documents.commit({
      document: {
        ...current,
        contents: current.contents.map((c) => (c.id === item.id ? flagged : c)),
        updatedAt: now,
      },
      expectedVersion: current.version,
      operation: {
        actorId: 'system',
        action: 'integrity-alert',
        changes: [{ field: 'contents', after: { fileName: found.fileName, sha256: found.sha256, problem } }],
      },
    });
    return result.document;
  });
  deps.log?.error('content_integrity', {
    tenantId: doc.tenantId,
    documentId: doc.id,
    contentId: item.id,
    problem,
  });
  if (updated)
    await deps.alerts?.contentProblem({
      document: updated,
      fileName: item.fileName,
      problem,
      key: `integrity:${doc.id}:${item.id}:${problem}`,
    });
  throw new ConflictError(
    problem === 'missing' ? 'content_missing' : 'content_damaged',
    problem === 'missing' ? 'The stored file is missing' : 'The stored file does not match its SHA-256',
    { contentId: item.id },
  );
}
