import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectVersionsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../../functions/platform/adapters/s3/object-store.adapter';
import { start, type S3Service } from '../../../infra/local/services/s3';
import { credentials, region, tempDataDir } from './helpers';

const BUCKET = 'karguzar-archive';

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) out.push(join(e.parentPath, e.name));
  return out;
}

describe('local S3 endpoint: what a crash in the middle of a write leaves behind', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>;
  let service: S3Service | undefined;

  beforeAll(async () => {
    data = await tempDataDir('s3-crash');
  });

  afterAll(async () => {
    await service?.close();
    await data?.remove();
  });

  it('removes temporary files and bytes without metadata on start, and keeps every acknowledged version', async () => {
    // Arrange: one acknowledged version, then the leftovers of writes cut short by a crash: a
    // temporary file, and bytes renamed into place whose metadata never was.
    service = await start({ dataDir: data.dir, port: 0 });
    const client = createS3Client({ region, endpoint: service.endpoint, credentials });
    const put = await client.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 't1/doc.pdf', Body: 'acknowledged' }),
    );
    await service.close();
    service = undefined;
    const dataFile = (await filesUnder(data.dir)).find((f) => f.endsWith(`${put.VersionId}.data`))!;
    const keyDir = join(dataFile, '..');
    await writeFile(join(keyDir, `${'A'.repeat(32)}.data`), 'half a version');
    await writeFile(join(keyDir, `${'B'.repeat(32)}.data.4242.abcdef.tmp`), 'half written');
    await writeFile(join(keyDir, `${'C'.repeat(32)}.json.4242.abcdef.tmp`), '{"key":');

    // Act
    service = await start({ dataDir: data.dir, port: 0 });
    const restarted = createS3Client({ region, endpoint: service.endpoint, credentials });
    const versions = await restarted.send(new ListObjectVersionsCommand({ Bucket: BUCKET }));
    const got = await restarted.send(new GetObjectCommand({ Bucket: BUCKET, Key: 't1/doc.pdf' }));
    const left = (await readdir(keyDir)).sort();

    // Assert
    expect(versions.Versions?.map((v) => v.VersionId)).toEqual([put.VersionId]);
    expect(await got.Body!.transformToString()).toBe('acknowledged');
    expect(got.ObjectLockMode).toBe('COMPLIANCE');
    expect(left).toEqual([`${put.VersionId}.data`, `${put.VersionId}.json`]);
  });
});
