import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkRetentionChange,
  compareKeys,
  decodeAwsChunked,
  deleteBlockedByLock,
  evaluateReadConditions,
  isAllowedOrigin,
  listPage,
  parsePathStyle,
  parseRange,
  resolveLock,
  s3ErrorXml,
  verifyDeclaredChecksums,
  versionDeleteRefusal,
  writeConditionFailure,
} from '../../../../infra/local/services/s3-protocol';

const now = new Date('2026-01-01T00:00:00Z');
const sha256 = (s: string) => createHash('sha256').update(s).digest('base64');

describe('verifyDeclaredChecksums', () => {
  it('accepts a matching SHA-256 and returns it for HEAD', () => {
    // Act
    const result = verifyDeclaredChecksums({ 'x-amz-checksum-sha256': sha256('data') }, Buffer.from('data'));

    // Assert
    expect(result).toEqual({ ok: true, checksums: { sha256: sha256('data') } });
  });

  it('answers BadDigest for a SHA-256 or Content-MD5 mismatch and InvalidDigest for garbage', () => {
    // Act
    const sha = verifyDeclaredChecksums({ 'x-amz-checksum-sha256': sha256('other') }, Buffer.from('data'));
    const md5 = verifyDeclaredChecksums(
      { 'content-md5': createHash('md5').update('other').digest('base64') },
      Buffer.from('data'),
    );
    const garbage = verifyDeclaredChecksums({ 'x-amz-checksum-sha256': 'not base64!' }, Buffer.from('data'));

    // Assert
    expect(sha).toMatchObject({ ok: false, problem: { code: 'BadDigest' } });
    expect(md5).toMatchObject({ ok: false, problem: { code: 'BadDigest' } });
    expect(garbage).toMatchObject({ ok: false, problem: { code: 'InvalidDigest' } });
  });
});

describe('decodeAwsChunked', () => {
  it('joins chunks and reads trailing checksums', () => {
    // Arrange
    const body = Buffer.from(
      '5;chunk-signature=aa\r\nhello\r\n6\r\n world\r\n0\r\nx-amz-checksum-crc32:NhCmhg==\r\n\r\n',
    );

    // Act
    const decoded = decodeAwsChunked(body);

    // Assert
    expect(decoded.data.toString()).toBe('hello world');
    expect(decoded.trailers).toEqual({ 'x-amz-checksum-crc32': 'NhCmhg==' });
  });

  it('rejects a truncated body', () => {
    // Act / Assert
    expect(() => decodeAwsChunked(Buffer.from('a\r\nshort'))).toThrow(/truncated/);
  });
});

describe('Object Lock rules', () => {
  const defaults = { mode: 'COMPLIANCE' as const, days: 10 };

  it('gives archive objects the default retention when the PUT names none', () => {
    // Act
    const result = resolveLock({}, defaults, now);

    // Assert
    expect(result).toEqual({
      ok: true,
      lock: { mode: 'COMPLIANCE', retainUntil: '2026-01-11T00:00:00.000Z' },
    });
  });

  it('takes explicit headers, and refuses them on a bucket without Object Lock or in the past', () => {
    // Act
    const explicit = resolveLock({ mode: 'GOVERNANCE', retainUntil: '2027-01-01T00:00:00Z' }, defaults, now);
    const noLockBucket = resolveLock(
      { mode: 'COMPLIANCE', retainUntil: '2027-01-01T00:00:00Z' },
      undefined,
      now,
    );
    const past = resolveLock({ mode: 'COMPLIANCE', retainUntil: '2025-01-01T00:00:00Z' }, defaults, now);
    const half = resolveLock({ mode: 'COMPLIANCE' }, defaults, now);

    // Assert
    expect(explicit).toEqual({
      ok: true,
      lock: { mode: 'GOVERNANCE', retainUntil: '2027-01-01T00:00:00.000Z' },
    });
    expect(noLockBucket).toMatchObject({ ok: false, code: 'InvalidRequest' });
    expect(past).toMatchObject({ ok: false, code: 'InvalidArgument' });
    expect(half).toMatchObject({ ok: false, code: 'InvalidArgument' });
    expect(resolveLock({}, undefined, now)).toEqual({ ok: true });
  });

  it('blocks deletes until retain-until; GOVERNANCE yields to the bypass header, COMPLIANCE does not', () => {
    // Arrange
    const compliance = { mode: 'COMPLIANCE' as const, retainUntil: '2026-06-01T00:00:00.000Z' };
    const governance = { mode: 'GOVERNANCE' as const, retainUntil: '2026-06-01T00:00:00.000Z' };
    const after = new Date('2026-06-01T00:00:00.001Z');

    // Act / Assert
    expect(deleteBlockedByLock(compliance, now, false)).toBe(true);
    expect(deleteBlockedByLock(compliance, now, true)).toBe(true);
    expect(deleteBlockedByLock(governance, now, true)).toBe(false);
    expect(deleteBlockedByLock(governance, now, false)).toBe(true);
    expect(deleteBlockedByLock(compliance, after, false)).toBe(false);
    expect(deleteBlockedByLock(undefined, now, false)).toBe(false);
  });
});

describe('S3 request and response shapes', () => {
  it('splits path-style targets into bucket and decoded key', () => {
    // Act / Assert
    expect(parsePathStyle('/karguzar-archive/t1/%C9%99mr%20no.pdf')).toEqual({
      bucket: 'karguzar-archive',
      key: 't1/əmr no.pdf',
    });
    expect(parsePathStyle('/karguzar-archive')).toEqual({ bucket: 'karguzar-archive' });
    expect(parsePathStyle('/')).toEqual({});
  });

  it('writes S3-shaped error XML', () => {
    // Act
    const xml = s3ErrorXml('BadDigest', 'mismatch <x>', '/b/k', 'REQ1');

    // Assert
    expect(xml).toContain(
      '<Error><Code>BadDigest</Code><Message>mismatch &lt;x&gt;</Message><Resource>/b/k</Resource><RequestId>REQ1</RequestId></Error>',
    );
  });

  it('allows CORS only for the local web origin', () => {
    // Act / Assert
    expect(isAllowedOrigin('http://127.0.0.1:3000')).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1')).toBe(true);
    expect(isAllowedOrigin('http://localhost:3000')).toBe(true);
    expect(isAllowedOrigin('http://localhost.evil.example')).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1.evil.example')).toBe(false);
    expect(isAllowedOrigin('https://example.az')).toBe(false);
    expect(isAllowedOrigin('https://example.az', ['https://example.az'])).toBe(true);
  });
});

describe('version removal and retention changes', () => {
  const until = '2026-06-01T00:00:00.000Z';
  const compliance = { mode: 'COMPLIANCE' as const, retainUntil: until };
  const governance = { mode: 'GOVERNANCE' as const, retainUntil: until };
  const after = new Date('2026-06-01T00:00:01Z');

  it('refuses to remove a version under a legal hold or a running retention', () => {
    // Act / Assert
    expect(versionDeleteRefusal({ lock: compliance }, now, true)).toBe('retention');
    expect(versionDeleteRefusal({ lock: governance }, now, false)).toBe('retention');
    expect(versionDeleteRefusal({ lock: governance }, now, true)).toBeUndefined();
    expect(versionDeleteRefusal({ lock: compliance, legalHold: true }, after, false)).toBe('legal-hold');
    expect(versionDeleteRefusal({ legalHold: false }, now, false)).toBeUndefined();
    expect(versionDeleteRefusal({ lock: compliance }, after, false)).toBeUndefined();
  });

  it('lets a running COMPLIANCE retention only be extended', () => {
    // Act
    const extend = checkRetentionChange(
      compliance,
      { mode: 'COMPLIANCE', retainUntil: '2027-01-01T00:00:00Z' },
      now,
      false,
    );
    const same = checkRetentionChange(compliance, { mode: 'COMPLIANCE', retainUntil: until }, now, false);
    const shorten = checkRetentionChange(
      compliance,
      { mode: 'COMPLIANCE', retainUntil: '2026-03-01T00:00:00Z' },
      now,
      true,
    );
    const toGovernance = checkRetentionChange(
      compliance,
      { mode: 'GOVERNANCE', retainUntil: '2027-01-01T00:00:00Z' },
      now,
      true,
    );
    const remove = checkRetentionChange(compliance, {}, now, true);

    // Assert
    expect(extend).toEqual({
      ok: true,
      lock: { mode: 'COMPLIANCE', retainUntil: '2027-01-01T00:00:00.000Z' },
    });
    expect(same).toEqual({ ok: true, lock: compliance });
    for (const refused of [shorten, toGovernance, remove])
      expect(refused).toMatchObject({ ok: false, error: { status: 403, code: 'AccessDenied' } });
  });

  it('lets a running GOVERNANCE retention be shortened or removed only with the bypass', () => {
    // Act
    const shorten = checkRetentionChange(
      governance,
      { mode: 'GOVERNANCE', retainUntil: '2026-03-01T00:00:00Z' },
      now,
      false,
    );
    const bypassed = checkRetentionChange(
      governance,
      { mode: 'GOVERNANCE', retainUntil: '2026-03-01T00:00:00Z' },
      now,
      true,
    );
    const removed = checkRetentionChange(governance, {}, now, true);

    // Assert
    expect(shorten).toMatchObject({ ok: false, error: { code: 'AccessDenied' } });
    expect(bypassed).toEqual({
      ok: true,
      lock: { mode: 'GOVERNANCE', retainUntil: '2026-03-01T00:00:00.000Z' },
    });
    expect(removed).toEqual({ ok: true });
  });

  it('accepts any retention once the old one has expired, never a date in the past', () => {
    // Act
    const expired = checkRetentionChange(
      compliance,
      { mode: 'GOVERNANCE', retainUntil: '2027-01-01T00:00:00Z' },
      after,
      false,
    );
    const past = checkRetentionChange(
      undefined,
      { mode: 'COMPLIANCE', retainUntil: '2025-01-01T00:00:00Z' },
      now,
      false,
    );
    const badMode = checkRetentionChange(
      undefined,
      { mode: 'FOREVER', retainUntil: '2027-01-01T00:00:00Z' },
      now,
      false,
    );

    // Assert
    expect(expired).toMatchObject({ ok: true, lock: { mode: 'GOVERNANCE' } });
    expect(past).toMatchObject({ ok: false, error: { status: 400, code: 'InvalidArgument' } });
    expect(badMode).toMatchObject({ ok: false, error: { status: 400, code: 'MalformedXML' } });
  });
});

describe('ranges and conditional requests', () => {
  it('reads one byte range as S3 does', () => {
    // Act / Assert
    expect(parseRange(undefined, 10)).toEqual({ kind: 'full' });
    expect(parseRange('bytes=0-3', 10)).toEqual({ kind: 'partial', start: 0, end: 3 });
    expect(parseRange('bytes=5-', 10)).toEqual({ kind: 'partial', start: 5, end: 9 });
    expect(parseRange('bytes=-4', 10)).toEqual({ kind: 'partial', start: 6, end: 9 });
    expect(parseRange('bytes=-40', 10)).toEqual({ kind: 'partial', start: 0, end: 9 });
    expect(parseRange('bytes=8-100', 10)).toEqual({ kind: 'partial', start: 8, end: 9 });
    expect(parseRange('bytes=10-', 10)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-0', 10)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-1,4-5', 10)).toEqual({ kind: 'full' });
    expect(parseRange('bytes=5-2', 10)).toEqual({ kind: 'full' });
    expect(parseRange('items=0-1', 10)).toEqual({ kind: 'full' });
  });

  it('answers If-None-Match / If-Modified-Since with 304 and If-Match / If-Unmodified-Since with 412', () => {
    // Arrange
    const object = { etag: '"abc"', lastModified: new Date('2026-01-01T10:00:00.500Z') };

    // Act / Assert
    expect(evaluateReadConditions({}, object)).toBe(200);
    expect(evaluateReadConditions({ 'if-none-match': '"abc"' }, object)).toBe(304);
    expect(evaluateReadConditions({ 'if-none-match': '"other"' }, object)).toBe(200);
    expect(evaluateReadConditions({ 'if-match': 'abc' }, object)).toBe(200);
    expect(evaluateReadConditions({ 'if-match': '"other"' }, object)).toBe(412);
    expect(evaluateReadConditions({ 'if-modified-since': 'Thu, 01 Jan 2026 10:00:00 GMT' }, object)).toBe(
      304,
    );
    expect(evaluateReadConditions({ 'if-unmodified-since': 'Thu, 01 Jan 2026 09:59:59 GMT' }, object)).toBe(
      412,
    );
    expect(
      evaluateReadConditions(
        { 'if-match': '"abc"', 'if-unmodified-since': 'Thu, 01 Jan 2026 09:00:00 GMT' },
        object,
      ),
    ).toBe(200);
  });

  it('fails a write-once PUT when a current version exists, and If-Match on another ETag', () => {
    // Act / Assert
    expect(writeConditionFailure({ 'if-none-match': '*' }, undefined)).toBeUndefined();
    expect(writeConditionFailure({ 'if-none-match': '*' }, { etag: '"a"' })).toMatchObject({
      status: 412,
      code: 'PreconditionFailed',
    });
    expect(writeConditionFailure({ 'if-match': '"a"' }, { etag: '"a"' })).toBeUndefined();
    expect(writeConditionFailure({ 'if-match': '"b"' }, { etag: '"a"' })).toMatchObject({ status: 412 });
    expect(writeConditionFailure({ 'if-match': '"b"' }, undefined)).toMatchObject({ status: 404 });
  });
});

describe('key order and list pages', () => {
  it('orders keys by code point, as S3 orders UTF-8 bytes', () => {
    // Act
    const sorted = ['b', '\u{1F600}', 'a/z', '\uFFFD', 'a', 'ə'].sort(compareKeys);

    // Assert
    expect(sorted).toEqual(['a', 'a/z', 'b', 'ə', '\uFFFD', '\u{1F600}']);
  });

  it('rolls keys up into common prefixes that count against max-keys', () => {
    // Arrange
    const keys = ['a.txt', 'docs/1', 'docs/2', 'img/1', 'z.txt'];

    // Act
    const first = listPage(keys, (k) => k, { prefix: '', delimiter: '/', maxKeys: 2 });
    const second = listPage(
      keys.filter((k) => k > 'docs/'),
      (k) => k,
      { prefix: '', delimiter: '/', maxKeys: 2, after: 'docs/' },
    );
    const inPrefix = listPage(keys, (k) => k, { prefix: 'docs/', maxKeys: 1000 });

    // Assert
    expect(first).toEqual({
      items: ['a.txt'],
      prefixes: ['docs/'],
      truncated: true,
      last: { prefix: 'docs/' },
    });
    expect(second).toEqual({
      items: ['z.txt'],
      prefixes: ['img/'],
      truncated: false,
      last: { item: 'z.txt' },
    });
    expect(inPrefix.items).toEqual(['docs/1', 'docs/2']);
  });
});
