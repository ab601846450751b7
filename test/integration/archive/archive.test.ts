import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  GetObjectLegalHoldCommand,
  GetObjectRetentionCommand,
  PutObjectCommand,
  PutObjectRetentionCommand,
  S3ServiceException,
  type S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentModel } from '../../../functions/modules/documents/dynamodb/document.entities';
import { TABLE_NAME } from '../../../infra/local/embedded';
import { apiClient, tokenFor, type Api } from '../../support/api';
import { eventually } from '../../support/eventually';
import { mailsWith } from '../../support/mail';
import { localS3 } from '../../support/local-s3';
import { ownEmbedded } from '../../support/own-embedded';
import { tableClientOf } from '../../support/table';
import {
  citizenIncoming,
  lookups,
  sha256Hex,
  unique,
  uploadContent,
  type Doc,
  type Lookups,
} from '../documents/helpers';

// The immutable archive (Decree 935 §153): closing a case file archives its documents and writes
// their copies under S3 Object Lock COMPLIANCE until the end of the retention period; the S3 API
// refuses to overwrite, delete or shorten them, also after kill -9 and a restart of the embedded
// default; the archivist sets and releases legal holds; a changed byte of an archived object or a
// changed field of a journal entry is found by the integrity check.
const embedded = ownEmbedded();
const BUCKET = 'karguzar-archive';
let clerk: Api;
let archivist: Api;
let s3: S3Client;
let ref: Lookups;

type ArchivedObject = {
  role: string;
  key: string;
  versionId?: string;
  sha256: string;
  size: number;
  contentId?: string;
};
type Card = Doc & {
  nomenclatureId?: string;
  archive?: {
    retainUntil: string;
    retainedThrough: string;
    retentionYears: number | null;
    permanent: boolean;
    legalHold: boolean;
    objects: ArchivedObject[];
  };
};
type Report = {
  id: string;
  status: string;
  mismatchCount: number;
  mismatches: Array<{ kind: string; key: string; documentId?: string }>;
};

const scan = new TextEncoder().encode('%PDF-1.4\n% Arxiv skan\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
/** The Baku year now (the case files are this year's). */
const bakuYear = () => Number(new Date(Date.now() + 4 * 3600_000).toISOString().slice(0, 4));

function login(): Promise<void> {
  return Promise.all([tokenFor(embedded.baseUrl, 'clerk'), tokenFor(embedded.baseUrl, 'archivist')]).then(
    ([c, a]) => {
      clerk = apiClient(embedded.baseUrl, c);
      archivist = apiClient(embedded.baseUrl, a);
    },
  );
}

beforeAll(async () => {
  await login();
  ref = await lookups(clerk);
  s3 = localS3(embedded.port);
});

afterAll(() => s3?.destroy());

/** An incoming letter filed into the case file `index`, with a scan. */
async function filed(index: string): Promise<Doc> {
  const doc = (
    await clerk.post<Doc>(
      '/api/v1/documents/incoming',
      citizenIncoming(unique('Arxiv'), { nomenclatureId: ref.nomenclature.get(index) }),
    )
  ).body;
  const { complete } = await uploadContent(clerk, doc.id, scan);
  expect(complete.status).toBe(200);
  return doc;
}

async function archivedCard(id: string): Promise<Card> {
  return eventually(async () => {
    const card = (await clerk.get<Card>(`/api/v1/documents/${id}`)).body;
    return card.archive ? card : undefined;
  }, 'the archive copy');
}

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    return error instanceof S3ServiceException ? (error.$metadata.httpStatusCode ?? 0) : -1;
  }
}

async function bytesOf(o: ArchivedObject): Promise<string> {
  const out = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: o.key, VersionId: o.versionId }));
  return sha256Hex(await out.Body!.transformToByteArray());
}

/** Every way the S3 API offers to change or remove an archived version; each must be refused. */
async function attack(o: ArchivedObject, retainUntil: string) {
  return {
    conditionalOverwrite: await status(
      s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: o.key, Body: 'forged', IfNoneMatch: '*' })),
    ),
    deleteVersion: await status(
      s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: o.key, VersionId: o.versionId })),
    ),
    shortenRetention: await status(
      s3.send(
        new PutObjectRetentionCommand({
          Bucket: BUCKET,
          Key: o.key,
          VersionId: o.versionId,
          Retention: { Mode: 'COMPLIANCE', RetainUntilDate: new Date(Date.parse(retainUntil) - 86_400_000) },
        }),
      ),
    ),
    toGovernance: await status(
      s3.send(
        new PutObjectRetentionCommand({
          Bucket: BUCKET,
          Key: o.key,
          VersionId: o.versionId,
          Retention: { Mode: 'GOVERNANCE', RetainUntilDate: new Date(retainUntil) },
        }),
      ),
    ),
  };
}

async function check(): Promise<Report> {
  const started = await archivist.post<Report>('/api/v1/archive/reports', undefined);
  expect(started.status).toBe(201);
  return eventually(
    async () => {
      const page = await archivist.get<{ items: Report[] }>('/api/v1/archive/reports?limit=20');
      const report = page.body.items.find((r) => r.id === started.body.id);
      return report && report.status !== 'running' ? report : undefined;
    },
    'the integrity report',
    150_000,
  );
}

describe('the immutable archive', { timeout: 180_000 }, () => {
  let five: Card;
  let permanent: Card;

  it('closing a case file archives its documents and locks their copies until the end of the retention period', async () => {
    const a = await filed('02-01');
    const b = await filed('01-01');
    const year = bakuYear();

    const closed = await archivist.post<{ results: Array<{ id: string; ok: boolean }> }>(
      '/api/v1/archive/cases',
      {
        nomenclatureId: ref.nomenclature.get('02-01'),
        year,
      },
    );
    const closedDaimi = await archivist.post('/api/v1/archive/cases', {
      nomenclatureId: ref.nomenclature.get('01-01'),
      year,
    });
    five = await archivedCard(a.id);
    permanent = await archivedCard(b.id);

    expect(closed.status).toBe(200);
    expect(closed.body.results).toContainEqual(expect.objectContaining({ id: a.id, ok: true }));
    expect(closedDaimi.status).toBe(200);
    expect(five.status).toBe('archived');
    // Five years counted from 1 January after the year the case file closed.
    expect(five.archive).toMatchObject({
      retentionYears: 5,
      retainedThrough: `${year + 5}-12-31`,
      retainUntil: new Date(`${year + 6}-01-01T00:00:00+04:00`).toISOString(),
      permanent: false,
      legalHold: false,
    });
    expect(five.archive!.objects.map((o) => o.role).sort()).toEqual([
      'content',
      'manifest',
      'operations',
      'single-file',
    ]);
    expect(permanent.archive).toMatchObject({ retentionYears: null, permanent: true, legalHold: true });
    for (const o of five.archive!.objects) {
      const retention = await s3.send(
        new GetObjectRetentionCommand({ Bucket: BUCKET, Key: o.key, VersionId: o.versionId }),
      );
      expect(retention.Retention?.Mode).toBe('COMPLIANCE');
      expect(retention.Retention?.RetainUntilDate?.toISOString()).toBe(five.archive!.retainUntil);
      expect(await bytesOf(o)).toBe(o.sha256);
    }
    const content = five.archive!.objects.find((o) => o.role === 'content')!;
    expect(content.sha256).toBe(sha256Hex(scan));
    const manifest = five.archive!.objects.find((o) => o.role === 'manifest')!;
    const body = JSON.parse(
      await (
        await s3.send(
          new GetObjectCommand({ Bucket: BUCKET, Key: manifest.key, VersionId: manifest.versionId }),
        )
      ).Body!.transformToString(),
    ) as { provenance: Record<string, unknown>; objects: ArchivedObject[] };
    expect(body.provenance).toMatchObject({
      source: 'Aysel Məmmədova',
      sender: 'Aysel Məmmədova',
      system: 'Kargüzar',
    });
    expect(body.provenance.receivedAt).toBe(five.registration?.at);
    expect(body.objects.map((o) => o.sha256)).toEqual(five.archive!.objects.slice(0, 3).map((o) => o.sha256));
    const holdings = await archivist.get<{ items: Array<{ documentId: string; retainedThrough: string }> }>(
      `/api/v1/archive/holdings?nomenclatureId=${ref.nomenclature.get('02-01')}`,
    );
    expect(holdings.body.items).toContainEqual(
      expect.objectContaining({ documentId: a.id, retainedThrough: `${year + 5}-12-31` }),
    );
    const byClerk = await clerk.get('/api/v1/archive/holdings');
    expect(byClerk.status).toBe(403);
    // The card's file link now reads the archived copy.
    const link = await clerk.get<{ url: string }>(
      `/api/v1/documents/${a.id}/contents/${content.contentId}/url`,
    );
    expect(link.body.url).toContain(`/${BUCKET}/`);
    expect(sha256Hex(new Uint8Array(await (await fetch(link.body.url)).arrayBuffer()))).toBe(sha256Hex(scan));
  });

  it('refuses overwrite, delete and shorter retention through the S3 API, also after kill -9 and a restart', async () => {
    const objects = five.archive!.objects;

    const before = await Promise.all(objects.map((o) => attack(o, five.archive!.retainUntil)));
    await embedded.kill9();
    await embedded.restart();
    await login();
    const after = await Promise.all(objects.map((o) => attack(o, five.archive!.retainUntil)));
    // A plain PUT only stacks a newer version on top, a plain DELETE a delete marker: the archived
    // version stays as it was.
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: objects[0]!.key, Body: 'forged' }));
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: objects[0]!.key }));
    const hashes = await Promise.all(objects.map(bytesOf));

    for (const outcome of [...before, ...after]) {
      expect(outcome).toEqual({
        conditionalOverwrite: 412,
        deleteVersion: 403,
        shortenRetention: 403,
        toGovernance: 403,
      });
    }
    expect(hashes).toEqual(objects.map((o) => o.sha256));
    // The app still serves the archived single file, checked against its SHA-256.
    const served = await archivist.get<{ sha256: string; url: string }>(
      `/api/v1/archive/documents/${five.id}/single-file`,
    );
    expect(served.status).toBe(200);
    expect(sha256Hex(new Uint8Array(await (await fetch(served.body.url)).arrayBuffer()))).toBe(
      served.body.sha256,
    );
  });

  it('an archive operation acknowledged just before kill -9 still gets its copy, once', async () => {
    const doc = await filed('02-01');
    const archived = await clerk.post<Doc>(`/api/v1/documents/${doc.id}/operations/archive`, {
      version: (await clerk.get<Doc>(`/api/v1/documents/${doc.id}`)).body.version,
    });
    expect(archived.status).toBe(200);
    await embedded.kill9();
    await embedded.restart();
    await login();

    const card = await archivedCard(doc.id);
    const ops = await clerk.get<{ items: Array<{ action: string }> }>(
      `/api/v1/documents/${doc.id}/operations?limit=100`,
    );

    expect(card.archive!.objects).toHaveLength(4);
    expect(ops.body.items.filter((o) => o.action === 'archive-copy')).toHaveLength(1);
    for (const o of card.archive!.objects) expect(await bytesOf(o)).toBe(o.sha256);
  });

  it('the archivist sets and releases a legal hold, logged in the operations log', async () => {
    const o = five.archive!.objects[0]!;
    const set = await archivist.post<Card>(`/api/v1/archive/documents/${five.id}/legal-hold`, {
      on: true,
      version: (await clerk.get<Card>(`/api/v1/documents/${five.id}`)).body.version,
      reason: 'Məhkəmə sorğusu',
    });
    const heldStatus = (
      await s3.send(new GetObjectLegalHoldCommand({ Bucket: BUCKET, Key: o.key, VersionId: o.versionId }))
    ).LegalHold?.Status;
    const byClerk = await clerk.post(`/api/v1/archive/documents/${five.id}/legal-hold`, {
      on: false,
      version: set.body.version,
      reason: 'x',
    });
    const released = await archivist.post<Card>(`/api/v1/archive/documents/${five.id}/legal-hold`, {
      on: false,
      version: set.body.version,
      reason: 'Sorğu bağlandı',
    });
    const releasedStatus = (
      await s3.send(new GetObjectLegalHoldCommand({ Bucket: BUCKET, Key: o.key, VersionId: o.versionId }))
    ).LegalHold?.Status;
    const ops = await clerk.get<{ items: Array<{ action: string; comment?: string }> }>(
      `/api/v1/documents/${five.id}/operations?limit=100`,
    );

    expect(set.status).toBe(200);
    expect(set.body.archive?.legalHold).toBe(true);
    expect(heldStatus).toBe('ON');
    expect(byClerk.status).toBe(403);
    expect(released.body.archive?.legalHold).toBe(false);
    expect(releasedStatus).toBe('OFF');
    expect(ops.body.items.filter((e) => e.action.startsWith('legal-hold')).map((e) => e.comment)).toEqual([
      'Məhkəmə sorğusu',
      'Sorğu bağlandı',
    ]);
  });

  it('the verify endpoint shows the document’s intact log chain and archived objects', async () => {
    const proof = await clerk.get<{
      valid: boolean;
      chainValid: boolean;
      entries: Array<{ seq: number; prevHash: string; hash: string }>;
      objects: Array<{ valid: boolean }>;
    }>(`/api/v1/archive/documents/${five.id}/verify`);

    expect(proof.status).toBe(200);
    expect(proof.body).toMatchObject({ valid: true, chainValid: true });
    expect(proof.body.entries[0]).toMatchObject({ seq: 1, prevHash: '0'.repeat(64) });
    proof.body.entries.slice(1).forEach((e, i) => expect(e.prevHash).toBe(proof.body.entries[i]!.hash));
    expect(proof.body.objects.every((o) => o.valid)).toBe(true);
  });

  it('seals each day’s entries under a Merkle root in the archive, and the proof shows each entry’s inclusion', async () => {
    // The next day: the day the documents were archived has ended.
    const moved = await fetch(`${embedded.baseUrl}/local/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: 26 * 3600_000 }),
    });
    expect(moved.status).toBe(200);

    const report = await check();
    const proof = await archivist.get<{
      valid: boolean;
      entries: Array<{ inclusion?: { day: string; root: string; proof: string[]; valid: boolean } }>;
    }>(`/api/v1/archive/documents/${five.id}/verify`);
    const sealed = proof.body.entries.map((e) => e.inclusion).filter((i) => i !== undefined);
    const root = sealed[0]!;
    const object = await s3.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: `demo1/archive/roots/operations/${root.day}.json` }),
    );
    const stored = JSON.parse(await object.Body!.transformToString()) as { root: string };
    const lock = await s3.send(
      new GetObjectRetentionCommand({
        Bucket: BUCKET,
        Key: `demo1/archive/roots/operations/${root.day}.json`,
      }),
    );

    expect(report).toMatchObject({ status: 'ok', mismatchCount: 0 });
    expect(sealed.length).toBeGreaterThan(0);
    expect(sealed.every((i) => i.valid)).toBe(true);
    expect(proof.body.valid).toBe(true);
    expect(stored.root).toBe(root.root);
    expect(lock.Retention?.Mode).toBe('COMPLIANCE');
  });

  it('the integrity check finds one changed byte of an archived object and one changed field of a journal entry', async () => {
    // One byte of the archived content, changed on disk behind the storage's back.
    const content = permanent.archive!.objects.find((o) => o.role === 'content')!;
    await embedded.kill9();
    const hash = createHash('sha256').update(content.key).digest('hex');
    const dir = join(embedded.dataDir, 's3-store', BUCKET, 'keys', hash.slice(0, 2), hash);
    const data = (await readdir(dir)).find((f) => f.endsWith('.data'))!;
    const bytes = await readFile(join(dir, data));
    bytes[10] = bytes[10]! ^ 0x01;
    await writeFile(join(dir, data), bytes);
    await embedded.restart();
    await login();
    // One field of the registration journal's entry of the other document.
    const model = createDocumentModel(tableClientOf(embedded.baseUrl), TABLE_NAME);
    const reg = five.registration!;
    await model.journalEntry
      .patch({
        tenantId: 'demo1',
        journalId: reg.journalId,
        year: reg.year,
        position: String(reg.seq).padStart(10, '0'),
      })
      .set({ number: `${reg.number}A` })
      .go();

    const report = await check();
    const read = await archivist.get<{ code: string }>(
      `/api/v1/archive/documents/${permanent.id}/contents/${(content as ArchivedObject & { contentId: string }).contentId}`,
    );

    expect(report.status).toBe('mismatch');
    expect(report.mismatches).toContainEqual(expect.objectContaining({ kind: 'object', key: content.key }));
    expect(report.mismatches).toContainEqual(expect.objectContaining({ kind: 'chain', documentId: five.id }));
    expect(read.status).toBe(409);
    expect(read.body.code).toBe('content_damaged');
    // The archivist (and the admins) are told, in their language.
    const maildev = `http://127.0.0.1:${embedded.port + 6}`;
    const mails = await mailsWith(maildev, 'Arxivin bütövlüyü pozulub', 'the archive alert');
    expect(mails.flatMap((m) => m.to.map((t) => t.address))).toContain('s.hasanova@demo1.example.az');
  });
});
