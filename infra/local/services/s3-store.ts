/**
 * The local S3 endpoint's own filesystem store: versioned buckets whose versions are immutable.
 *
 * Layout under the store root (`<dataDir>/s3-store`):
 *   <bucket>/bucket.json                          creation date
 *   <bucket>/keys/<h2>/<sha256(key)>/<vid>.data   the version's bytes (absent for delete markers)
 *   <bucket>/keys/<h2>/<sha256(key)>/<vid>.json   its metadata: key, order, digests, lock, headers
 *   <bucket>/uploads/<uploadId>/…                 multipart uploads in progress (s3-uploads.ts)
 *
 * A version exists once its `.json` is renamed into place, after its `.data` was written, fsynced,
 * renamed and its directory fsynced; the lock is part of that same `.json`, so there is never a
 * version without its lock. A crash leaves at most a temporary file or a `.data` without `.json`,
 * both removed on the next start. Metadata of all versions is held in memory (loaded on start).
 * Callers serialize work on one key with `withKey`; the mutating methods expect that.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, rm, rmdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { KeyedMutex, writeFileAtomic } from './common';
import { compareKeys, VERSION_ID_SHAPE, type LockState } from './s3-protocol';
import {
  BLOCK_SIZE,
  ensureDirDurable,
  fsyncDir,
  IntegrityError,
  openVerified,
  writeContentDurable,
  type ContentDigest,
} from './s3-store-io';

export type Checksums = Partial<Record<'sha256' | 'sha1' | 'crc32', string>>;

export interface StoredVersion extends LockState {
  key: string;
  /** S3 version id; `null` for objects from before versioning (migrated). */
  versionId: string;
  /** Order among the key's versions: higher is newer. */
  seq: number;
  /** ISO 8601 with milliseconds. */
  lastModified: string;
  deleteMarker?: boolean;
  size: number;
  /** Quoted, as in the ETag header. */
  etag: string;
  /** SHA-256 (hex) of the bytes and of each block, recorded when written. */
  sha256: string;
  blockSize: number;
  blocks: string[];
  /** Content-Type, Content-Disposition, …, x-amz-meta-*: returned on GET/HEAD as stored. */
  headers: Record<string, string>;
  /** Checksums the writer declared and the store verified (returned with x-amz-checksum-mode). */
  checksums: Checksums;
  /** Part sizes of a multipart object. */
  parts?: number[];
}

export type NewVersion = Pick<StoredVersion, 'headers' | 'checksums' | 'lock' | 'legalHold' | 'parts'>;

export type StoreLog = (
  level: 'info' | 'warn' | 'error',
  message: string,
  fields?: Record<string, unknown>,
) => void;

interface BucketState {
  name: string;
  dir: string;
  created: string;
  keys: Map<string, StoredVersion[]>;
  sorted?: string[];
}

export function newVersionId(): string {
  return randomBytes(24).toString('base64url');
}

export class VersionedStore {
  private readonly mutex = new KeyedMutex();
  private readonly knownDirs = new Set<string>();

  private constructor(
    readonly root: string,
    private readonly buckets: Map<string, BucketState>,
    private readonly log: StoreLog,
  ) {}

  /** Opens (creating if needed) the store with exactly these buckets and loads every version's metadata. */
  static async open(root: string, bucketNames: readonly string[], log: StoreLog): Promise<VersionedStore> {
    const buckets = new Map<string, BucketState>();
    const store = new VersionedStore(root, buckets, log);
    for (const name of bucketNames) {
      const dir = join(root, name);
      await ensureDirDurable(join(dir, 'keys'), store.knownDirs);
      let created: string;
      try {
        created = (JSON.parse(await readFile(join(dir, 'bucket.json'), 'utf8')) as { created: string })
          .created;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        created = new Date().toISOString();
        await writeFileAtomic(join(dir, 'bucket.json'), JSON.stringify({ name, created }));
      }
      const state: BucketState = { name, dir, created, keys: new Map() };
      await store.load(state);
      buckets.set(name, state);
    }
    return store;
  }

  private async load(state: BucketState): Promise<void> {
    const keysDir = join(state.dir, 'keys');
    let orphans = 0;
    for (const h2 of await readdir(keysDir)) {
      for (const hash of await readdir(join(keysDir, h2))) {
        const dir = join(keysDir, h2, hash);
        const files = await readdir(dir);
        const metas = new Set(files.filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)));
        for (const f of files) {
          const orphan = f.endsWith('.tmp') || (f.endsWith('.data') && !metas.has(f.slice(0, -5)));
          if (orphan) {
            await rm(join(dir, f), { force: true });
            orphans++;
          }
        }
        const versions: StoredVersion[] = [];
        for (const id of metas) {
          try {
            versions.push(JSON.parse(await readFile(join(dir, `${id}.json`), 'utf8')) as StoredVersion);
          } catch (err) {
            this.log('error', 's3 store: unreadable version metadata skipped', {
              file: join(dir, `${id}.json`),
              error: (err as Error).message,
            });
          }
        }
        if (versions.length > 0)
          state.keys.set(
            versions[0]!.key,
            versions.sort((a, b) => b.seq - a.seq),
          );
      }
    }
    if (orphans > 0)
      this.log('warn', 's3 store: removed files of unfinished writes', { bucket: state.name, orphans });
  }

  hasBucket(bucket: string): boolean {
    return this.buckets.has(bucket);
  }

  bucketList(): Array<{ name: string; created: string }> {
    return [...this.buckets.values()].map((b) => ({ name: b.name, created: b.created }));
  }

  private state(bucket: string): BucketState {
    const state = this.buckets.get(bucket);
    if (!state) throw new Error(`unknown bucket ${bucket}`);
    return state;
  }

  /** Runs `work` alone for this key (no other write to the key meanwhile). */
  withKey<T>(bucket: string, key: string, work: () => Promise<T>): Promise<T> {
    return this.mutex.run(`${bucket}\u0000${key}`, work);
  }

  /** The key's versions, newest first (delete markers included). */
  versions(bucket: string, key: string): readonly StoredVersion[] {
    return this.state(bucket).keys.get(key) ?? [];
  }

  /** The current version (may be a delete marker), or undefined. */
  current(bucket: string, key: string): StoredVersion | undefined {
    return this.versions(bucket, key)[0];
  }

  /** A version by id; undefined for an unknown or malformed id. */
  version(bucket: string, key: string, versionId: string): StoredVersion | undefined {
    if (!VERSION_ID_SHAPE.test(versionId)) return undefined;
    return this.versions(bucket, key).find((v) => v.versionId === versionId);
  }

  /** Every key with at least one version, in S3 order. */
  sortedKeys(bucket: string): readonly string[] {
    const state = this.state(bucket);
    state.sorted ??= [...state.keys.keys()].sort(compareKeys);
    return state.sorted;
  }

  isEmpty(bucket: string): boolean {
    return this.state(bucket).keys.size === 0;
  }

  private keyDir(bucket: string, key: string): string {
    const hash = createHash('sha256').update(key).digest('hex');
    return join(this.state(bucket).dir, 'keys', hash.slice(0, 2), hash);
  }

  dataPath(bucket: string, v: Pick<StoredVersion, 'key' | 'versionId'>): string {
    return join(this.keyDir(bucket, v.key), `${v.versionId}.data`);
  }

  private insert(bucket: string, v: StoredVersion): void {
    const state = this.state(bucket);
    const list = state.keys.get(v.key);
    if (!list) {
      state.keys.set(v.key, [v]);
      state.sorted = undefined;
      return;
    }
    const at = list.findIndex((x) => x.seq < v.seq);
    list.splice(at === -1 ? list.length : at, 0, v);
  }

  /**
   * Writes a new version of `key` from bytes or from files to concatenate (multipart parts, a
   * migrated file) and returns it once it is durable. `versionId`/`seq`/`lastModified` are only
   * given by the migration (the `null` version from before versioning).
   */
  async putVersion(
    bucket: string,
    key: string,
    source: Uint8Array | readonly string[],
    fields: NewVersion,
    options: {
      versionId?: string;
      seq?: number;
      lastModified?: string;
      etag?: string;
      /** The SHA-256 (hex) the bytes must have (a copy of a stored version). */
      expectSha256?: string;
    } = {},
  ): Promise<StoredVersion> {
    const dir = this.keyDir(bucket, key);
    await ensureDirDurable(dir, this.knownDirs);
    const versionId = options.versionId ?? newVersionId();
    const dataPath = join(dir, `${versionId}.data`);
    const digest: ContentDigest = await writeContentDurable(dataPath, source);
    if (options.expectSha256 !== undefined && digest.sha256 !== options.expectSha256) {
      await rm(dataPath, { force: true });
      throw new IntegrityError(dataPath, 'copy source differs from its recorded SHA-256');
    }
    const version: StoredVersion = {
      key,
      versionId,
      seq: options.seq ?? (this.current(bucket, key)?.seq ?? 0) + 1,
      lastModified: options.lastModified ?? new Date().toISOString(),
      size: digest.size,
      etag: options.etag ?? `"${digest.md5}"`,
      sha256: digest.sha256,
      blockSize: BLOCK_SIZE,
      blocks: digest.blocks,
      ...fields,
    };
    await writeFileAtomic(join(dir, `${versionId}.json`), JSON.stringify(version));
    this.insert(bucket, version);
    return version;
  }

  /** Adds a delete marker as the key's current version (DeleteObject without a version id). */
  async putDeleteMarker(bucket: string, key: string): Promise<StoredVersion> {
    const dir = this.keyDir(bucket, key);
    await ensureDirDurable(dir, this.knownDirs);
    const marker: StoredVersion = {
      key,
      versionId: newVersionId(),
      seq: (this.current(bucket, key)?.seq ?? 0) + 1,
      lastModified: new Date().toISOString(),
      deleteMarker: true,
      size: 0,
      etag: '',
      sha256: '',
      blockSize: BLOCK_SIZE,
      blocks: [],
      headers: {},
      checksums: {},
    };
    await writeFileAtomic(join(dir, `${marker.versionId}.json`), JSON.stringify(marker));
    this.insert(bucket, marker);
    return marker;
  }

  /** Replaces a version's Object Lock state (retention, legal hold); bytes never change. */
  async updateLockState(bucket: string, v: StoredVersion, state: LockState): Promise<StoredVersion> {
    const next: StoredVersion = { ...v, lock: state.lock, legalHold: state.legalHold };
    if (!state.lock) delete next.lock;
    if (state.legalHold === undefined) delete next.legalHold;
    await writeFileAtomic(join(this.keyDir(bucket, v.key), `${v.versionId}.json`), JSON.stringify(next));
    const list = this.state(bucket).keys.get(v.key)!;
    list[list.findIndex((x) => x.versionId === v.versionId)] = next;
    return next;
  }

  /**
   * Removes a version for good. The caller has checked the Object Lock rules. The metadata goes
   * first (the version stops existing), then the bytes.
   */
  async removeVersion(bucket: string, v: StoredVersion): Promise<void> {
    const dir = this.keyDir(bucket, v.key);
    await unlink(join(dir, `${v.versionId}.json`));
    await fsyncDir(dir);
    await rm(join(dir, `${v.versionId}.data`), { force: true });
    const state = this.state(bucket);
    const list = state.keys.get(v.key)!.filter((x) => x.versionId !== v.versionId);
    if (list.length > 0) {
      state.keys.set(v.key, list);
      return;
    }
    state.keys.delete(v.key);
    state.sorted = undefined;
    this.knownDirs.delete(dir);
    await rmdir(dir).catch(() => undefined);
  }

  /**
   * Reads bytes `start..end` of a version, verified against the digests recorded when it was
   * written. Throws an IntegrityError at once when the file's size differs; the returned stream
   * fails (instead of ending) on altered bytes.
   */
  openContent(bucket: string, v: StoredVersion, start: number, end: number): Promise<AsyncGenerator<Buffer>> {
    return openVerified(this.dataPath(bucket, v), v, start, end);
  }
}
