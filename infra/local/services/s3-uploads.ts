/**
 * Multipart uploads in progress, kept next to the versioned store:
 *   <root>/<bucket>/uploads/<uploadId>/upload.json          key, headers, requested lock
 *   <root>/<bucket>/uploads/<uploadId>/part-<n>.json        the part's ETag, size, checksums, file
 *   <root>/<bucket>/uploads/<uploadId>/<n>-<random>.data    the part's bytes
 * A part's `.json` names its data file, so re-uploading a part number switches atomically. Files of
 * unfinished writes are removed on start. Parts become an object version only through
 * CompleteMultipartUpload (the store's rules apply there).
 */
import { randomBytes } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { KeyedMutex, writeFileAtomic } from './common';
import { compareKeys } from './s3-protocol';
import type { Checksums, StoreLog } from './s3-store';
import { ensureDirDurable, fsyncDir, writeContentDurable } from './s3-store-io';

export interface UploadRecord {
  uploadId: string;
  key: string;
  initiated: string;
  /** Content-Type, Content-Disposition, …, x-amz-meta-* of the object to be. */
  headers: Record<string, string>;
  /** Object Lock headers given at creation (checked then, applied at completion). */
  lockRequest: { mode?: string; retainUntil?: string };
  legalHold?: boolean;
}

export interface PartRecord {
  partNumber: number;
  /** Quoted MD5 of the part. */
  etag: string;
  size: number;
  lastModified: string;
  checksums: Checksums;
  file: string;
}

interface UploadState {
  record: UploadRecord;
  parts: Map<number, PartRecord>;
}

const UPLOAD_ID = /^[0-9a-f]{32}$/;

export class UploadStore {
  private readonly mutex = new KeyedMutex();
  private readonly knownDirs = new Set<string>();

  private constructor(
    private readonly root: string,
    private readonly uploads: Map<string, Map<string, UploadState>>,
  ) {}

  static async open(root: string, bucketNames: readonly string[], log: StoreLog): Promise<UploadStore> {
    const uploads = new Map<string, Map<string, UploadState>>();
    for (const bucket of bucketNames) {
      const states = new Map<string, UploadState>();
      uploads.set(bucket, states);
      const dir = join(root, bucket, 'uploads');
      let ids: string[] = [];
      try {
        ids = await readdir(dir);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
      for (const id of ids) {
        const state = await loadUpload(join(dir, id), log);
        if (state) states.set(id, state);
      }
    }
    return new UploadStore(root, uploads);
  }

  private dir(bucket: string, uploadId: string): string {
    return join(this.root, bucket, 'uploads', uploadId);
  }

  withUpload<T>(bucket: string, uploadId: string, work: () => Promise<T>): Promise<T> {
    return this.mutex.run(`${bucket}\u0000${uploadId}`, work);
  }

  async create(bucket: string, input: Omit<UploadRecord, 'uploadId' | 'initiated'>): Promise<UploadRecord> {
    const record: UploadRecord = {
      ...input,
      uploadId: randomBytes(16).toString('hex'),
      initiated: new Date().toISOString(),
    };
    const dir = this.dir(bucket, record.uploadId);
    await ensureDirDurable(dir, this.knownDirs);
    await writeFileAtomic(join(dir, 'upload.json'), JSON.stringify(record));
    this.uploads.get(bucket)!.set(record.uploadId, { record, parts: new Map() });
    return record;
  }

  get(bucket: string, uploadId: string): UploadRecord | undefined {
    if (!UPLOAD_ID.test(uploadId)) return undefined;
    return this.uploads.get(bucket)?.get(uploadId)?.record;
  }

  /** Uploads in progress, by key then initiation time. */
  list(bucket: string): UploadRecord[] {
    return [...(this.uploads.get(bucket)?.values() ?? [])]
      .map((s) => s.record)
      .sort((a, b) => compareKeys(a.key, b.key) || a.initiated.localeCompare(b.initiated));
  }

  parts(bucket: string, uploadId: string): PartRecord[] {
    const state = this.uploads.get(bucket)?.get(uploadId);
    return [...(state?.parts.values() ?? [])].sort((a, b) => a.partNumber - b.partNumber);
  }

  partPath(bucket: string, uploadId: string, part: PartRecord): string {
    return join(this.dir(bucket, uploadId), part.file);
  }

  /** Stores a part durably (caller holds `withUpload`); replaces an earlier part with that number. */
  async putPart(
    bucket: string,
    uploadId: string,
    partNumber: number,
    data: Uint8Array,
    checksums: Checksums,
  ): Promise<PartRecord> {
    const state = this.uploads.get(bucket)!.get(uploadId)!;
    const dir = this.dir(bucket, uploadId);
    const file = `${partNumber}-${randomBytes(6).toString('hex')}.data`;
    const digest = await writeContentDurable(join(dir, file), data);
    const part: PartRecord = {
      partNumber,
      etag: `"${digest.md5}"`,
      size: digest.size,
      lastModified: new Date().toISOString(),
      checksums,
      file,
    };
    await writeFileAtomic(join(dir, `part-${partNumber}.json`), JSON.stringify(part));
    const previous = state.parts.get(partNumber);
    state.parts.set(partNumber, part);
    if (previous) await rm(join(dir, previous.file), { force: true });
    return part;
  }

  /** Forgets an upload and its parts (after completion or abort). */
  async remove(bucket: string, uploadId: string): Promise<void> {
    this.uploads.get(bucket)?.delete(uploadId);
    const dir = this.dir(bucket, uploadId);
    // upload.json first: without it the folder is an unfinished leftover, removed on start.
    await rm(join(dir, 'upload.json'), { force: true });
    await fsyncDir(dir);
    await rm(dir, { recursive: true, force: true });
  }
}

async function loadUpload(dir: string, log: StoreLog): Promise<UploadState | undefined> {
  let record: UploadRecord;
  try {
    record = JSON.parse(await readFile(join(dir, 'upload.json'), 'utf8')) as UploadRecord;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    await rm(dir, { recursive: true, force: true });
    log('warn', 's3 store: removed an unfinished multipart upload folder', { dir });
    return undefined;
  }
  const parts = new Map<number, PartRecord>();
  const files = await readdir(dir);
  for (const f of files.filter((x) => /^part-\d+\.json$/.test(x))) {
    const part = JSON.parse(await readFile(join(dir, f), 'utf8')) as PartRecord;
    parts.set(part.partNumber, part);
  }
  const referenced = new Set([...parts.values()].map((p) => p.file));
  for (const f of files) {
    if (f.endsWith('.tmp') || (f.endsWith('.data') && !referenced.has(f)))
      await rm(join(dir, f), { force: true });
  }
  return { record, parts };
}
