import { createHash } from 'node:crypto';
import type { ArchiveDeps } from './deps';

/** The object store the archive's use cases read and write (configured in every running process). */
export function objectStore(deps: ArchiveDeps) {
  if (!deps.objects) throw new Error('Object store not configured');
  return deps.objects;
}

/**
 * An archived object version's bytes: undefined when it is gone, null when the storage refused to
 * hand them out (S3 — and the embedded default's endpoint — answer 500 for bytes that no longer
 * match the checksums stored with them).
 */
export async function readArchived(
  deps: ArchiveDeps,
  object: { key: string; versionId?: string },
): Promise<Uint8Array | undefined | null> {
  const store = objectStore(deps);
  try {
    return await store.get({ bucket: 'archive', ...object });
  } catch {
    return null;
  }
}

/**
 * An archived object version's SHA-256 (hex), hashed as it streams (a file of any size is never
 * held whole): undefined when it is gone, null when the storage refused to hand the bytes out.
 */
export async function hashArchived(
  deps: ArchiveDeps,
  object: { key: string; versionId?: string },
): Promise<string | undefined | null> {
  const store = objectStore(deps);
  try {
    const stream = await store.getStream({ bucket: 'archive', ...object });
    if (!stream) return undefined;
    const hash = createHash('sha256');
    for await (const chunk of stream) hash.update(chunk as Uint8Array);
    return hash.digest('hex');
  } catch {
    return null;
  }
}

/** What a failed streamed re-hash found. */
export const hashProblem = (hash: string | undefined | null): string =>
  hash === undefined ? 'missing' : hash === null ? 'unreadable (storage checksum error)' : 'sha256 mismatch';
