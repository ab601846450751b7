import { randomUUID } from 'node:crypto';
import type * as z from 'zod';
import type { Actor } from '../../../platform/kernel/aggregate';
import type { ContentItem, DocumentRecord } from '../domain/document';
import { transition } from '../domain/status';
import { BusinessRuleError, ConflictError, NotFoundError } from '../../../platform/kernel/errors';
import { sha256Hex } from '../../../platform/kernel/hashing';
import { putAttachmentOnce } from '../../../platform/ports/object-store.port';
import type { contentInput } from './inputs';
import {
  allow,
  noteRead,
  refuseDisposed,
  retryOnStale,
  hasRole,
  visibleDocument,
  type DocumentDeps,
} from './common';
import {
  checkArchivedContent,
  checkBytes,
  checkStoredContent,
  contentKey,
  reportIntegrityProblem,
  servedFrom,
  type IntegrityDeps,
} from './integrity.usecase';

/** Scans, office files, images, audio and video: up to 200 MB each, 100 files per document. */
export const MAX_CONTENT_BYTES = 200 * 1024 * 1024;
const MAX_CONTENTS = 100;
const UPLOAD_SECONDS = 15 * 60;
const DOWNLOAD_SECONDS = 5 * 60;

export type ContentInput = z.output<typeof contentInput>;

const keyOf = contentKey;

function objects(deps: DocumentDeps) {
  if (!deps.objects) throw new Error('Object store not configured');
  return deps.objects;
}

function mayAttach(actor: Actor, doc: DocumentRecord): boolean {
  return hasRole(actor, 'clerk') || doc.authorId === actor.employeeId;
}

/** Applies a change to the document's contents, retrying on a concurrent edit (adding files commutes). */
async function changeContents(
  deps: DocumentDeps,
  actor: Actor,
  id: string,
  action: string,
  change: (doc: DocumentRecord) => { contents: ContentItem[]; changed: ContentItem },
): Promise<{ doc: DocumentRecord; item: ContentItem }> {
  return retryOnStale(5, async () => {
    const current = await visibleDocument(deps, actor, id);
    transition(current.kind, current.status, 'attach');
    allow(mayAttach(actor, current), 'attach');
    const { contents, changed } = change(current);
    const next = { ...current, contents, updatedAt: deps.clock.now().toISOString() };
    const result = await deps.documents.commit({
      document: next,
      expectedVersion: current.version,
      operation: {
        actorId: actor.employeeId,
        action,
        changes: [
          {
            field: 'contents',
            after: { fileName: changed.fileName, size: changed.size, sha256: changed.sha256 },
          },
        ],
      },
    });
    return { doc: result.document, item: changed };
  });
}

/** Starts an upload: records the declared file and returns a presigned PUT bound to its size and SHA-256. */
export async function startUpload(deps: DocumentDeps, actor: Actor, id: string, input: ContentInput) {
  if (input.size > MAX_CONTENT_BYTES) {
    throw new BusinessRuleError('file_too_large', 'The file is too large', { max: MAX_CONTENT_BYTES }, [
      { path: 'size', code: 'file_too_large', params: { max: MAX_CONTENT_BYTES } },
    ]);
  }
  const now = deps.clock.now().toISOString();
  const item: ContentItem = {
    id: randomUUID(),
    fileName: input.fileName,
    contentType: input.contentType,
    size: input.size,
    sha256: input.sha256.toLowerCase(),
    state: 'pending',
    addedAt: now,
    addedBy: actor.employeeId,
  };
  const { doc } = await changeContents(deps, actor, id, 'attach-start', (current) => {
    if (current.contents.length >= MAX_CONTENTS) {
      throw new BusinessRuleError('too_many_files', 'Too many files', { max: MAX_CONTENTS });
    }
    return { contents: [...current.contents, item], changed: item };
  });
  const upload = await objects(deps).presignUpload({
    bucket: 'attachments',
    key: keyOf(doc, item.id),
    contentType: item.contentType,
    contentLength: item.size,
    sha256Base64: Buffer.from(item.sha256, 'hex').toString('base64'),
    expiresInSeconds: UPLOAD_SECONDS,
  });
  const { headers, ...rest } = upload;
  return { content: item, upload: { ...rest, signedHeaders: headers } };
}

/**
 * Completes an upload: the stored object must have the declared size and SHA-256 (S3 verified the
 * checksum on PUT; it is checked again here). A mismatch is refused and the file stays pending.
 */
export async function completeUpload(deps: DocumentDeps, actor: Actor, id: string, contentId: string) {
  const doc = await visibleDocument(deps, actor, id);
  const declared = doc.contents.find((c) => c.id === contentId);
  if (!declared) throw new NotFoundError('content not found');
  if (declared.state === 'stored') return declared;
  const head = await objects(deps).head({ bucket: 'attachments', key: keyOf(doc, contentId) });
  if (!head) {
    throw new BusinessRuleError('upload_missing', 'The file has not been uploaded', {}, [
      { path: 'contentId', code: 'upload_missing' },
    ]);
  }
  const expected = Buffer.from(declared.sha256, 'hex').toString('base64');
  if (head.size !== declared.size || head.sha256Base64 !== expected) {
    throw new BusinessRuleError(
      'checksum_mismatch',
      'The uploaded bytes do not match the declared SHA-256',
      {},
      [{ path: 'sha256', code: 'checksum_mismatch' }],
    );
  }
  const { item } = await changeContents(deps, actor, id, 'attach', (current) => {
    const found = current.contents.find((c) => c.id === contentId);
    if (!found) throw new NotFoundError('content not found');
    // Reads are pinned to the version verified here: later writes to the key cannot change them.
    const stored: ContentItem = {
      ...found,
      state: 'stored',
      ...(head.versionId ? { versionId: head.versionId } : {}),
    };
    return { contents: current.contents.map((c) => (c.id === contentId ? stored : c)), changed: stored };
  });
  return item;
}

/**
 * A short-lived link to read a stored file, inline (preview) or as a download: only after the
 * stored version was found whole (present, recorded size and SHA-256), and pinned to that version.
 */
export async function contentUrl(
  deps: IntegrityDeps,
  actor: Actor,
  id: string,
  contentId: string,
  inline: boolean,
) {
  const doc = await visibleDocument(deps, actor, id);
  const item = doc.contents.find((c) => c.id === contentId && c.state === 'stored');
  if (!item) throw new NotFoundError('content not found');
  refuseDisposed(doc);
  // An archived document's file is served from the archive (its copy there, checked the same way).
  const archived = doc.archive?.objects.find((o) => o.role === 'content' && o.contentId === contentId);
  const problem =
    item.integrity?.problem ??
    (archived ? await checkArchivedContent(deps, archived) : await checkStoredContent(deps, doc, item));
  if (problem) await reportIntegrityProblem(deps, doc, item, problem);
  await noteRead(deps, actor, doc, `${inline ? 'preview' : 'download'}: ${item.fileName}`);
  const url = await objects(deps).presignDownload({
    ...servedFrom(archived, {
      key: keyOf(doc, contentId),
      ...(item.versionId ? { versionId: item.versionId } : {}),
    }),
    fileName: item.fileName,
    inline,
    expiresInSeconds: DOWNLOAD_SECONDS,
  });
  return { url, expiresAt: new Date(deps.clock.now().getTime() + DOWNLOAD_SECONDS * 1000).toISOString() };
}

/**
 * The stored bytes of a document's files (for dispatch by e-mail), each checked against its
 * SHA-256: a missing or altered file stops the dispatch (reported), it is never sent as if whole.
 */
export async function readContents(deps: IntegrityDeps, doc: DocumentRecord) {
  const files = [];
  for (const item of doc.contents.filter((c) => c.state === 'stored')) {
    const body = item.integrity
      ? undefined
      : await objects(deps).get({
          bucket: 'attachments',
          key: keyOf(doc, item.id),
          ...(item.versionId ? { versionId: item.versionId } : {}),
        });
    const problem = item.integrity?.problem ?? checkBytes(item, body);
    if (problem) await reportIntegrityProblem(deps, doc, item, problem);
    files.push({ filename: item.fileName, contentType: item.contentType, content: body! });
  }
  return files;
}

/** A file kept elsewhere in the attachments bucket that becomes one of a document's contents. */
export interface StoredFile {
  /** The content's id: derived from the source, so a retry finds the content already there. */
  id: string;
  fileName: string;
  contentType: string;
  /** Its bytes, or undefined when the source is gone. */
  read: () => Promise<Uint8Array | undefined>;
  /** The problem's details when the source is gone. */
  missing: Record<string, string | number>;
}

/**
 * Files the system received (an exchange delivery, an e-service application's scans) become the
 * document's contents in one commit: each copied once under the document's content key; one whose
 * id is already among the contents (an earlier attempt) is left as it is.
 */
export async function addStoredContents(
  deps: Pick<DocumentDeps, 'documents' | 'objects' | 'clock'>,
  actor: Actor,
  doc: DocumentRecord,
  files: readonly StoredFile[],
  comment: string,
): Promise<DocumentRecord> {
  const fresh = files.filter((f) => !doc.contents.some((c) => c.id === f.id));
  if (fresh.length === 0) return doc;
  if (!deps.objects) throw new Error('Object store not configured');
  const now = deps.clock.now().toISOString();
  const contents: ContentItem[] = [];
  for (const file of fresh) {
    const bytes = await file.read();
    if (!bytes) throw new ConflictError('content_missing', 'A received file is missing', file.missing);
    const versionId = await putAttachmentOnce(
      deps.objects,
      contentKey(doc, file.id),
      bytes,
      file.contentType,
    );
    contents.push({
      id: file.id,
      fileName: file.fileName,
      contentType: file.contentType,
      size: bytes.length,
      sha256: sha256Hex(bytes),
      state: 'stored',
      ...(versionId ? { versionId } : {}),
      addedAt: now,
      addedBy: actor.employeeId,
    });
  }
  const next = { ...doc, contents: [...doc.contents, ...contents], updatedAt: now };
  const { document } = await deps.documents.commit({
    document: next,
    expectedVersion: doc.version,
    operation: {
      actorId: actor.employeeId,
      action: 'content-added',
      changes: contents.map((c) => ({
        field: 'contents',
        after: { fileName: c.fileName, sha256: c.sha256 },
      })),
      comment,
    },
  });
  return document;
}
