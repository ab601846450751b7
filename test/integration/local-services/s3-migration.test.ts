import { cp, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  type S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../../functions/platform/adapters/s3/object-store.adapter';
import { start, type S3Service } from '../../../infra/local/services/s3';
import { credentials, region, tempDataDir } from './helpers';

/** A data folder written by the s3rver-based endpoint (s3rver 3.7.1 layout plus lock/checksum sidecars). */
const fixture = fileURLToPath(new URL('./fixtures/s3rver-data', import.meta.url));
const A = 'karguzar-attachments';
const R = 'karguzar-archive';
const objectFile = (dir: string, bucket: string, key: string) =>
  join(dir, 's3', bucket, `${key}._S3rver_object`);

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

describe('local S3 endpoint: import of the s3rver data folder', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>;
  let service: S3Service;
  let client: S3Client;
  const original = new Map<string, Buffer>();
  let attachmentModified: Date;

  const versionsOf = async (Bucket: string) =>
    (await client.send(new ListObjectVersionsCommand({ Bucket }))).Versions?.map((v) => [v.Key, v.VersionId]);
  const restart = async () => {
    await service.close();
    service = await start({ dataDir: data.dir, port: 0 });
    client = createS3Client({ region, endpoint: service.endpoint, credentials });
  };

  beforeAll(async () => {
    data = await tempDataDir('s3-migration');
    await cp(fixture, data.dir, { recursive: true });
    for (const [bucket, key] of [
      [A, 't1/doc-1/att-1'],
      [A, 't1/doc-1/Əmr no 5.pdf'],
      [A, 'top-level.bin'],
      [R, 't1/archive/doc-1.pdf'],
      [R, 't1/archive/gov.txt'],
    ] as const)
      original.set(`${bucket}/${key}`, await readFile(objectFile(data.dir, bucket, key)));
    attachmentModified = (await stat(objectFile(data.dir, A, 't1/doc-1/att-1'))).mtime;
    service = await start({ dataDir: data.dir, port: 0 });
    client = createS3Client({ region, endpoint: service.endpoint, credentials });
  });

  afterAll(async () => {
    await service?.close();
    await data?.remove();
  });

  it('serves every earlier object as version null with its bytes, headers, lock and checksums', async () => {
    // Act
    const read = async (Bucket: string, Key: string) => {
      const out = await client.send(
        new GetObjectCommand({ Bucket, Key, VersionId: 'null', ChecksumMode: 'ENABLED' }),
      );
      return { out, bytes: Buffer.from(await out.Body!.transformToByteArray()) };
    };
    const archived = await read(R, 't1/archive/doc-1.pdf');
    const governed = await read(R, 't1/archive/gov.txt');
    const attachment = await read(A, 't1/doc-1/att-1');
    const named = await read(A, 't1/doc-1/Əmr no 5.pdf');
    const plain = await read(A, 'top-level.bin');

    // Assert
    for (const [bucket, key, got] of [
      [R, 't1/archive/doc-1.pdf', archived],
      [R, 't1/archive/gov.txt', governed],
      [A, 't1/doc-1/att-1', attachment],
      [A, 't1/doc-1/Əmr no 5.pdf', named],
      [A, 'top-level.bin', plain],
    ] as const) {
      expect(got.out.VersionId).toBe('null');
      expect(got.bytes.equals(original.get(`${bucket}/${key}`)!)).toBe(true);
    }
    expect(archived.out.ContentType).toBe('application/pdf');
    expect(archived.out.ObjectLockMode).toBe('COMPLIANCE');
    expect(archived.out.ObjectLockRetainUntilDate?.toISOString()).toBe('2099-01-01T00:00:00.000Z');
    expect(archived.out.ChecksumSHA256).toBe('SLg4BH6krnzqdeD5HbM1NvJgbvdcfSG0w5FFdJuHH1o=');
    expect(governed.out.ObjectLockMode).toBe('GOVERNANCE');
    expect(governed.out.ObjectLockRetainUntilDate?.toISOString()).toBe('2098-06-01T00:00:00.000Z');
    expect(attachment.out.ContentType).toBe('text/plain; charset=utf-8');
    expect(attachment.out.ObjectLockMode).toBe('COMPLIANCE');
    expect(attachment.out.ObjectLockRetainUntilDate?.getTime()).toBe(
      attachmentModified.getTime() + 3653 * 86_400_000,
    );
    expect(named.out.ContentDisposition).toBe('inline');
    expect(named.out.Metadata).toEqual({ origin: 'scan' });
    expect(plain.out.ChecksumSHA256).toBeUndefined();
  });

  it('imports objects only: no unfinished upload, no lock without its object', async () => {
    // Act
    const uploads = await client.send(new ListMultipartUploadsCommand({ Bucket: A }));
    const archive = await client.send(new ListObjectsV2Command({ Bucket: R }));

    // Assert
    expect(uploads.Uploads ?? []).toEqual([]);
    expect(archive.Contents?.map((c) => c.Key)).toEqual(['t1/archive/doc-1.pdf', 't1/archive/gov.txt']);
  });

  it('protects the imported versions with their locks', async () => {
    // Act
    const err = await client
      .send(new DeleteObjectCommand({ Bucket: R, Key: 't1/archive/doc-1.pdf', VersionId: 'null' }))
      .catch((e: unknown) => e);

    // Assert
    expect(err).toBeInstanceOf(S3ServiceException);
    expect((err as S3ServiceException).name).toBe('AccessDenied');
  });

  it('moves the old folders aside and never imports twice', async () => {
    // Arrange: a change after the import, then a restart
    await client.send(new DeleteObjectCommand({ Bucket: A, Key: 't1/doc-1/att-1' }));
    const before = [await versionsOf(A), await versionsOf(R)];
    await restart();

    // Act
    const after = [await versionsOf(A), await versionsOf(R)];
    const hidden = await client
      .send(new HeadObjectCommand({ Bucket: A, Key: 't1/doc-1/att-1' }))
      .catch((e: unknown) => e);

    // Assert
    expect(await exists(join(data.dir, 's3'))).toBe(false);
    expect(await exists(join(data.dir, 's3-meta'))).toBe(false);
    expect(await exists(join(data.dir, 's3.imported-s3rver', A, 't1/doc-1/att-1._S3rver_object'))).toBe(true);
    expect(await exists(join(data.dir, 's3-meta.imported-s3rver'))).toBe(true);
    expect(after).toEqual(before);
    expect((hidden as S3ServiceException).$metadata.httpStatusCode).toBe(404);
  });

  it('completes without duplicates after a crash that left the old folders in place', async () => {
    // Arrange: the state of a crash after the last object was imported, before the folders moved
    await service.close();
    await rename(join(data.dir, 's3.imported-s3rver'), join(data.dir, 's3'));
    await rename(join(data.dir, 's3-meta.imported-s3rver'), join(data.dir, 's3-meta'));
    const before = [await readFile(objectFile(data.dir, R, 't1/archive/gov.txt'))];
    service = await start({ dataDir: data.dir, port: 0 });
    client = createS3Client({ region, endpoint: service.endpoint, credentials });

    // Act
    const archive = await versionsOf(R);
    const attachments = await versionsOf(A);

    // Assert
    expect(archive).toEqual([
      ['t1/archive/doc-1.pdf', 'null'],
      ['t1/archive/gov.txt', 'null'],
    ]);
    expect(attachments?.filter(([, id]) => id === 'null')).toHaveLength(3);
    expect(await exists(join(data.dir, 's3'))).toBe(false);
    expect(before[0]!.equals(original.get(`${R}/t1/archive/gov.txt`)!)).toBe(true);
  });
});
