import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ListObjectVersionsCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, tokenFor, type Api } from '../../support/api';
import { clockNow } from '../../support/clock';
import { eventually } from '../../support/eventually';
import { localS3 } from '../../support/local-s3';
import { ownEmbedded } from '../../support/own-embedded';
import { citizenIncoming, unique, uploadContent, type Doc, type Problem } from '../documents/helpers';

// A transfer package never carries a tampered copy: one byte of an archived original changed on
// disk behind the storage's back (after kill -9), and the package of its permanent case file ends
// failed, with nothing stored under the package's prefix.
const embedded = ownEmbedded();
const BUCKET = 'karguzar-archive';
const scan = new TextEncoder().encode(
  '%PDF-1.4\n% Dəyişdirilmiş nüsxə\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n',
);
let s3: S3Client;

type Archived = Doc & { archive?: { objects: Array<{ role: string; key: string }> } };
type Transfer = { id: string; status: string; sha256?: string; failure?: { code: string; detail: string } };

beforeAll(() => {
  s3 = localS3(embedded.port);
});
afterAll(() => s3?.destroy());

const as = async (user: string): Promise<Api> =>
  apiClient(embedded.baseUrl, await tokenFor(embedded.baseUrl, user));

describe('the transfer package of a case file with a tampered archive copy', { timeout: 300_000 }, () => {
  it('fails, and stores nothing', async () => {
    // Arrange: a permanent case file with one archived letter, whose original then changes on disk
    const [admin, clerk, archivist] = [await as('admin'), await as('clerk'), await as('archivist')];
    const year = Number(
      new Date(Date.parse(await clockNow(embedded.baseUrl)) + 4 * 3600_000).toISOString().slice(0, 4),
    );
    const tag = unique('T').split(' ')[1]!;
    const daimi = await admin.post<{ id: string }>('/api/v1/reference/nomenclature', {
      name: { az: `Dəyişdirilmiş ${tag}` },
      index: `TT-${tag}`.slice(0, 20),
      retentionYears: null,
      active: true,
    });
    const doc = (
      await clerk.post<Doc>(
        '/api/v1/documents/incoming',
        citizenIncoming(unique('Təhvil'), { nomenclatureId: daimi.body.id }),
      )
    ).body;
    expect((await uploadContent(clerk, doc.id, scan)).complete.status).toBe(200);
    expect(
      (await archivist.post('/api/v1/archive/cases', { nomenclatureId: daimi.body.id, year })).status,
    ).toBe(200);
    const card = await eventually(async () => {
      const c = (await clerk.get<Archived>(`/api/v1/documents/${doc.id}`)).body;
      return c.archive ? c : undefined;
    }, 'the archive copy');
    const content = card.archive!.objects.find((o) => o.role === 'content')!;
    await embedded.kill9();
    const hash = createHash('sha256').update(content.key).digest('hex');
    const dir = join(embedded.dataDir, 's3-store', BUCKET, 'keys', hash.slice(0, 2), hash);
    const data = (await readdir(dir)).find((f) => f.endsWith('.data'))!;
    const bytes = await readFile(join(dir, data));
    bytes[12] = bytes[12]! ^ 0x01;
    await writeFile(join(dir, data), bytes);
    await embedded.restart();
    const keeper = await as('archivist');

    // Act
    const asked = await keeper.post<Transfer>('/api/v1/archive/transfers', {
      nomenclatureId: daimi.body.id,
      year,
    });
    const ended = await eventually(
      async () => {
        const t = (await keeper.get<Transfer>(`/api/v1/archive/transfers/${asked.body.id}`)).body;
        return t.status === 'ready' || t.status === 'failed' ? t : undefined;
      },
      'the transfer package to end',
      240_000,
    );
    const download = await keeper.get<Problem>(`/api/v1/archive/transfers/${asked.body.id}/package`);
    const stored = await s3.send(
      new ListObjectVersionsCommand({ Bucket: BUCKET, Prefix: `demo1/archive/transfers/${asked.body.id}/` }),
    );

    // Assert
    expect(asked.status).toBe(201);
    expect(ended.status).toBe('failed');
    expect(ended.sha256).toBeUndefined();
    expect(ended.failure?.code).toMatch(/^(sha256_mismatch|build_failed)$/);
    expect(download.status).toBe(409);
    expect(download.body.code).toBe('transfer_not_ready');
    expect(stored.Versions ?? []).toEqual([]);
  });
});
