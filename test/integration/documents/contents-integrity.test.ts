import { createHash } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DeleteObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_AWS_CREDENTIALS } from '../../../infra/local/services/common';
import { apiClient, tokenFor, type Api } from '../../support/api';
import { ownEmbedded } from '../../support/own-embedded';
import { mailsWith } from '../../support/mail';
import { citizenIncoming, sha256Hex, unique, uploadContent, type Doc, type Problem } from './helpers';

// Contents of registered documents cannot be changed behind the card's back: reads are pinned to
// the version verified at upload, and a stored file that is gone is reported on the card and to
// the admins, never handed out as if whole.
const embedded = ownEmbedded();
let clerk: Api;
let s3: S3Client;
const BUCKET = 'karguzar-attachments';

type Content = { id: string; state: string; integrity?: { problem: string; detectedAt: string } };
type Card = Omit<Doc, 'contents'> & { contents: Content[] };

const sha256 = sha256Hex;
const original = new TextEncoder().encode(
  '%PDF-1.4\n% Əsl skan\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n',
);
const forged = new TextEncoder().encode(
  '%PDF-1.4\n% SAXTA skan\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n',
);

async function registerWithFile(): Promise<{ doc: Doc; contentId: string; key: string }> {
  const doc = (await clerk.post<Doc>('/api/v1/documents/incoming', citizenIncoming(unique('Bütövlük')))).body;
  const { ticket, put, complete } = await uploadContent(clerk, doc.id, original);
  expect(put.status).toBe(200);
  expect(complete.status).toBe(200);
  return { doc, contentId: ticket.content.id, key: `demo1/documents/${doc.id}/${ticket.content.id}` };
}

async function download(docId: string, contentId: string) {
  const link = await clerk.get<{ url: string } & Problem>(
    `/api/v1/documents/${docId}/contents/${contentId}/url`,
  );
  if (link.status !== 200) return { status: link.status, problem: link.body };
  const res = await fetch(link.body.url);
  return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) };
}

beforeAll(async () => {
  clerk = apiClient(embedded.baseUrl, await tokenFor(embedded.baseUrl, 'clerk'));
  s3 = new S3Client({
    endpoint: `http://127.0.0.1:${embedded.port + 2}`,
    region: 'eu-central-1',
    forcePathStyle: true,
    credentials: LOCAL_AWS_CREDENTIALS,
  });
});

afterAll(() => {
  s3?.destroy();
});

describe('stored contents stay whole', () => {
  it('an overwrite or a delete through the S3 API does not change what the card serves', async () => {
    const { doc, contentId, key } = await registerWithFile();

    await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: forged, ContentType: 'application/pdf' }),
    );
    const afterOverwrite = await download(doc.id, contentId);
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
    const afterDelete = await download(doc.id, contentId);

    expect(afterOverwrite.status).toBe(200);
    expect(sha256(afterOverwrite.bytes!)).toBe(sha256(original));
    expect(afterDelete.status).toBe(200);
    expect(sha256(afterDelete.bytes!)).toBe(sha256(original));
    const card = (await clerk.get<Card>(`/api/v1/documents/${doc.id}`)).body;
    expect(card.contents.find((c) => c.id === contentId)?.integrity).toBeUndefined();
  });

  it('a file lost from storage is marked on the card, logged, told to the admins once, and never served', async () => {
    const { doc, contentId, key } = await registerWithFile();
    // The object's versions vanish from the disk while the embedded default is down.
    await embedded.kill9();
    const hash = createHash('sha256').update(key).digest('hex');
    const dir = join(embedded.dataDir, 's3-store', BUCKET, 'keys', hash.slice(0, 2), hash);
    for (const f of readdirSync(dir)) rmSync(join(dir, f));
    await embedded.restart();
    clerk = apiClient(embedded.baseUrl, await tokenFor(embedded.baseUrl, 'clerk'));

    const first = await download(doc.id, contentId);
    const second = await download(doc.id, contentId);

    expect(first.status).toBe(409);
    expect(first.problem).toMatchObject({ code: 'content_missing', status: 409 });
    expect(second.status).toBe(409);
    const card = (await clerk.get<Card>(`/api/v1/documents/${doc.id}`)).body;
    expect(card.contents.find((c) => c.id === contentId)?.integrity?.problem).toBe('missing');
    const ops = await clerk.get<{ items: Array<{ action: string }> }>(
      `/api/v1/documents/${doc.id}/operations`,
    );
    expect(ops.body.items.filter((o) => o.action === 'integrity-alert')).toHaveLength(1);
    const maildev = `http://127.0.0.1:${embedded.port + 6}`;
    const mails = await mailsWith(maildev, 'Fayl itib', 'the admins’ e-mail');
    const addresses = mails.flatMap((m) => m.to.map((t) => t.address));
    expect(addresses).toContain('t.nasirov@demo1.example.az');
    expect(new Set(addresses).size).toBe(addresses.length);
  });
});
