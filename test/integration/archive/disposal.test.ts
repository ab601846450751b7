import { randomUUID } from 'node:crypto';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3ServiceException,
  type S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, tokenFor, type Api } from '../../support/api';
import { signThroughRoute } from '../../support/approval';
import { advanceClockTo, clockNow } from '../../support/clock';
import { eventually } from '../../support/eventually';
import { localS3 } from '../../support/local-s3';
import { ownEmbedded } from '../../support/own-embedded';
import { found, foundEventually, marker } from '../search/helpers';
import {
  citizenIncoming,
  lookups,
  unique,
  uploadContent,
  type Doc,
  type Lookups,
} from '../documents/helpers';

// Disposal (Decree 935 §153.2): when the retention period of a case file ends, the archivist draws
// up an act listing what may be destroyed; nothing is deleted until the act is signed at the end
// of its route; then the listed archive copies are deleted (S3 itself refuses anything still
// locked), documents under a legal hold or kept permanently are never listed, the documents keep
// their requisites and logs with a note of the act, and the act is archived permanently.
// The clock moves years forward: this file has its own embedded default.
const embedded = ownEmbedded();
const BUCKET = 'karguzar-archive';
let clerk: Api;
let archivist: Api;
let signer: Api;
let s3: S3Client;
let ref: Lookups;

type ArchivedObject = { role: string; key: string; versionId?: string; sha256: string };
type Card = Doc & {
  status: string;
  archive?: {
    retainUntil: string;
    permanent: boolean;
    legalHold: boolean;
    objects: ArchivedObject[];
    disposal?: { actId: string; actDocumentId: string; actNumber?: string; at: string };
  };
  contents: Array<{ id: string; sha256: string }>;
};
type Act = {
  id: string;
  version: number;
  status: string;
  documentId?: string;
  number?: string;
  documentIds: string[];
  cases: Array<{ index?: string; closedYear: number; retentionYears: number; documents: number }>;
  listing: string;
  result?: { disposed: number; lockedCopies: number; skipped: Array<{ documentId: string; reason: string }> };
};

const scan = new TextEncoder().encode('%PDF-1.4\n% Məhv skan\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

beforeAll(async () => {
  const [c, a, h] = await Promise.all(
    ['clerk', 'archivist', 'recordshead'].map((u) => tokenFor(embedded.baseUrl, u)),
  );
  clerk = apiClient(embedded.baseUrl, c);
  archivist = apiClient(embedded.baseUrl, a);
  signer = apiClient(embedded.baseUrl, h);
  ref = await lookups(clerk);
  s3 = localS3(embedded.port);
});

afterAll(() => s3?.destroy());

/** A word that only the text file of the short-lived document carries (its contents' text). */
const word = marker('mehv');

async function filed(index: string, text?: string): Promise<Doc> {
  const doc = (
    await clerk.post<Doc>(
      '/api/v1/documents/incoming',
      citizenIncoming(unique('Məhv'), { nomenclatureId: ref.nomenclature.get(index) }),
    )
  ).body;
  expect((await uploadContent(clerk, doc.id, scan)).complete.status).toBe(200);
  if (text) {
    const file = await uploadContent(clerk, doc.id, new TextEncoder().encode(text), {
      fileName: 'qeyd.txt',
      contentType: 'text/plain',
    });
    expect(file.complete.status).toBe(200);
  }
  return doc;
}

/** The objects of the text the search indexer extracted from a document's files. */
const textObjects = (c: Card) => {
  const tenant = c.archive!.objects[0]!.key.split('/')[0]!;
  return c.contents.map((f) => ({
    role: 'search-text',
    key: `${tenant}/search-text/${c.id}/${f.id}.${f.sha256.toLowerCase()}.json`,
    sha256: '',
  }));
};
const ATTACHMENTS = 'karguzar-attachments';
async function textExists(o: ArchivedObject): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: ATTACHMENTS, Key: o.key }));
    return true;
  } catch (error) {
    if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return false;
    throw error;
  }
}

const card = async (id: string) => (await clerk.get<Card>(`/api/v1/documents/${id}`)).body;
const archivedCard = (id: string) =>
  eventually(async () => {
    const c = await card(id);
    return c.archive ? c : undefined;
  }, 'the archive copy');

async function exists(o: ArchivedObject): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: o.key, VersionId: o.versionId }));
    return true;
  } catch (error) {
    if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return false;
    throw error;
  }
}

describe('disposal acts', { timeout: 240_000 }, () => {
  let short: Card;
  let held: Card;
  let daimi: Card;
  let act: Act;

  it('lists nothing while every retention period runs, and S3 refuses to delete early', async () => {
    const year = Number((await clockNow(embedded.baseUrl)).slice(0, 4));
    const docs = [await filed('04-02', `Qeyd ${word} haqqında`), await filed('04-02'), await filed('01-01')];
    for (const index of ['04-02', '01-01']) {
      const closed = await archivist.post('/api/v1/archive/cases', {
        nomenclatureId: ref.nomenclature.get(index),
        year,
      });
      expect(closed.status).toBe(200);
    }
    short = await archivedCard(docs[0]!.id);
    // Its files' text is in the index, kept beside the files as `search-text/` objects.
    await foundEventually(clerk, [['q', word]], short.id, 'the text file of the document');
    await eventually(
      async () => ((await Promise.all(textObjects(short).map(textExists))).every(Boolean) ? true : undefined),
      'the text objects',
    );
    held = await archivedCard(docs[1]!.id);
    daimi = await archivedCard(docs[2]!.id);
    const hold = await archivist.post<Card>(`/api/v1/archive/documents/${held.id}/legal-hold`, {
      version: held.version,
      on: true,
      reason: 'Məhkəmə işi',
    });
    expect(hold.status).toBe(200);

    const due = await archivist.get<{ documents: number }>('/api/v1/archive/disposal-acts/due');
    const refused = await archivist.post<{ code: string }>('/api/v1/archive/disposal-acts', {});
    const early = await s3
      .send(
        new DeleteObjectCommand({
          Bucket: BUCKET,
          Key: short.archive!.objects[0]!.key,
          VersionId: short.archive!.objects[0]!.versionId,
        }),
      )
      .then(
        () => 204,
        (e: S3ServiceException) => e.$metadata.httpStatusCode,
      );

    expect(short.archive).toMatchObject({ permanent: false, legalHold: false });
    expect(due.status).toBe(200);
    expect(due.body.documents).toBe(0);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('nothing_to_dispose');
    expect(early).toBe(403);
  });

  it('draws up an act of the case files whose period ended: not the held, not the permanent', async () => {
    // The day after the three-year period of the short case file ended.
    await advanceClockTo(embedded.baseUrl, Date.parse(short.archive!.retainUntil) + 86_400_000);

    const forbidden = await clerk.post('/api/v1/archive/disposal-acts', {});
    const drawn = await archivist.post<Act>(
      '/api/v1/archive/disposal-acts',
      {},
      { 'Idempotency-Key': randomUUID() },
    );
    const second = await archivist.post<{ code: string }>('/api/v1/archive/disposal-acts', {});
    act = drawn.body;
    const doc = await card(act.documentId!);

    expect(forbidden.status).toBe(403);
    expect(drawn.status).toBe(201);
    expect(act.status).toBe('approval');
    expect(act.documentIds).toContain(short.id);
    expect(act.documentIds).not.toContain(held.id);
    expect(act.documentIds).not.toContain(daimi.id);
    expect(act.cases[0]).toMatchObject({ index: '04-02', retentionYears: 3 });
    expect(act.listing).toContain('04-02');
    expect(doc).toMatchObject({ kind: 'internal', status: 'registered' });
    expect(act.number).toBeTruthy();
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('disposal_act_open');
    // Nothing is deleted before the act is signed.
    expect(await exists(short.archive!.objects[0]!)).toBe(true);
    const single = await clerk.get<{ url: string }>(`/api/v1/documents/${short.id}/single-file`);
    expect(single.status).toBe(200);
    // An archived document's single file is served from its copy in the archive bucket.
    expect(new URL(single.body.url).pathname).toMatch(/^\/karguzar-archive\//);
  });

  it('after the signature at the end of its route deletes the listed copies and archives the act permanently', async () => {
    await signThroughRoute(archivist, signer, act.documentId!, ref.employee.get('recordshead')!);

    const done = await eventually(
      async () => {
        const res = await archivist.get<Act>(`/api/v1/archive/disposal-acts/${act.id}`);
        return res.body.status === 'executed' ? res.body : undefined;
      },
      'the act executed',
      120_000,
    );
    const disposed = await card(short.id);
    const actCard = await archivedCard(act.documentId!);
    const kept = await card(held.id);
    const file = await clerk.get<{ code: string }>(`/api/v1/documents/${short.id}/single-file`);
    const archivedFile = await archivist.get<{ code: string }>(
      `/api/v1/archive/documents/${short.id}/single-file`,
    );
    const log = await clerk.get<{ items: Array<{ action: string; comment?: string }> }>(
      `/api/v1/documents/${short.id}/operations?limit=100`,
    );
    const gone = await Promise.all(short.archive!.objects.map(exists));

    const texts = textObjects(short);
    // The disposed document's contents' text leaves the index (the stream re-indexes it without),
    // while its requisites still find it.
    await eventually(
      async () => ((await found(clerk, [['q', word]])).includes(short.id) ? undefined : true),
      'the text out of the index',
    );
    const bySummary = await found(clerk, [['q', short.summary]]);

    expect(bySummary).toContain(short.id);
    expect(done.result).toMatchObject({ disposed: act.documentIds.length, skipped: [] });
    // The working copies in the attachments bucket stay under its own 10-year lock: counted, and
    // left to the nightly sweep (unreachable through the API meanwhile).
    // So are the `search-text/` objects of its files' text: each file and its text counted.
    expect(done.result!.lockedCopies).toBeGreaterThanOrEqual(short.contents.length + texts.length);
    expect(disposed.archive?.disposal).toMatchObject({ actId: act.id, actDocumentId: act.documentId });
    expect(disposed.registration?.number).toBe(short.registration?.number);
    expect(gone.every((g) => !g)).toBe(true);
    expect(file.status).toBe(409);
    expect(file.body.code).toBe('document_disposed');
    expect(archivedFile.status).toBe(409);
    expect(archivedFile.body.code).toBe('document_disposed');
    expect(log.body.items.some((e) => e.action === 'dispose')).toBe(true);
    expect(actCard.status).toBe('archived');
    expect(actCard.archive).toMatchObject({ permanent: true, legalHold: true });
    expect(kept.archive?.disposal).toBeUndefined();
    expect(await exists(held.archive!.objects[0]!)).toBe(true);
    const object = await s3.send(
      new GetObjectCommand({
        Bucket: BUCKET,
        Key: daimi.archive!.objects[0]!.key,
        VersionId: daimi.archive!.objects[0]!.versionId,
      }),
    );
    expect(object.$metadata.httpStatusCode).toBe(200);
  });

  it('the proof of a disposed document still shows its whole log chain, and a new act may be drawn up', async () => {
    const proof = await archivist.get<{ valid: boolean; chainValid: boolean; objects: unknown[] }>(
      `/api/v1/archive/documents/${short.id}/verify`,
    );
    const next = await archivist.post<{ code: string }>('/api/v1/archive/disposal-acts', {});

    expect(proof.status).toBe(200);
    expect(proof.body).toMatchObject({ valid: true, chainValid: true, objects: [] });
    // The only due document left is under a legal hold: nothing to list, but no act is open.
    expect(next.status).toBe(409);
    expect(next.body.code).toBe('nothing_to_dispose');
  });
});
