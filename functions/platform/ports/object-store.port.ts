/**
 * Binary content (S3). Keys are always prefixed by the tenant id by the caller. Both buckets keep
 * versions under Object Lock: a version never changes, so a read pinned to a version id gets the
 * bytes that were stored, whatever was written to the key since.
 */
import type { Readable } from 'node:stream';
import { ConflictError } from '../kernel/errors';

/**
 * The buckets: document contents, the archive, and the raw e-mail that arrived at the agencies'
 * intake addresses (SES receiving in AWS, the local SMTP listener in the embedded default).
 */
export type BucketName = 'attachments' | 'archive' | 'intake';

export interface PresignedUpload {
  url: string;
  method: 'PUT';
  headers: Record<string, string>;
  expiresAt: string;
}

export interface ObjectStore {
  presignUpload(input: {
    bucket: BucketName;
    key: string;
    contentType: string;
    contentLength: number;
    sha256Base64: string;
    expiresInSeconds: number;
  }): Promise<PresignedUpload>;
  presignDownload(input: {
    bucket: BucketName;
    key: string;
    versionId?: string;
    fileName: string;
    inline: boolean;
    expiresInSeconds: number;
  }): Promise<string>;
  /** The stored object's size, type, SHA-256 (as S3 recorded it) and version; undefined when absent. */
  head(input: {
    bucket: BucketName;
    key: string;
    versionId?: string;
  }): Promise<{ size: number; contentType: string; sha256Base64?: string; versionId?: string } | undefined>;
  get(input: { bucket: BucketName; key: string; versionId?: string }): Promise<Uint8Array | undefined>;
  /** Write-once put; for the archive bucket a retain-until date locks the object (WORM). */
  put(input: {
    bucket: BucketName;
    key: string;
    body: Uint8Array;
    contentType: string;
    retainUntil?: Date;
    /** With a retain-until date: the object starts under a legal hold (S3 Object Lock). */
    legalHold?: boolean;
  }): Promise<{ versionId?: string }>;
  /** An object version's Object Lock state: retain-until and legal hold (undefined when absent). */
  lockState(input: {
    bucket: BucketName;
    key: string;
    versionId?: string;
  }): Promise<{ retainUntil?: string; mode?: string; legalHold: boolean } | undefined>;
  /** Sets or releases the legal hold of an object version (S3 PutObjectLegalHold). */
  setLegalHold(input: { bucket: BucketName; key: string; versionId?: string; on: boolean }): Promise<void>;
  /**
   * A stored version's bytes as a stream, for objects too large to hold in memory (undefined when
   * absent). The stream errors when the storage refuses the bytes part-way.
   */
  getStream(input: { bucket: BucketName; key: string; versionId?: string }): Promise<Readable | undefined>;
  /**
   * A streamed write-once put of a body of unknown length (a multipart upload: only a few parts are
   * ever held in memory); like `put`, a retain-until date locks the object, optionally with a legal
   * hold. An error of the body aborts the upload and nothing is stored.
   */
  putStream(input: {
    bucket: BucketName;
    key: string;
    body: Readable;
    contentType: string;
    retainUntil?: Date;
    legalHold?: boolean;
  }): Promise<{ versionId?: string }>;
  /**
   * Deletes one object version for good (S3 DeleteObject with a version id: no delete marker). An
   * absent version is 'absent'; a version that Object Lock still protects (retention not over, or
   * a legal hold) is refused with ConflictError('object_locked') and stays as it is.
   */
  deleteVersion(input: { bucket: BucketName; key: string; versionId: string }): Promise<'deleted' | 'absent'>;
}

/**
 * A write-once put into the attachments bucket that a retry may repeat: when the key already holds
 * an object (an earlier attempt stored it; keys are derived from what they hold), that object is
 * the one stored. Gives its version id.
 */
export async function putAttachmentOnce(
  objects: ObjectStore,
  key: string,
  body: Uint8Array,
  contentType: string,
): Promise<string | undefined> {
  try {
    return (await objects.put({ bucket: 'attachments', key, body, contentType })).versionId;
  } catch (error) {
    if (!(error instanceof ConflictError && error.code === 'object_exists')) throw error;
    return (await objects.head({ bucket: 'attachments', key }))?.versionId;
  }
}
