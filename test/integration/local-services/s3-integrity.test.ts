import { createHash } from 'node:crypto';
import { readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../../functions/platform/adapters/s3/object-store.adapter';
import { start, type S3Service } from '../../../infra/local/services/s3';
import { credentials, region, tempDataDir } from './helpers';

const BUCKET = 'karguzar-archive';
const MiB = 1024 * 1024;

/** Deterministic, non-repeating content of `size` bytes. */
function content(size: number, seed: string): Buffer {
  const out = Buffer.alloc(size);
  for (let i = 0, n = 0; i < size; n++) {
    const block = createHash('sha256').update(`${seed}:${n}`).digest();
    i += block.copy(out, i);
  }
  return out;
}

/** Whether a promise fulfilled or rejected (handled at once, so no rejection goes unhandled). */
function settle(promise: Promise<unknown>): Promise<{ ok: boolean }> {
  return promise.then(
    () => ({ ok: true }),
    () => ({ ok: false }),
  );
}

/** The file under `dir` whose bytes are exactly `bytes` (the store's data file of a version). */
async function fileHolding(dir: string, bytes: Buffer): Promise<string> {
  const found: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if ((await readFile(p)).equals(bytes)) found.push(p);
    }
  };
  await walk(dir);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('local S3 endpoint: reads verified against the SHA-256 recorded at write time', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>;
  let service: S3Service;
  let client: S3Client;
  const logs: Array<{ level: string; message: string }> = [];

  const presignedGet = (Key: string, VersionId?: string) =>
    getSignedUrl(client, new GetObjectCommand({ Bucket: BUCKET, Key, ...(VersionId ? { VersionId } : {}) }), {
      expiresIn: 300,
    });

  beforeAll(async () => {
    data = await tempDataDir('s3-integrity');
    service = await start({
      dataDir: data.dir,
      port: 0,
      log: (level, message) => logs.push({ level, message }),
    });
    client = createS3Client({ region, endpoint: service.endpoint, credentials });
  });

  afterAll(async () => {
    await service?.close();
    await data?.remove();
  });

  it('destroys the response instead of finishing it when a later block was altered on disk', async () => {
    // Arrange: 3.5 MiB, so four blocks; one byte of the third block flipped behind the endpoint's back
    const bytes = content(3.5 * MiB, 'large');
    const put = await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'big.pdf', Body: bytes }));
    const file = await fileHolding(data.dir, bytes);
    const altered = Buffer.from(bytes);
    altered[2 * MiB + 12345] = altered[2 * MiB + 12345]! ^ 0xff;
    await writeFile(file, altered);
    logs.length = 0;

    // Act
    const wholeResponse = await fetch(await presignedGet('big.pdf', put.VersionId));
    const whole = await settle(wholeResponse.arrayBuffer());
    const viaSdk = await settle(
      client
        .send(new GetObjectCommand({ Bucket: BUCKET, Key: 'big.pdf' }))
        .then((out) => out.Body!.transformToByteArray()),
    );
    const firstBlock = await client.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: 'big.pdf', Range: `bytes=0-${MiB - 1}` }),
    );
    const firstBytes = Buffer.from(await firstBlock.Body!.transformToByteArray());
    const alteredRange = await settle(
      client
        .send(new GetObjectCommand({ Bucket: BUCKET, Key: 'big.pdf', Range: `bytes=${MiB}-${3 * MiB}` }))
        .then((out) => out.Body!.transformToByteArray()),
    );

    // Assert
    expect(wholeResponse.status).toBe(200);
    expect(wholeResponse.headers.get('content-length')).toBe(String(bytes.length));
    expect(whole).toMatchObject({ ok: false });
    expect(viaSdk).toMatchObject({ ok: false });
    expect(alteredRange).toMatchObject({ ok: false });
    expect(firstBytes.equals(bytes.subarray(0, MiB))).toBe(true);
    expect(
      logs.filter((l) => l.level === 'error' && /altered/.test(l.message)).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it('answers 500 without the bytes when a small object was altered or truncated', async () => {
    // Arrange
    const small = Buffer.from('%PDF-1.7 imzalanmış sənəd');
    const shorter = Buffer.from('%PDF-1.7 another archived document');
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'small.pdf', Body: small }));
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'short.pdf', Body: shorter }));
    const smallFile = await fileHolding(data.dir, small);
    const shortFile = await fileHolding(data.dir, shorter);
    const flipped = Buffer.from(small);
    flipped[3] = flipped[3]! ^ 0x01;
    await writeFile(smallFile, flipped);
    await truncate(shortFile, 10);

    // Act
    const altered = await fetch(await presignedGet('small.pdf'));
    const truncated = await fetch(await presignedGet('short.pdf'));

    // Assert
    expect(altered.status).toBe(500);
    expect(await altered.text()).toContain('<Code>InternalError</Code>');
    expect(truncated.status).toBe(500);
    expect(await truncated.text()).toContain('<Code>InternalError</Code>');
  });
});
