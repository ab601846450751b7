/**
 * One-time import of the data folders of the s3rver-based endpoint (before versioning) into the
 * versioned store, run on start before the endpoint listens:
 *   <dataDir>/s3/<bucket>/<key dirs>/<last>._S3rver_object   bytes
 *   …/<last>._S3rver_metadata.json                           Content-Type, …, x-amz-meta-*
 *   <dataDir>/s3-meta/<bucket>/<sha256(key)>.json           lock and verified checksums
 * Every object becomes the version `null` of its key (S3's id for objects from before versioning)
 * with its lock and checksums; an object without a lock gets the bucket's default retention counted
 * from its last modification. Crash-safe and once only: a version is written whole (bytes, then
 * metadata with the lock) or not at all, keys already holding a `null` version are skipped, and
 * only after the last object do the old folders move aside (renamed, never deleted).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { BucketConfig } from './s3-context';
import type { LockMode, ObjectLock } from './s3-protocol';
import type { Checksums, StoreLog, VersionedStore } from './s3-store';
import { fsyncDir } from './s3-store-io';

const OBJECT_SUFFIX = '._S3rver_object';
const METADATA_SUFFIX = '._S3rver_metadata.json';
const UPLOADS_DIR = '._S3rver_uploads';
/** Suffix of the old folders once imported. */
export const IMPORTED_SUFFIX = '.imported-s3rver';

const KEPT_METADATA = [
  'cache-control',
  'content-disposition',
  'content-encoding',
  'content-language',
  'content-type',
  'expires',
  'website-redirect-location',
];

interface Sidecar {
  lock?: ObjectLock;
  checksums?: Checksums;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

async function* objectFiles(dir: string, top: boolean): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (top && entry.name === UPLOADS_DIR) continue;
      yield* objectFiles(path, false);
    } else if (entry.isFile() && entry.name.endsWith(OBJECT_SUFFIX)) {
      yield path;
    }
  }
}

async function readJson<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function headersOf(metadata: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(metadata ?? {})) {
    if (typeof value !== 'string') continue;
    if (KEPT_METADATA.includes(name))
      out[name === 'website-redirect-location' ? 'x-amz-website-redirect-location' : name] = value;
    else if (name.startsWith('x-amz-meta-')) out[name] = value;
  }
  out['content-type'] ??= 'binary/octet-stream';
  return out;
}

function defaultLock(retention: { mode: LockMode; days: number }, from: Date): ObjectLock {
  return {
    mode: retention.mode,
    retainUntil: new Date(from.getTime() + retention.days * 86_400_000).toISOString(),
  };
}

/** Moves an old folder aside (`<name>.imported-s3rver`, numbered if taken). */
async function moveAside(dataDir: string, name: string): Promise<string> {
  let target = join(dataDir, `${name}${IMPORTED_SUFFIX}`);
  for (let n = 2; await exists(target); n++) target = join(dataDir, `${name}${IMPORTED_SUFFIX}-${n}`);
  await rename(join(dataDir, name), target);
  await fsyncDir(dataDir);
  return target;
}

/**
 * Imports `<dataDir>/s3` (+ `s3-meta`) when present; returns how many versions it wrote. Objects of
 * buckets the endpoint does not serve stay in the moved-aside folder.
 */
export async function importS3rverData(input: {
  dataDir: string;
  store: VersionedStore;
  configs: ReadonlyMap<string, BucketConfig>;
  log: StoreLog;
}): Promise<{ imported: number; skipped: number }> {
  const { dataDir, store, configs, log } = input;
  const oldDir = join(dataDir, 's3');
  const metaDir = join(dataDir, 's3-meta');
  let imported = 0;
  let skipped = 0;
  if (await exists(oldDir)) {
    for (const [bucket, config] of configs) {
      const bucketDir = join(oldDir, bucket);
      if (!(await exists(bucketDir))) continue;
      for await (const file of objectFiles(bucketDir, true)) {
        const key = relative(bucketDir, file).split(sep).join('/').slice(0, -OBJECT_SUFFIX.length);
        if (store.version(bucket, key, 'null')) {
          skipped++;
          continue;
        }
        const keyHash = createHash('sha256').update(key).digest('hex');
        const sidecar = await readJson<Sidecar>(join(metaDir, encodeURIComponent(bucket), `${keyHash}.json`));
        const metadata = await readJson<Record<string, string>>(
          file.slice(0, -OBJECT_SUFFIX.length) + METADATA_SUFFIX,
        );
        const modified = (await stat(file)).mtime;
        await store.withKey(bucket, key, () =>
          store.putVersion(
            bucket,
            key,
            [file],
            {
              headers: headersOf(metadata),
              checksums: sidecar?.checksums ?? {},
              lock: sidecar?.lock ?? defaultLock(config.retention, modified),
            },
            { versionId: 'null', seq: 0, lastModified: modified.toISOString() },
          ),
        );
        imported++;
      }
    }
    const aside = await moveAside(dataDir, 's3');
    log('info', 's3: imported the s3rver data folder as version null', { imported, skipped, movedTo: aside });
  }
  if (await exists(metaDir)) await moveAside(dataDir, 's3-meta');
  return { imported, skipped };
}
