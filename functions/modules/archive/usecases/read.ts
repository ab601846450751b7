import type { ArchiveDeps } from './deps';

/**
 * An archived object version's bytes: undefined when it is gone, null when the storage refused to
 * hand them out (S3 — and the embedded default's endpoint — answer 500 for bytes that no longer
 * match the checksums stored with them).
 */
export async function readArchived(
  deps: ArchiveDeps,
  object: { key: string; versionId?: string },
): Promise<Uint8Array | undefined | null> {
  if (!deps.objects) throw new Error('Object store not configured');
  try {
    return await deps.objects.get({ bucket: 'archive', ...object });
  } catch {
    return null;
  }
}

/** What a failed re-hash found. */
export const readProblem = (bytes: Uint8Array | undefined | null): string =>
  bytes === undefined
    ? 'missing'
    : bytes === null
      ? 'unreadable (storage checksum error)'
      : 'sha256 mismatch';
