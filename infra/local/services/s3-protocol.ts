/**
 * Pure pieces of the local S3 endpoint: S3-shaped XML errors, aws-chunked decoding, checksum
 * checks, Object Lock (WORM) rules, ranges, conditional requests, key order and list paging, and
 * the CORS origin rule. No I/O, unit-tested without network.
 */
import { createHash } from 'node:crypto';
import * as zlib from 'node:zlib';

export function xmlEscape(value: string): string {
  return value.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );
}

export function xmlUnescape(value: string): string {
  return value.replace(/&(lt|gt|amp|apos|quot|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) => {
    switch (e) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'apos':
        return "'";
      case 'quot':
        return '"';
      default:
        return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

export function s3ErrorXml(
  code: string,
  message: string,
  resource: string,
  requestId: string,
  extra: Record<string, string> = {},
): string {
  const extras = Object.entries(extra)
    .map(([k, v]) => `<${k}>${xmlEscape(v)}</${k}>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${xmlEscape(code)}</Code><Message>${xmlEscape(message)}</Message>${extras}` +
    `<Resource>${xmlEscape(resource)}</Resource><RequestId>${requestId}</RequestId></Error>`
  );
}

/** S3 path-style target: `/bucket/key...` → bucket and decoded key. */
export function parsePathStyle(path: string): { bucket?: string; key?: string } {
  const trimmed = path.replace(/^\/+/, '');
  if (trimmed === '') return {};
  const slash = trimmed.indexOf('/');
  if (slash === -1) return { bucket: decodeURIComponent(trimmed) };
  const key = trimmed.slice(slash + 1);
  return {
    bucket: decodeURIComponent(trimmed.slice(0, slash)),
    ...(key === '' ? {} : { key: decodeURIComponent(key) }),
  };
}

export interface DecodedChunks {
  data: Buffer;
  trailers: Record<string, string>;
}

/**
 * Decodes an `aws-chunked` body (`<hex>[;chunk-signature=..]\r\n<data>\r\n ... 0\r\n<trailers>\r\n`),
 * which the SDK uses for streaming bodies with trailing checksums. Chunk signatures are not
 * checked (the seed signature already is).
 */
export function decodeAwsChunked(body: Buffer): DecodedChunks {
  const parts: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', pos);
    if (lineEnd === -1) throw new Error('truncated aws-chunked body');
    const header = body.subarray(pos, lineEnd).toString('latin1');
    const size = parseInt(header.split(';')[0]!.trim(), 16);
    if (!Number.isFinite(size) || size < 0) throw new Error('bad aws-chunked chunk size');
    pos = lineEnd + 2;
    if (size === 0) break;
    if (pos + size > body.length) throw new Error('truncated aws-chunked chunk');
    parts.push(body.subarray(pos, pos + size));
    pos += size;
    if (body.subarray(pos, pos + 2).toString('latin1') !== '\r\n')
      throw new Error('missing CRLF after chunk');
    pos += 2;
  }
  const trailers: Record<string, string> = {};
  for (const line of body.subarray(pos).toString('latin1').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { data: Buffer.concat(parts), trailers };
}

export type ChecksumAlgorithm = 'sha256' | 'sha1' | 'crc32' | 'md5';

export function computeChecksum(algorithm: ChecksumAlgorithm, data: Uint8Array): string | undefined {
  switch (algorithm) {
    case 'sha256':
    case 'sha1':
    case 'md5':
      return createHash(algorithm).update(data).digest('base64');
    case 'crc32': {
      // zlib.crc32 exists from Node 20.15 / 22.2.
      const crc32 = (zlib as unknown as { crc32?: (d: Uint8Array) => number }).crc32;
      if (!crc32) return undefined;
      const out = Buffer.alloc(4);
      out.writeUInt32BE(crc32(data) >>> 0);
      return out.toString('base64');
    }
  }
}

export interface ChecksumProblem {
  code: 'BadDigest' | 'InvalidDigest';
  message: string;
}

/**
 * Checks every checksum the client declared (headers or trailers) against the body. Returns the
 * verified flexible checksums (to store and return on HEAD) or the S3 error for a mismatch.
 */
export function verifyDeclaredChecksums(
  declared: Record<string, string | undefined>,
  data: Uint8Array,
):
  | { ok: true; checksums: Partial<Record<'sha256' | 'sha1' | 'crc32', string>> }
  | { ok: false; problem: ChecksumProblem } {
  const checksums: Partial<Record<'sha256' | 'sha1' | 'crc32', string>> = {};
  const md5 = declared['content-md5'];
  if (md5 !== undefined && md5 !== computeChecksum('md5', data)) {
    return {
      ok: false,
      problem: {
        code: 'BadDigest',
        message: 'The Content-MD5 you specified did not match what we received.',
      },
    };
  }
  for (const algorithm of ['sha256', 'sha1', 'crc32'] as const) {
    const value = declared[`x-amz-checksum-${algorithm}`];
    if (value === undefined) continue;
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) {
      return {
        ok: false,
        problem: {
          code: 'InvalidDigest',
          message: `Value for x-amz-checksum-${algorithm} header is invalid.`,
        },
      };
    }
    const actual = computeChecksum(algorithm, data);
    if (actual === undefined) continue;
    if (actual !== value) {
      return {
        ok: false,
        problem: {
          code: 'BadDigest',
          message: `The ${algorithm.toUpperCase()} you specified did not match the calculated checksum.`,
        },
      };
    }
    checksums[algorithm] = value;
  }
  return { ok: true, checksums };
}

export type LockMode = 'COMPLIANCE' | 'GOVERNANCE';

export interface ObjectLock {
  mode: LockMode;
  /** ISO 8601 */
  retainUntil: string;
}

/** The lock a new archive object gets: its own headers, else the bucket's default retention. */
export function resolveLock(
  headers: { mode?: string; retainUntil?: string },
  defaults: { mode: LockMode; days: number } | undefined,
  now: Date,
): { ok: true; lock?: ObjectLock } | { ok: false; code: string; message: string } {
  if (headers.mode === undefined && headers.retainUntil === undefined) {
    if (!defaults) return { ok: true };
    return {
      ok: true,
      lock: {
        mode: defaults.mode,
        retainUntil: new Date(now.getTime() + defaults.days * 86_400_000).toISOString(),
      },
    };
  }
  if (headers.mode === undefined || headers.retainUntil === undefined) {
    return {
      ok: false,
      code: 'InvalidArgument',
      message: 'x-amz-object-lock-retain-until-date and x-amz-object-lock-mode must both be supplied',
    };
  }
  if (headers.mode !== 'COMPLIANCE' && headers.mode !== 'GOVERNANCE') {
    return { ok: false, code: 'InvalidArgument', message: 'Unknown wormMode directive.' };
  }
  if (!defaults) {
    return { ok: false, code: 'InvalidRequest', message: 'Bucket is missing Object Lock Configuration' };
  }
  const until = new Date(headers.retainUntil);
  if (Number.isNaN(until.getTime()))
    return { ok: false, code: 'InvalidArgument', message: 'The retain until date must be a valid date' };
  if (until.getTime() <= now.getTime()) {
    return { ok: false, code: 'InvalidArgument', message: 'The retain until date must be in the future!' };
  }
  return { ok: true, lock: { mode: headers.mode, retainUntil: until.toISOString() } };
}

/** Whether a delete must be refused: COMPLIANCE until retain-until; GOVERNANCE unless bypassed. */
export function deleteBlockedByLock(
  lock: ObjectLock | undefined,
  now: Date,
  bypassGovernance: boolean,
): boolean {
  if (!lock) return false;
  if (new Date(lock.retainUntil).getTime() <= now.getTime()) return false;
  return !(lock.mode === 'GOVERNANCE' && bypassGovernance);
}

/**
 * Browser origins allowed to use presigned URLs: the local web app on 127.0.0.1, any port (and
 * its `localhost` spelling, which the OIDC client also accepts).
 */
export function isAllowedOrigin(origin: string, extra: readonly string[] = []): boolean {
  return (
    /^http:\/\/(127\.0\.0\.1|localhost)(:\d{1,5})?$/.test(origin) ||
    extra.includes(origin) ||
    extra.includes('*')
  );
}

/** An S3 error answer: status, code, message, extra XML fields and extra response headers. */
export class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, string> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** S3 version ids (32 URL-safe characters here) and `null`, the id of objects from before versioning. */
export const VERSION_ID_SHAPE = /^(null|[A-Za-z0-9_-]{32})$/;

export const LOCKED_MESSAGE = 'Access Denied because object protected by object lock.';

/** Object Lock state of one object version. */
export interface LockState {
  lock?: ObjectLock;
  legalHold?: boolean;
}

/**
 * Why a version may not be removed for good (DeleteObject with a version id), or undefined when it
 * may: an ON legal hold, or a retention that is still running (GOVERNANCE yields to the bypass).
 */
export function versionDeleteRefusal(
  state: LockState,
  now: Date,
  bypassGovernance: boolean,
): 'legal-hold' | 'retention' | undefined {
  if (state.legalHold) return 'legal-hold';
  if (deleteBlockedByLock(state.lock, now, bypassGovernance)) return 'retention';
  return undefined;
}

/**
 * PutObjectRetention rules. A running COMPLIANCE retention may only be extended (same mode, same
 * or later date); a running GOVERNANCE retention may be extended, and changed otherwise only with
 * the bypass header. An expired or absent retention may be set freely. Returns the new lock
 * (undefined = removed) or the S3 error.
 */
export function checkRetentionChange(
  current: ObjectLock | undefined,
  requested: { mode?: string; retainUntil?: string },
  now: Date,
  bypassGovernance: boolean,
): { ok: true; lock?: ObjectLock } | { ok: false; error: S3Error } {
  let next: ObjectLock | undefined;
  if (requested.mode !== undefined || requested.retainUntil !== undefined) {
    if (requested.mode !== 'COMPLIANCE' && requested.mode !== 'GOVERNANCE')
      return { ok: false, error: new S3Error(400, 'MalformedXML', 'Unknown or missing retention mode.') };
    const until = new Date(requested.retainUntil ?? '');
    if (requested.retainUntil === undefined || Number.isNaN(until.getTime()))
      return {
        ok: false,
        error: new S3Error(400, 'MalformedXML', 'The retain until date must be a valid date.'),
      };
    if (until.getTime() <= now.getTime())
      return {
        ok: false,
        error: new S3Error(400, 'InvalidArgument', 'The retain until date must be in the future!'),
      };
    next = { mode: requested.mode, retainUntil: until.toISOString() };
  }
  const running = current && new Date(current.retainUntil).getTime() > now.getTime();
  if (!current || !running) return next ? { ok: true, lock: next } : { ok: true };
  const extends_ =
    next !== undefined &&
    next.mode === current.mode &&
    new Date(next.retainUntil).getTime() >= new Date(current.retainUntil).getTime();
  if (extends_) return { ok: true, lock: next };
  if (current.mode === 'GOVERNANCE' && bypassGovernance)
    return next ? { ok: true, lock: next } : { ok: true };
  return { ok: false, error: new S3Error(403, 'AccessDenied', LOCKED_MESSAGE) };
}

export type RangeRequest =
  { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

/**
 * A single `Range: bytes=` request against an object of `size` bytes, as S3 reads it: anything
 * that is not one well-formed byte range (several ranges, other units, garbage) is ignored and the
 * whole object is served; a well-formed range beyond the end is unsatisfiable (416).
 */
export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (header === undefined) return { kind: 'full' };
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!m || (m[1] === '' && m[2] === '')) return { kind: 'full' };
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const last = m[2] === '' ? Number.POSITIVE_INFINITY : Number(m[2]);
  if (last < start) return { kind: 'full' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end: Math.min(last, size - 1) };
}

function etagList(header: string): string[] {
  return header.split(',').map((e) =>
    e
      .trim()
      .replace(/^W\//, '')
      .replace(/^"(.*)"$/, '$1'),
  );
}

function etagMatches(header: string, etag: string): boolean {
  const bare = etag.replace(/^"(.*)"$/, '$1');
  return etagList(header).some((e) => e === '*' || e === bare);
}

/**
 * Conditional GET/HEAD (RFC 9110 as S3 applies it): If-Match / If-Unmodified-Since → 412,
 * If-None-Match / If-Modified-Since → 304. If-Match wins over If-Unmodified-Since and If-None-Match
 * over If-Modified-Since.
 */
export function evaluateReadConditions(
  headers: Record<string, string | undefined>,
  object: { etag: string; lastModified: Date },
): 200 | 304 | 412 {
  const modified = Math.floor(object.lastModified.getTime() / 1000) * 1000;
  const ifMatch = headers['if-match'];
  const ifUnmodified = headers['if-unmodified-since'];
  const ifNoneMatch = headers['if-none-match'];
  const ifModified = headers['if-modified-since'];
  if (ifMatch !== undefined) {
    if (!etagMatches(ifMatch, object.etag)) return 412;
  } else if (ifUnmodified !== undefined) {
    const t = Date.parse(ifUnmodified);
    if (!Number.isNaN(t) && modified > t) return 412;
  }
  if (ifNoneMatch !== undefined) {
    if (etagMatches(ifNoneMatch, object.etag)) return 304;
  } else if (ifModified !== undefined) {
    const t = Date.parse(ifModified);
    if (!Number.isNaN(t) && modified <= t) return 304;
  }
  return 200;
}

/**
 * Conditional writes (PutObject, CopyObject, CompleteMultipartUpload): `If-None-Match: *` fails
 * when the key has a current version; `If-Match` fails unless the current version has that ETag.
 */
export function writeConditionFailure(
  headers: Record<string, string | undefined>,
  current: { etag: string } | undefined,
): S3Error | undefined {
  const ifNoneMatch = headers['if-none-match'];
  const ifMatch = headers['if-match'];
  const failed = (condition: string) =>
    new S3Error(412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', {
      Condition: condition,
    });
  if (ifNoneMatch !== undefined && ifNoneMatch.trim() === '*' && current) return failed('If-None-Match');
  if (ifMatch !== undefined) {
    if (!current) return new S3Error(404, 'NoSuchKey', 'The specified key does not exist.');
    if (!etagMatches(ifMatch, current.etag)) return failed('If-Match');
  }
  return undefined;
}

/** S3 orders keys by their UTF-8 bytes, which is Unicode code point order (not UTF-16 units). */
export function compareKeys(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** Index of the first key in `sorted` (S3 order) that comes after `after` (all when undefined). */
export function firstIndexAfter(sorted: readonly string[], after: string | undefined): number {
  if (after === undefined) return 0;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKeys(sorted[mid]!, after) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface ListPage<T> {
  items: T[];
  prefixes: string[];
  truncated: boolean;
  /** The last entry returned, for the next marker: an item or a common prefix. */
  last?: { item: T } | { prefix: string };
}

/**
 * One page of a listing. `entries` are sorted by key and already start after the marker; keys
 * outside `prefix` are skipped, keys with `delimiter` after the prefix roll up into common
 * prefixes (each counted once against `maxKeys`, and never again once `after` has passed it).
 */
export function listPage<T>(
  entries: Iterable<T>,
  keyOf: (entry: T) => string,
  options: { prefix: string; delimiter?: string; maxKeys: number; after?: string },
): ListPage<T> {
  const { prefix, delimiter, maxKeys, after } = options;
  const page: ListPage<T> = { items: [], prefixes: [], truncated: false };
  let count = 0;
  for (const entry of entries) {
    const key = keyOf(entry);
    if (!key.startsWith(prefix)) continue;
    const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
    if (cut !== -1) {
      const common = key.slice(0, cut + delimiter!.length);
      if (common === page.prefixes.at(-1)) continue;
      if (after !== undefined && compareKeys(common, after) <= 0) continue;
      if (count >= maxKeys) return { ...page, truncated: true };
      page.prefixes.push(common);
      page.last = { prefix: common };
    } else {
      if (count >= maxKeys) return { ...page, truncated: true };
      page.items.push(entry);
      page.last = { item: entry };
    }
    count++;
  }
  return page;
}

/** `max-keys`-style query value: default 1000, at most 1000, never negative. */
export function parseMaxKeys(value: string | undefined, name = 'max-keys'): number {
  if (value === undefined || value === '') return 1000;
  if (!/^\d+$/.test(value))
    throw new S3Error(400, 'InvalidArgument', `Provided ${name} not an integer or within integer range`);
  return Math.min(1000, Number(value));
}

/** HTTP date (Last-Modified) of an ISO timestamp. */
export function httpDate(iso: string): string {
  return new Date(iso).toUTCString();
}
