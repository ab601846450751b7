/**
 * The outside probe of the local S3 endpoint: on both buckets, every S3 operation that can change
 * or remove an object or the bucket's protection is tried against a locked object version — with
 * and without `versionId`, with and without query parameters S3 does not know, signed by the SDK,
 * presigned, signed with a wrong key and not signed at all. Afterwards the original version's bytes
 * and SHA-256 must be intact, no unauthenticated request may have succeeded, and the endpoint's
 * process must hold exactly one listening socket. Then the process is killed with SIGKILL, started
 * again on the same data folder, and everything is checked (and tried) again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, readlink } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  PutObjectLegalHoldCommand,
  PutObjectLockConfigurationCommand,
  PutObjectRetentionCommand,
  type S3Client,
  S3ServiceException,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../../functions/platform/adapters/s3/object-store.adapter';
import { credentials, region, tempDataDir } from './helpers';

const runner = fileURLToPath(new URL('./fixtures/run-service.ts', import.meta.url));
const BUCKETS = ['karguzar-attachments', 'karguzar-archive'] as const;
const KEY = 'tenant-1/doc-1/original.pdf';
const SOURCE = 'tenant-1/doc-1/other.pdf';
const DAY = 86_400_000;
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('base64');

type Command = Parameters<S3Client['send']>[0];
/** Any S3 command as the one type `send` and the presigner take (each attack builds a different one). */
const cmd = (command: object) => command as Command;
/** A presigned URL for any S3 command (the presigner's command type differs from `send`'s). */
const presign = (client: S3Client, command: object) =>
  getSignedUrl(client, command as Parameters<typeof getSignedUrl>[1], { expiresIn: 60 });
type Build = (args: { request: unknown }) => Promise<unknown>;

/** Adds query parameters to a command's request before it is signed (or presigned). */
function withQuery<C extends object>(command: C, extra: Record<string, string>): C {
  const stack = (
    command as unknown as { middlewareStack: { add(mw: (next: Build) => Build, o: object): void } }
  ).middlewareStack;
  stack.add(
    (next) => (args) => {
      Object.assign((args.request as { query: Record<string, string> }).query, extra);
      return next(args);
    },
    { step: 'build', name: 'probeExtraQuery' },
  );
  return command;
}

/** The HTTP status an SDK call ended with; DeleteObjects reports its per-key error code too. */
async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    const out = (await promise) as {
      $metadata: { httpStatusCode?: number };
      Errors?: Array<{ Code?: string }>;
    };
    const code = out.Errors?.[0]?.Code;
    return `${out.$metadata.httpStatusCode}${code ? `:${code}` : ''}`;
  } catch (err) {
    if (err instanceof S3ServiceException) return String(err.$metadata.httpStatusCode);
    throw err;
  }
}

interface Attack {
  name: string;
  /** The SDK command; `versionId` goes into the query like every other parameter. */
  command(bucket: string, versionId?: string): Command;
  /** Accepted outcomes of a correctly signed request: refusals, or harmless new versions / markers. */
  expected(versionId?: string): string[];
  /** Method and body when the same request is sent with a presigned URL. */
  presign?: { method: string; body?: string };
  /** The same request without any signature. */
  unsigned: {
    method: string;
    path: 'object' | 'bucket';
    query: string;
    headers?: Record<string, string>;
    body?: string;
  };
}

const retention = (Mode: 'COMPLIANCE' | 'GOVERNANCE', days: number) => ({
  Mode,
  RetainUntilDate: new Date(Date.now() + days * DAY),
});
/** Without a version id these target the current version, which may by then be a delete marker (404). */
const refusedOnCurrent = (v?: string) => (v ? ['403'] : ['403', '404']);

const ATTACKS: Attack[] = [
  {
    name: 'PutObject overwrite',
    command: (b) => cmd(new PutObjectCommand({ Bucket: b, Key: KEY, Body: 'overwritten' })),
    expected: (v) => (v ? ['400'] : ['200']),
    presign: { method: 'PUT', body: 'overwritten' },
    unsigned: { method: 'PUT', path: 'object', query: '', body: 'overwritten' },
  },
  {
    name: 'CopyObject onto it',
    command: (b) => cmd(new CopyObjectCommand({ Bucket: b, Key: KEY, CopySource: `${b}/${SOURCE}` })),
    expected: (v) => (v ? ['400'] : ['200']),
    presign: { method: 'PUT' },
    unsigned: {
      method: 'PUT',
      path: 'object',
      query: '',
      headers: { 'x-amz-copy-source': `/${BUCKETS[0]}/${SOURCE}` },
    },
  },
  {
    name: 'CreateMultipartUpload onto it',
    command: (b) => cmd(new CreateMultipartUploadCommand({ Bucket: b, Key: KEY })),
    expected: (v) => (v ? ['400'] : ['200']),
    unsigned: { method: 'POST', path: 'object', query: 'uploads' },
  },
  {
    name: 'DeleteObject',
    command: (b) => cmd(new DeleteObjectCommand({ Bucket: b, Key: KEY })),
    expected: (v) => (v ? ['403'] : ['204']),
    presign: { method: 'DELETE' },
    unsigned: { method: 'DELETE', path: 'object', query: '' },
  },
  {
    name: 'DeleteObject bypassing governance',
    command: (b) => cmd(new DeleteObjectCommand({ Bucket: b, Key: KEY, BypassGovernanceRetention: true })),
    expected: (v) => (v ? ['403'] : ['204']),
    presign: { method: 'DELETE' },
    unsigned: {
      method: 'DELETE',
      path: 'object',
      query: '',
      headers: { 'x-amz-bypass-governance-retention': 'true' },
    },
  },
  {
    name: 'PutObjectRetention shorter',
    command: (b) =>
      cmd(new PutObjectRetentionCommand({ Bucket: b, Key: KEY, Retention: retention('COMPLIANCE', 1) })),
    expected: refusedOnCurrent,
    unsigned: {
      method: 'PUT',
      path: 'object',
      query: 'retention',
      body: '<Retention><Mode>COMPLIANCE</Mode></Retention>',
    },
  },
  {
    name: 'PutObjectRetention to GOVERNANCE with bypass',
    command: (b) =>
      cmd(
        new PutObjectRetentionCommand({
          Bucket: b,
          Key: KEY,
          Retention: retention('GOVERNANCE', 5000),
          BypassGovernanceRetention: true,
        }),
      ),
    expected: refusedOnCurrent,
    unsigned: { method: 'PUT', path: 'object', query: 'retention' },
  },
  {
    name: 'PutObjectRetention removed',
    command: (b) =>
      cmd(
        new PutObjectRetentionCommand({
          Bucket: b,
          Key: KEY,
          Retention: {},
          BypassGovernanceRetention: true,
        }),
      ),
    expected: refusedOnCurrent,
    unsigned: { method: 'PUT', path: 'object', query: 'retention', body: '<Retention/>' },
  },
  {
    name: 'PutObjectLegalHold OFF',
    command: (b) => cmd(new PutObjectLegalHoldCommand({ Bucket: b, Key: KEY, LegalHold: { Status: 'OFF' } })),
    expected: (v) => (v ? ['200'] : ['200', '404']),
    unsigned: {
      method: 'PUT',
      path: 'object',
      query: 'legal-hold',
      body: '<LegalHold><Status>OFF</Status></LegalHold>',
    },
  },
  {
    name: 'PutBucketVersioning Suspended',
    command: (b) =>
      cmd(new PutBucketVersioningCommand({ Bucket: b, VersioningConfiguration: { Status: 'Suspended' } })),
    expected: () => ['409'],
    unsigned: { method: 'PUT', path: 'bucket', query: 'versioning' },
  },
  {
    name: 'PutObjectLockConfiguration',
    command: (b) =>
      cmd(
        new PutObjectLockConfigurationCommand({
          Bucket: b,
          ObjectLockConfiguration: {
            ObjectLockEnabled: 'Enabled',
            Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 1 } },
          },
        }),
      ),
    expected: () => ['403'],
    unsigned: { method: 'PUT', path: 'bucket', query: 'object-lock' },
  },
  {
    name: 'DeleteBucket',
    command: (b) => cmd(new DeleteBucketCommand({ Bucket: b })),
    expected: () => ['409'],
    unsigned: { method: 'DELETE', path: 'bucket', query: '' },
  },
  {
    name: 'PutBucketPolicy',
    command: (b) =>
      cmd(new PutBucketPolicyCommand({ Bucket: b, Policy: '{"Version":"2012-10-17","Statement":[]}' })),
    expected: () => ['403'],
    unsigned: { method: 'PUT', path: 'bucket', query: 'policy' },
  },
  {
    name: 'PutBucketLifecycleConfiguration',
    command: (b) =>
      cmd(
        new PutBucketLifecycleConfigurationCommand({
          Bucket: b,
          LifecycleConfiguration: {
            Rules: [
              {
                ID: 'purge',
                Status: 'Enabled',
                Filter: { Prefix: '' },
                NoncurrentVersionExpiration: { NoncurrentDays: 1 },
              },
            ],
          },
        }),
      ),
    expected: () => ['403'],
    unsigned: { method: 'PUT', path: 'bucket', query: 'lifecycle' },
  },
];

/** Query parameters S3 does not know, which must change nothing. */
const EXTRA_QUERIES: Array<Record<string, string>> = [{}, { foo: 'bar' }, { 'x-id': 'GetObject' }];

/** Listening TCP ports owned by process `pid` (from /proc). */
async function listeningPorts(pid: number): Promise<number[]> {
  const inodes = new Set<string>();
  for (const fd of await readdir(`/proc/${pid}/fd`)) {
    const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
    const m = /^socket:\[(\d+)\]$/.exec(target);
    if (m) inodes.add(m[1]!);
  }
  const ports: number[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const lines = (await readFile(table, 'utf8').catch(() => '')).split('\n').slice(1);
    for (const line of lines) {
      const cols = line.trim().split(/\s+/);
      if (cols.length > 9 && cols[3] === '0A' && inodes.has(cols[9]!))
        ports.push(parseInt(cols[1]!.split(':')[1]!, 16));
    }
  }
  return ports;
}

const children: ChildProcess[] = [];

async function spawnS3(dataDir: string): Promise<{ endpoint: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', runner, 's3', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`s3 exited with ${code}`)));
  });
  return { endpoint: (JSON.parse(line) as { endpoint: string }).endpoint, child };
}

async function kill9(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

interface Original {
  bucket: string;
  versionId: string;
  bytes: Uint8Array;
  sha256: string;
  retainUntil: string;
}

interface RoundResult {
  /** `bucket attack variant transport → outcome` for every request that did not end as expected. */
  unexpected: string[];
  /** Every unauthenticated request that did not end with 403. */
  unauthenticatedPassed: string[];
  /** Version ids the endpoint acknowledged (new versions and delete markers). */
  acknowledged: Array<{ bucket: string; versionId: string }>;
}

/** Tries every attack in every variant against the original versions. */
async function probe(endpoint: string, originals: Original[]): Promise<RoundResult> {
  const client = createS3Client({ region, endpoint, credentials });
  const stranger = createS3Client({
    region,
    endpoint,
    credentials: { ...credentials, secretAccessKey: 'wrong' },
  });
  const result: RoundResult = { unexpected: [], unauthenticatedPassed: [], acknowledged: [] };
  for (const { bucket, versionId } of originals) {
    for (const attack of ATTACKS) {
      for (const vid of [undefined, versionId]) {
        for (const extra of EXTRA_QUERIES) {
          const query = { ...extra, ...(vid ? { versionId: vid } : {}) };
          const label = `${bucket} ${attack.name} ${JSON.stringify(query)}`;
          const expected = attack.expected(vid);
          const signed = await outcome(client.send(withQuery(attack.command(bucket, vid), query)));
          if (!expected.includes(signed)) result.unexpected.push(`${label} sdk → ${signed}`);
          const wrong = await outcome(stranger.send(withQuery(attack.command(bucket, vid), query)));
          if (wrong !== '403') result.unauthenticatedPassed.push(`${label} wrong key → ${wrong}`);
          if (attack.presign) {
            const url = await presign(client, withQuery(attack.command(bucket, vid), query));
            const res = await fetch(url, {
              method: attack.presign.method,
              body: attack.presign.body ?? null,
            });
            await res.arrayBuffer();
            if (!expected.includes(String(res.status)))
              result.unexpected.push(`${label} presigned → ${res.status}`);
            const ack = res.headers.get('x-amz-version-id');
            if (res.ok && ack) result.acknowledged.push({ bucket, versionId: ack });
          }
          const u = attack.unsigned;
          const target = u.path === 'object' ? `/${bucket}/${KEY}` : `/${bucket}`;
          const qs = [u.query, ...Object.entries(query).map(([k, v]) => `${k}=${encodeURIComponent(v)}`)]
            .filter(Boolean)
            .join('&');
          const res = await fetch(`${endpoint}${target}${qs ? `?${qs}` : ''}`, {
            method: u.method,
            headers: u.headers ?? {},
            body: u.body ?? null,
          });
          await res.arrayBuffer();
          if (res.status !== 403) result.unauthenticatedPassed.push(`${label} unsigned → ${res.status}`);
        }
      }
    }
    // DeleteObjects, by version id and by key, with unknown query parameters too.
    for (const extra of EXTRA_QUERIES) {
      const byVersion = await outcome(
        client.send(
          withQuery(
            new DeleteObjectsCommand({
              Bucket: bucket,
              Delete: { Objects: [{ Key: KEY, VersionId: versionId }] },
            }),
            extra,
          ),
        ),
      );
      if (byVersion !== '200:AccessDenied')
        result.unexpected.push(`${bucket} DeleteObjects by version → ${byVersion}`);
      const byKey = await client.send(
        withQuery(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: [{ Key: KEY }] } }), extra),
      );
      result.acknowledged.push({ bucket, versionId: byKey.Deleted![0]!.DeleteMarkerVersionId! });
      const unsigned = await fetch(`${endpoint}/${bucket}?delete`, {
        method: 'POST',
        body: `<Delete><Object><Key>${KEY}</Key><VersionId>${versionId}</VersionId></Object></Delete>`,
      });
      if (unsigned.status !== 403)
        result.unauthenticatedPassed.push(`${bucket} DeleteObjects unsigned → ${unsigned.status}`);
    }
    // A whole multipart upload completed onto the key: one more version, nothing removed.
    const created = await client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: KEY }));
    const part = await client.send(
      new UploadPartCommand({
        Bucket: bucket,
        Key: KEY,
        UploadId: created.UploadId,
        PartNumber: 1,
        Body: 'multipart',
      }),
    );
    const done = await client.send(
      new CompleteMultipartUploadCommand({
        Bucket: bucket,
        Key: KEY,
        UploadId: created.UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] },
      }),
    );
    result.acknowledged.push({ bucket, versionId: done.VersionId! });
  }
  return result;
}

/** The original versions as they are now: bytes, SHA-256 and lock. */
async function inspect(endpoint: string, originals: Original[]) {
  const client = createS3Client({ region, endpoint, credentials });
  return Promise.all(
    originals.map(async (o) => {
      const got = await client.send(
        new GetObjectCommand({ Bucket: o.bucket, Key: KEY, VersionId: o.versionId }),
      );
      const bytes = await got.Body!.transformToByteArray();
      const head = await client.send(
        new HeadObjectCommand({
          Bucket: o.bucket,
          Key: KEY,
          VersionId: o.versionId,
          ChecksumMode: 'ENABLED',
        }),
      );
      return {
        bucket: o.bucket,
        sha256: sha256(bytes),
        declaredSha256: head.ChecksumSHA256,
        lock: [head.ObjectLockMode, head.ObjectLockRetainUntilDate?.toISOString()],
      };
    }),
  );
}

async function versionIds(endpoint: string, bucket: string): Promise<string[]> {
  const client = createS3Client({ region, endpoint, credentials });
  const ids: string[] = [];
  let keyMarker: string | undefined;
  let versionIdMarker: string | undefined;
  for (;;) {
    const page = await client.send(
      new ListObjectVersionsCommand({
        Bucket: bucket,
        KeyMarker: keyMarker,
        VersionIdMarker: versionIdMarker,
      }),
    );
    for (const v of [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])]) ids.push(v.VersionId!);
    if (!page.IsTruncated) return ids;
    keyMarker = page.NextKeyMarker;
    versionIdMarker = page.NextVersionIdMarker;
  }
}

afterAll(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

describe('WORM probe of the local S3 endpoint', () => {
  it('keeps locked versions intact against every change or removal, before and after kill -9', async () => {
    // Arrange: one locked version per bucket (default retention), and a copy source
    const data = await tempDataDir('s3-worm-probe');
    try {
      const first = await spawnS3(data.dir);
      const client = createS3Client({ region, endpoint: first.endpoint, credentials });
      const originals: Original[] = [];
      for (const bucket of BUCKETS) {
        const bytes = new TextEncoder().encode(`%PDF-1.7 ${bucket} original — imzalanmış sənəd`);
        const put = await client.send(
          new PutObjectCommand({ Bucket: bucket, Key: KEY, Body: bytes, ChecksumSHA256: sha256(bytes) }),
        );
        await client.send(new PutObjectCommand({ Bucket: bucket, Key: SOURCE, Body: 'copy source' }));
        const head = await client.send(
          new HeadObjectCommand({ Bucket: bucket, Key: KEY, VersionId: put.VersionId }),
        );
        originals.push({
          bucket,
          versionId: put.VersionId!,
          bytes,
          sha256: sha256(bytes),
          retainUntil: head.ObjectLockRetainUntilDate!.toISOString(),
        });
      }
      const expectedState = originals.map((o) => ({
        bucket: o.bucket,
        sha256: o.sha256,
        declaredSha256: o.sha256,
        lock: ['COMPLIANCE', o.retainUntil],
      }));

      // Act: the probe, then SIGKILL, a restart on the same folder and the probe again
      const before = await probe(first.endpoint, originals);
      const stateBefore = await inspect(first.endpoint, originals);
      const portsBefore = await listeningPorts(first.child.pid!);
      await kill9(first.child);
      const second = await spawnS3(data.dir);
      const survived = (await Promise.all(BUCKETS.map((b) => versionIds(second.endpoint, b)))).flat();
      const stateRestarted = await inspect(second.endpoint, originals);
      const after = await probe(second.endpoint, originals);
      const stateAfter = await inspect(second.endpoint, originals);
      const portsAfter = await listeningPorts(second.child.pid!);

      // Assert
      expect(before.unexpected).toEqual([]);
      expect(after.unexpected).toEqual([]);
      expect(before.unauthenticatedPassed).toEqual([]);
      expect(after.unauthenticatedPassed).toEqual([]);
      expect(stateBefore).toEqual(expectedState);
      expect(stateRestarted).toEqual(expectedState);
      expect(stateAfter).toEqual(expectedState);
      expect(portsBefore).toEqual([Number(new URL(first.endpoint).port)]);
      expect(portsAfter).toEqual([Number(new URL(second.endpoint).port)]);
      expect(survived).toEqual(expect.arrayContaining(before.acknowledged.map((a) => a.versionId)));
      expect(survived).toEqual(expect.arrayContaining(originals.map((o) => o.versionId)));
    } finally {
      for (const child of children.splice(0))
        if (child.exitCode === null && child.signalCode === null) await kill9(child);
      await data.remove();
    }
  }, 180_000);
});
