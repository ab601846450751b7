/**
 * Object operations of the local S3 endpoint on versioned, Object-Lock-enabled buckets: reads
 * (verified against the recorded digests), writes (each one a new immutable version), deletes
 * (delete markers; a version only when no retention or legal hold protects it), retention and
 * legal hold.
 */
import { IntegrityError } from './s3-store-io';
import {
  checksumHeaders,
  bypassGovernance,
  liveVersion,
  lockHeadersOf,
  lockOfNewVersion,
  noSuchKey,
  noSuchVersion,
  storedHeadersOf,
  targetVersion,
  invalidVersionId,
  XML,
  type OperationHandler,
  type ResponseHeaders,
  type S3Context,
} from './s3-context';
import {
  checkRetentionChange,
  evaluateReadConditions,
  httpDate,
  LOCKED_MESSAGE,
  parseRange,
  parsePathStyle,
  S3Error,
  VERSION_ID_SHAPE,
  versionDeleteRefusal,
  writeConditionFailure,
} from './s3-protocol';
import type { StoredVersion } from './s3-store';
import {
  copyObjectResultXml,
  deleteObjectsResultXml,
  legalHoldXml,
  parseDeleteObjectsBody,
  parseLegalHoldBody,
  parseRetentionBody,
  retentionXml,
  type DeletedEntry,
} from './s3-xml';

/** `response-*` query parameters S3 accepts on GET/HEAD, and the header each one sets. */
const RESPONSE_OVERRIDES = [
  'content-type',
  'content-language',
  'expires',
  'cache-control',
  'content-disposition',
  'content-encoding',
];

function objectHeaders(v: StoredVersion): ResponseHeaders {
  return {
    ...v.headers,
    'last-modified': httpDate(v.lastModified),
    etag: v.etag,
    'x-amz-version-id': v.versionId,
    'accept-ranges': 'bytes',
    'x-amz-object-lock-mode': v.lock?.mode,
    'x-amz-object-lock-retain-until-date': v.lock?.retainUntil,
    'x-amz-object-lock-legal-hold': v.legalHold === undefined ? undefined : v.legalHold ? 'ON' : 'OFF',
  };
}

/** The byte range a GET/HEAD asks for: a part (`partNumber`), a `Range`, or the whole. */
function requestedRange(ctx: S3Context, v: StoredVersion): { start: number; end: number; partial: boolean } {
  const partNumber = ctx.query.get('partNumber');
  if (partNumber !== undefined) {
    const n = Number(partNumber);
    const sizes = v.parts ?? [v.size];
    if (!/^\d+$/.test(partNumber) || n < 1 || n > sizes.length)
      throw new S3Error(416, 'InvalidPartNumber', 'The requested partnumber is not satisfiable', {
        PartNumberRequested: partNumber,
        ActualPartCount: String(sizes.length),
      });
    const start = sizes.slice(0, n - 1).reduce((a, b) => a + b, 0);
    return { start, end: start + sizes[n - 1]! - 1, partial: true };
  }
  const range = parseRange(ctx.headers['range'], v.size);
  if (range.kind === 'unsatisfiable')
    throw new S3Error(
      416,
      'InvalidRange',
      'The requested range is not satisfiable',
      { RangeRequested: ctx.headers['range'] ?? '', ActualObjectSize: String(v.size) },
      { 'content-range': `bytes */${v.size}` },
    );
  if (range.kind === 'partial') return { start: range.start, end: range.end, partial: true };
  return { start: 0, end: v.size - 1, partial: false };
}

async function readObject(ctx: S3Context, head: boolean): Promise<void> {
  const v = targetVersion(ctx);
  const condition = evaluateReadConditions(ctx.headers, {
    etag: v.etag,
    lastModified: new Date(v.lastModified),
  });
  if (condition === 304)
    return ctx.reply(304, {
      etag: v.etag,
      'last-modified': httpDate(v.lastModified),
      'x-amz-version-id': v.versionId,
    });
  if (condition === 412)
    throw new S3Error(
      412,
      'PreconditionFailed',
      'At least one of the pre-conditions you specified did not hold',
      {
        Condition: ctx.headers['if-match'] !== undefined ? 'If-Match' : 'If-Unmodified-Since',
      },
    );
  const { start, end, partial } = requestedRange(ctx, v);
  const headers: ResponseHeaders = {
    ...objectHeaders(v),
    'content-length': String(end - start + 1),
    ...(partial ? { 'content-range': `bytes ${start}-${end}/${v.size}` } : {}),
    ...(v.parts && ctx.query.has('partNumber') ? { 'x-amz-mp-parts-count': String(v.parts.length) } : {}),
  };
  for (const name of RESPONSE_OVERRIDES) {
    const value = ctx.query.get(`response-${name}`);
    if (value !== undefined && value !== '') headers[name] = value;
  }
  if (!partial && (ctx.headers['x-amz-checksum-mode'] ?? '').toUpperCase() === 'ENABLED') {
    const sums = checksumHeaders(v.checksums);
    Object.assign(
      headers,
      sums,
      Object.keys(sums).length > 0 ? { 'x-amz-checksum-type': 'FULL_OBJECT' } : {},
    );
  }
  const status = partial ? 206 : 200;
  if (head) return ctx.reply(status, headers);
  let content: AsyncGenerator<Buffer>;
  try {
    content = await ctx.store.openContent(ctx.bucket, v, start, end);
  } catch (err) {
    if (!(err instanceof IntegrityError) && (err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    ctx.log('error', 's3: stored bytes of a version are altered or missing; not served', {
      bucket: ctx.bucket,
      versionId: v.versionId,
      detail: err instanceof IntegrityError ? err.detail : 'data file missing',
    });
    throw new S3Error(500, 'InternalError', 'We encountered an internal error. Please try again.');
  }
  await ctx.stream(status, headers, content);
}

export const getObject: OperationHandler = (ctx) => readObject(ctx, false);
export const headObject: OperationHandler = (ctx) => readObject(ctx, true);

export const putObject: OperationHandler = async (ctx) => {
  const key = ctx.key!;
  const headers = storedHeadersOf(ctx.headers);
  await ctx.store.withKey(ctx.bucket, key, async () => {
    const failure = writeConditionFailure(ctx.headers, liveVersion(ctx.store, ctx.bucket, key));
    if (failure) throw failure;
    const v = await ctx.store.putVersion(ctx.bucket, key, ctx.body, {
      headers,
      checksums: ctx.declared,
      ...lockOfNewVersion(ctx, lockHeadersOf(ctx.headers)),
    });
    ctx.reply(200, { etag: v.etag, 'x-amz-version-id': v.versionId, ...checksumHeaders(v.checksums) });
  });
};

/** `x-amz-copy-source`: `[/]bucket/key[?versionId=…]`, URL-encoded. */
function copySourceOf(ctx: S3Context): { bucket: string; key: string; versionId?: string } {
  const raw = ctx.headers['x-amz-copy-source'] ?? '';
  const q = raw.indexOf('?');
  const path = q === -1 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q === -1 ? '' : raw.slice(q + 1));
  let parsed: { bucket?: string; key?: string };
  try {
    parsed = parsePathStyle(`/${path.replace(/^\/+/, '')}`);
  } catch {
    parsed = {};
  }
  if (!parsed.bucket || parsed.key === undefined)
    throw new S3Error(
      400,
      'InvalidArgument',
      'Copy Source must mention the source bucket and key: sourcebucket/sourcekey',
    );
  const versionId = params.get('versionId') ?? undefined;
  return { bucket: parsed.bucket, key: parsed.key, ...(versionId !== undefined ? { versionId } : {}) };
}

function copySourceVersion(
  ctx: S3Context,
  src: { bucket: string; key: string; versionId?: string },
): StoredVersion {
  if (!ctx.store.hasBucket(src.bucket))
    throw new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist', { BucketName: src.bucket });
  if (src.versionId !== undefined) {
    if (!VERSION_ID_SHAPE.test(src.versionId)) throw invalidVersionId(src.versionId);
    const v = ctx.store.version(src.bucket, src.key, src.versionId);
    if (!v) throw noSuchVersion(src.key, src.versionId);
    if (v.deleteMarker)
      throw new S3Error(
        400,
        'InvalidRequest',
        'The source of a copy request may not specifically refer to a delete marker by version id.',
      );
    return v;
  }
  const v = liveVersion(ctx.store, src.bucket, src.key);
  if (!v) throw noSuchKey(src.key);
  return v;
}

export const copyObject: OperationHandler = async (ctx) => {
  const key = ctx.key!;
  const src = copySourceOf(ctx);
  const source = copySourceVersion(ctx, src);
  const h = ctx.headers;
  const sourceCondition = evaluateReadConditions(
    {
      'if-match': h['x-amz-copy-source-if-match'],
      'if-none-match': h['x-amz-copy-source-if-none-match'],
      'if-modified-since': h['x-amz-copy-source-if-modified-since'],
      'if-unmodified-since': h['x-amz-copy-source-if-unmodified-since'],
    },
    { etag: source.etag, lastModified: new Date(source.lastModified) },
  );
  if (sourceCondition !== 200)
    throw new S3Error(
      412,
      'PreconditionFailed',
      'At least one of the pre-conditions you specified did not hold',
    );
  const directive = (h['x-amz-metadata-directive'] ?? 'COPY').toUpperCase();
  if (directive !== 'COPY' && directive !== 'REPLACE')
    throw new S3Error(400, 'InvalidArgument', 'Unknown metadata directive.');
  const headers = directive === 'REPLACE' ? storedHeadersOf(h) : source.headers;
  await ctx.store.withKey(ctx.bucket, key, async () => {
    const failure = writeConditionFailure(h, liveVersion(ctx.store, ctx.bucket, key));
    if (failure) throw failure;
    const v = await ctx.store.putVersion(
      ctx.bucket,
      key,
      [ctx.store.dataPath(src.bucket, source)],
      { headers, checksums: source.checksums, ...lockOfNewVersion(ctx, lockHeadersOf(h)) },
      { expectSha256: source.sha256 },
    );
    ctx.reply(
      200,
      { ...XML, 'x-amz-version-id': v.versionId, 'x-amz-copy-source-version-id': source.versionId },
      copyObjectResultXml(v.etag, v.lastModified, v.checksums.sha256),
    );
  });
};

interface DeleteOutcome {
  versionId: string;
  deleteMarker: boolean;
}

/** DeleteObject's rules for one key (caller holds the key). */
async function deleteOne(ctx: S3Context, key: string, versionId: string | undefined): Promise<DeleteOutcome> {
  if (versionId === undefined) {
    const marker = await ctx.store.putDeleteMarker(ctx.bucket, key);
    return { versionId: marker.versionId, deleteMarker: true };
  }
  if (!VERSION_ID_SHAPE.test(versionId)) throw invalidVersionId(versionId);
  const v = ctx.store.version(ctx.bucket, key, versionId);
  if (!v) return { versionId, deleteMarker: false };
  if (!v.deleteMarker && versionDeleteRefusal(v, ctx.now(), bypassGovernance(ctx)))
    throw new S3Error(403, 'AccessDenied', LOCKED_MESSAGE);
  await ctx.store.removeVersion(ctx.bucket, v);
  return { versionId, deleteMarker: v.deleteMarker === true };
}

export const deleteObject: OperationHandler = async (ctx) => {
  const key = ctx.key!;
  const outcome = await ctx.store.withKey(ctx.bucket, key, () =>
    deleteOne(ctx, key, ctx.query.get('versionId')),
  );
  ctx.reply(204, {
    'x-amz-version-id': outcome.versionId,
    ...(outcome.deleteMarker ? { 'x-amz-delete-marker': 'true' } : {}),
  });
};

export const deleteObjects: OperationHandler = async (ctx) => {
  const { objects, quiet } = parseDeleteObjectsBody(ctx.body.toString('utf8'));
  const deleted: DeletedEntry[] = [];
  const errors: Array<{ key: string; versionId?: string; code: string; message: string }> = [];
  for (const { key, versionId } of objects) {
    try {
      const outcome = await ctx.store.withKey(ctx.bucket, key, () => deleteOne(ctx, key, versionId));
      deleted.push(
        versionId === undefined
          ? { key, deleteMarker: true, deleteMarkerVersionId: outcome.versionId }
          : {
              key,
              versionId,
              ...(outcome.deleteMarker ? { deleteMarker: true, deleteMarkerVersionId: versionId } : {}),
            },
      );
    } catch (err) {
      if (!(err instanceof S3Error)) throw err;
      errors.push({
        key,
        ...(versionId !== undefined ? { versionId } : {}),
        code: err.code,
        message: err.message,
      });
    }
  }
  ctx.reply(200, XML, deleteObjectsResultXml(deleted, errors, quiet));
};

export const getObjectRetention: OperationHandler = async (ctx) => {
  const v = targetVersion(ctx);
  if (!v.lock)
    throw new S3Error(
      404,
      'NoSuchObjectLockConfiguration',
      'The specified object does not have a ObjectLock configuration',
    );
  ctx.reply(200, XML, retentionXml(v.lock));
};

export const putObjectRetention: OperationHandler = async (ctx) => {
  const requested = parseRetentionBody(ctx.body.toString('utf8'));
  await ctx.store.withKey(ctx.bucket, ctx.key!, async () => {
    const v = targetVersion(ctx);
    const change = checkRetentionChange(v.lock, requested, ctx.now(), bypassGovernance(ctx));
    if (!change.ok) throw change.error;
    await ctx.store.updateLockState(ctx.bucket, v, { lock: change.lock, legalHold: v.legalHold });
    ctx.reply(200, {});
  });
};

export const getObjectLegalHold: OperationHandler = async (ctx) => {
  const v = targetVersion(ctx);
  if (v.legalHold === undefined)
    throw new S3Error(
      404,
      'NoSuchObjectLockConfiguration',
      'The specified object does not have a ObjectLock configuration',
    );
  ctx.reply(200, XML, legalHoldXml(v.legalHold));
};

export const putObjectLegalHold: OperationHandler = async (ctx) => {
  const on = parseLegalHoldBody(ctx.body.toString('utf8'));
  await ctx.store.withKey(ctx.bucket, ctx.key!, async () => {
    const v = targetVersion(ctx);
    await ctx.store.updateLockState(ctx.bucket, v, { lock: v.lock, legalHold: on });
    ctx.reply(200, {});
  });
};
