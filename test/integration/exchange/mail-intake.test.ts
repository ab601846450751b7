import { createHash, randomUUID } from 'node:crypto';
import { Socket } from 'node:net';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import nodemailer from 'nodemailer';
import type { Attachment } from 'nodemailer/lib/mailer';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoAggregateStore } from '../../../functions/platform/adapters/dynamodb/aggregate-store.adapter';
import {
  DELIVERY_CLAIM,
  intakeAddress,
  PLATFORM_INTAKE_TENANT,
  RECEIVED,
  SETTINGS,
  settingsInForce,
  type ExchangeSettings,
  type ReceivedItem,
} from '../../../functions/modules/exchange';
import { as, lookups, signThroughRoute, unique, uploadContent, type Doc } from '../documents/helpers';
import { eventually } from '../../support/eventually';
import { localS3 } from '../../support/local-s3';
import { tableClientOf } from '../../support/table';

/**
 * E-mail in against the embedded default (issue 14, item 5): mail sent over SMTP to an agency's
 * intake address becomes a received item of that agency, or is kept aside with its reason.
 */
const baseUrl = inject('baseUrl');
const port = Number(new URL(baseUrl).port);
const DOMAIN = 'intake.karguzar.local';
const TENANT = 'demo1';
const to = intakeAddress(TENANT, DOMAIN);
const transport = nodemailer.createTransport({ host: '127.0.0.1', port: port + 10, secure: false });
const store = new DynamoAggregateStore(tableClientOf(baseUrl), 'karguzar');
const s3 = localS3(port);

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const pdf = Buffer.from('%PDF-1.4\n% intake\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const csv = Buffer.from('nömrə;tarix\n1;05.12.2026\n');

afterAll(() => {
  transport.close();
  s3.destroy();
});

/** The item this message (by its Message-ID and sender) made in `tenantId`, once there is one. */
async function itemOf(tenantId: string, messageId: string, from: string): Promise<ReceivedItem> {
  const deliveryKey = sha256(`<${messageId}>\n${from}`);
  return eventually(async () => {
    const id = await store.findByUnique(tenantId, { scope: DELIVERY_CLAIM, value: deliveryKey });
    return id ? store.get<ReceivedItem>(RECEIVED, tenantId, id) : undefined;
  }, `the received item of ${messageId}`);
}

async function send(options: { subject: string; from: string; attachments?: Attachment[]; to?: string }) {
  const messageId = `${randomUUID()}@sender.example.az`;
  await transport.sendMail({
    from: `Göndərən təşkilat <${options.from}>`,
    to: options.to ?? to,
    subject: options.subject,
    text: 'Salam, sənədlər əlavədədir.',
    messageId: `<${messageId}>`,
    attachments: options.attachments ?? [],
  });
  return messageId;
}

async function stored(key: string): Promise<Uint8Array> {
  const out = await s3.send(new GetObjectCommand({ Bucket: 'karguzar-attachments', Key: key }));
  return out.Body!.transformToByteArray();
}

/** One SMTP dialogue, line by line (for what nodemailer will not send: a message with no headers). */
async function rawSmtp(lines: string[]): Promise<string[]> {
  const socket = new Socket();
  const replies: string[] = [];
  let buffer = '';
  let waiting: (() => void) | undefined;
  socket.on('data', (chunk) => {
    buffer += chunk.toString();
    let nl: number;
    while ((nl = buffer.indexOf('\r\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 2);
      if (/^\d{3} /.test(line)) {
        replies.push(line);
        waiting?.();
      }
    }
  });
  const reply = () =>
    new Promise<void>((resolve) => {
      const count = replies.length;
      waiting = () => replies.length > count && resolve();
    });
  const greeting = reply();
  socket.connect(port + 10, '127.0.0.1');
  await greeting;
  for (const line of lines) {
    const next = reply();
    socket.write(`${line}\r\n`);
    await next;
  }
  socket.end();
  return replies;
}

describe('e-mail in over SMTP to an agency intake address', () => {
  let from: string;
  beforeAll(() => {
    from = `sender-${Date.now()}@sender.example.az`;
  });

  it('makes a received item of that agency with both attachments stored and their SHA-256', async () => {
    const messageId = await send({
      subject: 'Məktub № 15/2026 — sorğu',
      from,
      attachments: [
        { filename: 'məktub.pdf', content: pdf, contentType: 'application/pdf' },
        { filename: 'siyahı.csv', content: csv, contentType: 'text/csv' },
      ],
    });

    const item = await itemOf(TENANT, messageId, from);

    expect(item).toMatchObject({
      source: 'email',
      state: 'waiting',
      sender: { email: from, organizationName: 'Göndərən təşkilat' },
      requisites: { summary: 'Məktub № 15/2026 — sorğu' },
    });
    expect(item.files.map((f) => [f.name, f.sha256, f.size])).toEqual([
      ['məktub.pdf', sha256(pdf), pdf.byteLength],
      ['siyahı.csv', sha256(csv), csv.byteLength],
    ]);
    for (const f of item.files) {
      expect(f.key.startsWith(`${TENANT}/received/${item.id}/`)).toBe(true);
      expect(sha256(await stored(f.key))).toBe(f.sha256);
    }
    const raw = await stored(item.evidence.key);
    expect(sha256(raw)).toBe(item.evidence.envelopeSha256);
    expect(Buffer.from(raw).toString('latin1')).toContain(`Delivered-To: ${to}`);
  });

  it('makes one item of a message delivered twice', async () => {
    const messageId = `${randomUUID()}@sender.example.az`;
    const mail = {
      from,
      to,
      subject: 'Təkrar çatdırılma',
      text: 'bir dəfə',
      messageId: `<${messageId}>`,
    };
    await transport.sendMail(mail);
    const first = await itemOf(TENANT, messageId, from);
    await transport.sendMail(mail);

    // The second delivery is taken in (its raw copy stored) and makes no item: the claim holds one.
    await eventually(async () => {
      const page = await store.list<ReceivedItem>(RECEIVED, TENANT, { parentKey: 'waiting', limit: 1000 });
      const same = page.items.filter((i) => i.deliveryKey === first.deliveryKey);
      return same.length === 1 ? same : undefined;
    }, 'one item');
    const again = await itemOf(TENANT, messageId, from);
    expect(again.id).toBe(first.id);
    expect(again.version).toBe(1);
  });

  it('keeps aside a message with a program attached (.exe, or MZ bytes under a harmless name)', async () => {
    const mz = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    const byName = await send({
      subject: 'Hesab-faktura',
      from,
      attachments: [{ filename: 'faktura.exe', content: Buffer.from('not really a program') }],
    });
    const byBytes = await send({
      subject: 'Hesab-faktura 2',
      from,
      attachments: [{ filename: 'faktura.pdf', content: mz, contentType: 'application/pdf' }],
    });

    for (const id of [byName, byBytes]) {
      const item = await itemOf(TENANT, id, from);
      expect(item.state).toBe('quarantined');
      expect(item.quarantine?.reason).toBe('executable');
      expect(item.files).toEqual([]);
      // Kept: the raw message is stored as evidence.
      expect(sha256(await stored(item.evidence.key))).toBe(item.evidence.envelopeSha256);
    }
  });

  it('keeps aside an oversized message and a malformed one', async () => {
    const big = await send({
      subject: 'Böyük',
      from,
      attachments: [{ filename: 'böyük.bin.pdf', content: Buffer.alloc(26 * 1024 * 1024, 0x41) }],
    });
    const bigItem = await itemOf(TENANT, big, from);
    expect(bigItem).toMatchObject({ state: 'quarantined', quarantine: { reason: 'oversized' } });

    const marker = randomUUID();
    const replies = await rawSmtp([
      'HELO sender.example.az',
      `MAIL FROM:<${from}>`,
      `RCPT TO:<${to}>`,
      'DATA',
      `this is not a message ${marker}\r\nno headers at all\r\n.`,
      'QUIT',
    ]);
    expect(replies[5]).toMatch(/^250 /);
    const malformed = await eventually(async () => {
      const page = await store.list<ReceivedItem>(RECEIVED, TENANT, {
        parentKey: 'quarantined',
        limit: 1000,
      });
      for (const item of page.items.filter((i) => i.quarantine?.reason === 'malformed')) {
        const raw = Buffer.from(await stored(item.evidence.key)).toString('latin1');
        if (raw.includes(marker)) return item;
      }
      return undefined;
    }, 'the malformed message kept aside');
    expect(malformed.files).toEqual([]);
  });

  it('registers an e-mail item through the queue and e-mails the receipt notice to its sender', async () => {
    const sender = `notice-${Date.now()}@sender.example.az`;
    const messageId = await send({
      subject: 'Qeydiyyat üçün məktub',
      from: sender,
      attachments: [{ filename: 'məktub.pdf', content: pdf, contentType: 'application/pdf' }],
    });
    const item = await itemOf(TENANT, messageId, sender);
    const clerk = await as(baseUrl, 'clerk');
    const opened = await clerk.get<{ id: string; version: number; state: string }>(
      `/api/v1/exchange/received/${item.id}`,
    );
    expect(opened.body.state, JSON.stringify(opened.body)).toBe('waiting');

    const registered = await clerk.post<{ item: ReceivedItem; documentId: string }>(
      `/api/v1/exchange/received/${item.id}/register`,
      { version: opened.body.version },
    );

    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    const number = registered.body.item.registration!.number;
    const incoming = await clerk.get<{ contents: Array<{ fileName: string; sha256: string }> }>(
      `/api/v1/documents/${registered.body.documentId}`,
    );
    expect(incoming.body.contents.map((c) => [c.fileName, c.sha256])).toEqual([['məktub.pdf', sha256(pdf)]]);
    const maildev = `http://127.0.0.1:${port + 6}`;
    const notice = await eventually(async () => {
      const all = (await (await fetch(`${maildev}/api/email`)).json()) as Array<{
        subject: string;
        to: Array<{ address: string }>;
        attachments?: Array<{ filename?: string }>;
      }>;
      return all.find((m) => m.to.some((t) => t.address === sender));
    }, `the receipt notice to ${sender}`);
    expect(notice.subject).toContain(number);
    expect(notice.attachments?.map((a) => a.filename)).toEqual(['receipt-notice.json']);
    expect(registered.body.item.receipt?.messageId).toBeDefined();
  });

  it('never registers a message kept aside', async () => {
    const messageId = await send({
      subject: 'Proqram',
      from,
      attachments: [{ filename: 'setup.exe', content: Buffer.from('x') }],
    });
    const item = await itemOf(TENANT, messageId, from);
    const clerk = await as(baseUrl, 'clerk');
    const refused = await clerk.post<{ code: string }>(`/api/v1/exchange/received/${item.id}/register`, {
      version: item.version,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('received_not_waiting');
  });

  it('keeps mail to no agency at the platform level, and refuses to relay to other domains', async () => {
    const messageId = await send({ subject: 'Kimə?', from, to: `no-such-agency@${DOMAIN}` });
    const item = await itemOf(PLATFORM_INTAKE_TENANT, messageId, from);
    expect(item).toMatchObject({ state: 'quarantined', quarantine: { reason: 'unknown_recipient' } });

    await expect(send({ subject: 'Relay', from, to: 'someone@example.az' })).rejects.toThrow(/550/);
  });
});

describe('e-mail out of a signed letter', () => {
  it('carries the signed single file and the agency’s Reply-To', async () => {
    const maildev = `http://127.0.0.1:${port + 6}`;
    const clerk = await as(baseUrl, 'clerk');
    const ref = await lookups(clerk);
    const recipient = `cavab-${Date.now()}@example.az`;
    const created = await clerk.post<Doc>('/api/v1/documents/outgoing', {
      summary: unique('İmzalı cavab'),
      signatoryId: ref.employee.get('head'),
      recipients: [{ name: 'Qəbul edən təşkilat', email: recipient }],
      deliveryFormId: ref.deliveryForms.get('email'),
    });
    expect(created.status).toBe(201);
    await uploadContent(clerk, created.body.id, pdf, { declared: pdf, fileName: 'cavab.pdf' });
    const current = await signThroughRoute<Doc>(
      clerk,
      await as(baseUrl, 'head'),
      created.body.id,
      ref.employee.get('head')!,
    );
    const tenant = await clerk.get<{ email?: string }>('/api/v1/tenant');
    const settings = settingsInForce(await store.get<ExchangeSettings>(SETTINGS, TENANT, TENANT));

    const sent = await clerk.post<Doc>(`/api/v1/documents/${created.body.id}/send`, {
      version: current.version,
    });

    expect(sent.status).toBe(200);
    type Mail = {
      id: string;
      to: Array<{ address: string }>;
      attachments?: Array<{ filename?: string; generatedFileName?: string }>;
    };
    const mail = await eventually(async () => {
      const all = (await (await fetch(`${maildev}/api/email`)).json()) as Mail[];
      return all.find((m) => m.to.some((t) => t.address === recipient));
    }, `the letter to ${recipient}`);
    const number = created.body.registration!.number.replace(/[^\p{L}\p{N}._-]+/gu, '_');
    expect(mail.attachments?.map((a) => a.filename)).toEqual([`${number}.pdf`]);
    const file = await fetch(
      `${maildev}/api/email/${mail.id}/attachment/${encodeURIComponent(mail.attachments![0]!.generatedFileName!)}`,
    );
    const bytes = new Uint8Array(await file.arrayBuffer());
    const single = await clerk.get<{ sha256: string; signatures: number }>(
      `/api/v1/documents/${created.body.id}/single-file`,
    );
    expect(single.body.signatures).toBeGreaterThan(0);
    expect(sha256(bytes)).toBe(single.body.sha256);
    const source = await (await fetch(`${maildev}/api/email/${mail.id}/source`)).text();
    const replyTo = /^Reply-To:(.*)$/im.exec(source)?.[1]?.trim();
    expect(replyTo).toBe(settings.replyTo ?? tenant.body.email);
  });
});
