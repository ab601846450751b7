/**
 * Uploads of scans for an application's file fields, before the application is submitted: the
 * declared file is checked against the published form's file field (media type, size), then a
 * presigned PUT bound to its type, length and SHA-256 is issued (S3 refuses other bytes). The ref
 * is 144 random bits: the object key is the agency's prefix and the ref, so a ref names one object
 * of one agency and cannot be guessed. Nothing is written to the table: the submit checks the
 * stored object itself, and a ref is claimed by the first application that uses it.
 */
import { randomBytes } from 'node:crypto';
import { BusinessRuleError } from '../../../../platform/kernel/errors';
import type { PresignedUpload } from '../../../../platform/ports/object-store.port';
import { fieldError } from '../../domain/messages';
import type { PublicApplicationDeps } from '../../ports';
import { applicationKeys } from '../application-records';
import { fileField, publishedService } from './published';
import { formIssue, uploadIssue } from './texts';

/** How long the presigned PUT is valid. */
export const UPLOAD_SECONDS = 15 * 60;
const REF_BYTES = 18;

export interface UploadInput {
  field: string;
  name: string;
  mediaType: string;
  bytes: number;
  /** SHA-256 of the bytes, base64. */
  sha256: string;
}

export interface UploadAnswer {
  ref: string;
  /** The presigned PUT; its headers are named `signedHeaders`, as the documents module's uploads. */
  upload: Omit<PresignedUpload, 'headers'> & { signedHeaders: Record<string, string> };
}

export const random = (deps: Pick<PublicApplicationDeps, 'randomBytes'>, size: number): Uint8Array =>
  deps.randomBytes ? deps.randomBytes(size) : randomBytes(size);

/** The object key of an upload's ref (refs are base64url; anything else names no upload). */
export const uploadKey = (tenantId: string, ref: string): string | undefined =>
  /^[A-Za-z0-9_-]{24}$/.test(ref) ? applicationKeys.upload(tenantId, ref) : undefined;

export async function startUpload(
  deps: PublicApplicationDeps,
  agency: string,
  code: string,
  input: UploadInput,
): Promise<UploadAnswer> {
  const { definition } = await publishedService(deps, agency, code);
  const field = fileField(definition, input.field);
  if (!field) throw invalid([uploadIssue('field', 'not_a_file_field')]);
  const problems = [
    ...(field.mediaTypes.includes(input.mediaType)
      ? []
      : [fieldError('mediaType', 'file_type_not_allowed', { allowed: field.mediaTypes.join(', ') })]),
    ...(input.bytes > field.maxBytes ? [fieldError('bytes', 'file_too_large', { max: field.maxBytes })] : []),
    ...(input.bytes < 1 ? [fieldError('bytes', 'file_empty')] : []),
  ];
  if (problems.length > 0) throw invalid(problems.map(formIssue));
  const ref = Buffer.from(random(deps, REF_BYTES)).toString('base64url');
  const { headers, ...upload } = await deps.objects.presignUpload({
    bucket: 'attachments',
    key: applicationKeys.upload(agency, ref),
    contentType: input.mediaType,
    contentLength: input.bytes,
    sha256Base64: input.sha256,
    expiresInSeconds: UPLOAD_SECONDS,
  });
  return { ref, upload: { ...upload, signedHeaders: headers } };
}

const invalid = (issues: ConstructorParameters<typeof BusinessRuleError>[3]) =>
  new BusinessRuleError('validation_failed', 'The upload does not fit the form', {}, issues);
