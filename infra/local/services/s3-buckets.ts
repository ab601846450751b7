/**
 * Bucket operations of the local S3 endpoint: listings (objects v1/v2, versions, uploads), the
 * bucket's fixed configuration (versioning always Enabled, Object Lock with its default retention)
 * and refusals of every change to it.
 */
import { liveVersion, XML, type OperationHandler, type S3Context } from './s3-context';
import { compareKeys, firstIndexAfter, listPage, parseMaxKeys, S3Error } from './s3-protocol';
import type { StoredVersion } from './s3-store';
import {
  listObjectsV1Xml,
  listObjectsV2Xml,
  listUploadsXml,
  listVersionsXml,
  locationXml,
  objectLockConfigurationXml,
  parseVersioningBody,
  versioningXml,
  type ListedObject,
} from './s3-xml';

function* liveAfter(ctx: S3Context, after: string | undefined): Generator<StoredVersion> {
  const keys = ctx.store.sortedKeys(ctx.bucket);
  for (let i = firstIndexAfter(keys, after); i < keys.length; i++) {
    const v = liveVersion(ctx.store, ctx.bucket, keys[i]!);
    if (v) yield v;
  }
}

const listed = (v: StoredVersion): ListedObject => ({
  key: v.key,
  lastModified: v.lastModified,
  etag: v.etag,
  size: v.size,
});

function listOptions(ctx: S3Context) {
  const delimiter = ctx.query.get('delimiter');
  const encodingType = ctx.query.get('encoding-type');
  if (encodingType !== undefined && encodingType !== 'url')
    throw new S3Error(400, 'InvalidArgument', 'Invalid Encoding Method specified in Request');
  return {
    prefix: ctx.query.get('prefix') ?? '',
    ...(delimiter ? { delimiter } : {}),
    ...(encodingType ? { encodingType } : {}),
  };
}

export const listObjectsV2: OperationHandler = async (ctx) => {
  const options = listOptions(ctx);
  const maxKeys = parseMaxKeys(ctx.query.get('max-keys'));
  const token = ctx.query.get('continuation-token');
  const startAfter = ctx.query.get('start-after');
  let after = startAfter || undefined;
  if (token !== undefined) {
    after = Buffer.from(token, 'base64url').toString('utf8');
    if (token === '' || Buffer.from(after, 'utf8').toString('base64url') !== token)
      throw new S3Error(400, 'InvalidArgument', 'The continuation token provided is incorrect');
  }
  const page = listPage(liveAfter(ctx, after), (v) => v.key, { ...options, maxKeys, after });
  const last = page.last && ('prefix' in page.last ? page.last.prefix : page.last.item.key);
  ctx.reply(
    200,
    XML,
    listObjectsV2Xml({
      bucket: ctx.bucket,
      ...options,
      maxKeys,
      ...(token !== undefined ? { continuationToken: token } : {}),
      ...(page.truncated && last !== undefined
        ? { nextContinuationToken: Buffer.from(last, 'utf8').toString('base64url') }
        : {}),
      ...(startAfter !== undefined ? { startAfter } : {}),
      fetchOwner: ctx.query.get('fetch-owner') === 'true',
      objects: page.items.map(listed),
      prefixes: page.prefixes,
      truncated: page.truncated,
    }),
  );
};

export const listObjects: OperationHandler = async (ctx) => {
  const options = listOptions(ctx);
  const maxKeys = parseMaxKeys(ctx.query.get('max-keys'));
  const marker = ctx.query.get('marker') ?? '';
  const after = marker || undefined;
  const page = listPage(liveAfter(ctx, after), (v) => v.key, { ...options, maxKeys, after });
  const last = page.last && ('prefix' in page.last ? page.last.prefix : page.last.item.key);
  ctx.reply(
    200,
    XML,
    listObjectsV1Xml({
      bucket: ctx.bucket,
      ...options,
      marker,
      ...(page.truncated && last !== undefined ? { nextMarker: last } : {}),
      maxKeys,
      objects: page.items.map(listed),
      prefixes: page.prefixes,
      truncated: page.truncated,
    }),
  );
};

interface VersionEntry {
  v: StoredVersion;
  isLatest: boolean;
}

function* versionsAfter(ctx: S3Context, keyMarker: string, versionIdMarker: string): Generator<VersionEntry> {
  const keys = ctx.store.sortedKeys(ctx.bucket);
  let i = keyMarker === '' ? 0 : firstIndexAfter(keys, keyMarker);
  // The versions of the key marker that come after the version-id marker, then every later key.
  if (versionIdMarker !== '' && i > 0 && keys[i - 1] === keyMarker) {
    const versions = ctx.store.versions(ctx.bucket, keyMarker);
    const at = versions.findIndex((v) => v.versionId === versionIdMarker);
    if (at !== -1)
      for (let j = at + 1; j < versions.length; j++) yield { v: versions[j]!, isLatest: j === 0 };
  }
  for (; i < keys.length; i++) {
    const versions = ctx.store.versions(ctx.bucket, keys[i]!);
    for (let j = 0; j < versions.length; j++) yield { v: versions[j]!, isLatest: j === 0 };
  }
}

export const listObjectVersions: OperationHandler = async (ctx) => {
  const options = listOptions(ctx);
  const maxKeys = parseMaxKeys(ctx.query.get('max-keys'));
  const keyMarker = ctx.query.get('key-marker') ?? '';
  const versionIdMarker = ctx.query.get('version-id-marker') ?? '';
  if (versionIdMarker !== '' && keyMarker === '')
    throw new S3Error(
      400,
      'InvalidArgument',
      'A version-id marker cannot be specified without a key marker.',
    );
  const page = listPage(versionsAfter(ctx, keyMarker, versionIdMarker), (e) => e.v.key, {
    ...options,
    maxKeys,
    ...(keyMarker !== '' ? { after: keyMarker } : {}),
  });
  const next =
    page.truncated && page.last
      ? 'prefix' in page.last
        ? { nextKeyMarker: page.last.prefix }
        : { nextKeyMarker: page.last.item.v.key, nextVersionIdMarker: page.last.item.v.versionId }
      : {};
  ctx.reply(
    200,
    XML,
    listVersionsXml({
      bucket: ctx.bucket,
      ...options,
      keyMarker,
      versionIdMarker,
      ...next,
      maxKeys,
      versions: page.items.map(({ v, isLatest }) => ({
        key: v.key,
        versionId: v.versionId,
        isLatest,
        lastModified: v.lastModified,
        deleteMarker: v.deleteMarker === true,
        ...(v.deleteMarker ? {} : { etag: v.etag, size: v.size }),
      })),
      prefixes: page.prefixes,
      truncated: page.truncated,
    }),
  );
};

export const listMultipartUploads: OperationHandler = async (ctx) => {
  const prefix = ctx.query.get('prefix') ?? '';
  const maxUploads = parseMaxKeys(ctx.query.get('max-uploads'), 'max-uploads');
  const keyMarker = ctx.query.get('key-marker') ?? '';
  const uploadIdMarker = ctx.query.get('upload-id-marker') ?? '';
  const all = ctx.uploads.list(ctx.bucket).filter((u) => {
    if (!u.key.startsWith(prefix)) return false;
    if (keyMarker === '') return true;
    const c = compareKeys(u.key, keyMarker);
    return c > 0 || (c === 0 && uploadIdMarker !== '' && u.uploadId > uploadIdMarker);
  });
  const uploads = all.slice(0, maxUploads);
  const truncated = all.length > uploads.length;
  const last = uploads.at(-1);
  ctx.reply(
    200,
    XML,
    listUploadsXml({
      bucket: ctx.bucket,
      prefix,
      keyMarker,
      uploadIdMarker,
      ...(truncated && last ? { nextKeyMarker: last.key, nextUploadIdMarker: last.uploadId } : {}),
      maxUploads,
      truncated,
      uploads: uploads.map((u) => ({ key: u.key, uploadId: u.uploadId, initiated: u.initiated })),
    }),
  );
};

export const headBucket: OperationHandler = async (ctx) => {
  ctx.reply(200, { 'x-amz-bucket-region': ctx.region });
};

export const getBucketLocation: OperationHandler = async (ctx) => {
  ctx.reply(200, XML, locationXml(ctx.region));
};

export const getBucketVersioning: OperationHandler = async (ctx) => {
  ctx.reply(200, XML, versioningXml());
};

export const getObjectLockConfiguration: OperationHandler = async (ctx) => {
  ctx.reply(200, XML, objectLockConfigurationXml(ctx.config.retention));
};

/** Versioning stays Enabled: re-enabling is a no-op, suspending is refused as on S3. */
export const putBucketVersioning: OperationHandler = async (ctx) => {
  if (parseVersioningBody(ctx.body.toString('utf8')) === 'Enabled') return ctx.reply(200, {});
  throw new S3Error(
    409,
    'InvalidBucketState',
    'An Object Lock configuration is present on this bucket, so the versioning state cannot be changed.',
  );
};

export const putObjectLockConfiguration: OperationHandler = async () => {
  throw new S3Error(
    403,
    'AccessDenied',
    "Access Denied: the local endpoint keeps each bucket's Object Lock configuration",
  );
};

export const deleteBucket: OperationHandler = async (ctx) => {
  if (!ctx.store.isEmpty(ctx.bucket))
    throw new S3Error(
      409,
      'BucketNotEmpty',
      'The bucket you tried to delete is not empty. You must delete all versions in the bucket.',
      { BucketName: ctx.bucket },
    );
  throw new S3Error(403, 'AccessDenied', 'Access Denied: the local endpoint keeps its configured buckets');
};

export const createBucket: OperationHandler = async (ctx) => {
  throw new S3Error(
    409,
    'BucketAlreadyOwnedByYou',
    'Your previous request to create the named bucket succeeded and you already own it.',
    { BucketName: ctx.bucket },
  );
};

export const refusedBucketChange: OperationHandler = async (ctx) => {
  throw new S3Error(
    403,
    'AccessDenied',
    `Access Denied: ${ctx.op.name} is not allowed on the local endpoint's buckets`,
  );
};
