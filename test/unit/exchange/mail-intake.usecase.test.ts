import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import JSZip from 'jszip';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import {
  attachmentVerdict,
  classifyMail,
  MAIL_LIMITS,
  PLATFORM_INTAKE_TENANT,
  RECEIVED,
  takeInMail,
  type MailIntakeDeps,
  type ReceivedItem,
} from '../../../functions/modules/exchange';
import {
  intakeLocalParts,
  wellFormedHead,
} from '../../../functions/modules/exchange/usecases/mail-intake.usecase';
import { zipEntries } from '../../../functions/platform/kernel/zip';
import { MemoryAggregateStore } from '../../support/fakes/aggregate-store';
import { ManualClock } from '../../support/fakes/clock';
import { RecordingLog } from '../../support/fakes/log';
import { MemoryObjectStore } from '../../support/fakes/object-store';

const DOMAIN = 'intake.karguzar.local';
const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

/** A MIME message with the given attachments (base64), as a sender's client writes one. */
function message(options: {
  to?: string;
  from?: string;
  subject?: string;
  messageId?: string | null;
  attachments?: Array<{ name: string; bytes: Uint8Array; type?: string }>;
}): Uint8Array {
  const boundary = 'b-1234';
  const head = [
    `From: Sender <${options.from ?? 'a@sender.az'}>`,
    `To: ${options.to ?? `demo1@${DOMAIN}`}`,
    `Subject: ${options.subject ?? 'Sorğu'}`,
    ...(options.messageId === null ? [] : [`Message-ID: <${options.messageId ?? 'm1@sender.az'}>`]),
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
  ];
  const parts = [
    `--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSalam\r\n`,
    ...(options.attachments ?? []).map(
      (a) =>
        `--${boundary}\r\nContent-Type: ${a.type ?? 'application/octet-stream'}; name="${a.name}"\r\n` +
        `Content-Disposition: attachment; filename="${a.name}"\r\nContent-Transfer-Encoding: base64\r\n\r\n` +
        `${Buffer.from(a.bytes).toString('base64')}\r\n`,
    ),
  ];
  return Buffer.from(`${head.join('\r\n')}\r\n\r\n${parts.join('')}--${boundary}--\r\n`);
}

let deps: MailIntakeDeps & { store: MemoryAggregateStore; objects: MemoryObjectStore; log: RecordingLog };
let n = 0;

async function deliver(raw: Uint8Array) {
  const key = `inbound/${++n}.eml`;
  await deps.objects.put({ bucket: 'intake', key, body: raw, contentType: 'message/rfc822' });
  return takeInMail(deps, { key, intakeDomain: DOMAIN });
}

beforeEach(async () => {
  const clock = new ManualClock('2026-03-02T08:00:00.000Z');
  deps = {
    store: new MemoryAggregateStore(),
    objects: new MemoryObjectStore(() => clock.now()),
    clock,
    log: new RecordingLog(),
  };
  for (const id of ['demo1', 'demo2'])
    await deps.store.create(
      'tenant',
      { id, tenantId: id, version: 1, createdAt: '', updatedAt: '' },
      {
        actorId: 'system',
        sortKey: id,
      },
    );
});

describe('attachment classification', () => {
  it('flags programs by name and by their first bytes, and lets documents pass', () => {
    const pdf = Buffer.from('%PDF-1.7\n');
    expect(attachmentVerdict('a.pdf', pdf)).toBeUndefined();
    for (const name of ['x.exe', 'x.JS', 'run.vbs', 'a.bat', 'a.cmd', 'p.ps1', 's.scr', 'app.jar'])
      expect(attachmentVerdict(name, pdf)?.reason, name).toBe('executable');
    expect(attachmentVerdict('x.exe.', pdf)?.reason).toBe('executable');
    for (const magic of [
      [0x4d, 0x5a],
      [0x7f, 0x45, 0x4c, 0x46],
      [0xcf, 0xfa, 0xed, 0xfe],
      [0x23, 0x21, 0x2f],
    ])
      expect(attachmentVerdict('invoice.pdf', Uint8Array.from([...magic, 0, 0, 0]))?.reason).toBe(
        'executable',
      );
  });

  it('reads a ZIP directory: programs and nested archives inside, and bombs by declared size or ratio', async () => {
    const zip = async (files: Record<string, Uint8Array | string>) => {
      const z = new JSZip();
      for (const [name, body] of Object.entries(files)) z.file(name, body);
      return z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    };
    expect(attachmentVerdict('ok.zip', await zip({ 'a.txt': 'salam', 'b.pdf': '%PDF' }))).toBeUndefined();
    expect(attachmentVerdict('p.zip', await zip({ 'setup.exe': 'x' }))?.reason).toBe('executable');
    expect(attachmentVerdict('n.zip', await zip({ 'inner.zip': 'x' }))?.reason).toBe('archive_bomb');
    const bomb = await zip({ 'zeros.txt': new Uint8Array(8 * 1024 * 1024) });
    expect(zipEntries(bomb)?.[0]?.size).toBe(8 * 1024 * 1024);
    expect(attachmentVerdict('z.zip', bomb)).toMatchObject({ reason: 'archive_bomb' });
    expect(attachmentVerdict('bad.zip', Buffer.from('PK\u0003\u0004 truncated'))?.reason).toBe('malformed');
  });

  it('reads the declared size of a gzip', () => {
    expect(attachmentVerdict('t.gz', gzipSync(Buffer.alloc(4 * 1024 * 1024)))?.reason).toBe('archive_bomb');
    expect(attachmentVerdict('t.gz', gzipSync(Buffer.from('salam dünya')))).toBeUndefined();
  });

  it('finds the intake addresses: the envelope first, else To and Cc', () => {
    const head = `Delivered-To: demo2@${DOMAIN}\r\nTo: demo1@${DOMAIN}, x@other.az`;
    expect(intakeLocalParts(head, DOMAIN)).toEqual(['demo2']);
    expect(intakeLocalParts(`To: A <demo1@${DOMAIN}>\r\nCc: demo2@INTAKE.karguzar.local`, DOMAIN)).toEqual([
      'demo1',
      'demo2',
    ]);
    expect(wellFormedHead('From: a@b.az\r\nSubject: x')).toBe(true);
    expect(wellFormedHead('hello world\r\nFrom: a@b.az')).toBe(false);
    expect(wellFormedHead('Subject: no sender')).toBe(false);
  });

  it('says oversized, too many parts and malformed before parsing', async () => {
    const big = Buffer.concat([Buffer.from('From: a@b.az\r\n\r\n'), Buffer.alloc(MAIL_LIMITS.maxRawBytes)]);
    expect((await classifyMail(big)).verdict?.reason).toBe('oversized');
    const parts = Buffer.from(
      `From: a@b.az\r\n\r\n${'Content-Type: text/plain\r\n'.repeat(MAIL_LIMITS.maxParts + 1)}`,
    );
    expect((await classifyMail(parts)).verdict?.reason).toBe('too_many_parts');
    expect((await classifyMail(Buffer.from('just text\r\n'))).verdict?.reason).toBe('malformed');
  });
});

describe('taking in one message', () => {
  it('makes a waiting item with the attachments stored under the tenant, and the raw message as evidence', async () => {
    const pdf = Buffer.from('%PDF-1.4 məktub');
    const raw = message({ attachments: [{ name: 'a.pdf', bytes: pdf, type: 'application/pdf' }] });

    const [outcome] = await deliver(raw);

    expect(outcome).toMatchObject({ tenantId: 'demo1', state: 'waiting', replayed: false });
    expect(z.uuid().safeParse(outcome!.itemId).success).toBe(true);
    const item = (await deps.store.get<ReceivedItem>(RECEIVED, 'demo1', outcome!.itemId))!;
    expect(item).toMatchObject({
      source: 'email',
      deliveryKey: sha256('<m1@sender.az>\na@sender.az'),
      receivedAt: '2026-03-02T08:00:00.000Z',
      sender: { organizationName: 'Sender', email: 'a@sender.az' },
      requisites: { summary: 'Sorğu' },
      evidence: { envelopeSha256: sha256(raw), key: `demo1/received/${item.id}/message.eml` },
    });
    expect(item.files).toEqual([
      expect.objectContaining({ name: 'a.pdf', sha256: sha256(pdf), size: pdf.byteLength }),
    ]);
    const bytes = await deps.objects.get({ bucket: 'attachments', key: item.files[0]!.key });
    expect(sha256(bytes!)).toBe(sha256(pdf));
  });

  it('makes no second item of the same message, also after a crash left its files stored', async () => {
    const raw = message({ attachments: [{ name: 'a.pdf', bytes: Buffer.from('%PDF x') }] });
    const [first] = await deliver(raw);
    const [second] = await deliver(raw);
    expect(second).toMatchObject({ itemId: first!.itemId, replayed: true });
    expect(deps.store.writes.filter((w) => w.type === RECEIVED)).toHaveLength(1);

    // A crash after the files were stored but before the item: the same keys are used again.
    const other = message({
      messageId: 'm2@sender.az',
      attachments: [{ name: 'b.pdf', bytes: Buffer.from('%PDF y') }],
    });
    const crash = vi.spyOn(deps.store, 'create').mockRejectedValueOnce(new Error('crash'));
    await expect(deliver(other)).rejects.toThrow('crash');
    crash.mockRestore();
    const [after] = await deliver(other);
    expect(after).toMatchObject({ state: 'waiting', replayed: false });
  });

  it('keys a message without a Message-ID by its raw bytes', async () => {
    const raw = message({ messageId: null });
    const [outcome] = await deliver(raw);
    const item = await deps.store.get<ReceivedItem>(RECEIVED, 'demo1', outcome!.itemId);
    expect(item?.deliveryKey).toBe(sha256(raw));
  });

  it('keeps a dangerous message aside with its reason and no files, and logs it', async () => {
    const raw = message({ attachments: [{ name: 'x.pdf', bytes: Uint8Array.from([0x4d, 0x5a, 1, 2]) }] });
    const [outcome] = await deliver(raw);
    const item = (await deps.store.get<ReceivedItem>(RECEIVED, 'demo1', outcome!.itemId))!;
    expect(item).toMatchObject({ state: 'quarantined', quarantine: { reason: 'executable' }, files: [] });
    expect(deps.log.lines).toEqual([expect.objectContaining({ message: 'intake mail kept aside' })]);
    expect(await deps.store.list(RECEIVED, 'demo1', { parentKey: 'waiting', limit: 10 })).toMatchObject({
      items: [],
    });
  });

  it('makes an item for each agency addressed, and keeps mail to no agency at the platform level', async () => {
    const both = await deliver(message({ to: `demo1@${DOMAIN}, demo2@${DOMAIN}`, messageId: 'm3@s.az' }));
    expect(both.map((o) => o.tenantId)).toEqual(['demo1', 'demo2']);

    const [nobody] = await deliver(message({ to: `ghost@${DOMAIN}`, messageId: 'm4@s.az' }));
    expect(nobody).toMatchObject({ tenantId: PLATFORM_INTAKE_TENANT, state: 'quarantined' });
    const kept = await deps.store.get<ReceivedItem>(RECEIVED, PLATFORM_INTAKE_TENANT, nobody!.itemId);
    expect(kept?.quarantine).toEqual({ reason: 'unknown_recipient', detail: 'ghost' });
  });

  it('fails (for a retry) when the stored message cannot be read', async () => {
    await expect(takeInMail(deps, { key: 'inbound/none.eml', intakeDomain: DOMAIN })).rejects.toThrow(
      /not found/,
    );
  });
});
