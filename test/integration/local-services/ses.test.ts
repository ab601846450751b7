import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSesClient,
  SesEmailSender,
} from '../../../functions/platform/adapters/email/ses-email.adapter';
import { start as startMaildev, type MaildevService } from '../../../infra/local/services/maildev';
import { start as startSes } from '../../../infra/local/services/ses';
import type { LocalService } from '../../../infra/local/services/common';
import { credentials, region, tempDataDir } from './helpers';

interface MaildevMail {
  id: string;
  subject: string;
  text?: string;
  to: Array<{ address: string }>;
  attachments?: Array<{ filename?: string; generatedFileName?: string; contentType: string }>;
}

async function inbox(maildev: MaildevService): Promise<MaildevMail[]> {
  const res = await fetch(`${maildev.webUrl}/api/email`);
  return (await res.json()) as MaildevMail[];
}

describe('local SES endpoint relaying to maildev, with the SES adapter', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>;
  let maildev: MaildevService;
  let ses: LocalService;
  let client: SESv2Client;
  let sender: SesEmailSender;

  beforeAll(async () => {
    data = await tempDataDir('ses');
    maildev = await startMaildev({ dataDir: data.dir, smtpPort: 0, webPort: 0 });
    ses = await startSes({ port: 0, smtp: { port: maildev.smtpPort } });
    client = createSesClient({ region, endpoint: ses.endpoint, credentials });
    sender = new SesEmailSender(
      { region, endpoint: ses.endpoint, credentials, fromAddress: 'Kargüzar <no-reply@karguzar.local>' },
      client,
    );
  });

  afterAll(async () => {
    await ses?.close();
    await maildev?.close();
    await data?.remove();
  });

  it('reports both services healthy', async () => {
    // Act
    const [sesHealth, maildevHealth] = await Promise.all([ses.health(), maildev.health()]);

    // Assert
    expect(sesHealth).toEqual({ ok: true });
    expect(maildevHealth).toEqual({ ok: true });
  });

  it('delivers a SendEmail with an Azerbaijani subject and an attachment to maildev', async () => {
    // Arrange
    const subject = 'Bildiriş: sənəd qeydə alındı — ş ğ ı İ ə';
    const pdf = new TextEncoder().encode('%PDF-1.7 qəbz');

    // Act
    const { messageId } = await sender.send({
      to: ['vetendas@example.az'],
      subject,
      text: 'Hörmətli vətəndaş, müraciətiniz 12-345 nömrə ilə qeydə alındı.',
      html: '<p>Hörmətli vətəndaş, müraciətiniz <b>12-345</b> nömrə ilə qeydə alındı.</p>',
      attachments: [{ filename: 'qəbz.pdf', contentType: 'application/pdf', content: pdf }],
    });
    const mail = (await inbox(maildev)).find((m) => m.subject === subject);

    // Assert
    expect(messageId).toMatch(/.+/);
    expect(mail).toBeDefined();
    expect(mail!.to.map((t) => t.address)).toEqual(['vetendas@example.az']);
    expect(mail!.text).toContain('Hörmətli vətəndaş');
    expect(mail!.attachments).toEqual([expect.objectContaining({ contentType: 'application/pdf' })]);
    expect(mail!.attachments![0]!.filename).toBe('qəbz.pdf');
    const stored = mail!.attachments![0]!.generatedFileName!;
    const attachment = await fetch(
      `${maildev.webUrl}/api/email/${mail!.id}/attachment/${encodeURIComponent(stored)}`,
    );
    expect(new Uint8Array(await attachment.arrayBuffer())).toEqual(pdf);
  });

  it('delivers Raw MIME content to the addresses of its Destination', async () => {
    // Arrange
    const raw = [
      'From: no-reply@karguzar.local',
      'To: idare@example.az',
      'Subject: =?UTF-8?B?' + Buffer.from('Xam məktub İ ı').toString('base64') + '?=',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      'Salam, dünya!',
      '',
    ].join('\r\n');

    // Act
    const out = await client.send(
      new SendEmailCommand({
        Destination: { ToAddresses: ['idare@example.az'] },
        Content: { Raw: { Data: new TextEncoder().encode(raw) } },
      }),
    );
    const mail = (await inbox(maildev)).find((m) => m.subject === 'Xam məktub İ ı');

    // Assert
    expect(out.MessageId).toMatch(/.+/);
    expect(mail?.to.map((t) => t.address)).toEqual(['idare@example.az']);
  });

  it('answers unsupported content with an SES BadRequestException', async () => {
    // Act
    const send = client.send(
      new SendEmailCommand({
        FromEmailAddress: 'no-reply@karguzar.local',
        Destination: { ToAddresses: ['a@example.az'] },
        Content: { Template: { TemplateName: 'none' } },
      }),
    );

    // Assert
    await expect(send).rejects.toMatchObject({
      name: 'BadRequestException',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('keeps delivered mail across a maildev restart on the same data folder', async () => {
    // Arrange
    const before = (await inbox(maildev)).length;
    await ses.close();
    await maildev.close();

    // Act
    maildev = await startMaildev({ dataDir: data.dir, smtpPort: 0, webPort: 0 });
    ses = await startSes({ port: 0, smtp: { port: maildev.smtpPort } });
    const after = await inbox(maildev);

    // Assert
    expect(before).toBe(2);
    expect(after.map((m) => m.subject).sort()).toEqual(
      ['Bildiriş: sənəd qeydə alındı — ş ğ ı İ ə', 'Xam məktub İ ı'].sort(),
    );
  });
});
