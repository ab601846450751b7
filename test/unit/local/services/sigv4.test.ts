import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import {
  CognitoIdentityProviderClient,
  AdminGetUserCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { KMSClient, SignCommand } from '@aws-sdk/client-kms';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutObjectCommand,
  PutObjectRetentionCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { GetEmailIdentityCommand, SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  parseAmzDate,
  parseQuery,
  signRequest,
  verifySigV4,
  type SigV4Request,
} from '../../../../infra/local/services/sigv4';

const creds = { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' };
const secrets = new Map([[creds.accessKeyId, creds.secretAccessKey]]);
const region = 'eu-central-1';
const endpoint = 'http://127.0.0.1:3002';

interface Received extends SigV4Request {
  body: Buffer;
}

/** A loopback listener that records each request as it arrives on the wire. */
let server: Server;
let wire = '';
const received: Received[] = [];

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headersDistinct)) if (v) out[k] = v.join(',');
  return out;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        method: req.method!,
        url: req.url!,
        headers: flatHeaders(req),
        body: Buffer.concat(chunks),
      });
      res.writeHead(400, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  wire = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** Sends one command through the client's own HTTP stack and returns what reached the listener. */
async function capture(send: () => Promise<unknown>): Promise<Received> {
  const before = received.length;
  await send().catch(() => undefined);
  expect(received.length).toBe(before + 1);
  return received[before]!;
}

const config = { region, endpoint: '', credentials: creds, maxAttempts: 1 };

/** One header-signed request of each SDK client the system uses, with its commands' shapes. */
const clients: Array<[string, () => Promise<unknown>]> = [
  [
    'S3 PutObject (string body, key with spaces and non-ASCII)',
    () =>
      new S3Client({ ...config, endpoint: wire, forcePathStyle: true }).send(
        new PutObjectCommand({
          Bucket: 'b',
          Key: 'a b/ç (1)!.txt',
          Body: 'salam',
          ContentType: 'text/plain',
        }),
      ),
  ],
  [
    'S3 PutObject (stream body, STREAMING-* payload)',
    () =>
      new S3Client({ ...config, endpoint: wire, forcePathStyle: true }).send(
        new PutObjectCommand({
          Bucket: 'b',
          Key: 'stream.bin',
          Body: Readable.from([Buffer.from('abc')]),
          ContentLength: 3,
        }),
      ),
  ],
  [
    'S3 GetObject with versionId',
    () =>
      new S3Client({ ...config, endpoint: wire, forcePathStyle: true }).send(
        new GetObjectCommand({ Bucket: 'b', Key: 'tenant/şəkil.png', VersionId: 'v+1/=' }),
      ),
  ],
  [
    'S3 HeadObject',
    () =>
      new S3Client({ ...config, endpoint: wire, forcePathStyle: true }).send(
        new HeadObjectCommand({ Bucket: 'b', Key: 'k' }),
      ),
  ],
  [
    'S3 ListObjectVersions (prefix with reserved characters)',
    () =>
      new S3Client({ ...config, endpoint: wire, forcePathStyle: true }).send(
        new ListObjectVersionsCommand({ Bucket: 'b', Prefix: "t/a b+c*'(ə)", MaxKeys: 5 }),
      ),
  ],
  [
    'S3 DeleteObjects (?delete, XML body)',
    () =>
      new S3Client({ ...config, endpoint: wire, forcePathStyle: true }).send(
        new DeleteObjectsCommand({ Bucket: 'b', Delete: { Objects: [{ Key: 'x' }] } }),
      ),
  ],
  [
    'S3 PutObjectRetention',
    () =>
      new S3Client({ ...config, endpoint: wire, forcePathStyle: true }).send(
        new PutObjectRetentionCommand({
          Bucket: 'b',
          Key: 'k',
          Retention: { Mode: 'COMPLIANCE', RetainUntilDate: new Date('2036-01-01T00:00:00Z') },
        }),
      ),
  ],
  [
    'KMS Sign',
    () =>
      new KMSClient({ ...config, endpoint: wire }).send(
        new SignCommand({
          KeyId: 'alias/karguzar-signing',
          Message: new Uint8Array(32),
          MessageType: 'DIGEST',
          SigningAlgorithm: 'ECDSA_SHA_256',
        }),
      ),
  ],
  [
    'SESv2 SendEmail',
    () =>
      new SESv2Client({ ...config, endpoint: wire }).send(
        new SendEmailCommand({
          FromEmailAddress: 'noreply@karguzar.local',
          Destination: { ToAddresses: ['şəxs@example.az'] },
          Content: { Simple: { Subject: { Data: 'Mövzu' }, Body: { Text: { Data: 'Mətn' } } } },
        }),
      ),
  ],
  [
    'SESv2 GetEmailIdentity (path segment escaped twice)',
    () =>
      new SESv2Client({ ...config, endpoint: wire }).send(
        new GetEmailIdentityCommand({ EmailIdentity: "a b+c@ə.az/(x)*'" }),
      ),
  ],
  [
    'SNS Publish (query protocol)',
    () =>
      new SNSClient({ ...config, endpoint: wire }).send(
        new PublishCommand({ PhoneNumber: '+994501234567', Message: 'Sənəd imzalandı & göndərildi' }),
      ),
  ],
  [
    'Step Functions StartExecution',
    () =>
      new SFNClient({ ...config, endpoint: wire }).send(
        new StartExecutionCommand({
          stateMachineArn: 'arn:aws:states:eu-central-1:0:stateMachine:x',
          input: '{}',
        }),
      ),
  ],
  [
    'DynamoDB PutItem',
    () =>
      new DynamoDBClient({ ...config, endpoint: wire }).send(
        new PutItemCommand({ TableName: 't', Item: { pk: { S: 'ə' } } }),
      ),
  ],
  [
    'DynamoDB Streams DescribeStream',
    () =>
      new DynamoDBStreamsClient({ ...config, endpoint: wire }).send(
        new DescribeStreamCommand({ StreamArn: 'arn:aws:dynamodb:eu-central-1:0:table/t/stream/x' }),
      ),
  ],
  [
    'Cognito AdminGetUser',
    () =>
      new CognitoIdentityProviderClient({ ...config, endpoint: wire }).send(
        new AdminGetUserCommand({ UserPoolId: 'eu-central-1_x', Username: 'ali' }),
      ),
  ],
];

/** The request with one character of its path, query or a header changed. */
const changeLast = (s: string) => s.slice(0, -1) + (s.endsWith('a') ? 'b' : 'a');

function splitUrl(url: string) {
  const q = url.indexOf('?');
  return q === -1 ? { path: url, query: '' } : { path: url.slice(0, q), query: url.slice(q + 1) };
}

function withPath(req: SigV4Request): SigV4Request {
  const { path, query } = splitUrl(req.url);
  const changed = path === '/' ? '/a' : changeLast(path);
  return { ...req, url: changed + (query ? `?${query}` : '') };
}

function withQuery(req: SigV4Request): SigV4Request {
  const { path, query } = splitUrl(req.url);
  return { ...req, url: query ? `${path}?${changeLast(query)}` : `${path}?a=b` };
}

function withHeader(req: SigV4Request, name: string): SigV4Request {
  return { ...req, headers: { ...req.headers, [name]: changeLast(req.headers[name]!) } };
}

function withPayloadHash(req: SigV4Request): SigV4Request {
  const hash = req.headers['x-amz-content-sha256']!;
  const changed = /^[0-9a-f]{64}$/.test(hash) ? changeLast(hash) : 'UNSIGNED-PAYLOAD';
  return { ...req, headers: { ...req.headers, 'x-amz-content-sha256': changed } };
}

const signedHeaderNames = (req: SigV4Request) =>
  /SignedHeaders=([^,\s]+)/.exec(req.headers.authorization ?? '')![1]!.split(';');

const codes = async (requests: SigV4Request[]) =>
  Promise.all(
    requests.map(async (r) => {
      const result = await verifySigV4(r, secrets);
      return result.ok ? 'ok' : result.code;
    }),
  );

/** SHA-256 for a signer built in the test (a stand-in for any other SigV4 client). */
class Sha256 {
  private hash: Hash | Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash =
      secret === undefined
        ? createHash('sha256')
        : createHmac('sha256', typeof secret === 'string' ? secret : Buffer.from(secret as Uint8Array));
  }
  update(data: Uint8Array) {
    this.hash.update(data);
  }
  digest() {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset() {}
}

describe('verifySigV4 with header-signed requests from every SDK client', () => {
  it.each(clients)(
    '%s verifies; a changed path, query, header or payload hash does not',
    async (_name, send) => {
      // Arrange
      const req = await capture(send);
      const header = ['x-amz-target', 'content-type', 'content-length', 'x-amz-user-agent'].find((h) =>
        signedHeaderNames(req).includes(h),
      )!;

      // Act
      const result = await verifySigV4(req, secrets);
      const tampered = await codes([
        withPath(req),
        withQuery(req),
        withHeader(req, header),
        withPayloadHash(req),
      ]);

      // Assert
      expect(result).toMatchObject({
        ok: true,
        presigned: false,
        accessKeyId: creds.accessKeyId,
        payloadHash: req.headers['x-amz-content-sha256'],
      });
      expect(tampered).toEqual(Array(4).fill('SignatureDoesNotMatch'));
    },
  );

  it('reports the STREAMING-* payload hash the S3 client signed for a stream body', async () => {
    // Arrange
    const req = await capture(clients[1]![1]);

    // Act
    const result = await verifySigV4(req, secrets);

    // Assert
    expect(result.ok && result.payloadHash).toMatch(/^STREAMING-/);
  });

  it('hashes the body for a service request signed without x-amz-content-sha256, and refuses another body', async () => {
    // Arrange: how a signer without applyChecksum (e.g. other SDKs) signs a KMS call.
    const body = Buffer.from('{"KeyId":"alias/karguzar-signing"}');
    const signer = new SignatureV4({
      service: 'kms',
      region,
      credentials: creds,
      sha256: Sha256,
      applyChecksum: false,
    });
    const signed = await signer.sign({
      method: 'POST',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 3003,
      path: '/',
      query: {},
      headers: { host: '127.0.0.1:3003', 'x-amz-target': 'TrentService.DescribeKey' },
      body,
    });
    const req = { method: 'POST', url: '/', headers: signed.headers };

    // Act
    const ok = await verifySigV4({ ...req, body }, secrets);
    const other = await verifySigV4({ ...req, body: Buffer.from('{"KeyId":"alias/other"}') }, secrets);
    const s3Style = await verifySigV4(
      {
        ...req,
        headers: { ...req.headers, authorization: req.headers.authorization!.replace('/kms/', '/s3/') },
      },
      secrets,
    );

    // Assert
    expect(signed.headers['x-amz-content-sha256']).toBeUndefined();
    expect(ok).toMatchObject({ ok: true, payloadHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(other).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
    expect(s3Style).toMatchObject({ ok: false, status: 400, code: 'InvalidRequest' });
  });

  it('refuses a request signed too far from now, an unsigned request and a malformed one', async () => {
    // Arrange
    const req = await capture(clients[7]![1]);
    const signedAt = parseAmzDate(req.headers['x-amz-date']!)!;

    // Act
    const skewed = await verifySigV4(req, secrets, new Date(signedAt.getTime() + 16 * 60_000));
    const unsigned = await verifySigV4(
      { method: 'GET', url: '/b/k', headers: { host: '127.0.0.1:3002' } },
      secrets,
    );
    const malformed = await verifySigV4(
      { ...req, headers: { ...req.headers, authorization: 'AWS4-HMAC-SHA256 Credential=x' } },
      secrets,
    );
    const unknownKey = await verifySigV4(req, new Map([['other', 'x']]));

    // Assert
    expect(skewed).toMatchObject({ ok: false, status: 403, code: 'RequestTimeTooSkewed' });
    expect(unsigned).toMatchObject({ ok: false, status: 403, code: 'AccessDenied' });
    expect(malformed).toMatchObject({ ok: false, status: 400, code: 'InvalidArgument' });
    expect(unknownKey).toMatchObject({ ok: false, code: 'InvalidAccessKeyId' });
  });
});

function presignedParts(url: string) {
  const u = new URL(url);
  return { url: u.pathname + u.search, host: u.host };
}

const presigner = () => new S3Client({ region, endpoint, forcePathStyle: true, credentials: creds });

async function presignPut(expiresIn = 300) {
  const url = await getSignedUrl(
    presigner(),
    new PutObjectCommand({
      Bucket: 'b',
      Key: 'tenant/şəkil (1) 100%.png',
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

const putHeaders = (host: string) => ({
  host,
  'content-type': 'image/png',
  'content-length': '3',
  'x-amz-checksum-sha256': 'abc=',
});

describe('verifySigV4 with presigned URLs from the SDK presigner', () => {
  it('accepts a presigned PUT sent with exactly the signed headers', async () => {
    // Arrange
    const { url, host } = await presignPut();

    // Act
    const result = await verifySigV4({ method: 'PUT', url, headers: putHeaders(host) }, secrets);

    // Assert
    expect(result).toEqual({
      ok: true,
      accessKeyId: creds.accessKeyId,
      presigned: true,
      payloadHash: 'UNSIGNED-PAYLOAD',
      service: 's3',
      region,
    });
  });

  it('refuses a presigned PUT with another length, type, checksum, method, path, query or payload hash', async () => {
    // Arrange
    const { url, host } = await presignPut();
    const good = { method: 'PUT', url, headers: putHeaders(host) };

    // Act
    const results = await codes([
      withHeader(good, 'content-length'),
      withHeader(good, 'content-type'),
      { ...good, headers: { ...good.headers, 'x-amz-checksum-sha256': 'xyz=' } },
      { ...good, method: 'GET' },
      withPath(good),
      { ...good, url: url.replace('X-Amz-Expires=300', 'X-Amz-Expires=301') },
      { ...good, url: `${url}&x-id=other` },
      {
        ...good,
        url: url.replace('X-Amz-Content-Sha256=UNSIGNED-PAYLOAD', `X-Amz-Content-Sha256=${'0'.repeat(64)}`),
      },
    ]);

    // Assert
    expect(results).toEqual(Array(8).fill('SignatureDoesNotMatch'));
  });

  it('accepts a presigned GET with response overrides and a version id, and refuses a changed one', async () => {
    // Arrange
    const { url, host } = presignedParts(
      await getSignedUrl(
        presigner(),
        new GetObjectCommand({
          Bucket: 'b',
          Key: "a/b c+(d)*'.pdf",
          VersionId: 'v+1/=',
          ResponseContentDisposition: 'attachment; filename="ərizə №1.pdf"',
        }),
        { expiresIn: 60 },
      ),
    );
    const good = { method: 'GET', url, headers: { host } };

    // Act
    const result = await verifySigV4(good, secrets);
    const tampered = await codes([
      withPath(good),
      { ...good, url: url.replace('versionId=v%2B1%2F%3D', 'versionId=v%2B2%2F%3D') },
      { ...good, headers: { host: host.replace('3002', '3012') } },
    ]);

    // Assert
    expect(url).toContain('versionId=v%2B1%2F%3D');
    expect(result).toMatchObject({ ok: true, presigned: true, payloadHash: 'UNSIGNED-PAYLOAD' });
    expect(tampered).toEqual(Array(3).fill('SignatureDoesNotMatch'));
  });

  it('refuses an expired presigned URL, an unknown access key and a second auth mechanism', async () => {
    // Arrange
    const { url, host } = await presignPut(60);
    const headers = putHeaders(host);

    // Act
    const expired = await verifySigV4(
      { method: 'PUT', url, headers },
      secrets,
      new Date(Date.now() + 61_000),
    );
    const unknown = await verifySigV4({ method: 'PUT', url, headers }, new Map([['other', 'x']]));
    const both = await verifySigV4(
      { method: 'PUT', url, headers: { ...headers, authorization: 'x' } },
      secrets,
    );

    // Assert
    expect(expired).toMatchObject({ ok: false, code: 'AccessDenied', message: 'Request has expired' });
    expect(unknown).toMatchObject({ ok: false, code: 'InvalidAccessKeyId' });
    expect(both).toMatchObject({ ok: false, status: 400, code: 'InvalidArgument' });
  });
});

describe('signRequest (plain-fetch callers of the local endpoints)', () => {
  it('signs as the SDK clients do: what fetch sends verifies, with its scope and body hash; a changed body does not', async () => {
    // Arrange
    const body = '{"ms":61000,"qeyd":"ə"}';
    const url = `${wire}/v2/email/identities/a%20b%2Bc@%C9%99.az?x=1+2&y=%20`;
    const headers = await signRequest({
      url,
      service: 'states',
      region: 'us-east-1',
      credentials: creds,
      headers: { 'x-amz-target': 'KarguzarLocal.AdvanceClock', 'content-type': 'application/x-amz-json-1.0' },
      body,
    });

    // Act
    const req = await capture(() => fetch(url, { method: 'POST', headers, body }));
    const result = await verifySigV4(req, secrets);
    const changed = await verifySigV4(
      {
        ...req,
        headers: { ...req.headers, 'x-amz-content-sha256': undefined },
        body: Buffer.from(body.replace('ə', 'e')),
      },
      secrets,
    );

    // Assert
    expect(headers.host).toBeUndefined();
    expect(result).toEqual({
      ok: true,
      accessKeyId: creds.accessKeyId,
      presigned: false,
      payloadHash: createHash('sha256').update(body).digest('hex'),
      service: 'states',
      region: 'us-east-1',
    });
    expect(changed).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
  });
});

describe('SigV4 helpers', () => {
  it('parses a raw query: percent-decoded, `+` kept, bare keys empty, order kept', () => {
    // Act
    const query = parseQuery('prefix=x%20y%2Bz&delete&a=1+2&X-Amz-Signature=s');

    // Assert
    expect(query).toEqual([
      ['prefix', 'x y+z'],
      ['delete', ''],
      ['a', '1+2'],
      ['X-Amz-Signature', 's'],
    ]);
  });

  it('parses x-amz-date', () => {
    // Act
    const date = parseAmzDate('20261123T131603Z');

    // Assert
    expect(date?.toISOString()).toBe('2026-11-23T13:16:03.000Z');
    expect(parseAmzDate('2026-11-23')).toBeUndefined();
  });
});
