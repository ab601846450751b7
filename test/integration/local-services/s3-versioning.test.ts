import { createHash } from 'node:crypto';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetBucketLocationCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  GetObjectLegalHoldCommand,
  GetObjectLockConfigurationCommand,
  GetObjectRetentionCommand,
  GetObjectTaggingCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  ListPartsCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  PutObjectLegalHoldCommand,
  PutObjectLockConfigurationCommand,
  PutObjectRetentionCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../../functions/platform/adapters/s3/object-store.adapter';
import { start, type S3Service } from '../../../infra/local/services/s3';
import { credentials, region, s3Error, tempDataDir } from './helpers';

const A = 'karguzar-attachments';
const R = 'karguzar-archive';
const DAY = 86_400_000;
const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

describe('local S3 endpoint: versioned buckets with Object Lock', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>;
  let service: S3Service;
  let client: S3Client;
  /** The retention clock of the endpoint; tests move it forward instead of waiting. */
  let clock = new Date();

  const get = async (Bucket: string, Key: string, VersionId?: string) => {
    const out = await client.send(new GetObjectCommand({ Bucket, Key, ...(VersionId ? { VersionId } : {}) }));
    return text(await out.Body!.transformToByteArray());
  };
  const put = (Bucket: string, Key: string, Body: string) =>
    client.send(new PutObjectCommand({ Bucket, Key, Body }));

  beforeAll(async () => {
    data = await tempDataDir('s3-versioning');
    service = await start({
      dataDir: data.dir,
      port: 0,
      attachmentsRetention: { days: 1 },
      archiveRetention: { days: 2 },
      now: () => clock,
    });
    client = createS3Client({ region, endpoint: service.endpoint, credentials });
  });

  afterAll(async () => {
    await service?.close();
    await data?.remove();
  });

  it('keeps every version of a key and serves the latest by default', async () => {
    // Arrange
    const v1 = await put(A, 'v/doc', 'first');
    const v2 = await put(A, 'v/doc', 'second');

    // Act
    const latest = await get(A, 'v/doc');
    const older = await get(A, 'v/doc', v1.VersionId);
    const versions = await client.send(new ListObjectVersionsCommand({ Bucket: A, Prefix: 'v/' }));

    // Assert
    expect(v1.VersionId).not.toBe(v2.VersionId);
    expect(latest).toBe('second');
    expect(older).toBe('first');
    expect(versions.Versions?.map((v) => [v.VersionId, v.IsLatest, v.Size])).toEqual([
      [v2.VersionId, true, 6],
      [v1.VersionId, false, 5],
    ]);
  });

  it('hides a key behind a delete marker and brings it back when the marker is removed', async () => {
    // Arrange
    const v = await put(A, 'dm/doc', 'content');

    // Act
    const marker = await client.send(new DeleteObjectCommand({ Bucket: A, Key: 'dm/doc' }));
    const hidden = await s3Error(get(A, 'dm/doc'));
    const listed = await client.send(new ListObjectsV2Command({ Bucket: A, Prefix: 'dm/' }));
    const versions = await client.send(new ListObjectVersionsCommand({ Bucket: A, Prefix: 'dm/' }));
    const namedMarker = await s3Error(
      client.send(new HeadObjectCommand({ Bucket: A, Key: 'dm/doc', VersionId: marker.VersionId })),
    );
    const removed = await client.send(
      new DeleteObjectCommand({ Bucket: A, Key: 'dm/doc', VersionId: marker.VersionId }),
    );
    const back = await get(A, 'dm/doc');

    // Assert
    expect(marker.DeleteMarker).toBe(true);
    expect(hidden.name).toBe('NoSuchKey');
    expect(hidden.$response?.headers['x-amz-delete-marker']).toBe('true');
    expect(listed.KeyCount).toBe(0);
    expect(versions.DeleteMarkers?.map((d) => [d.VersionId, d.IsLatest])).toEqual([[marker.VersionId, true]]);
    expect(versions.Versions?.map((x) => [x.VersionId, x.IsLatest])).toEqual([[v.VersionId, false]]);
    expect(namedMarker.$metadata.httpStatusCode).toBe(405);
    expect(removed.DeleteMarker).toBe(true);
    expect(back).toBe('content');
  });

  it('serves byte ranges, conditional reads and checksums', async () => {
    // Arrange
    const body = '0123456789';
    const sha = createHash('sha256').update(body).digest('base64');
    const v = await client.send(
      new PutObjectCommand({ Bucket: A, Key: 'r/doc', Body: body, ChecksumSHA256: sha }),
    );

    // Act
    const part = await client.send(new GetObjectCommand({ Bucket: A, Key: 'r/doc', Range: 'bytes=2-5' }));
    const suffix = await client.send(new GetObjectCommand({ Bucket: A, Key: 'r/doc', Range: 'bytes=-3' }));
    const beyond = await s3Error(
      client.send(new GetObjectCommand({ Bucket: A, Key: 'r/doc', Range: 'bytes=10-' })),
    );
    const notModified = await s3Error(
      client.send(new GetObjectCommand({ Bucket: A, Key: 'r/doc', IfNoneMatch: v.ETag })),
    );
    const failed = await s3Error(
      client.send(new GetObjectCommand({ Bucket: A, Key: 'r/doc', IfMatch: '"nope"' })),
    );
    const head = await client.send(
      new HeadObjectCommand({ Bucket: A, Key: 'r/doc', ChecksumMode: 'ENABLED' }),
    );

    // Assert
    expect(part.$metadata.httpStatusCode).toBe(206);
    expect(part.ContentRange).toBe('bytes 2-5/10');
    expect(part.AcceptRanges).toBe('bytes');
    expect(text(await part.Body!.transformToByteArray())).toBe('2345');
    expect(text(await suffix.Body!.transformToByteArray())).toBe('789');
    expect(beyond.$metadata.httpStatusCode).toBe(416);
    expect(beyond.name).toBe('InvalidRange');
    expect(notModified.$metadata.httpStatusCode).toBe(304);
    expect(failed.$metadata.httpStatusCode).toBe(412);
    expect(head.ChecksumSHA256).toBe(sha);
    expect(head.VersionId).toBe(v.VersionId);
  });

  it('lists objects (v1 and v2) with prefixes, delimiters and pages', async () => {
    // Arrange
    for (const k of ['l/a.txt', 'l/docs/1', 'l/docs/2', 'l/img/1', 'l/z.txt']) await put(A, k, k);

    // Act
    const first = await client.send(
      new ListObjectsV2Command({ Bucket: A, Prefix: 'l/', Delimiter: '/', MaxKeys: 2 }),
    );
    const second = await client.send(
      new ListObjectsV2Command({
        Bucket: A,
        Prefix: 'l/',
        Delimiter: '/',
        MaxKeys: 2,
        ContinuationToken: first.NextContinuationToken,
      }),
    );
    const v1 = await client.send(new ListObjectsCommand({ Bucket: A, Prefix: 'l/', Marker: 'l/docs/1' }));

    // Assert
    expect([first.Contents?.map((c) => c.Key), first.CommonPrefixes?.map((p) => p.Prefix)]).toEqual([
      ['l/a.txt'],
      ['l/docs/'],
    ]);
    expect(first.IsTruncated).toBe(true);
    expect([second.Contents?.map((c) => c.Key), second.CommonPrefixes?.map((p) => p.Prefix)]).toEqual([
      ['l/z.txt'],
      ['l/img/'],
    ]);
    expect(second.IsTruncated).toBe(false);
    expect(second.NextContinuationToken).toBeUndefined();
    expect(v1.Contents?.map((c) => c.Key)).toEqual(['l/docs/2', 'l/img/1', 'l/z.txt']);
  });

  it('copies a chosen version into a new version of another key', async () => {
    // Arrange
    const old = await put(A, 'c/src', 'old content');
    await put(A, 'c/src', 'new content');

    // Act
    const copy = await client.send(
      new CopyObjectCommand({
        Bucket: R,
        Key: 'c/dst',
        CopySource: `${A}/c/src?versionId=${old.VersionId}`,
      }),
    );
    const head = await client.send(new HeadObjectCommand({ Bucket: R, Key: 'c/dst' }));

    // Assert
    expect(copy.CopySourceVersionId).toBe(old.VersionId);
    expect(copy.VersionId).toBe(head.VersionId);
    expect(await get(R, 'c/dst')).toBe('old content');
    expect(head.ObjectLockMode).toBe('COMPLIANCE');
  });

  it('assembles multipart uploads into one new version and forgets aborted ones', async () => {
    // Arrange
    const big = Buffer.alloc(5 * 1024 * 1024, 'a');
    const created = await client.send(
      new CreateMultipartUploadCommand({ Bucket: A, Key: 'm/big', ContentType: 'text/plain' }),
    );
    const p1 = await client.send(
      new UploadPartCommand({
        Bucket: A,
        Key: 'm/big',
        UploadId: created.UploadId,
        PartNumber: 1,
        Body: big,
      }),
    );
    const p2 = await client.send(
      new UploadPartCommand({
        Bucket: A,
        Key: 'm/big',
        UploadId: created.UploadId,
        PartNumber: 2,
        Body: 'tail',
      }),
    );
    const other = await client.send(new CreateMultipartUploadCommand({ Bucket: A, Key: 'm/aborted' }));

    // Act
    const parts = await client.send(
      new ListPartsCommand({ Bucket: A, Key: 'm/big', UploadId: created.UploadId }),
    );
    const uploads = await client.send(new ListMultipartUploadsCommand({ Bucket: A, Prefix: 'm/' }));
    const done = await client.send(
      new CompleteMultipartUploadCommand({
        Bucket: A,
        Key: 'm/big',
        UploadId: created.UploadId,
        MultipartUpload: {
          Parts: [
            { PartNumber: 1, ETag: p1.ETag },
            { PartNumber: 2, ETag: p2.ETag },
          ],
        },
      }),
    );
    await client.send(
      new AbortMultipartUploadCommand({ Bucket: A, Key: 'm/aborted', UploadId: other.UploadId }),
    );
    const gone = await s3Error(
      client.send(new ListPartsCommand({ Bucket: A, Key: 'm/aborted', UploadId: other.UploadId })),
    );
    const got = await client.send(new GetObjectCommand({ Bucket: A, Key: 'm/big' }));
    const bytes = Buffer.from(await got.Body!.transformToByteArray());

    // Assert
    expect(parts.Parts?.map((p) => [p.PartNumber, p.Size])).toEqual([
      [1, big.length],
      [2, 4],
    ]);
    expect(uploads.Uploads?.map((u) => u.Key)).toEqual(['m/aborted', 'm/big']);
    expect(done.ETag).toMatch(/-2"$/);
    expect(done.VersionId).toBe(got.VersionId);
    expect(got.ContentType).toBe('text/plain');
    expect(got.ObjectLockMode).toBe('COMPLIANCE');
    expect(bytes.equals(Buffer.concat([big, Buffer.from('tail')]))).toBe(true);
    expect(gone.name).toBe('NoSuchUpload');
  });

  it('extends COMPLIANCE retention but never shortens it, and honours the GOVERNANCE bypass', async () => {
    // Arrange
    const c = await put(R, 'ret/compliance', 'c');
    const g = await client.send(
      new PutObjectCommand({
        Bucket: R,
        Key: 'ret/governance',
        Body: 'g',
        ObjectLockMode: 'GOVERNANCE',
        ObjectLockRetainUntilDate: new Date(clock.getTime() + 5 * DAY),
      }),
    );
    const longer = new Date(clock.getTime() + 10 * DAY);
    const shorter = new Date(clock.getTime() + DAY / 2);

    // Act
    await client.send(
      new PutObjectRetentionCommand({
        Bucket: R,
        Key: 'ret/compliance',
        VersionId: c.VersionId,
        Retention: { Mode: 'COMPLIANCE', RetainUntilDate: longer },
      }),
    );
    const shorten = await s3Error(
      client.send(
        new PutObjectRetentionCommand({
          Bucket: R,
          Key: 'ret/compliance',
          Retention: { Mode: 'COMPLIANCE', RetainUntilDate: shorter },
          BypassGovernanceRetention: true,
        }),
      ),
    );
    const retention = await client.send(new GetObjectRetentionCommand({ Bucket: R, Key: 'ret/compliance' }));
    const withoutBypass = await s3Error(
      client.send(new DeleteObjectCommand({ Bucket: R, Key: 'ret/governance', VersionId: g.VersionId })),
    );
    const withBypass = await client.send(
      new DeleteObjectCommand({
        Bucket: R,
        Key: 'ret/governance',
        VersionId: g.VersionId,
        BypassGovernanceRetention: true,
      }),
    );

    // Assert
    expect(shorten.name).toBe('AccessDenied');
    expect(retention.Retention).toEqual({ Mode: 'COMPLIANCE', RetainUntilDate: longer });
    expect(withoutBypass.name).toBe('AccessDenied');
    expect(withBypass.VersionId).toBe(g.VersionId);
  });

  it('keeps a version under legal hold past its retention until the hold is released', async () => {
    // Arrange
    const v = await put(A, 'hold/doc', 'held');
    await client.send(
      new PutObjectLegalHoldCommand({
        Bucket: A,
        Key: 'hold/doc',
        VersionId: v.VersionId,
        LegalHold: { Status: 'ON' },
      }),
    );
    clock = new Date(clock.getTime() + 3 * DAY);

    // Act
    const held = await s3Error(
      client.send(new DeleteObjectCommand({ Bucket: A, Key: 'hold/doc', VersionId: v.VersionId })),
    );
    await client.send(
      new PutObjectLegalHoldCommand({
        Bucket: A,
        Key: 'hold/doc',
        VersionId: v.VersionId,
        LegalHold: { Status: 'OFF' },
      }),
    );
    const status = await client.send(new GetObjectLegalHoldCommand({ Bucket: A, Key: 'hold/doc' }));
    const deleted = await client.send(
      new DeleteObjectCommand({ Bucket: A, Key: 'hold/doc', VersionId: v.VersionId }),
    );

    // Assert
    expect(held.name).toBe('AccessDenied');
    expect(status.LegalHold?.Status).toBe('OFF');
    expect(deleted.VersionId).toBe(v.VersionId);
    expect(await s3Error(get(A, 'hold/doc'))).toMatchObject({ name: 'NoSuchKey' });
  });

  it('writes a key again after its last version was removed', async () => {
    // Arrange
    const v = await put(A, 'again/doc', 'one');
    clock = new Date(clock.getTime() + 3 * DAY);
    await client.send(new DeleteObjectCommand({ Bucket: A, Key: 'again/doc', VersionId: v.VersionId }));

    // Act
    const second = await put(A, 'again/doc', 'two');

    // Assert
    expect(await get(A, 'again/doc')).toBe('two');
    expect(
      (await client.send(new ListObjectVersionsCommand({ Bucket: A, Prefix: 'again/' }))).Versions,
    ).toEqual([expect.objectContaining({ VersionId: second.VersionId, IsLatest: true })]);
  });

  it('pages through versions with key and version-id markers', async () => {
    // Arrange
    const ids: string[] = [];
    for (const [key, body] of [
      ['pv/a', '1'],
      ['pv/a', '2'],
      ['pv/a', '3'],
      ['pv/b', '4'],
    ])
      ids.push((await put(A, key!, body!)).VersionId!);
    const seen: string[] = [];
    let markers: { KeyMarker?: string; VersionIdMarker?: string } = {};

    // Act
    for (let page = 0; page < 10; page++) {
      const out = await client.send(
        new ListObjectVersionsCommand({ Bucket: A, Prefix: 'pv/', MaxKeys: 2, ...markers }),
      );
      seen.push(...(out.Versions ?? []).map((v) => v.VersionId!));
      if (!out.IsTruncated) break;
      markers = { KeyMarker: out.NextKeyMarker, VersionIdMarker: out.NextVersionIdMarker };
    }

    // Assert
    expect(seen).toEqual([ids[2], ids[1], ids[0], ids[3]]);
  });

  it('reports the fixed bucket configuration and refuses to change it', async () => {
    // Act
    const versioning = await client.send(new GetBucketVersioningCommand({ Bucket: R }));
    const lock = await client.send(new GetObjectLockConfigurationCommand({ Bucket: R }));
    const location = await client.send(new GetBucketLocationCommand({ Bucket: A }));
    const head = await client.send(new HeadBucketCommand({ Bucket: A }));
    const suspend = await s3Error(
      client.send(
        new PutBucketVersioningCommand({ Bucket: A, VersioningConfiguration: { Status: 'Suspended' } }),
      ),
    );
    const relock = await s3Error(
      client.send(
        new PutObjectLockConfigurationCommand({
          Bucket: R,
          ObjectLockConfiguration: {
            ObjectLockEnabled: 'Enabled',
            Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 1 } },
          },
        }),
      ),
    );
    const drop = await s3Error(client.send(new DeleteBucketCommand({ Bucket: R })));
    const policy = await s3Error(client.send(new PutBucketPolicyCommand({ Bucket: A, Policy: '{}' })));
    const tagging = await s3Error(client.send(new GetObjectTaggingCommand({ Bucket: A, Key: 'v/doc' })));
    const unknownBucket = await s3Error(client.send(new HeadBucketCommand({ Bucket: 'other' })));

    // Assert
    expect(versioning.Status).toBe('Enabled');
    expect(lock.ObjectLockConfiguration).toEqual({
      ObjectLockEnabled: 'Enabled',
      Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 2 } },
    });
    expect(location.LocationConstraint).toBe(region);
    expect(head.$metadata.httpStatusCode).toBe(200);
    expect([suspend.name, suspend.$metadata.httpStatusCode]).toEqual(['InvalidBucketState', 409]);
    expect([relock.name, relock.$metadata.httpStatusCode]).toEqual(['AccessDenied', 403]);
    expect([drop.name, drop.$metadata.httpStatusCode]).toEqual(['BucketNotEmpty', 409]);
    expect([policy.name, policy.$metadata.httpStatusCode]).toEqual(['AccessDenied', 403]);
    expect([tagging.name, tagging.$metadata.httpStatusCode]).toEqual(['NotImplemented', 501]);
    expect(unknownBucket.$metadata.httpStatusCode).toBe(404);
  });

  it('reports per-key results of DeleteObjects', async () => {
    // Arrange
    const locked = await put(R, 'batch/locked', 'x');
    await put(R, 'batch/plain', 'y');

    // Act
    const out = await client.send(
      new DeleteObjectsCommand({
        Bucket: R,
        Delete: { Objects: [{ Key: 'batch/locked', VersionId: locked.VersionId }, { Key: 'batch/plain' }] },
      }),
    );

    // Assert
    expect(out.Errors).toEqual([
      expect.objectContaining({ Key: 'batch/locked', VersionId: locked.VersionId, Code: 'AccessDenied' }),
    ]);
    expect(out.Deleted).toEqual([
      expect.objectContaining({
        Key: 'batch/plain',
        DeleteMarker: true,
        DeleteMarkerVersionId: expect.any(String),
      }),
    ]);
    expect(await get(R, 'batch/locked', locked.VersionId)).toBe('x');
  });

  it('answers unsigned requests, reads and lists included, with 403', async () => {
    // Act
    const statuses = await Promise.all(
      [
        fetch(`${service.endpoint}/${A}/v/doc`),
        fetch(`${service.endpoint}/${A}?list-type=2`),
        fetch(`${service.endpoint}/${A}?versions`),
        fetch(`${service.endpoint}/${A}/v/doc`, { method: 'PUT', body: 'x' }),
        fetch(`${service.endpoint}/${A}/v/doc`, { method: 'DELETE' }),
      ].map(async (r) => (await r).status),
    );

    // Assert
    expect(statuses).toEqual([403, 403, 403, 403, 403]);
  });
});
