import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { GetObjectRetentionCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localS3 } from '../../support/local-s3';
import { apiClient, tokenFor, type Api } from '../../support/api';
import { clockNow } from '../../support/clock';
import { eventually } from '../../support/eventually';
import { officeFile } from '../../support/scans';
import {
  citizenIncoming,
  sha256Hex,
  unique,
  uploadContent,
  type Doc,
  type Problem,
} from '../documents/helpers';

// The transfer package of a permanent case file to the state archive (Decree 935 §153.7): the
// archivist asks for it, the archive-transfer machine streams the archive copies into a BagIt bag
// (one tar) under Object Lock; the package passes the standard tools' checks (tar, sha256sum -c)
// and gives the originals back byte for byte.
const baseUrl = inject('baseUrl');
const run = promisify(execFile);
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const scan = new TextEncoder().encode('%PDF-1.4\n% Daimi iş\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

type Transfer = {
  id: string;
  status: string;
  name: string;
  documents: number;
  progress: { done: number; total: number };
  size?: number;
  sha256?: string;
  retainUntil?: string;
  failure?: { code: string };
};

let admin: Api;
let clerk: Api;
let archivist: Api;
let archivistEn: Api;
let s3: S3Client;
let year: number;
const work: string[] = [];

beforeAll(async () => {
  const [a, c, k] = await Promise.all([
    tokenFor(baseUrl, 'admin'),
    tokenFor(baseUrl, 'clerk'),
    tokenFor(baseUrl, 'archivist'),
  ]);
  admin = apiClient(baseUrl, a);
  clerk = apiClient(baseUrl, c);
  archivist = apiClient(baseUrl, k);
  archivistEn = apiClient(baseUrl, k, 'en');
  s3 = localS3(Number(new URL(baseUrl).port));
  year = Number(new Date(Date.parse(await clockNow(baseUrl)) + 4 * 3600_000).toISOString().slice(0, 4));
});

afterAll(async () => {
  s3?.destroy();
  for (const dir of work) await rm(dir, { recursive: true, force: true });
});

/** A case file of the nomenclature of this test (`retentionYears` null: kept permanently). */
async function caseFile(retentionYears: number | null): Promise<{ id: string; index: string }> {
  const tag = unique('T').split(' ')[1]!;
  const res = await admin.post<{ id: string; index: string }>('/api/v1/reference/nomenclature', {
    name: { az: `Təhvil sınağı ${tag}`, en: `Transfer test ${tag}` },
    index: `T-${tag}`.slice(0, 20),
    retentionYears,
    active: true,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function filed(
  nomenclatureId: string,
  files: Array<{ bytes: Uint8Array; name: string; type: string }>,
) {
  const doc = (
    await clerk.post<Doc>('/api/v1/documents/incoming', citizenIncoming(unique('Təhvil'), { nomenclatureId }))
  ).body;
  for (const f of files) {
    const { complete } = await uploadContent(clerk, doc.id, f.bytes, {
      fileName: f.name,
      contentType: f.type,
    });
    expect(complete.status).toBe(200);
  }
  return doc;
}

async function transfers(): Promise<Transfer[]> {
  return (await archivist.get<{ items: Transfer[] }>('/api/v1/archive/transfers?limit=100')).body.items;
}

/** Every file below `dir`, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

describe('the transfer package of a permanent case file', { timeout: 240_000 }, () => {
  it('is a BagIt bag in one tar that tar and sha256sum accept, with the originals byte for byte', async () => {
    // Arrange: a permanent case file with two archived documents, one with a docx
    const daimi = await caseFile(null);
    const docx = officeFile(7000, 11);
    const first = await filed(daimi.id, [{ bytes: scan, name: 'skan.pdf', type: 'application/pdf' }]);
    const second = await filed(daimi.id, [
      { bytes: scan, name: 'Müraciət.pdf', type: 'application/pdf' },
      { bytes: docx, name: 'Arayış.docx', type: DOCX },
    ]);
    const closed = await archivist.post('/api/v1/archive/cases', { nomenclatureId: daimi.id, year });
    expect(closed.status).toBe(200);
    for (const d of [first, second])
      await eventually(async () => {
        const card = (await clerk.get<Doc & { archive?: unknown }>(`/api/v1/documents/${d.id}`)).body;
        return card.archive ? card : undefined;
      }, 'the archive copy');

    // Act: ask for the package (twice under one Idempotency-Key), wait for the machine, download it
    const headers = { 'Idempotency-Key': `transfer-${daimi.id}` };
    const asked = await archivist.post<Transfer>(
      '/api/v1/archive/transfers',
      { nomenclatureId: daimi.id, year },
      headers,
    );
    const again = await archivist.post<Transfer>(
      '/api/v1/archive/transfers',
      { nomenclatureId: daimi.id, year },
      headers,
    );
    const ready = await eventually(
      async () => {
        const t = (await archivist.get<Transfer>(`/api/v1/archive/transfers/${asked.body.id}`)).body;
        return t.status === 'ready' || t.status === 'failed' ? t : undefined;
      },
      'the transfer package',
      180_000,
    );
    const link = await archivist.get<{ url: string; sha256: string; size: number; name: string }>(
      `/api/v1/archive/transfers/${asked.body.id}/package`,
    );
    const tarBytes = new Uint8Array(await (await fetch(link.body.url)).arrayBuffer());
    const dir = await mkdtemp(join(tmpdir(), 'karguzar-transfer-'));
    work.push(dir);
    await writeFile(join(dir, link.body.name), tarBytes);
    await run('tar', ['-xf', link.body.name], { cwd: dir });
    const bag = join(dir, ready.name);
    const manifestCheck = await run('sha256sum', ['-c', '--strict', 'manifest-sha256.txt'], { cwd: bag });
    const tagCheck = await run('sha256sum', ['-c', '--strict', 'tagmanifest-sha256.txt'], { cwd: bag });
    const payload = await filesUnder(join(bag, 'data'));
    const octets = (
      await Promise.all(payload.map(async (p) => (await stat(join(bag, 'data', p))).size))
    ).reduce((a, b) => a + b, 0);
    const bagInfo = await readFile(join(bag, 'bag-info.txt'), 'utf8');
    const listed = (await readFile(join(bag, 'manifest-sha256.txt'), 'utf8')).trim().split('\n');
    const lock = await s3.send(
      new GetObjectRetentionCommand({
        Bucket: 'karguzar-archive',
        Key: `demo1/archive/transfers/${ready.id}/${ready.name}.tar`,
      }),
    );

    // Assert
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: 'queued', documents: 2, progress: { done: 0, total: 2 } });
    expect(again.body.id).toBe(asked.body.id);
    expect(ready).toMatchObject({ status: 'ready', progress: { done: 2, total: 2 } });
    expect(link.status).toBe(200);
    expect(sha256Hex(tarBytes)).toBe(ready.sha256);
    expect(tarBytes.byteLength).toBe(ready.size);
    expect(
      manifestCheck.stdout
        .trim()
        .split('\n')
        .every((l) => l.endsWith(': OK')),
    ).toBe(true);
    expect(tagCheck.stdout).toContain('bag-info.txt: OK');
    expect(await readFile(join(bag, 'bagit.txt'), 'utf8')).toBe(
      'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n',
    );
    expect(bagInfo).toContain(`Payload-Oxum: ${octets}.${payload.length}\n`);
    expect(bagInfo).toContain(`External-Identifier: ${daimi.index}/${year}\n`);
    expect(listed).toHaveLength(payload.length);
    const folder = payload.find((p) => p.endsWith(`_${second.id}/originals/Arayış.docx`))!;
    expect(folder).toBeDefined();
    expect(sha256Hex(await readFile(join(bag, 'data', folder)))).toBe(sha256Hex(docx));
    expect(payload.filter((p) => p.endsWith('/single-file.pdf'))).toHaveLength(2);
    expect(payload).toContain('case-file.json');
    expect(lock.Retention?.Mode).toBe('COMPLIANCE');
    expect(lock.Retention?.RetainUntilDate?.toISOString()).toBe(ready.retainUntil);
    expect((await transfers())[0]?.id).toBe(asked.body.id);
  });

  it('is refused for a case file with a retention period, in the caller’s language, and nothing is written', async () => {
    const five = await caseFile(5);
    await filed(five.id, [{ bytes: scan, name: 'skan.pdf', type: 'application/pdf' }]);
    await archivist.post('/api/v1/archive/cases', { nomenclatureId: five.id, year });
    const before = await transfers();

    const refused = await archivistEn.post<Problem>('/api/v1/archive/transfers', {
      nomenclatureId: five.id,
      year,
    });
    const bodiless = await archivist.post<Problem>('/api/v1/archive/transfers', undefined);
    const noDocuments = await archivist.post<Problem>('/api/v1/archive/transfers', {
      nomenclatureId: (await caseFile(null)).id,
      year,
    });

    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'transfer_not_permanent',
      title: 'Only case files kept permanently pass to the state archive',
    });
    expect(bodiless.status).toBe(422);
    expect(noDocuments.status).toBe(422);
    expect(noDocuments.body.code).toBe('transfer_no_documents');
    expect((await transfers()).map((t) => t.id)).toEqual(before.map((t) => t.id));
  });

  it('is the archive role’s: 403 to a clerk', async () => {
    const daimi = await caseFile(null);

    const ask = await clerk.post('/api/v1/archive/transfers', { nomenclatureId: daimi.id, year });
    const list = await clerk.get('/api/v1/archive/transfers');

    expect(ask.status).toBe(403);
    expect(list.status).toBe(403);
  });
});
