import { describe, expect, it } from 'vitest';
import {
  chooseCoding,
  codingFor,
  etagOfCompressed,
  isCompressible,
  negotiate,
  varyWithAcceptEncoding,
} from '../../../infra/local/compression';
import { parseRange } from '../../../infra/local/static-files';

const json = { status: 200, contentType: 'application/json; charset=utf-8', contentEncoding: undefined };
const request = (acceptEncoding?: string, httpVersion = '1.1') => ({
  httpVersion,
  headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
});

describe('the gateway chooses a coding as CloudFront does', () => {
  it.each([
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0.5, br;q=0.1', 'br'],
    ['x-gzip', 'gzip'],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['deflate', undefined],
    ['identity', undefined],
    ['gzip;q=0', undefined],
    ['', undefined],
  ])('Accept-Encoding %j → %s', (header, coding) => {
    expect(chooseCoding(header)).toBe(coding);
  });

  it('answers HTTP/1.0 clients uncompressed', () => {
    expect(codingFor(request('gzip, br', '1.0'), { ...json, length: 5000 })).toBeUndefined();
    expect(codingFor(request('gzip, br'), { ...json, length: 5000 })).toBe('br');
  });
});

describe('what the gateway compresses', () => {
  it('bodies of 1,000 to 10,000,000 bytes only', () => {
    expect(isCompressible({ ...json, length: 999 })).toBe(false);
    expect(isCompressible({ ...json, length: 1000 })).toBe(true);
    expect(isCompressible({ ...json, length: 10_000_000 })).toBe(true);
    expect(isCompressible({ ...json, length: 10_000_001 })).toBe(false);
  });

  it("CloudFront's content types, not images, PDF, archives or problem documents", () => {
    for (const type of [
      'text/html; charset=utf-8',
      'text/javascript',
      'text/css',
      'image/svg+xml',
      'text/plain',
    ])
      expect(isCompressible({ ...json, contentType: type, length: 5000 }), type).toBe(true);
    for (const type of [
      'image/png',
      'image/jpeg',
      'application/pdf',
      'application/zip',
      'application/octet-stream',
      'application/problem+json',
      undefined,
    ])
      expect(isCompressible({ ...json, contentType: type, length: 5000 }), String(type)).toBe(false);
  });

  it('status 200, 403 and 404 only, and nothing already encoded', () => {
    for (const status of [200, 403, 404])
      expect(isCompressible({ ...json, status, length: 5000 })).toBe(true);
    for (const status of [201, 206, 302, 400, 500])
      expect(isCompressible({ ...json, status, length: 5000 }), String(status)).toBe(false);
    expect(isCompressible({ ...json, contentEncoding: 'identity', length: 5000 })).toBe(false);
  });
});

describe('the headers of a compressed answer', () => {
  it('make a strong ETag weak, keep a weak one and drop an invalid one', () => {
    expect(etagOfCompressed('"abc"')).toBe('W/"abc"');
    expect(etagOfCompressed('W/"abc"')).toBe('W/"abc"');
    expect(etagOfCompressed('abc')).toBeUndefined();
  });

  it('name Accept-Encoding in Vary once', () => {
    expect(varyWithAcceptEncoding(undefined)).toBe('Accept-Encoding');
    expect(varyWithAcceptEncoding('Origin')).toBe('Origin, Accept-Encoding');
    expect(varyWithAcceptEncoding('accept-encoding')).toBe('accept-encoding');
  });

  it('carry Vary on every compressible answer, Content-Encoding only when compressed', () => {
    const headers = { 'Content-Type': 'application/json', ETag: '"v1"' };
    const plain = negotiate(request(), 200, headers, 5000);
    const br = negotiate(request('br'), 200, headers, 5000);
    const small = negotiate(request('br'), 200, headers, 10);

    expect(plain).toEqual({ coding: undefined, headers: { ...headers, vary: 'Accept-Encoding' } });
    expect(br).toEqual({
      coding: 'br',
      headers: {
        'Content-Type': 'application/json',
        etag: 'W/"v1"',
        vary: 'Accept-Encoding',
        'content-encoding': 'br',
      },
    });
    expect(small).toEqual({ coding: undefined, headers });
  });
});

describe('byte ranges of a static file', () => {
  it.each([
    ['bytes=0-99', { start: 0, end: 99 }],
    ['bytes=100-', { start: 100, end: 999 }],
    ['bytes=-10', { start: 990, end: 999 }],
    ['bytes=990-5000', { start: 990, end: 999 }],
    ['bytes=-5000', { start: 0, end: 999 }],
    ['bytes=1000-', 'unsatisfiable'],
    ['bytes=-0', 'unsatisfiable'],
    ['bytes=5-1', undefined],
    ['bytes=0-1,5-9', undefined],
    ['items=0-1', undefined],
  ])('%s of 1,000 bytes → %j', (header, range) => {
    expect(parseRange(header, 1000)).toEqual(range);
  });
});
