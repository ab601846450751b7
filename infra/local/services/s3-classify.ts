/**
 * Classifies every request to the local S3 endpoint into exactly one S3 operation, from the method,
 * the path shape (service / bucket / bucket+key) and the sub-resource query names S3 knows. Query
 * parameters S3 does not know (`?foo=bar`, the SDK's `x-id`) never change the operation, as on S3.
 * Whatever is not implemented is `NotImplemented` (501), whatever would change a bucket's protection
 * is a refusal: there is no "pass it on" outcome. Pure; unit-tested.
 */

export type S3Operation =
  | 'ListBuckets'
  | 'HeadBucket'
  | 'CreateBucket'
  | 'DeleteBucket'
  | 'ListObjects'
  | 'ListObjectsV2'
  | 'ListObjectVersions'
  | 'ListMultipartUploads'
  | 'GetBucketVersioning'
  | 'PutBucketVersioning'
  | 'GetObjectLockConfiguration'
  | 'PutObjectLockConfiguration'
  | 'GetBucketLocation'
  | 'DeleteObjects'
  | 'GetObject'
  | 'HeadObject'
  | 'PutObject'
  | 'CopyObject'
  | 'DeleteObject'
  | 'GetObjectRetention'
  | 'PutObjectRetention'
  | 'GetObjectLegalHold'
  | 'PutObjectLegalHold'
  | 'CreateMultipartUpload'
  | 'UploadPart'
  | 'CompleteMultipartUpload'
  | 'AbortMultipartUpload'
  | 'ListParts'
  /** A change to a bucket's configuration (policy, ACL, lifecycle, …): refused with AccessDenied. */
  | 'RefusedBucketChange'
  | 'NotImplemented';

export interface Classified {
  op: S3Operation;
  /** The S3 API name (for refusals and 501 messages), e.g. `PutBucketPolicy`. */
  name: string;
}

/** Bucket configuration sub-resources and the S3 API names of reading / changing / removing them. */
const BUCKET_CONFIG: Record<string, string> = {
  abac: 'BucketAbac',
  accelerate: 'BucketAccelerateConfiguration',
  acl: 'BucketAcl',
  analytics: 'BucketAnalyticsConfiguration',
  cors: 'BucketCors',
  encryption: 'BucketEncryption',
  'intelligent-tiering': 'BucketIntelligentTieringConfiguration',
  inventory: 'BucketInventoryConfiguration',
  lifecycle: 'BucketLifecycleConfiguration',
  logging: 'BucketLogging',
  metadataAnnotationTable: 'BucketMetadataAnnotationTableConfiguration',
  metadataConfiguration: 'BucketMetadataConfiguration',
  metadataInventoryTable: 'BucketMetadataInventoryTableConfiguration',
  metadataJournalTable: 'BucketMetadataJournalTableConfiguration',
  metadataTable: 'BucketMetadataTableConfiguration',
  metrics: 'BucketMetricsConfiguration',
  notification: 'BucketNotificationConfiguration',
  ownershipControls: 'BucketOwnershipControls',
  policy: 'BucketPolicy',
  policyStatus: 'BucketPolicyStatus',
  publicAccessBlock: 'PublicAccessBlock',
  replication: 'BucketReplication',
  requestPayment: 'BucketRequestPayment',
  tagging: 'BucketTagging',
  website: 'BucketWebsite',
};

/** Object sub-resources of operations the endpoint does not implement. */
const OBJECT_UNIMPLEMENTED: Record<string, string> = {
  acl: 'ObjectAcl',
  annotation: 'ObjectAnnotation',
  attributes: 'ObjectAttributes',
  encryption: 'ObjectEncryption',
  renameObject: 'RenameObject',
  restore: 'RestoreObject',
  select: 'SelectObjectContent',
  tagging: 'ObjectTagging',
  torrent: 'ObjectTorrent',
};

/** Every query name that selects or qualifies an S3 operation; all other names are ignored. */
export const KNOWN_SUBRESOURCES: ReadonlySet<string> = new Set([
  ...Object.keys(BUCKET_CONFIG),
  ...Object.keys(OBJECT_UNIMPLEMENTED),
  'versionId',
  'uploads',
  'uploadId',
  'partNumber',
  'delete',
  'versions',
  'list-type',
  'retention',
  'legal-hold',
  'versioning',
  'object-lock',
  'location',
  'session',
]);

const is = (op: S3Operation, name: string = op): Classified => ({ op, name });
const notImplemented = (name: string): Classified => ({ op: 'NotImplemented', name });

function firstConfig(query: ReadonlyMap<string, string>): string | undefined {
  return Object.keys(BUCKET_CONFIG).find((k) => query.has(k));
}

function classifyBucket(method: string, query: ReadonlyMap<string, string>): Classified {
  const config = firstConfig(query);
  switch (method) {
    case 'GET':
      if (query.has('versions')) return is('ListObjectVersions');
      if (query.has('uploads')) return is('ListMultipartUploads');
      if (query.has('versioning')) return is('GetBucketVersioning');
      if (query.has('object-lock')) return is('GetObjectLockConfiguration');
      if (query.has('location')) return is('GetBucketLocation');
      if (config) return notImplemented(`Get${BUCKET_CONFIG[config]}`);
      if (query.has('session')) return notImplemented('CreateSession');
      return query.get('list-type') === '2' ? is('ListObjectsV2') : is('ListObjects');
    case 'HEAD':
      return is('HeadBucket');
    case 'PUT':
      if (query.has('versioning')) return is('PutBucketVersioning');
      if (query.has('object-lock')) return is('PutObjectLockConfiguration');
      if (config) return is('RefusedBucketChange', `Put${BUCKET_CONFIG[config]}`);
      return is('CreateBucket');
    case 'DELETE':
      if (config) return is('RefusedBucketChange', `Delete${BUCKET_CONFIG[config]}`);
      return is('DeleteBucket');
    case 'POST':
      if (query.has('delete')) return is('DeleteObjects');
      if (config) return is('RefusedBucketChange', `Create${BUCKET_CONFIG[config]}`);
      return notImplemented('PostObject');
    default:
      return notImplemented(`${method} on a bucket`);
  }
}

function classifyObject(
  method: string,
  query: ReadonlyMap<string, string>,
  hasCopySource: boolean,
): Classified {
  // A sub-resource of an operation not implemented here (or a bucket's, on an object) wins over
  // the plain object operations, so that it can never turn into a PutObject or DeleteObject.
  const other = Object.keys(OBJECT_UNIMPLEMENTED).find((k) => query.has(k)) ?? firstConfig(query);
  const unimplemented = () =>
    notImplemented(`${method} ${other ? (OBJECT_UNIMPLEMENTED[other] ?? `?${other}`) : ''} on an object`);
  switch (method) {
    case 'GET':
    case 'HEAD': {
      const head = method === 'HEAD';
      if (query.has('uploadId')) return head ? unimplemented() : is('ListParts');
      if (query.has('retention')) return head ? unimplemented() : is('GetObjectRetention');
      if (query.has('legal-hold')) return head ? unimplemented() : is('GetObjectLegalHold');
      if (other) return unimplemented();
      return head ? is('HeadObject') : is('GetObject');
    }
    case 'PUT':
      if (query.has('uploadId') || query.has('partNumber'))
        return hasCopySource ? notImplemented('UploadPartCopy') : is('UploadPart');
      if (query.has('retention')) return is('PutObjectRetention');
      if (query.has('legal-hold')) return is('PutObjectLegalHold');
      if (other) return unimplemented();
      return hasCopySource ? is('CopyObject') : is('PutObject');
    case 'POST':
      if (query.has('uploads')) return is('CreateMultipartUpload');
      if (query.has('uploadId')) return is('CompleteMultipartUpload');
      return unimplemented();
    case 'DELETE':
      if (query.has('uploadId')) return is('AbortMultipartUpload');
      if (other) return unimplemented();
      return is('DeleteObject');
    default:
      return notImplemented(`${method} on an object`);
  }
}

/**
 * The operation of a path-style request. `query` holds the request's query parameters (authentication
 * parameters included: they are not sub-resources and are ignored here).
 */
export function classifyS3Request(input: {
  method: string;
  bucket?: string;
  key?: string;
  query: ReadonlyMap<string, string>;
  hasCopySource: boolean;
}): Classified {
  const method = input.method.toUpperCase();
  if (input.bucket === undefined)
    return method === 'GET' ? is('ListBuckets') : notImplemented(`${method} on the service`);
  if (input.key === undefined) return classifyBucket(method, input.query);
  return classifyObject(method, input.query, input.hasCopySource);
}

/** Object operations on which S3 answers `InvalidArgument` for a `versionId` query parameter. */
export const REFUSES_VERSION_ID: ReadonlySet<S3Operation> = new Set<S3Operation>([
  'PutObject',
  'CopyObject',
  'CreateMultipartUpload',
  'UploadPart',
  'CompleteMultipartUpload',
  'AbortMultipartUpload',
  'ListParts',
]);
