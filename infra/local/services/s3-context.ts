/**
 * What every operation handler of the local S3 endpoint receives: the classified, authenticated
 * and decoded request, the stores, the bucket's configuration and the ways to answer.
 */
import type { Classified } from './s3-classify';
import { resolveLock, S3Error, VERSION_ID_SHAPE, type LockMode, type ObjectLock } from './s3-protocol';
import type { Checksums, StoreLog, StoredVersion, VersionedStore } from './s3-store';
import type { UploadStore } from './s3-uploads';

export interface BucketConfig {
  name: string;
  /** Object Lock default retention of the bucket. */
  retention: { mode: LockMode; days: number };
}

export type ResponseHeaders = Record<string, string | undefined>;

export interface S3Context {
  op: Classified;
  bucket: string;
  key?: string;
  /** Query parameters (last value wins). */
  query: ReadonlyMap<string, string>;
  /** Lower-case request headers, plus x-amz-* parameters hoisted into a presigned URL. */
  headers: Record<string, string | undefined>;
  /** The decoded request body (aws-chunked removed); empty for GET/HEAD/DELETE. */
  body: Buffer;
  /** Checksums the client declared for the body, already verified against it. */
  declared: Checksums;
  config: BucketConfig;
  store: VersionedStore;
  uploads: UploadStore;
  /** Clock of the retention rules (tests move it); version timestamps use the real time. */
  now(): Date;
  region: string;
  endpoint: string;
  log: StoreLog;
  reply(status: number, headers: ResponseHeaders, body?: string): void;
  /** Sends headers, then the content; a failing content stream destroys the response. */
  stream(status: number, headers: ResponseHeaders, content: AsyncIterable<Buffer>): Promise<void>;
}

export type OperationHandler = (ctx: S3Context) => Promise<void>;

export const XML = { 'content-type': 'application/xml' } as const;

/** Headers kept with a version and returned on GET/HEAD. */
const STORED_HEADERS = [
  'content-type',
  'content-disposition',
  'content-encoding',
  'content-language',
  'cache-control',
  'expires',
  'x-amz-website-redirect-location',
];

export function storedHeadersOf(headers: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of STORED_HEADERS) {
    let value = headers[name];
    if (name === 'content-encoding' && value !== undefined)
      value = value
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '' && v !== 'aws-chunked')
        .join(', ');
    if (value) out[name] = value;
  }
  for (const [name, value] of Object.entries(headers))
    if (name.startsWith('x-amz-meta-') && value !== undefined) out[name] = value;
  out['content-type'] ??= 'binary/octet-stream';
  return out;
}

/** The lock and legal hold a new version gets from the request's headers and the bucket default. */
export function lockOfNewVersion(
  ctx: Pick<S3Context, 'config' | 'now'>,
  request: { mode?: string; retainUntil?: string; legalHold?: string },
): { lock?: ObjectLock; legalHold?: boolean } {
  const resolved = resolveLock(
    { mode: request.mode, retainUntil: request.retainUntil },
    ctx.config.retention,
    ctx.now(),
  );
  if (!resolved.ok) throw new S3Error(400, resolved.code, resolved.message);
  const hold = request.legalHold;
  if (hold !== undefined && hold !== 'ON' && hold !== 'OFF')
    throw new S3Error(400, 'InvalidArgument', 'Legal Hold must be either of ON or OFF');
  return {
    ...(resolved.lock ? { lock: resolved.lock } : {}),
    ...(hold !== undefined ? { legalHold: hold === 'ON' } : {}),
  };
}

export function lockHeadersOf(headers: Record<string, string | undefined>): {
  mode?: string;
  retainUntil?: string;
  legalHold?: string;
} {
  return {
    mode: headers['x-amz-object-lock-mode'],
    retainUntil: headers['x-amz-object-lock-retain-until-date'],
    legalHold: headers['x-amz-object-lock-legal-hold'],
  };
}

export function checksumHeaders(checksums: Checksums): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [algorithm, value] of Object.entries(checksums))
    if (value) out[`x-amz-checksum-${algorithm}`] = value;
  return out;
}

export function bypassGovernance(ctx: Pick<S3Context, 'headers'>): boolean {
  return (ctx.headers['x-amz-bypass-governance-retention'] ?? '').trim().toLowerCase() === 'true';
}

export const noSuchKey = (key: string, headers: Record<string, string> = {}) =>
  new S3Error(404, 'NoSuchKey', 'The specified key does not exist.', { Key: key }, headers);

export const noSuchVersion = (key: string, versionId: string) =>
  new S3Error(404, 'NoSuchVersion', 'The specified version does not exist.', {
    Key: key,
    VersionId: versionId,
  });

export const invalidVersionId = (versionId: string) =>
  new S3Error(400, 'InvalidArgument', 'Invalid version id specified', {
    ArgumentName: 'versionId',
    ArgumentValue: versionId,
  });

/**
 * The version an object request names: `versionId`, else the current one. Delete markers are
 * answered as S3 does (404 NoSuchKey with x-amz-delete-marker for the current one, 405 when named),
 * unless `allowMarker`.
 */
export function targetVersion(ctx: S3Context, allowMarker = false): StoredVersion {
  const key = ctx.key!;
  const versionId = ctx.query.get('versionId');
  if (versionId !== undefined) {
    if (!VERSION_ID_SHAPE.test(versionId)) throw invalidVersionId(versionId);
    const v = ctx.store.version(ctx.bucket, key, versionId);
    if (!v) throw noSuchVersion(key, versionId);
    if (v.deleteMarker && !allowMarker)
      throw new S3Error(
        405,
        'MethodNotAllowed',
        'The specified method is not allowed against this resource.',
        { Method: ctx.op.name, ResourceType: 'DeleteMarker' },
        { 'x-amz-delete-marker': 'true', 'x-amz-version-id': v.versionId, allow: 'DELETE' },
      );
    return v;
  }
  const current = ctx.store.current(ctx.bucket, key);
  if (!current) throw noSuchKey(key);
  if (current.deleteMarker && !allowMarker)
    throw noSuchKey(key, { 'x-amz-delete-marker': 'true', 'x-amz-version-id': current.versionId });
  return current;
}

/** The current version when it is an object (not a delete marker). */
export function liveVersion(store: VersionedStore, bucket: string, key: string): StoredVersion | undefined {
  const current = store.current(bucket, key);
  return current && !current.deleteMarker ? current : undefined;
}
