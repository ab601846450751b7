/**
 * Multipart uploads on the local S3 endpoint. Completion writes a new immutable version through
 * the same rules as PutObject (conditional write, Object Lock from the creation's headers or the
 * bucket default); parts never touch existing versions.
 */
import { createHash } from 'node:crypto';
import {
  checksumHeaders,
  liveVersion,
  lockHeadersOf,
  lockOfNewVersion,
  storedHeadersOf,
  XML,
  type OperationHandler,
  type S3Context,
} from './s3-context';
import { parseMaxKeys, S3Error, writeConditionFailure } from './s3-protocol';
import type { UploadRecord } from './s3-uploads';
import {
  completeMultipartXml,
  initiateMultipartXml,
  listPartsXml,
  parseCompleteMultipartBody,
} from './s3-xml';

const MIN_PART_BYTES = 5 * 1024 * 1024;
const MAX_PARTS = 10_000;

function uploadOf(ctx: S3Context): UploadRecord {
  const uploadId = ctx.query.get('uploadId') ?? '';
  const upload = ctx.uploads.get(ctx.bucket, uploadId);
  if (!upload || upload.key !== ctx.key)
    throw new S3Error(
      404,
      'NoSuchUpload',
      'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
      { UploadId: uploadId },
    );
  return upload;
}

export const createMultipartUpload: OperationHandler = async (ctx) => {
  const lockRequest = lockHeadersOf(ctx.headers);
  // Checked now (a bad lock header fails the creation, as on S3), applied at completion.
  lockOfNewVersion(ctx, lockRequest);
  const upload = await ctx.uploads.create(ctx.bucket, {
    key: ctx.key!,
    headers: storedHeadersOf(ctx.headers),
    lockRequest: {
      ...(lockRequest.mode !== undefined ? { mode: lockRequest.mode } : {}),
      ...(lockRequest.retainUntil !== undefined ? { retainUntil: lockRequest.retainUntil } : {}),
    },
    ...(lockRequest.legalHold !== undefined ? { legalHold: lockRequest.legalHold === 'ON' } : {}),
  });
  ctx.reply(200, XML, initiateMultipartXml(ctx.bucket, upload.key, upload.uploadId));
};

export const uploadPart: OperationHandler = async (ctx) => {
  const upload = uploadOf(ctx);
  const raw = ctx.query.get('partNumber') ?? '';
  const partNumber = Number(raw);
  if (!/^\d+$/.test(raw) || partNumber < 1 || partNumber > MAX_PARTS)
    throw new S3Error(
      400,
      'InvalidArgument',
      'Part number must be an integer between 1 and 10000, inclusive',
      {
        ArgumentName: 'partNumber',
        ArgumentValue: raw,
      },
    );
  const part = await ctx.uploads.withUpload(ctx.bucket, upload.uploadId, async () => {
    uploadOf(ctx);
    return ctx.uploads.putPart(ctx.bucket, upload.uploadId, partNumber, ctx.body, ctx.declared);
  });
  ctx.reply(200, { etag: part.etag, ...checksumHeaders(part.checksums) });
};

export const completeMultipartUpload: OperationHandler = async (ctx) => {
  const requested = parseCompleteMultipartBody(ctx.body.toString('utf8'));
  const upload = uploadOf(ctx);
  const key = ctx.key!;
  await ctx.uploads.withUpload(ctx.bucket, upload.uploadId, async () => {
    uploadOf(ctx);
    const stored = new Map(ctx.uploads.parts(ctx.bucket, upload.uploadId).map((p) => [p.partNumber, p]));
    const chosen = requested.map((r, i) => {
      if (i > 0 && r.partNumber <= requested[i - 1]!.partNumber)
        throw new S3Error(400, 'InvalidPartOrder', 'The list of parts was not in ascending order.');
      const part = stored.get(r.partNumber);
      if (!part || part.etag.replace(/"/g, '') !== r.etag)
        throw new S3Error(
          400,
          'InvalidPart',
          "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
          { PartNumber: String(r.partNumber), ETag: r.etag },
        );
      return part;
    });
    chosen.forEach((p, i) => {
      if (i < chosen.length - 1 && p.size < MIN_PART_BYTES)
        throw new S3Error(
          400,
          'EntityTooSmall',
          'Your proposed upload is smaller than the minimum allowed object size.',
          {
            PartNumber: String(p.partNumber),
            ProposedSize: String(p.size),
            MinSizeAllowed: String(MIN_PART_BYTES),
          },
        );
    });
    const md5s = Buffer.concat(chosen.map((p) => Buffer.from(p.etag.replace(/"/g, ''), 'hex')));
    const etag = `"${createHash('md5').update(md5s).digest('hex')}-${chosen.length}"`;
    const lockState = lockOfNewVersion(ctx, {
      ...upload.lockRequest,
      ...(upload.legalHold !== undefined ? { legalHold: upload.legalHold ? 'ON' : 'OFF' } : {}),
    });
    const v = await ctx.store.withKey(ctx.bucket, key, async () => {
      const failure = writeConditionFailure(ctx.headers, liveVersion(ctx.store, ctx.bucket, key));
      if (failure) throw failure;
      return ctx.store.putVersion(
        ctx.bucket,
        key,
        chosen.map((p) => ctx.uploads.partPath(ctx.bucket, upload.uploadId, p)),
        { headers: upload.headers, checksums: {}, ...lockState, parts: chosen.map((p) => p.size) },
        { etag },
      );
    });
    await ctx.uploads.remove(ctx.bucket, upload.uploadId);
    const location = `${ctx.endpoint}/${encodeURIComponent(ctx.bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;
    ctx.reply(
      200,
      { ...XML, 'x-amz-version-id': v.versionId },
      completeMultipartXml(location, ctx.bucket, key, v.etag),
    );
  });
};

export const abortMultipartUpload: OperationHandler = async (ctx) => {
  const upload = uploadOf(ctx);
  await ctx.uploads.withUpload(ctx.bucket, upload.uploadId, async () => {
    uploadOf(ctx);
    await ctx.uploads.remove(ctx.bucket, upload.uploadId);
  });
  ctx.reply(204, {});
};

export const listParts: OperationHandler = async (ctx) => {
  const upload = uploadOf(ctx);
  const maxParts = parseMaxKeys(ctx.query.get('max-parts'), 'max-parts');
  const marker = Number(ctx.query.get('part-number-marker') ?? '0') || 0;
  const all = ctx.uploads.parts(ctx.bucket, upload.uploadId).filter((p) => p.partNumber > marker);
  const parts = all.slice(0, maxParts);
  const truncated = all.length > parts.length;
  ctx.reply(
    200,
    XML,
    listPartsXml({
      bucket: ctx.bucket,
      key: upload.key,
      uploadId: upload.uploadId,
      marker,
      ...(truncated ? { nextMarker: parts.at(-1)!.partNumber } : {}),
      maxParts,
      truncated,
      parts: parts.map((p) => ({
        partNumber: p.partNumber,
        lastModified: p.lastModified,
        etag: p.etag,
        size: p.size,
      })),
    }),
  );
};
