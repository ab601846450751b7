/**
 * The files an application names, checked against the stored objects before it is created: each
 * ref is an upload of this agency (its key is under the agency's prefix), the object exists, S3
 * recorded a SHA-256 for it (it came through the presigned PUT, which binds the declared checksum),
 * its size and type are the ones declared in the application, and its first bytes are of that type
 * where the type has a signature (PDF, JPEG, PNG): a renamed file is refused.
 */
import type { FieldIssue } from '../../../../platform/kernel/errors';
import type { UniqueClaim } from '../../../../platform/ports/aggregate-store.port';
import type { ApplicationValues, FieldValue, FileRef } from '../../domain/values';
import type { PublicApplicationDeps } from '../../ports';
import { uploadKey } from './uploads.usecase';
import { uploadIssue } from './texts';

/** One file of an application, where it is in the values. */
export interface NamedFile {
  path: string;
  file: FileRef;
}

/** A stored upload as the application keeps it (its pinned version and checksum). */
export interface StoredUpload {
  ref: string;
  key: string;
  versionId?: string;
  sha256: string;
  bytes: number;
  mediaType: string;
}

/** A ref is used by one application only: claimed with the application's create. */
export const uploadClaim = (ref: string): UniqueClaim => ({ scope: 'eservice-upload', value: ref });

const isFileList = (value: FieldValue): value is readonly FileRef[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null && 'ref' in v);

/** Every file in the values, with its path (`applicants[0].passportScan[0]`, `common.household[1].x[0]`). */
export function filesOf(values: ApplicationValues): NamedFile[] {
  const out: NamedFile[] = [];
  const walk = (prefix: string, fields: Readonly<Record<string, FieldValue>>) => {
    for (const [code, value] of Object.entries(fields)) {
      if (!Array.isArray(value)) continue;
      if (isFileList(value)) value.forEach((file, i) => out.push({ path: `${prefix}.${code}[${i}]`, file }));
      else
        (value as ReadonlyArray<Readonly<Record<string, FieldValue>>>).forEach((row, i) =>
          walk(`${prefix}.${code}[${i}]`, row),
        );
    }
  };
  walk('common', values.common);
  values.applicants.forEach((a, i) => walk(`applicants[${i}]`, a));
  return out;
}

const signatures: Record<string, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

/** The first bytes agree with the type (types without a known signature pass). */
export function sniffedAs(mediaType: string, head: Uint8Array): boolean {
  const magic = signatures[mediaType];
  return !magic || magic.every((b, i) => head[i] === b);
}

/** The stored uploads of the files, or the issues of those that do not check out. */
export async function checkFiles(
  deps: PublicApplicationDeps,
  tenantId: string,
  files: readonly NamedFile[],
): Promise<{ ok: true; uploads: StoredUpload[] } | { ok: false; issues: FieldIssue[] }> {
  const checked = await Promise.all(
    files.map(async ({ path, file }): Promise<StoredUpload | FieldIssue> => {
      const key = uploadKey(tenantId, file.ref);
      const head = key ? await deps.objects.head({ bucket: 'attachments', key }) : undefined;
      if (!key || !head || !head.sha256Base64) return uploadIssue(path, 'file_not_uploaded');
      if (head.size !== file.bytes || head.contentType !== file.mediaType)
        return uploadIssue(path, 'file_mismatch');
      if (signatures[file.mediaType]) {
        const bytes = await deps.objects.get({
          bucket: 'attachments',
          key,
          ...(head.versionId ? { versionId: head.versionId } : {}),
        });
        if (!bytes || !sniffedAs(file.mediaType, bytes)) return uploadIssue(path, 'file_mismatch');
      }
      if (await deps.store.findByUnique(tenantId, uploadClaim(file.ref)))
        return uploadIssue(path, 'file_already_used');
      return {
        ref: file.ref,
        key,
        ...(head.versionId ? { versionId: head.versionId } : {}),
        sha256: head.sha256Base64,
        bytes: head.size,
        mediaType: head.contentType,
      };
    }),
  );
  const issues = checked.filter((c): c is FieldIssue => 'code' in c);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, uploads: checked as StoredUpload[] };
}
