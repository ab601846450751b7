import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { ListMultipartUploadsCommand, type S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../functions/platform/kernel/errors';
import { createS3Client, S3ObjectStore } from '../../../functions/platform/adapters/s3/object-store.adapter';
import { start, type S3Service } from '../../../infra/local/services/s3';
import { credentials, region, serviceOnTempDir } from './helpers';

// The object store's streamed reads and writes (getStream, putStream: a multipart upload through
// lib-storage) against the local S3 endpoint: Object Lock from the creation's headers, SHA-256
// part checksums, write-once, and a body that fails part-way leaves nothing behind.
const buckets = { attachments: 'karguzar-attachments', archive: 'karguzar-archive' };
const MiB = 1024 * 1024;
const hex = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** `size` bytes made of a pattern, handed out in 1 MiB chunks (the body never exists whole here). */
function patterned(size: number, failAt?: number): { stream: Readable; sha256: () => string } {
  const hash = createHash('sha256');
  let sent = 0;
  const stream = new Readable({
    read() {
      if (failAt !== undefined && sent >= failAt) {
        this.destroy(new Error('the source broke'));
        return;
      }
      if (sent >= size) {
        this.push(null);
        return;
      }
      const n = Math.min(MiB, size - sent);
      const chunk = Buffer.alloc(n, (sent / MiB) % 251);
      chunk.writeUInt32BE(sent, 0);
      hash.update(chunk);
      sent += n;
      this.push(chunk);
    },
  });
  return { stream, sha256: () => hash.digest('hex') };
}

async function drain(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

describe('streamed reads and writes of the S3 adapter on the local endpoint', () => {
  let service: S3Service;
  let client: S3Client;
  let store: S3ObjectStore;
  serviceOnTempDir('s3-stream', async (dataDir) => {
    service = await start({ dataDir, port: 0 });
    client = createS3Client({ region, endpoint: service.endpoint, credentials });
    store = new S3ObjectStore({ region, endpoint: service.endpoint, credentials, buckets }, client);
    return service;
  });

  it('writes a multipart body under Object Lock with a legal hold, once, and reads it back as a stream', async () => {
    // Arrange: 19 MiB, three parts of the adapter's 8 MiB
    const body = patterned(19 * MiB);
    const retainUntil = new Date(Date.now() + 400 * 86_400_000);

    // Act
    const written = await store.putStream({
      bucket: 'archive',
      key: 't1/archive/transfers/x/bag.tar',
      body: body.stream,
      contentType: 'application/x-tar',
      retainUntil,
      legalHold: true,
    });
    const again = await store
      .putStream({
        bucket: 'archive',
        key: 't1/archive/transfers/x/bag.tar',
        body: Readable.from([Buffer.from('forged')]),
        contentType: 'application/x-tar',
      })
      .catch((error: unknown) => error);
    const read = await store.getStream({
      bucket: 'archive',
      key: 't1/archive/transfers/x/bag.tar',
      versionId: written.versionId!,
    });
    const head = await store.head({ bucket: 'archive', key: 't1/archive/transfers/x/bag.tar' });
    const lock = await store.lockState({
      bucket: 'archive',
      key: 't1/archive/transfers/x/bag.tar',
      versionId: written.versionId!,
    });

    // Assert
    expect(written.versionId).toBeTruthy();
    expect(again).toBeInstanceOf(ConflictError);
    expect(await drain(read!)).toBe(body.sha256());
    expect(head?.size).toBe(19 * MiB);
    expect(lock).toEqual({ retainUntil: retainUntil.toISOString(), mode: 'COMPLIANCE', legalHold: true });
  });

  it('writes a body smaller than a part as one put, with its lock', async () => {
    const retainUntil = new Date(Date.now() + 30 * 86_400_000);

    const written = await store.putStream({
      bucket: 'archive',
      key: 't1/archive/transfers/y/small.tar',
      body: Readable.from([Buffer.from('kiçik paket')]),
      contentType: 'application/x-tar',
      retainUntil,
    });
    const read = await store.getStream({ bucket: 'archive', key: 't1/archive/transfers/y/small.tar' });
    const lock = await store.lockState({
      bucket: 'archive',
      key: 't1/archive/transfers/y/small.tar',
      versionId: written.versionId!,
    });

    expect(await drain(read!)).toBe(hex(Buffer.from('kiçik paket')));
    expect(lock).toEqual({ retainUntil: retainUntil.toISOString(), mode: 'COMPLIANCE', legalHold: false });
  });

  it('stores nothing when the body fails part-way, and answers undefined for an absent object', async () => {
    const body = patterned(30 * MiB, 12 * MiB);

    const outcome = store.putStream({
      bucket: 'archive',
      key: 't1/archive/transfers/z/broken.tar',
      body: body.stream,
      contentType: 'application/x-tar',
      retainUntil: new Date(Date.now() + 86_400_000),
    });

    await expect(outcome).rejects.toThrow('the source broke');
    const pending = await client.send(new ListMultipartUploadsCommand({ Bucket: buckets.archive }));
    expect(pending.Uploads ?? []).toEqual([]);
    expect(await store.head({ bucket: 'archive', key: 't1/archive/transfers/z/broken.tar' })).toBeUndefined();
    expect(
      await store.getStream({ bucket: 'archive', key: 't1/archive/transfers/z/broken.tar' }),
    ).toBeUndefined();
  });
});
