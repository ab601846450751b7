/**
 * ObjectStore on S3 (AWS SDK v3). The same code runs against AWS and against the local S3
 * endpoint (path-style, endpoint set). Configuration comes in through the constructor; the wiring
 * builds one instance per process.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  GetObjectLegalHoldCommand,
  GetObjectRetentionCommand,
  HeadObjectCommand,
  PutObjectLegalHoldCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { ConflictError } from '../../kernel/errors';
import type { BucketName, ObjectStore, PresignedUpload } from '../../ports/object-store.port';

export interface S3ObjectStoreOptions {
  region: string;
  /** Set for the local endpoint (e.g. http://127.0.0.1:3002); omitted on AWS. */
  endpoint?: string;
  /** Path-style addressing; defaults to true when an endpoint is set. */
  forcePathStyle?: boolean;
  /**
   * Explicit credentials: local dummy ones, or a tenant's session (issue 18); omitted on AWS
   * otherwise (the function's role).
   */
  credentials?: S3ClientConfig['credentials'];
  /** The intake bucket only where a function reads intake mail (INTAKE_BUCKET). */
  buckets: { attachments: string; archive: string; intake?: string };
  /** Object Lock mode used when put() gets a retainUntil (the archive is COMPLIANCE). */
  lockMode?: 'COMPLIANCE' | 'GOVERNANCE';
}

type BucketRole = BucketName;

/** The part size of streamed uploads: S3's minimum is 5 MiB; 8 MiB keeps 10,000 parts ≥ 78 GiB. */
const STREAM_PART_BYTES = 8 * 1024 * 1024;

export function createS3Client(
  options: Pick<S3ObjectStoreOptions, 'region' | 'endpoint' | 'forcePathStyle' | 'credentials'>,
): S3Client {
  const config: S3ClientConfig = {
    region: options.region,
    // Checksums are set explicitly where they matter (SHA-256); no implicit CRC32 in presigned URLs.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
  if (options.endpoint) config.endpoint = options.endpoint;
  if (options.forcePathStyle ?? options.endpoint !== undefined) config.forcePathStyle = true;
  if (options.credentials) config.credentials = options.credentials;
  return new S3Client(config);
}

/**
 * `Content-Disposition` for downloads: an ASCII fallback plus the RFC 5987 UTF-8 name, so names
 * like "Əmr №5 şəhər.pdf" survive in every browser.
 */
export function contentDisposition(fileName: string, inline: boolean): string {
  const type = inline ? 'inline' : 'attachment';
  const fallback = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/ə/g, 'e')
    .replace(/Ə/g, 'E')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export function sha256Base64(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('base64');
}

/** A version without a retention or legal hold: S3 answers NoSuchObjectLockConfiguration. */
function noLockConfiguration(err: unknown): undefined {
  if (err instanceof S3ServiceException && /NoSuchObjectLockConfiguration/.test(err.name)) return undefined;
  throw err;
}

/** A write-once put that met an existing key (S3 answers 412) is a ConflictError `object_exists`. */
function writeOnceError(err: unknown, key: string): unknown {
  if (
    err instanceof S3ServiceException &&
    (err.$metadata.httpStatusCode === 412 || err.name === 'PreconditionFailed')
  )
    return new ConflictError('object_exists', 'An object with this key already exists', { key });
  return err;
}

function isNotFound(err: unknown): boolean {
  if (err instanceof S3ServiceException) {
    return err.name === 'NotFound' || err.name === 'NoSuchKey' || err.$metadata.httpStatusCode === 404;
  }
  return false;
}

export class S3ObjectStore implements ObjectStore {
  private readonly client: S3Client;

  constructor(
    private readonly options: S3ObjectStoreOptions,
    client?: S3Client,
  ) {
    this.client = client ?? createS3Client(options);
  }

  private bucket(role: BucketRole): string {
    const name = this.options.buckets[role];
    if (!name) throw new Error(`Invalid configuration: no ${role} bucket`);
    return name;
  }

  /** Object Lock of a new object: with a retain-until date, this store's mode (and a legal hold). */
  private lockOf(input: { retainUntil?: Date; legalHold?: boolean }) {
    return input.retainUntil
      ? {
          ObjectLockMode: this.options.lockMode ?? 'COMPLIANCE',
          ObjectLockRetainUntilDate: input.retainUntil,
          ...(input.legalHold ? { ObjectLockLegalHoldStatus: 'ON' as const } : {}),
        }
      : {};
  }

  /** The S3 names of an object (a version of it, when one is given). */
  private object(input: { bucket: BucketRole; key: string; versionId?: string }) {
    return {
      Bucket: this.bucket(input.bucket),
      Key: input.key,
      ...(input.versionId ? { VersionId: input.versionId } : {}),
    };
  }

  async presignUpload(input: {
    bucket: BucketRole;
    key: string;
    contentType: string;
    contentLength: number;
    sha256Base64: string;
    expiresInSeconds: number;
  }): Promise<PresignedUpload> {
    const command = new PutObjectCommand({
      Bucket: this.bucket(input.bucket),
      Key: input.key,
      ContentType: input.contentType,
      ContentLength: input.contentLength,
      ChecksumSHA256: input.sha256Base64,
    });
    // Length, type and checksum are signed headers: S3 refuses a body that differs from them.
    const url = await getSignedUrl(this.client, command, {
      expiresIn: input.expiresInSeconds,
      signableHeaders: new Set(['content-type', 'content-length', 'x-amz-checksum-sha256']),
      unhoistableHeaders: new Set(['x-amz-checksum-sha256']),
    });
    return {
      url,
      method: 'PUT',
      headers: {
        'Content-Type': input.contentType,
        'Content-Length': String(input.contentLength),
        'x-amz-checksum-sha256': input.sha256Base64,
      },
      expiresAt: new Date(Date.now() + input.expiresInSeconds * 1000).toISOString(),
    };
  }

  async presignDownload(input: {
    bucket: BucketRole;
    key: string;
    versionId?: string;
    fileName: string;
    inline: boolean;
    expiresInSeconds: number;
  }): Promise<string> {
    return getSignedUrl(
      this.client,
      new GetObjectCommand({
        ...this.object(input),
        ResponseContentDisposition: contentDisposition(input.fileName, input.inline),
      }),
      { expiresIn: input.expiresInSeconds },
    );
  }

  async head(input: {
    bucket: BucketRole;
    key: string;
    versionId?: string;
  }): Promise<{ size: number; contentType: string; sha256Base64?: string; versionId?: string } | undefined> {
    try {
      const out = await this.client.send(
        new HeadObjectCommand({
          ...this.object(input),
          ChecksumMode: 'ENABLED',
        }),
      );
      return {
        size: out.ContentLength ?? 0,
        contentType: out.ContentType ?? 'application/octet-stream',
        ...(out.ChecksumSHA256 ? { sha256Base64: out.ChecksumSHA256 } : {}),
        ...(out.VersionId ? { versionId: out.VersionId } : {}),
      };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async get(input: { bucket: BucketRole; key: string; versionId?: string }): Promise<Uint8Array | undefined> {
    try {
      const out = await this.client.send(
        new GetObjectCommand({
          ...this.object(input),
        }),
      );
      return out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async put(input: {
    bucket: BucketRole;
    key: string;
    body: Uint8Array;
    contentType: string;
    retainUntil?: Date;
    legalHold?: boolean;
  }): Promise<{ versionId?: string }> {
    try {
      const out = await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket(input.bucket),
          Key: input.key,
          Body: input.body,
          ContentType: input.contentType,
          ContentLength: input.body.byteLength,
          ChecksumSHA256: sha256Base64(input.body),
          // Write-once: S3 answers 412 when the key exists (conditional write).
          IfNoneMatch: '*',
          ...this.lockOf(input),
        }),
      );
      return out.VersionId ? { versionId: out.VersionId } : {};
    } catch (err) {
      throw writeOnceError(err, input.key);
    }
  }

  async getStream(input: {
    bucket: BucketRole;
    key: string;
    versionId?: string;
  }): Promise<Readable | undefined> {
    try {
      const out = await this.client.send(new GetObjectCommand(this.object(input)));
      if (!out.Body) return Readable.from([]);
      // In Node the SDK's body is an http.IncomingMessage, a Readable.
      return out.Body instanceof Readable
        ? out.Body
        : Readable.fromWeb(out.Body.transformToWebStream() as never);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  /**
   * A multipart upload (lib-storage): parts of STREAM_PART_BYTES, two in flight at most, each with
   * its SHA-256 checksum (S3 asks for one on writes to a bucket with Object Lock); the Object Lock
   * headers and the write-once condition go with the creation and the completion. A body shorter
   * than one part is a single PutObject with the same headers.
   */
  async putStream(input: {
    bucket: BucketRole;
    key: string;
    body: Readable;
    contentType: string;
    retainUntil?: Date;
    legalHold?: boolean;
  }): Promise<{ versionId?: string }> {
    const upload = new Upload({
      client: this.client,
      partSize: STREAM_PART_BYTES,
      queueSize: 2,
      leavePartsOnError: false,
      params: {
        Bucket: this.bucket(input.bucket),
        Key: input.key,
        Body: input.body,
        ContentType: input.contentType,
        ChecksumAlgorithm: 'SHA256',
        IfNoneMatch: '*',
        ...this.lockOf(input),
      },
    });
    // A body that fails part-way fails the upload: lib-storage then aborts the multipart upload.
    try {
      const out = await upload.done();
      return out.VersionId ? { versionId: out.VersionId } : {};
    } catch (err) {
      throw writeOnceError(err, input.key);
    }
  }

  async deleteVersion(input: {
    bucket: BucketRole;
    key: string;
    versionId: string;
  }): Promise<'deleted' | 'absent'> {
    // A version that is not there is answered like a deleted one by S3: ask first, for the report.
    if (!(await this.head(input))) return 'absent';
    try {
      await this.client.send(new DeleteObjectCommand(this.object(input)));
      return 'deleted';
    } catch (err) {
      if (err instanceof S3ServiceException && err.$metadata.httpStatusCode === 403) {
        throw new ConflictError('object_locked', 'Object Lock still protects this object version', {
          key: input.key,
        });
      }
      throw err;
    }
  }

  async lockState(input: {
    bucket: BucketRole;
    key: string;
    versionId?: string;
  }): Promise<{ retainUntil?: string; mode?: string; legalHold: boolean } | undefined> {
    try {
      const retention = await this.client
        .send(new GetObjectRetentionCommand(this.object(input)))
        .catch(noLockConfiguration);
      const hold = await this.client
        .send(new GetObjectLegalHoldCommand(this.object(input)))
        .catch(noLockConfiguration);
      return {
        ...(retention?.Retention?.RetainUntilDate
          ? { retainUntil: new Date(retention.Retention.RetainUntilDate).toISOString() }
          : {}),
        ...(retention?.Retention?.Mode ? { mode: retention.Retention.Mode } : {}),
        legalHold: hold?.LegalHold?.Status === 'ON',
      };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async setLegalHold(input: { bucket: BucketRole; key: string; versionId?: string; on: boolean }) {
    await this.client.send(
      new PutObjectLegalHoldCommand({
        ...this.object(input),
        LegalHold: { Status: input.on ? 'ON' : 'OFF' },
      }),
    );
  }
}

/** Factory for the wiring: one client, one store per process. */
export function createObjectStore(options: S3ObjectStoreOptions): S3ObjectStore {
  return new S3ObjectStore(options);
}
