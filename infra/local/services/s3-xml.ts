/**
 * XML bodies of the local S3 endpoint: result documents in S3's shapes (lists, versions, multipart,
 * Object Lock) and the few request bodies it reads (DeleteObjects, CompleteMultipartUpload,
 * Retention, LegalHold, VersioningConfiguration). Pure; unit-tested.
 */
import { S3Error, xmlEscape, xmlUnescape, type ObjectLock } from './s3-protocol';

const NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** The canonical owner of everything on the local endpoint. */
export const LOCAL_OWNER = {
  id: '569d399353cea347badaca14bbe75ea9af8060493b45e2f044bde71d62ceb0b5',
  displayName: 'karguzar-local',
};

type Value = string | number | boolean | undefined;

/** `<name>value</name>`, or nothing when the value is undefined. */
export function el(name: string, value: Value): string {
  return value === undefined ? '' : `<${name}>${xmlEscape(String(value))}</${name}>`;
}

function doc(root: string, inner: string): string {
  return `${HEAD}<${root} xmlns="${NS}">${inner}</${root}>`;
}

const owner = () => `<Owner>${el('ID', LOCAL_OWNER.id)}${el('DisplayName', LOCAL_OWNER.displayName)}</Owner>`;

/** With `encoding-type=url`, keys and prefixes are URL-encoded in list results. */
export function keyEncoder(encodingType: string | undefined): (key: string) => string {
  return encodingType === 'url' ? (k) => encodeURIComponent(k).replace(/%2F/g, '/') : (k) => k;
}

export interface ListedObject {
  key: string;
  lastModified: string;
  etag: string;
  size: number;
}

export function listBucketsXml(buckets: Array<{ name: string; created: string }>): string {
  const items = buckets
    .map((b) => `<Bucket>${el('Name', b.name)}${el('CreationDate', b.created)}</Bucket>`)
    .join('');
  return doc('ListAllMyBucketsResult', `${owner()}<Buckets>${items}</Buckets>`);
}

function contents(objects: ListedObject[], enc: (k: string) => string, withOwner: boolean): string {
  return objects
    .map(
      (o) =>
        `<Contents>${el('Key', enc(o.key))}${el('LastModified', o.lastModified)}${el('ETag', o.etag)}` +
        `${el('Size', o.size)}${withOwner ? owner() : ''}${el('StorageClass', 'STANDARD')}</Contents>`,
    )
    .join('');
}

function commonPrefixes(prefixes: string[], enc: (k: string) => string): string {
  return prefixes.map((p) => `<CommonPrefixes>${el('Prefix', enc(p))}</CommonPrefixes>`).join('');
}

/** What both ListObjects answers carry: the bucket, the asked prefix and delimiter, one page of keys. */
interface Listing {
  bucket: string;
  prefix: string;
  delimiter?: string;
  maxKeys: number;
  encodingType?: string;
  objects: ListedObject[];
  prefixes: string[];
  truncated: boolean;
}

/** A ListBucketResult: Name and Prefix, then the elements `rest` gives (keys encoded as asked). */
function listBucketResult(input: Listing, rest: (enc: (key: string) => string) => string): string {
  const enc = keyEncoder(input.encodingType);
  return doc('ListBucketResult', el('Name', input.bucket) + el('Prefix', enc(input.prefix)) + rest(enc));
}

const encoded = (enc: (key: string) => string, key: string | undefined) =>
  key === undefined ? undefined : enc(key);

export function listObjectsV2Xml(
  input: Listing & {
    continuationToken?: string;
    nextContinuationToken?: string;
    startAfter?: string;
    fetchOwner: boolean;
  },
): string {
  return listBucketResult(
    input,
    (enc) =>
      el('Delimiter', encoded(enc, input.delimiter)) +
      el('MaxKeys', input.maxKeys) +
      el('EncodingType', input.encodingType) +
      el('KeyCount', input.objects.length + input.prefixes.length) +
      el('IsTruncated', input.truncated) +
      el('ContinuationToken', input.continuationToken) +
      el('NextContinuationToken', input.nextContinuationToken) +
      el('StartAfter', encoded(enc, input.startAfter)) +
      contents(input.objects, enc, input.fetchOwner) +
      commonPrefixes(input.prefixes, enc),
  );
}

export function listObjectsV1Xml(input: Listing & { marker: string; nextMarker?: string }): string {
  return listBucketResult(
    input,
    (enc) =>
      el('Marker', enc(input.marker)) +
      el('NextMarker', encoded(enc, input.nextMarker)) +
      el('MaxKeys', input.maxKeys) +
      el('Delimiter', encoded(enc, input.delimiter)) +
      el('EncodingType', input.encodingType) +
      el('IsTruncated', input.truncated) +
      contents(input.objects, enc, true) +
      commonPrefixes(input.prefixes, enc),
  );
}

export interface ListedVersion {
  key: string;
  versionId: string;
  isLatest: boolean;
  lastModified: string;
  deleteMarker: boolean;
  etag?: string;
  size?: number;
}

export function listVersionsXml(input: {
  bucket: string;
  prefix: string;
  delimiter?: string;
  keyMarker: string;
  versionIdMarker: string;
  nextKeyMarker?: string;
  nextVersionIdMarker?: string;
  maxKeys: number;
  encodingType?: string;
  versions: ListedVersion[];
  prefixes: string[];
  truncated: boolean;
}): string {
  const enc = keyEncoder(input.encodingType);
  const entries = input.versions
    .map((v) => {
      const common =
        el('Key', enc(v.key)) +
        el('VersionId', v.versionId) +
        el('IsLatest', v.isLatest) +
        el('LastModified', v.lastModified);
      return v.deleteMarker
        ? `<DeleteMarker>${common}${owner()}</DeleteMarker>`
        : `<Version>${common}${el('ETag', v.etag)}${el('Size', v.size)}${el('StorageClass', 'STANDARD')}${owner()}</Version>`;
    })
    .join('');
  return doc(
    'ListVersionsResult',
    el('Name', input.bucket) +
      el('Prefix', enc(input.prefix)) +
      el('KeyMarker', enc(input.keyMarker)) +
      el('VersionIdMarker', input.versionIdMarker) +
      el('NextKeyMarker', input.nextKeyMarker === undefined ? undefined : enc(input.nextKeyMarker)) +
      el('NextVersionIdMarker', input.nextVersionIdMarker) +
      el('MaxKeys', input.maxKeys) +
      el('Delimiter', input.delimiter === undefined ? undefined : enc(input.delimiter)) +
      el('EncodingType', input.encodingType) +
      el('IsTruncated', input.truncated) +
      entries +
      commonPrefixes(input.prefixes, enc),
  );
}

export interface DeletedEntry {
  key: string;
  versionId?: string;
  deleteMarker?: boolean;
  deleteMarkerVersionId?: string;
}

export function deleteObjectsResultXml(
  deleted: DeletedEntry[],
  errors: Array<{ key: string; versionId?: string; code: string; message: string }>,
  quiet: boolean,
): string {
  const d = quiet
    ? ''
    : deleted
        .map(
          (x) =>
            `<Deleted>${el('Key', x.key)}${el('VersionId', x.versionId)}${el('DeleteMarker', x.deleteMarker)}` +
            `${el('DeleteMarkerVersionId', x.deleteMarkerVersionId)}</Deleted>`,
        )
        .join('');
  const e = errors
    .map(
      (x) =>
        `<Error>${el('Key', x.key)}${el('VersionId', x.versionId)}${el('Code', x.code)}${el('Message', x.message)}</Error>`,
    )
    .join('');
  return doc('DeleteResult', d + e);
}

export function copyObjectResultXml(etag: string, lastModified: string, sha256?: string): string {
  return doc(
    'CopyObjectResult',
    el('ETag', etag) + el('LastModified', lastModified) + el('ChecksumSHA256', sha256),
  );
}

export function initiateMultipartXml(bucket: string, key: string, uploadId: string): string {
  return doc(
    'InitiateMultipartUploadResult',
    el('Bucket', bucket) + el('Key', key) + el('UploadId', uploadId),
  );
}

export function completeMultipartXml(location: string, bucket: string, key: string, etag: string): string {
  return doc(
    'CompleteMultipartUploadResult',
    el('Location', location) + el('Bucket', bucket) + el('Key', key) + el('ETag', etag),
  );
}

export function listPartsXml(input: {
  bucket: string;
  key: string;
  uploadId: string;
  marker: number;
  nextMarker?: number;
  maxParts: number;
  truncated: boolean;
  parts: Array<{ partNumber: number; lastModified: string; etag: string; size: number }>;
}): string {
  const parts = input.parts
    .map(
      (p) =>
        `<Part>${el('PartNumber', p.partNumber)}${el('LastModified', p.lastModified)}${el('ETag', p.etag)}${el('Size', p.size)}</Part>`,
    )
    .join('');
  return doc(
    'ListPartsResult',
    el('Bucket', input.bucket) +
      el('Key', input.key) +
      el('UploadId', input.uploadId) +
      `<Initiator>${el('ID', LOCAL_OWNER.id)}${el('DisplayName', LOCAL_OWNER.displayName)}</Initiator>` +
      owner() +
      el('StorageClass', 'STANDARD') +
      el('PartNumberMarker', input.marker) +
      el('NextPartNumberMarker', input.nextMarker) +
      el('MaxParts', input.maxParts) +
      el('IsTruncated', input.truncated) +
      parts,
  );
}

export function listUploadsXml(input: {
  bucket: string;
  prefix: string;
  keyMarker: string;
  uploadIdMarker: string;
  nextKeyMarker?: string;
  nextUploadIdMarker?: string;
  maxUploads: number;
  truncated: boolean;
  uploads: Array<{ key: string; uploadId: string; initiated: string }>;
}): string {
  const uploads = input.uploads
    .map(
      (u) =>
        `<Upload>${el('Key', u.key)}${el('UploadId', u.uploadId)}${owner()}${el('StorageClass', 'STANDARD')}${el('Initiated', u.initiated)}</Upload>`,
    )
    .join('');
  return doc(
    'ListMultipartUploadsResult',
    el('Bucket', input.bucket) +
      el('KeyMarker', input.keyMarker) +
      el('UploadIdMarker', input.uploadIdMarker) +
      el('NextKeyMarker', input.nextKeyMarker) +
      el('NextUploadIdMarker', input.nextUploadIdMarker) +
      el('Prefix', input.prefix) +
      el('MaxUploads', input.maxUploads) +
      el('IsTruncated', input.truncated) +
      uploads,
  );
}

export function versioningXml(): string {
  return doc('VersioningConfiguration', el('Status', 'Enabled') + el('MfaDelete', 'Disabled'));
}

export function objectLockConfigurationXml(retention: { mode: string; days: number }): string {
  return doc(
    'ObjectLockConfiguration',
    el('ObjectLockEnabled', 'Enabled') +
      `<Rule><DefaultRetention>${el('Mode', retention.mode)}${el('Days', retention.days)}</DefaultRetention></Rule>`,
  );
}

export function locationXml(region: string): string {
  return doc('LocationConstraint', xmlEscape(region));
}

export function retentionXml(lock: ObjectLock): string {
  return doc('Retention', el('Mode', lock.mode) + el('RetainUntilDate', lock.retainUntil));
}

export function legalHoldXml(on: boolean): string {
  return doc('LegalHold', el('Status', on ? 'ON' : 'OFF'));
}

// --- request bodies ---

const malformed = () =>
  new S3Error(
    400,
    'MalformedXML',
    'The XML you provided was not well-formed or did not validate against our published schema',
  );

/** Text of the first `<name>` element inside `xml` (namespaces ignored), unescaped. */
export function childText(xml: string, name: string): string | undefined {
  const m = new RegExp(`<(?:\\w+:)?${name}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:\\w+:)?${name}>`).exec(xml);
  if (m) return xmlUnescape(m[1]!);
  return new RegExp(`<(?:\\w+:)?${name}(?:\\s[^>]*)?/>`).test(xml) ? '' : undefined;
}

function elements(xml: string, name: string): string[] {
  return [
    ...xml.matchAll(new RegExp(`<(?:\\w+:)?${name}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:\\w+:)?${name}>`, 'g')),
  ].map((m) => m[1]!);
}

/** Objects (key and optional version id) of a DeleteObjects body; at most 1000. */
export function parseDeleteObjectsBody(xml: string): {
  objects: Array<{ key: string; versionId?: string }>;
  quiet: boolean;
} {
  if (!/<(?:\w+:)?Delete[\s>]/.test(xml)) throw malformed();
  const objects = elements(xml, 'Object').map((o) => {
    const key = childText(o, 'Key');
    if (key === undefined) throw malformed();
    const versionId = childText(o, 'VersionId');
    return versionId === undefined ? { key } : { key, versionId };
  });
  if (objects.length === 0 || objects.length > 1000) throw malformed();
  return { objects, quiet: /^\s*true\s*$/i.test(childText(xml, 'Quiet') ?? '') };
}

/** Parts of a CompleteMultipartUpload body, in the order given. */
export function parseCompleteMultipartBody(xml: string): Array<{ partNumber: number; etag: string }> {
  if (!/<(?:\w+:)?CompleteMultipartUpload[\s>]/.test(xml)) throw malformed();
  const parts = elements(xml, 'Part').map((p) => {
    const n = childText(p, 'PartNumber');
    const etag = childText(p, 'ETag');
    if (n === undefined || !/^\d+$/.test(n.trim()) || etag === undefined) throw malformed();
    return { partNumber: Number(n.trim()), etag: etag.trim().replace(/^"(.*)"$/, '$1') };
  });
  if (parts.length === 0) throw malformed();
  return parts;
}

export function parseRetentionBody(xml: string): { mode?: string; retainUntil?: string } {
  if (!/<(?:\w+:)?Retention[\s>/]/.test(xml)) throw malformed();
  const mode = childText(xml, 'Mode')?.trim();
  const retainUntil = childText(xml, 'RetainUntilDate')?.trim();
  return { ...(mode ? { mode } : {}), ...(retainUntil ? { retainUntil } : {}) };
}

export function parseLegalHoldBody(xml: string): boolean {
  const status = childText(xml, 'Status')?.trim();
  if (status !== 'ON' && status !== 'OFF') throw malformed();
  return status === 'ON';
}

export function parseVersioningBody(xml: string): string | undefined {
  if (!/<(?:\w+:)?VersioningConfiguration[\s>/]/.test(xml)) throw malformed();
  return childText(xml, 'Status')?.trim();
}
