import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decodeAwsChunked,
  deleteBlockedByLock,
  deleteObjectsResultXml,
  isAllowedOrigin,
  parseDeleteObjectsBody,
  parsePathStyle,
  resolveLock,
  s3ErrorXml,
  verifyDeclaredChecksums,
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

  it('reads DeleteObjects bodies and writes per-key results', () => {
    // Arrange
    const body =
      '<Delete><Quiet>false</Quiet><Object><Key>a&amp;b</Key></Object><Object><Key>c</Key></Object></Delete>';

    // Act
    const parsed = parseDeleteObjectsBody(body);
    const xml = deleteObjectsResultXml(
      ['c'],
      [{ key: 'a&b', code: 'AccessDenied', message: 'locked' }],
      false,
    );

    // Assert
    expect(parsed).toEqual({ keys: ['a&b', 'c'], quiet: false });
    expect(xml).toContain('<Deleted><Key>c</Key></Deleted>');
    expect(xml).toContain(
      '<Error><Key>a&amp;b</Key><Code>AccessDenied</Code><Message>locked</Message></Error>',
    );
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
