/**
 * Pure pieces of the local S3 endpoint: S3-shaped XML errors, aws-chunked decoding, checksum
 * checks, Object Lock (WORM) rules and the CORS origin rule. No I/O, unit-tested without network.
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
  return /^http:\/\/(127\.0\.0\.1|localhost)(:\d{1,5})?$/.test(origin) || extra.includes(origin);
}

/** Keys listed in a DeleteObjects request body. */
export function parseDeleteObjectsBody(xml: string): { keys: string[]; quiet: boolean } {
  const keys: string[] = [];
  for (const m of xml.matchAll(/<Object>[\s\S]*?<Key>([\s\S]*?)<\/Key>[\s\S]*?<\/Object>/g))
    keys.push(xmlUnescape(m[1]!));
  return { keys, quiet: /<Quiet>\s*true\s*<\/Quiet>/i.test(xml) };
}

export function deleteObjectsResultXml(
  deleted: string[],
  errors: Array<{ key: string; code: string; message: string }>,
  quiet: boolean,
): string {
  const d = quiet ? '' : deleted.map((k) => `<Deleted><Key>${xmlEscape(k)}</Key></Deleted>`).join('');
  const e = errors
    .map(
      (x) =>
        `<Error><Key>${xmlEscape(x.key)}</Key><Code>${xmlEscape(x.code)}</Code><Message>${xmlEscape(x.message)}</Message></Error>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${d}${e}</DeleteResult>`;
}
