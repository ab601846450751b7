import { Readable } from 'node:stream';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { describe, expect, it } from 'vitest';
import { canonicalQuery, parseAmzDate, uriEncode, verifySigV4 } from '../../../../infra/local/services/sigv4';

const creds = { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' };
const secrets = new Map([[creds.accessKeyId, creds.secretAccessKey]]);
const endpoint = 'http://127.0.0.1:3002';

function offlineClient(
  capture: (req: {
    method: string;
    path: string;
    query: Record<string, string | string[] | null>;
    headers: Record<string, string>;
  }) => void,
): S3Client {
  return new S3Client({
    region: 'eu-central-1',
    endpoint,
    forcePathStyle: true,
    credentials: creds,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    requestHandler: {
      async handle(request: {
        method: string;
        path: string;
        query: Record<string, string | string[] | null>;
        headers: Record<string, string>;
      }) {
        capture(request);
        return { response: { statusCode: 200, headers: {}, body: Readable.from([]) } };
      },
    },
  });
}

function presignedParts(url: string) {
  const u = new URL(url);
  return { url: u.pathname + u.search, host: u.host };
}

async function presignPut(expiresIn = 300) {
  const client = new S3Client({ region: 'eu-central-1', endpoint, forcePathStyle: true, credentials: creds });
  const url = await getSignedUrl(
    client,
    new PutObjectCommand({
      Bucket: 'b',
      Key: 'tenant/şəkil 1.png',
      ContentType: 'image/png',
      ContentLength: 3,
      ChecksumSHA256: 'abc=',
    }),
    {
      expiresIn,
      signableHeaders: new Set(['content-type', 'content-length', 'x-amz-checksum-sha256']),
      unhoistableHeaders: new Set(['x-amz-checksum-sha256']),
    },
  );
  return presignedParts(url);
}

describe('verifySigV4', () => {
  it('accepts a presigned PUT sent with exactly the signed headers', async () => {
    // Arrange
    const { url, host } = await presignPut();

    // Act
    const result = verifySigV4(
      {
        method: 'PUT',
        url,
        headers: {
          host,
          'content-type': 'image/png',
          'content-length': '3',
          'x-amz-checksum-sha256': 'abc=',
        },
      },
      secrets,
    );

    // Assert
    expect(result).toEqual({
      ok: true,
      accessKeyId: creds.accessKeyId,
      presigned: true,
      payloadHash: 'UNSIGNED-PAYLOAD',
    });
  });

  it('refuses a presigned PUT with another length, type or checksum', async () => {
    // Arrange
    const { url, host } = await presignPut();
    const good = {
      host,
      'content-type': 'image/png',
      'content-length': '3',
      'x-amz-checksum-sha256': 'abc=',
    };

    // Act
    const results = [
      verifySigV4({ method: 'PUT', url, headers: { ...good, 'content-length': '4' } }, secrets),
      verifySigV4({ method: 'PUT', url, headers: { ...good, 'content-type': 'text/html' } }, secrets),
      verifySigV4({ method: 'PUT', url, headers: { ...good, 'x-amz-checksum-sha256': 'xyz=' } }, secrets),
      verifySigV4({ method: 'GET', url, headers: good }, secrets),
    ];

    // Assert
    expect(results.map((r) => (r.ok ? 'ok' : r.code))).toEqual([
      'SignatureDoesNotMatch',
      'SignatureDoesNotMatch',
      'SignatureDoesNotMatch',
      'SignatureDoesNotMatch',
    ]);
  });

  it('refuses an expired presigned URL and an unknown access key', async () => {
    // Arrange
    const { url, host } = await presignPut(60);
    const headers = {
      host,
      'content-type': 'image/png',
      'content-length': '3',
      'x-amz-checksum-sha256': 'abc=',
    };

    // Act
    const expired = verifySigV4({ method: 'PUT', url, headers }, secrets, new Date(Date.now() + 61_000));
    const unknown = verifySigV4({ method: 'PUT', url, headers }, new Map([['other', 'x']]));

    // Assert
    expect(expired).toMatchObject({ ok: false, code: 'AccessDenied', message: 'Request has expired' });
    expect(unknown).toMatchObject({ ok: false, code: 'InvalidAccessKeyId' });
  });

  it('accepts a header-signed SDK request and reports the signed payload hash', async () => {
    // Arrange
    let captured: Parameters<Parameters<typeof offlineClient>[0]>[0] | undefined;
    const client = offlineClient((req) => (captured = req));
    await client.send(
      new PutObjectCommand({ Bucket: 'b', Key: 'a b/ç.txt', Body: 'salam', ContentType: 'text/plain' }),
    );
    const req = captured!;
    const query = Object.entries(req.query)
      .map(([k, v]) =>
        v === null ? encodeURIComponent(k) : `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`,
      )
      .join('&');
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), v]));

    const url = req.path + (query ? `?${query}` : '');

    // Act
    const result = verifySigV4({ method: req.method, url, headers }, secrets);
    const tampered = verifySigV4(
      { method: req.method, url, headers: { ...headers, 'content-type': 'text/html' } },
      secrets,
    );

    // Assert
    expect(result).toMatchObject({ ok: true, presigned: false });
    expect(result.ok && result.payloadHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tampered).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
  });

  it('refuses an unsigned request', () => {
    // Act
    const result = verifySigV4({ method: 'GET', url: '/b/k', headers: { host: '127.0.0.1:3002' } }, secrets);

    // Assert
    expect(result).toMatchObject({ ok: false, status: 403, code: 'AccessDenied' });
  });
});

describe('SigV4 helpers', () => {
  it('encodes as RFC 3986 and sorts the canonical query', () => {
    // Act
    const encoded = uriEncode("a b!'()*ə");
    const query = canonicalQuery([
      ['prefix', 'x y'],
      ['X-Amz-Signature', 'ignored'],
      ['delete', ''],
    ]);

    // Assert
    expect(encoded).toBe('a%20b%21%27%28%29%2A%C9%99');
    expect(query).toBe('delete=&prefix=x%20y');
  });

  it('parses x-amz-date', () => {
    // Act
    const date = parseAmzDate('20261123T131603Z');

    // Assert
    expect(date?.toISOString()).toBe('2026-11-23T13:16:03.000Z');
    expect(parseAmzDate('2026-11-23')).toBeUndefined();
  });
});
