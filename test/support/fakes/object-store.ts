import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { ConflictError } from '../../../functions/platform/kernel/errors';
import type { ObjectStore, PresignedUpload } from '../../../functions/platform/ports/object-store.port';

type Bucket = 'attachments' | 'archive' | 'intake';
interface Version {
  versionId: string;
  body: Uint8Array;
  contentType: string;
  /** What S3 recorded as the object's SHA-256 (base64) when it was written. */
  sha256Base64: string;
}

const sha256Base64 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('base64');

/**
 * A versioned bucket pair in memory. Presigned URLs are plain strings that name what they grant;
 * `upload` stands for the client's PUT to a presigned URL. `corrupt` and `lose` stand for storage
 * that went wrong behind the system's back (the integrity checks must notice).
 */
export class MemoryObjectStore implements ObjectStore {
  private readonly objects = new Map<string, Version[]>();
  private versions = 0;
  /** The time Object Lock is judged by (a test's clock). */
  constructor(private readonly now: () => Date = () => new Date()) {}
  readonly uploadsPresigned: Array<Parameters<ObjectStore['presignUpload']>[0]> = [];
  readonly downloadsPresigned: Array<Parameters<ObjectStore['presignDownload']>[0]> = [];
  readonly reads: Array<{ bucket: Bucket; key: string; versionId?: string }> = [];

  async presignUpload(input: Parameters<ObjectStore['presignUpload']>[0]): Promise<PresignedUpload> {
    this.uploadsPresigned.push(input);
    return {
      url: `memory://${input.bucket}/${input.key}?upload`,
      method: 'PUT',
      headers: { 'content-type': input.contentType, 'x-amz-checksum-sha256': input.sha256Base64 },
      expiresAt: new Date(input.expiresInSeconds * 1000).toISOString(),
    };
  }

  async presignDownload(input: Parameters<ObjectStore['presignDownload']>[0]): Promise<string> {
    this.downloadsPresigned.push(input);
    return `memory://${input.bucket}/${input.key}?version=${input.versionId ?? ''}&inline=${input.inline}`;
  }

  async head(input: { bucket: Bucket; key: string; versionId?: string }) {
    const v = this.version(input);
    return v
      ? {
          size: v.body.byteLength,
          contentType: v.contentType,
          sha256Base64: v.sha256Base64,
          versionId: v.versionId,
        }
      : undefined;
  }

  async get(input: { bucket: Bucket; key: string; versionId?: string }): Promise<Uint8Array | undefined> {
    this.reads.push(input);
    return this.version(input)?.body;
  }

  async put(input: {
    bucket: Bucket;
    key: string;
    body: Uint8Array;
    contentType: string;
    retainUntil?: Date;
    legalHold?: boolean;
  }): Promise<{ versionId?: string }> {
    // Write-once, as the S3 adapter's conditional put (`If-None-Match: *`).
    if (this.objects.get(`${input.bucket}/${input.key}`)?.length)
      throw new ConflictError('object_exists', 'An object with this key already exists', { key: input.key });
    const versionId = this.upload(input.bucket, input.key, input.body, input.contentType);
    const at = `${input.bucket}/${input.key}/${versionId}`;
    if (input.retainUntil) this.retention.set(at, input.retainUntil.toISOString());
    if (input.legalHold) this.holds.set(at, true);
    return { versionId };
  }

  async getStream(input: { bucket: Bucket; key: string; versionId?: string }): Promise<Readable | undefined> {
    const bytes = await this.get(input);
    return bytes ? Readable.from([Buffer.from(bytes)]) : undefined;
  }

  /** Reads the whole stream, then puts it write-once (an error of the body stores nothing). */
  async putStream(input: Parameters<ObjectStore['putStream']>[0]): Promise<{ versionId?: string }> {
    const chunks: Buffer[] = [];
    for await (const chunk of input.body) chunks.push(Buffer.from(chunk as Uint8Array));
    const { body: _body, ...rest } = input;
    return this.put({ ...rest, body: Buffer.concat(chunks) });
  }

  /** Object Lock by `bucket/key/versionId`: retain-until (COMPLIANCE) and legal holds. */
  private readonly holds = new Map<string, boolean>();
  private readonly retention = new Map<string, string>();

  async lockState(input: { bucket: Bucket; key: string; versionId?: string }) {
    if (!this.objects.has(`${input.bucket}/${input.key}`)) return undefined;
    const at = `${input.bucket}/${input.key}/${input.versionId ?? ''}`;
    const retainUntil = this.retention.get(at);
    return {
      ...(retainUntil ? { retainUntil, mode: 'COMPLIANCE' } : {}),
      legalHold: this.holds.get(at) ?? false,
    };
  }

  async setLegalHold(input: { bucket: Bucket; key: string; versionId?: string; on: boolean }) {
    this.holds.set(`${input.bucket}/${input.key}/${input.versionId ?? ''}`, input.on);
  }

  /** Deletes a version unless its retention runs past `now` (the clock given) or a legal hold is on. */
  async deleteVersion(input: { bucket: Bucket; key: string; versionId: string }) {
    const list = this.objects.get(`${input.bucket}/${input.key}`) ?? [];
    const index = list.findIndex((v) => v.versionId === input.versionId);
    if (index < 0) return 'absent' as const;
    const at = `${input.bucket}/${input.key}/${input.versionId}`;
    const until = this.retention.get(at);
    if (this.holds.get(at) || (until && until > this.now().toISOString()))
      throw new ConflictError('object_locked', 'Object Lock still protects this object version', {
        key: input.key,
      });
    list.splice(index, 1);
    if (list.length === 0) this.objects.delete(`${input.bucket}/${input.key}`);
    return 'deleted' as const;
  }

  /** The client's PUT to a presigned URL; returns the new version id. */
  upload(bucket: Bucket, key: string, body: Uint8Array, contentType = 'application/octet-stream'): string {
    const versionId = `v${++this.versions}`;
    const list = this.objects.get(`${bucket}/${key}`) ?? [];
    list.push({ versionId, body: new Uint8Array(body), contentType, sha256Base64: sha256Base64(body) });
    this.objects.set(`${bucket}/${key}`, list);
    return versionId;
  }

  /** Replaces a stored version's bytes in place, keeping the recorded checksum (bit rot, tampering). */
  corrupt(bucket: Bucket, key: string, body: Uint8Array, options: { rehash?: boolean } = {}): void {
    for (const v of this.objects.get(`${bucket}/${key}`) ?? []) {
      v.body = new Uint8Array(body);
      if (options.rehash) v.sha256Base64 = sha256Base64(body);
    }
  }

  /** Locks every version of a bucket's keys under `prefix` until `until` (a bucket's default retention). */
  lockAll(bucket: Bucket, prefix: string, until: string): void {
    for (const [at, list] of this.objects)
      if (at.startsWith(`${bucket}/${prefix}`))
        for (const v of list) this.retention.set(`${at}/${v.versionId}`, until);
  }

  /** Every version of the key disappears. */
  lose(bucket: Bucket, key: string): void {
    this.objects.delete(`${bucket}/${key}`);
  }

  private version(input: { bucket: Bucket; key: string; versionId?: string }): Version | undefined {
    const list = this.objects.get(`${input.bucket}/${input.key}`) ?? [];
    return input.versionId ? list.find((v) => v.versionId === input.versionId) : list.at(-1);
  }
}
