import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../../functions/platform/kernel/errors';
import { completeUpload, startUpload } from '../../../functions/modules/documents/usecases/contents.usecase';
import { createDocument } from '../../../functions/modules/documents/usecases/register.usecase';
import { sendDocument } from '../../../functions/modules/documents/usecases/send.usecase';
import { meta, tenant } from '../../support/builders';
import { PLATFORM_PARTITION } from '../../../functions/modules/onboarding';
import type { DocumentRecord } from '../../../functions/modules/documents';
import { author, clerk, documentsWorld, head, internal, outgoing } from './world';

const pdf = new TextEncoder().encode('%PDF cavab məktubu');

async function letter(overrides: Parameters<typeof outgoing>[0] = {}) {
  const deps = documentsWorld();
  deps.store.seed('tenant', tenant());
  const doc = await createDocument(
    deps,
    author,
    'outgoing',
    outgoing({ deliveryFormId: 'by-email', content: 'Hörmətli cənab, ...', ...overrides }),
  );
  return { deps, doc };
}

async function attach(deps: Awaited<ReturnType<typeof letter>>['deps'], id: string) {
  const { content } = await startUpload(deps, author, id, {
    fileName: 'cavab.pdf',
    contentType: 'application/pdf',
    size: pdf.byteLength,
    sha256: createHash('sha256').update(pdf).digest('hex'),
  });
  deps.objects.upload('attachments', `t1/documents/${id}/${content.id}`, pdf);
  await completeUpload(deps, author, id, content.id);
  return (await deps.documents.get('t1', id))!.version;
}

/**
 * The letter as signed through its route's signing step: `official` is the step's official,
 * `by` who decided (a substitute when they differ). Returns the document's new version.
 */
async function sign(
  deps: Awaited<ReturnType<typeof letter>>['deps'],
  id: string,
  official = 'signer',
  by = official,
): Promise<number> {
  const doc = (await deps.documents.get('t1', id))!;
  const at = '2026-03-02T05:30:00.000Z';
  const next: DocumentRecord = {
    ...doc,
    route: {
      state: 'completed',
      round: 1,
      stages: [{ kind: 'signing', mode: 'sequential', participants: [{ employeeId: official }] }],
      steps: [
        {
          stage: 0,
          kind: 'signing',
          employeeIds: [official],
          state: 'done',
          assignees: [
            {
              employeeId: official,
              assignmentId: 'a-1',
              status: 'signed',
              decidedAt: at,
              ...(by !== official ? { decidedBy: by } : {}),
            },
          ],
        },
      ],
      completedAt: at,
    },
  };
  const saved = await deps.documents.commit({
    document: next,
    expectedVersion: doc.version,
    operation: { actorId: by, action: 'sign', changes: [] },
  });
  return saved.document.version;
}

describe('sendDocument', () => {
  it('e-mails every recipient with the number, date, text and the verified files, and records the dispatch', async () => {
    // Arrange
    const { deps, doc } = await letter({
      recipients: [{ counterpartId: 'org-1' }, { name: 'Vətəndaş', email: 'v@mail.az' }],
    });
    await attach(deps, doc.id);
    const version = await sign(deps, doc.id);

    // Act
    const sent = await sendDocument(deps, author, doc.id, { version, note: 'təcili' });

    // Assert
    expect(deps.email.sent).toEqual([
      {
        to: ['office@xezer.az', 'v@mail.az'],
        subject: '1-XR/26 — Cavab məktubu',
        text: 'Nümunə Agentliyi\nQeydiyyat nömrəsi: 1-XR/26, tarix: 02.03.2026\n\nCavab məktubu\n\nHörmətli cənab, ...',
        attachments: [{ filename: 'cavab.pdf', contentType: 'application/pdf', content: pdf }],
        replyTo: 'office@agency.az',
      },
    ]);
    expect(sent.status).toBe('sent');
    expect(sent.outgoing?.dispatches).toEqual([
      {
        id: expect.any(String),
        at: '2026-03-02T06:00:00.000Z',
        by: 'author',
        deliveryFormId: 'by-email',
        channel: 'email',
        recipients: ['"Xəzər Logistika" MMC <office@xezer.az>', 'Vətəndaş <v@mail.az>'],
        messageId: 'email-1',
        note: 'təcili',
      },
    ]);
    const entry = (await deps.documents.operations('t1', doc.id, { limit: 10 })).items.at(-1);
    expect(entry).toMatchObject({
      action: 'send',
      comment: 'e-mail: "Xəzər Logistika" MMC <office@xezer.az>, Vətəndaş <v@mail.az>',
      changes: [{ field: 'status', before: 'registered', after: 'sent' }],
    });
  });

  it('refuses to e-mail a counterpart that does not receive documents electronically, sending nothing', async () => {
    // Arrange
    const { deps, doc } = await letter({
      recipients: [{ name: 'Vətəndaş', email: 'v@mail.az' }, { counterpartId: 'org-1' }],
    });
    // The list now says the organization takes paper only.
    deps.store.seed('ref:counterparts', {
      ...(await deps.store.get('ref:counterparts', 't1', 'org-1'))!,
      receivesElectronically: false,
    });
    const version = (await deps.documents.get('t1', doc.id))!.version;

    // Act
    const attempt = sendDocument(deps, author, doc.id, { version });

    // Assert
    await expect(attempt).rejects.toMatchObject({
      code: 'recipient_not_electronic',
      issues: [{ path: 'recipients.1', code: 'recipient_not_electronic' }],
    });
    expect(deps.email.sent).toEqual([]);
    expect((await deps.documents.get('t1', doc.id))!.status).toBe('registered');
  });

  it('by edms writes one delivery per platform agency in state sending, and carries the receipt days', async () => {
    // Arrange: the counterpart's VÖEN belongs to an agency on the platform
    const { deps, doc } = await letter({
      recipients: [{ counterpartId: 'org-1' }],
      deliveryFormId: 'by-edms',
      receiptDays: 7,
    });
    await deps.store.create(
      'tenant-registration',
      { ...meta('xezer', PLATFORM_PARTITION) },
      {
        actorId: 'system',
        sortKey: 'xezer',
        claim: [{ scope: 'voen', value: '1400057421' }],
      },
    );
    await attach(deps, doc.id);
    const version = await sign(deps, doc.id);

    // Act
    const sent = await sendDocument(deps, author, doc.id, { version });

    // Assert
    expect(deps.email.sent).toEqual([]);
    expect(sent.outgoing?.receiptDays).toBe(7);
    expect(sent.outgoing?.dispatches).toEqual([expect.objectContaining({ channel: 'edms' })]);
    expect(sent.outgoing?.deliveries).toEqual([
      expect.objectContaining({
        dispatchId: sent.outgoing!.dispatches[0]!.id,
        recipientTenantId: 'xezer',
        recipientIndex: 0,
        state: 'sending',
      }),
    ]);
  });

  it('refuses edms to a recipient that is not an agency on the platform (422), writing nothing', async () => {
    const { deps, doc } = await letter({
      recipients: [{ counterpartId: 'org-1' }],
      deliveryFormId: 'by-edms',
    });
    await attach(deps, doc.id);
    const version = await sign(deps, doc.id);
    await expect(sendDocument(deps, author, doc.id, { version })).rejects.toMatchObject({
      code: 'recipient_not_on_platform',
    });
    expect((await deps.documents.get('t1', doc.id))!.version).toBe(version);
  });

  it('records a courier dispatch in the register without e-mail, and may send again once sent', async () => {
    // Arrange
    const { deps, doc } = await letter({ deliveryFormId: 'by-courier', recipients: [{ name: 'Nazirlik' }] });

    // Act
    const first = await sendDocument(deps, clerk, doc.id, { version: 1 });
    const second = await sendDocument(deps, clerk, doc.id, { version: 2 });

    // Assert
    expect(deps.email.sent).toEqual([]);
    expect(second.outgoing?.dispatches.map((d) => [d.channel, d.recipients])).toEqual([
      ['register', ['Nazirlik']],
      ['register', ['Nazirlik']],
    ]);
    expect(first.status).toBe('sent');
  });

  it('refuses an e-mail dispatch when a recipient has no address, sending nothing', async () => {
    // Arrange
    const { deps, doc } = await letter({ recipients: [{ counterpartId: 'org-1' }, { name: 'Ünvansız' }] });

    // Act
    const attempt = sendDocument(deps, author, doc.id, { version: 1 });

    // Assert
    await expect(attempt).rejects.toMatchObject({
      code: 'recipient_without_email',
      issues: [{ path: 'recipients' }],
    });
    expect(deps.email.sent).toEqual([]);
    expect((await deps.documents.get('t1', doc.id))?.status).toBe('registered');
  });

  it('sends only outgoing documents, from the current version, by the registry office or the author', async () => {
    // Arrange
    const { deps, doc } = await letter();
    const memo = await createDocument(deps, author, 'internal', internal());

    // Act
    const wrongKind = sendDocument(deps, author, memo.id, { version: 1 });
    const stale = sendDocument(deps, author, doc.id, { version: 9 });
    const byHead = sendDocument(deps, head, doc.id, { version: 1 });

    // Assert
    await expect(wrongKind).rejects.toMatchObject({ code: 'wrong_kind' });
    await expect(stale).rejects.toMatchObject({ code: 'stale_version' });
    await expect(byHead).rejects.toBeInstanceOf(ForbiddenError);
    expect(deps.email.sent).toEqual([]);
  });

  it('stops an e-mail dispatch whose stored file is damaged, and the document stays unsent', async () => {
    // Arrange
    const { deps, doc } = await letter();
    await attach(deps, doc.id);
    const version = await sign(deps, doc.id);
    const [file] = (await deps.documents.get('t1', doc.id))!.contents;
    deps.objects.corrupt('attachments', `t1/documents/${doc.id}/${file!.id}`, new TextEncoder().encode('x'));

    // Act
    const attempt = sendDocument(deps, author, doc.id, { version });

    // Assert
    await expect(attempt).rejects.toMatchObject({ code: 'content_damaged' });
    expect(deps.email.sent).toEqual([]);
    expect((await deps.documents.get('t1', doc.id))?.status).toBe('registered');
  });
});

describe('the pre-send check of an electronic document (Decree 935 §147)', () => {
  const opsCount = async (deps: Awaited<ReturnType<typeof letter>>['deps'], id: string) =>
    (await deps.documents.operations('t1', id, { limit: 100 })).items.length;

  it('refuses an unsigned letter by e-mail with 422 naming the signature; nothing is sent or written', async () => {
    // Arrange
    const { deps, doc } = await letter();
    const version = await attach(deps, doc.id);
    const before = await opsCount(deps, doc.id);

    // Act
    const attempt = sendDocument(deps, author, doc.id, { version });

    // Assert
    await expect(attempt).rejects.toMatchObject({
      code: 'presend_check_failed',
      issues: [{ path: 'signature', code: 'presend_not_signed' }],
    });
    expect(deps.email.sent).toEqual([]);
    const after = (await deps.documents.get('t1', doc.id))!;
    expect([after.status, after.version, after.outgoing?.dispatches]).toEqual(['registered', version, []]);
    expect(await opsCount(deps, doc.id)).toBe(before);
  });

  it('refuses a letter signed by someone who is not its signatory, and accepts the signatory’s substitute', async () => {
    // Arrange
    const { deps, doc } = await letter();
    await attach(deps, doc.id);
    const byOther = await sign(deps, doc.id, 'head');

    // Act
    const refused = sendDocument(deps, author, doc.id, { version: byOther });
    const onBehalf = await sign(deps, doc.id, 'signer', 'controller');
    const sent = await sendDocument(deps, author, doc.id, { version: onBehalf });

    // Assert
    await expect(refused).rejects.toMatchObject({
      code: 'presend_check_failed',
      issues: [{ path: 'signature', code: 'presend_signer_without_right' }],
    });
    expect(sent.status).toBe('sent');
    expect(deps.email.sent).toHaveLength(1);
  });

  it('names every missing main and additional requisite and the missing addressing at once', async () => {
    // Arrange
    const deps = documentsWorld();
    deps.store.seed('tenant', tenant({ legalAddress: ' ', email: '' }));
    const doc = await createDocument(
      deps,
      author,
      'outgoing',
      outgoing({ deliveryFormId: 'by-edms', recipients: [{ name: 'Nazirlik' }] }),
    );
    const stored = (await deps.documents.get('t1', doc.id))!;
    await deps.documents.commit({
      document: { ...stored, outgoing: { ...stored.outgoing!, recipients: [] } },
      expectedVersion: stored.version,
      operation: { actorId: 'author', action: 'update', changes: [] },
    });
    const version = await sign(deps, doc.id);

    // Act
    const attempt = sendDocument(deps, author, doc.id, { version });

    // Assert
    await expect(attempt).rejects.toMatchObject({
      code: 'presend_check_failed',
      issues: [
        { path: 'content', code: 'presend_main_requisite' },
        { path: 'organization.legalAddress', code: 'presend_additional_requisite' },
        { path: 'organization.contact', code: 'presend_additional_requisite' },
        { path: 'recipients', code: 'presend_not_addressed' },
      ],
    });
    expect((await deps.documents.get('t1', doc.id))!.status).toBe('registered');
  });

  it('takes the signatures from the signature source when one is wired (the PAdES seam)', async () => {
    // Arrange
    const { deps, doc } = await letter();
    await attach(deps, doc.id);
    const version = await sign(deps, doc.id);
    const withSource = {
      ...deps,
      signatures: {
        signaturesOf: async () => [
          { employeeId: 'signer', right: 'sign' as const, valid: false, at: '2026-03-02T05:30:00.000Z' },
        ],
      },
    };

    // Act
    const attempt = sendDocument(withSource, author, doc.id, { version });

    // Assert
    await expect(attempt).rejects.toMatchObject({
      code: 'presend_check_failed',
      issues: [
        { path: 'signature', code: 'presend_signature_invalid' },
        { path: 'signature', code: 'presend_signer_without_right' },
      ],
    });
    expect(deps.email.sent).toEqual([]);
  });

  it('e-mails the signed single file (its last signature’s revision) with the Reply-To of the exchange settings', async () => {
    // Arrange: the letter's single file as its signature left it, and the agency's Reply-To
    const { deps, doc } = await letter({ recipients: [{ name: 'Vətəndaş', email: 'v@mail.az' }] });
    await attach(deps, doc.id);
    const version = await sign(deps, doc.id);
    const signedPdf = new TextEncoder().encode('%PDF imzalanmış vahid fayl');
    const key = `t1/documents/${doc.id}/single-file/2`;
    const { versionId } = await deps.objects.put({
      bucket: 'attachments',
      key,
      body: signedPdf,
      contentType: 'application/pdf',
    });
    const current = (await deps.documents.get('t1', doc.id))!;
    const signed = await deps.documents.commit({
      document: {
        ...current,
        signatures: [
          {
            right: 'sign',
            signerId: 'k-1',
            positionId: 'p-1',
            positionTitle: 'Rəis',
            at: '2026-03-02T05:30:00.000Z',
            onVersion: version,
            fieldName: 'Signature1',
            certificateSerial: '01',
            certificateSha256: 'a'.repeat(64),
            sha256: createHash('sha256').update(signedPdf).digest('hex'),
            size: signedPdf.byteLength,
            key,
            ...(versionId ? { versionId } : {}),
            byteRange: [0, 1, 2, 3],
          },
        ],
      },
      expectedVersion: current.version,
      operation: { actorId: 'signer', action: 'sign', changes: [] },
    });
    deps.store.seed('exchange-settings', {
      id: 't1',
      tenantId: 't1',
      version: 1,
      createdAt: '2026-03-01T00:00:00.000Z',
      updatedAt: '2026-03-01T00:00:00.000Z',
      replyTo: 'kargüzarlıq@agency.az',
      receiptDays: 3,
    });

    // Act
    await sendDocument(deps, author, doc.id, { version: signed.document.version });

    // Assert
    expect(deps.email.sent).toEqual([
      expect.objectContaining({
        attachments: [{ filename: '1-XR_26.pdf', contentType: 'application/pdf', content: signedPdf }],
        replyTo: 'kargüzarlıq@agency.az',
      }),
    ]);
  });

  it('sends nothing when the signed single file no longer matches its signature', async () => {
    const { deps, doc } = await letter({ recipients: [{ name: 'Vətəndaş', email: 'v@mail.az' }] });
    await attach(deps, doc.id);
    const version = await sign(deps, doc.id);
    const key = `t1/documents/${doc.id}/single-file/2`;
    await deps.objects.put({ bucket: 'attachments', key, body: pdf, contentType: 'application/pdf' });
    const current = (await deps.documents.get('t1', doc.id))!;
    const signed = await deps.documents.commit({
      document: {
        ...current,
        signatures: [
          {
            right: 'sign',
            signerId: 'k-1',
            positionId: 'p-1',
            positionTitle: 'Rəis',
            at: '2026-03-02T05:30:00.000Z',
            onVersion: version,
            fieldName: 'Signature1',
            certificateSerial: '01',
            certificateSha256: 'a'.repeat(64),
            sha256: 'b'.repeat(64),
            size: pdf.byteLength,
            key,
            byteRange: [0, 1, 2, 3],
          },
        ],
      },
      expectedVersion: current.version,
      operation: { actorId: 'signer', action: 'sign', changes: [] },
    });

    await expect(
      sendDocument(deps, author, doc.id, { version: signed.document.version }),
    ).rejects.toMatchObject({ code: 'content_damaged' });
    expect(deps.email.sent).toEqual([]);
  });
});
