import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Api } from '../../support/api';
import {
  as,
  citizenIncoming,
  lookups,
  sha256Hex,
  signThroughRoute,
  unique,
  uploadContent,
  type Doc,
  type Lookups,
  type Problem,
} from './helpers';
import { eventually } from '../../support/eventually';

const baseUrl = inject('baseUrl');
const maildev = `http://127.0.0.1:${Number(new URL(baseUrl).port) + 6}`;
let clerk: Api;
let ref: Lookups;

const sha256 = sha256Hex;
const pdf = new TextEncoder().encode(
  '%PDF-1.4\n% Kargüzar sınaq faylı\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n',
);

const upload = (docId: string, bytes: Uint8Array, declared = bytes, fileName = 'skan.pdf') =>
  uploadContent(clerk, docId, bytes, { declared, fileName });

beforeAll(async () => {
  clerk = await as(baseUrl, 'clerk');
  ref = await lookups(clerk);
});

describe('contents (Tərkib)', () => {
  it('stores a file uploaded through the presigned URL, checks its SHA-256, and serves it back', async () => {
    const doc = (await clerk.post<Doc>('/api/v1/documents/incoming', citizenIncoming(unique('Skan')))).body;

    const { ticket, put, complete } = await upload(doc.id, pdf);

    expect(put.status).toBe(200);
    expect(complete.status).toBe(200);
    expect(complete.body.state).toBe('stored');
    const link = await clerk.get<{ url: string }>(
      `/api/v1/documents/${doc.id}/contents/${ticket.content.id}/url?inline=true`,
    );
    const bytes = new Uint8Array(await (await fetch(link.body.url)).arrayBuffer());
    expect(sha256(bytes)).toBe(sha256(pdf));
    const ops = await clerk.get<{ items: Array<{ action: string }> }>(
      `/api/v1/documents/${doc.id}/operations`,
    );
    expect(ops.body.items.map((o) => o.action)).toEqual(['register', 'attach-start', 'attach']);
  });

  it('rejects an upload whose bytes do not match the declared SHA-256; the file stays pending', async () => {
    const doc = (await clerk.post<Doc>('/api/v1/documents/incoming', citizenIncoming(unique('Saxta')))).body;
    const tampered = new Uint8Array(pdf);
    tampered[10] = 0x21;

    const { ticket, put, complete } = await upload(doc.id, tampered, pdf);

    expect(put.status).toBe(400);
    expect(complete.status).toBe(422);
    expect(['upload_missing', 'checksum_mismatch']).toContain(complete.body.code);
    const card = await clerk.get<Doc>(`/api/v1/documents/${doc.id}`);
    expect(card.body.contents.find((c) => c.id === ticket.content.id)?.state).toBe('pending');
    const link = await clerk.get(`/api/v1/documents/${doc.id}/contents/${ticket.content.id}/url`);
    expect(link.status).toBe(404);
  });

  it('refuses a file over the size limit before any upload', async () => {
    const doc = (await clerk.post<Doc>('/api/v1/documents/incoming', citizenIncoming(unique('Böyük')))).body;
    const res = await clerk.post<Problem>(`/api/v1/documents/${doc.id}/contents`, {
      fileName: 'video.mp4',
      contentType: 'video/mp4',
      size: 500 * 1024 * 1024,
      sha256: 'a'.repeat(64),
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('file_too_large');
  });
});

describe('sending outgoing documents', () => {
  it('e-mails the document with its files and records the dispatch', async () => {
    const to = `qebul-${Date.now()}@example.az`;
    const created = await clerk.post<Doc>('/api/v1/documents/outgoing', {
      summary: unique('Məlumat sorğusuna cavab'),
      signatoryId: ref.employee.get('head'),
      recipients: [{ name: 'Qəbul edən təşkilat', email: to }],
      deliveryFormId: ref.deliveryForms.get('email'),
    });
    expect(created.status).toBe(201);
    await upload(created.body.id, pdf, pdf, 'cavab.pdf');
    const current = await signThroughRoute(
      clerk,
      await as(baseUrl, 'head'),
      created.body.id,
      ref.employee.get('head')!,
    );

    const sent = await clerk.post<Doc & { outgoing: { dispatches: Array<{ channel: string }> } }>(
      `/api/v1/documents/${created.body.id}/send`,
      { version: current.version },
    );

    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe('sent');
    expect(sent.body.outgoing.dispatches).toEqual([expect.objectContaining({ channel: 'email' })]);
    const mail = await eventually(async () => {
      const all = (await (await fetch(`${maildev}/api/email`)).json()) as Array<{
        subject: string;
        to: Array<{ address: string }>;
        attachments?: Array<{ filename?: string }>;
      }>;
      return all.find((m) => m.to.some((t) => t.address === to));
    }, `the letter to ${to}`);
    expect(mail?.subject).toContain(created.body.registration!.number);
    // The signed single file (issue 14), named by the registration number.
    const number = created.body.registration!.number.replace(/[^\p{L}\p{N}._-]+/gu, '_');
    expect(mail?.attachments?.map((a) => a.filename)).toEqual([`${number}.pdf`]);
  });

  it('refuses to e-mail an unsigned letter (§147) with a localized 422 naming what is missing, and sends nothing', async () => {
    const to = `imzasiz-${Date.now()}@example.az`;
    const created = await clerk.post<Doc>('/api/v1/documents/outgoing', {
      summary: unique('İmzasız məktub'),
      signatoryId: ref.employee.get('head'),
      recipients: [{ name: 'Qəbul edən təşkilat', email: to }],
      deliveryFormId: ref.deliveryForms.get('email'),
    });
    const ru = await as(baseUrl, 'clerk', 'ru');

    const refused = await ru.post<
      Problem & { errors?: Array<{ path: string; code: string; message: string }> }
    >(`/api/v1/documents/${created.body.id}/send`, { version: created.body.version });

    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.code).toBe('presend_check_failed');
    expect(refused.body.title).toBe('Документ не готов к отправке: недостающее перечислено ниже');
    expect(JSON.stringify(refused.body)).toContain('presend_not_signed');
    expect(JSON.stringify(refused.body)).toContain('Документ не подписан электронной подписью');
    expect(JSON.stringify(refused.body)).toContain('presend_main_requisite');
    const after = (await clerk.get<Doc>(`/api/v1/documents/${created.body.id}`)).body;
    expect([after.status, after.version]).toEqual(['registered', created.body.version]);
    const all = (await (await fetch(`${maildev}/api/email`)).json()) as Array<{
      to: Array<{ address: string }>;
    }>;
    expect(all.some((m) => m.to.some((t) => t.address === to))).toBe(false);
  });

  it('records a courier dispatch in the register without e-mail', async () => {
    const created = await clerk.post<Doc>('/api/v1/documents/outgoing', {
      summary: unique('Kuryerlə məktub'),
      signatoryId: ref.employee.get('head'),
      recipients: [{ name: 'Nazirlik' }],
      deliveryFormId: ref.deliveryForms.get('courier'),
    });
    const sent = await clerk.post<Doc & { outgoing: { dispatches: Array<{ channel: string }> } }>(
      `/api/v1/documents/${created.body.id}/send`,
      { version: created.body.version, note: 'Kuryer: Əliyev R.' },
    );
    expect(sent.status).toBe(200);
    expect(sent.body.outgoing.dispatches).toEqual([expect.objectContaining({ channel: 'register' })]);
  });
});

describe('group operations', () => {
  it('changes the classification of many documents, each logged, and reports the refused ones', async () => {
    const a = (await clerk.post<Doc>('/api/v1/documents/incoming', citizenIncoming(unique('Qrup A')))).body;
    const b = (await clerk.post<Doc>('/api/v1/documents/incoming', citizenIncoming(unique('Qrup B')))).body;
    const c = (await clerk.post<Doc>('/api/v1/documents/incoming', citizenIncoming(unique('Qrup C')))).body;
    await clerk.post(`/api/v1/documents/${c.id}/operations/cancel`, { version: c.version });
    const classificationId = [...ref.classifications.values()][0];

    const res = await clerk.post<{ results: Array<{ id: string; ok: boolean; code?: string }> }>(
      '/api/v1/documents/group-update',
      { kind: 'incoming', ids: [a.id, b.id, c.id], set: { classificationId } },
    );

    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      expect.objectContaining({ id: a.id, ok: true }),
      expect.objectContaining({ id: b.id, ok: true }),
      expect.objectContaining({ id: c.id, ok: false, code: 'operation_not_allowed' }),
    ]);
    for (const doc of [a, b]) {
      const card = await clerk.get<Doc>(`/api/v1/documents/${doc.id}`);
      expect(card.body.classificationId).toBe(classificationId);
      const ops = await clerk.get<{ items: Array<{ action: string; changes: Array<{ field: string }> }> }>(
        `/api/v1/documents/${doc.id}/operations`,
      );
      expect(ops.body.items.at(-1)).toMatchObject({
        action: 'group-update',
        changes: [expect.objectContaining({ field: 'classificationId' })],
      });
    }
    const executor = await as(baseUrl, 'executor1');
    const refused = await executor.post('/api/v1/documents/group-update', {
      kind: 'incoming',
      ids: [a.id],
      set: { classificationId },
    });
    expect(refused.status).toBe(403);
  });
});
