import { createHash } from 'node:crypto';
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '../../../functions/platform/kernel/errors';
import { createS3Client, S3ObjectStore } from '../../../functions/platform/adapters/s3/object-store.adapter';
import { start, type S3Service } from '../../../infra/local/services/s3';
import { credentials, region, s3Error, serviceOnTempDir } from './helpers';

const buckets = { attachments: 'karguzar-attachments', archive: 'karguzar-archive' };
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('base64');

describe('local S3 endpoint with the S3 adapter', () => {
  let service: S3Service;
  let client: S3Client;
  let store: S3ObjectStore;

  const startOn = async (dataDir: string, now?: () => Date) => {
    service = await start({ dataDir, port: 0, ...(now ? { now } : {}) });
    client = createS3Client({ region, endpoint: service.endpoint, credentials });
    store = new S3ObjectStore({ region, endpoint: service.endpoint, credentials, buckets }, client);
    return service;
  };
  const data = serviceOnTempDir('s3', (dataDir) => startOn(dataDir));

  /** A presigned PUT of an attachment signed for `declared` (its length, and its SHA-256 unless `sha256Of`). */
  const presignAttachment = (
    key: string,
    declared: Uint8Array,
    options: { contentType?: string; sha256Of?: Uint8Array } = {},
  ) =>
    store.presignUpload({
      bucket: 'attachments',
      key,
      contentType: options.contentType ?? 'application/octet-stream',
      contentLength: declared.byteLength,
      sha256Base64: sha256(options.sha256Of ?? declared),
      expiresInSeconds: 300,
    });

  it('reports healthy with both buckets created', async () => {
    // Act
    const health = await service.health();

    // Assert
    expect(health).toEqual({ ok: true });
  });

  it('round-trips a presigned PUT and a presigned GET with a UTF-8 file name', async () => {
    // Arrange
    const body = new TextEncoder().encode('Sənəd məzmunu: ş ğ ı İ ə');
    const upload = await presignAttachment('tenant-1/doc-1/att-1', body, {
      contentType: 'text/plain; charset=utf-8',
    });

    // Act
    const put = await fetch(upload.url, {
      method: 'PUT',
      headers: { ...upload.headers, Origin: 'http://127.0.0.1:3000' },
      body,
    });
    const url = await store.presignDownload({
      bucket: 'attachments',
      key: 'tenant-1/doc-1/att-1',
      fileName: 'Əmr şəhər.txt',
      inline: false,
      expiresInSeconds: 300,
    });
    const got = await fetch(url);

    // Assert
    expect(put.status).toBe(200);
    expect(put.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
    expect(put.headers.get('access-control-expose-headers')).toContain('ETag');
    expect(got.status).toBe(200);
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(body);
    expect(got.headers.get('content-disposition')).toBe(
      `attachment; filename="Emr seher.txt"; filename*=UTF-8''${encodeURIComponent('Əmr şəhər.txt')}`,
    );
    expect(await store.head({ bucket: 'attachments', key: 'tenant-1/doc-1/att-1' })).toEqual({
      size: body.byteLength,
      contentType: 'text/plain; charset=utf-8',
      sha256Base64: sha256(body),
      versionId: expect.stringMatching(/^[A-Za-z0-9._-]{32}$/) as unknown,
    });
  });

  it('rejects a presigned PUT whose body does not match the signed SHA-256 with BadDigest', async () => {
    // Arrange
    const declared = new TextEncoder().encode('expected content');
    const sent = new TextEncoder().encode('tampered content');
    const upload = await presignAttachment('tenant-1/doc-1/att-2', declared);

    // Act
    const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: sent });

    // Assert
    expect(put.status).toBe(400);
    expect(await put.text()).toContain('<Code>BadDigest</Code>');
    expect(await store.head({ bucket: 'attachments', key: 'tenant-1/doc-1/att-2' })).toBeUndefined();
  });

  it('rejects a presigned PUT whose length differs from the signed Content-Length', async () => {
    // Arrange
    const declared = new TextEncoder().encode('12345');
    const sent = new TextEncoder().encode('123456');
    const upload = await presignAttachment('tenant-1/doc-1/att-3', declared, { sha256Of: sent });
    // As a browser does: fetch derives Content-Length from the body it actually sends.
    const { 'Content-Length': _signedLength, ...headers } = upload.headers;

    // Act
    const put = await fetch(upload.url, { method: 'PUT', headers, body: sent });

    // Assert
    expect(put.status).toBe(403);
    expect(await put.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('rejects an SDK PutObject whose x-amz-checksum-sha256 does not match the body', async () => {
    // Act
    const err = await s3Error(
      client.send(
        new PutObjectCommand({
          Bucket: buckets.attachments,
          Key: 'tenant-1/doc-1/att-4',
          Body: new TextEncoder().encode('body'),
          ChecksumSHA256: sha256(new TextEncoder().encode('other')),
        }),
      ),
    );

    // Assert
    expect(err.name).toBe('BadDigest');
    expect(err.$metadata.httpStatusCode).toBe(400);
  });

  it('accepts a streamed SDK upload (aws-chunked with a trailing checksum) with default client settings', async () => {
    // Arrange
    const defaults = new S3Client({ region, endpoint: service.endpoint, forcePathStyle: true, credentials });
    const content = Buffer.from('axın '.repeat(10_000));

    // Act
    await defaults.send(
      new PutObjectCommand({
        Bucket: buckets.attachments,
        Key: 'tenant-1/stream',
        Body: Readable.from([content]),
        ContentLength: content.length,
      }),
    );
    const got = await store.get({ bucket: 'attachments', key: 'tenant-1/stream' });

    // Assert
    expect(Buffer.from(got!)).toEqual(content);
  });

  it('refuses requests signed with unknown credentials', async () => {
    // Arrange
    const stranger = createS3Client({
      region,
      endpoint: service.endpoint,
      credentials: { accessKeyId: 'nobody', secretAccessKey: 'x' },
    });

    // Act
    const err = await s3Error(
      stranger.send(new HeadObjectCommand({ Bucket: buckets.attachments, Key: 'tenant-1/doc-1/att-1' })),
    );

    // Assert
    expect(err.$metadata.httpStatusCode).toBe(403);
  });

  it('answers the CORS preflight of the local web origin', async () => {
    // Act
    const res = await fetch(`${service.endpoint}/${buckets.attachments}/tenant-1/x`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://127.0.0.1:3000',
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'content-type,x-amz-checksum-sha256',
      },
    });
    const other = await fetch(`${service.endpoint}/${buckets.attachments}/tenant-1/x`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'PUT' },
    });

    // Assert
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
    expect(res.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(res.headers.get('access-control-allow-headers')).toBe('content-type,x-amz-checksum-sha256');
    expect(other.status).toBe(403);
  });

  it('treats put() as write-once: a second put of the same key is a ConflictError', async () => {
    // Arrange
    const key = 'tenant-1/doc-2/att-1';
    await store.put({
      bucket: 'attachments',
      key,
      body: new Uint8Array([1, 2, 3]),
      contentType: 'application/octet-stream',
    });

    // Act
    const second = store.put({
      bucket: 'attachments',
      key,
      body: new Uint8Array([4]),
      contentType: 'application/octet-stream',
    });

    // Assert
    await expect(second).rejects.toBeInstanceOf(ConflictError);
    expect(await store.get({ bucket: 'attachments', key })).toEqual(new Uint8Array([1, 2, 3]));
  });

  describe('archive WORM rules (versioned bucket with Object Lock)', () => {
    const key = 'tenant-1/archive/doc-9.pdf';
    const retainUntil = new Date(Date.now() + 30 * 86_400_000);
    const body = new TextEncoder().encode('%PDF-1.7 archived');
    let versionId: string;

    const getVersion = async (id: string) => {
      const out = await client.send(
        new GetObjectCommand({ Bucket: buckets.archive, Key: key, VersionId: id }),
      );
      return out.Body!.transformToByteArray();
    };

    beforeAll(async () => {
      await store.put({ bucket: 'archive', key, body, contentType: 'application/pdf', retainUntil });
      versionId = (await client.send(new HeadObjectCommand({ Bucket: buckets.archive, Key: key })))
        .VersionId!;
    });

    it('returns the version id and the lock headers on HEAD and GET', async () => {
      // Act
      const head = await client.send(new HeadObjectCommand({ Bucket: buckets.archive, Key: key }));
      const get = await client.send(new GetObjectCommand({ Bucket: buckets.archive, Key: key }));
      await get.Body?.transformToByteArray();

      // Assert
      expect(versionId).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(get.VersionId).toBe(versionId);
      expect(head.ObjectLockMode).toBe('COMPLIANCE');
      expect(head.ObjectLockRetainUntilDate?.toISOString()).toBe(retainUntil.toISOString());
      expect(get.ObjectLockMode).toBe('COMPLIANCE');
      expect(get.ObjectLockRetainUntilDate?.toISOString()).toBe(retainUntil.toISOString());
    });

    it('applies the default retention when a PUT carries no lock headers', async () => {
      // Arrange
      await client.send(
        new PutObjectCommand({ Bucket: buckets.archive, Key: 'tenant-1/archive/default.txt', Body: 'x' }),
      );

      // Act
      const head = await client.send(
        new HeadObjectCommand({ Bucket: buckets.archive, Key: 'tenant-1/archive/default.txt' }),
      );

      // Assert
      expect(head.ObjectLockMode).toBe('COMPLIANCE');
      expect(head.ObjectLockRetainUntilDate!.getTime()).toBeGreaterThan(Date.now() + 9 * 365 * 86_400_000);
    });

    it('answers an overwrite with a new version and keeps the archived one; the write-once put is a ConflictError', async () => {
      // Act
      const plain = await client.send(
        new PutObjectCommand({ Bucket: buckets.archive, Key: key, Body: 'replaced' }),
      );
      const viaAdapter = store.put({
        bucket: 'archive',
        key,
        body: new Uint8Array([0]),
        contentType: 'application/pdf',
      });

      // Assert
      await expect(viaAdapter).rejects.toBeInstanceOf(ConflictError);
      expect(plain.VersionId).toBeDefined();
      expect(plain.VersionId).not.toBe(versionId);
      expect(await getVersion(versionId)).toEqual(body);
      expect(new TextDecoder().decode(await getVersion(plain.VersionId!))).toBe('replaced');
    });

    it('refuses to delete the locked version before retain-until; a plain delete only adds a delete marker', async () => {
      // Act
      const single = await s3Error(
        client.send(new DeleteObjectCommand({ Bucket: buckets.archive, Key: key, VersionId: versionId })),
      );
      const batch = await client.send(
        new DeleteObjectsCommand({
          Bucket: buckets.archive,
          Delete: { Objects: [{ Key: key, VersionId: versionId }] },
        }),
      );
      const marker = await client.send(new DeleteObjectCommand({ Bucket: buckets.archive, Key: key }));

      // Assert
      expect(single.name).toBe('AccessDenied');
      expect(single.$metadata.httpStatusCode).toBe(403);
      expect(batch.Errors).toEqual([
        expect.objectContaining({ Key: key, VersionId: versionId, Code: 'AccessDenied' }),
      ]);
      expect(batch.Deleted ?? []).toEqual([]);
      expect(marker.DeleteMarker).toBe(true);
      expect(await store.get({ bucket: 'archive', key })).toBeUndefined();
      expect(await getVersion(versionId)).toEqual(body);
    });

    it('keeps enforcing the rules after a restart on the same data folder', async () => {
      // Arrange
      await service.close();
      await data.restart();

      // Act
      const head = await client.send(
        new HeadObjectCommand({ Bucket: buckets.archive, Key: key, VersionId: versionId }),
      );
      const del = await s3Error(
        client.send(new DeleteObjectCommand({ Bucket: buckets.archive, Key: key, VersionId: versionId })),
      );

      // Assert
      expect(head.ObjectLockRetainUntilDate?.toISOString()).toBe(retainUntil.toISOString());
      expect(del.name).toBe('AccessDenied');
      expect(await getVersion(versionId)).toEqual(body);
    });

    it('allows removing the version once retain-until has passed', async () => {
      // Arrange: a service whose clock is past the retention date
      await service.close();
      const later = new Date(retainUntil.getTime() + 1000);
      await data.restart((dataDir) => startOn(dataDir, () => later));

      // Act
      const del = await client.send(
        new DeleteObjectCommand({ Bucket: buckets.archive, Key: key, VersionId: versionId }),
      );
      const gone = await s3Error(getVersion(versionId));

      // Assert
      expect(del.VersionId).toBe(versionId);
      expect(gone.name).toBe('NoSuchVersion');
    });
  });
});
