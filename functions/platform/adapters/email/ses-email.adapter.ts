/**
 * EmailSender on SES v2 SendEmail (Simple content with attachments, UTF-8 throughout). The same
 * code talks to SES in AWS and to the local SES endpoint (which relays to maildev).
 */
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import type { EmailMessage, EmailSender } from '../../ports/email.port';
import { clientConfig, type AwsClientOptions } from '../aws-client';

export interface SesEmailSenderOptions extends AwsClientOptions {
  /** Verified sender, e.g. "Kargüzar <no-reply@karguzar.az>". */
  fromAddress: string;
  /** SES configuration set (bounce/complaint tracking); AWS only. */
  configurationSetName?: string;
}

export function createSesClient(options: AwsClientOptions): SESv2Client {
  return new SESv2Client(clientConfig(options));
}

export class SesEmailSender implements EmailSender {
  private readonly client: SESv2Client;

  constructor(
    private readonly options: SesEmailSenderOptions,
    client?: SESv2Client,
  ) {
    this.client = client ?? createSesClient(options);
  }

  async send(message: EmailMessage): Promise<{ messageId: string }> {
    const out = await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.options.fromAddress,
        Destination: { ToAddresses: message.to },
        ...(message.replyTo ? { ReplyToAddresses: [message.replyTo] } : {}),
        ...(this.options.configurationSetName
          ? { ConfigurationSetName: this.options.configurationSetName }
          : {}),
        Content: {
          Simple: {
            Subject: { Data: message.subject, Charset: 'UTF-8' },
            Body: {
              Text: { Data: message.text, Charset: 'UTF-8' },
              ...(message.html !== undefined ? { Html: { Data: message.html, Charset: 'UTF-8' } } : {}),
            },
            ...(message.attachments?.length
              ? {
                  Attachments: message.attachments.map((a) => ({
                    FileName: a.filename,
                    ContentType: a.contentType,
                    RawContent: a.content,
                    ContentDisposition: 'ATTACHMENT' as const,
                    ContentTransferEncoding: 'BASE64' as const,
                  })),
                }
              : {}),
          },
        },
      }),
    );
    if (!out.MessageId) throw new Error('SES SendEmail returned no MessageId');
    return { messageId: out.MessageId };
  }
}

export function createEmailSender(options: SesEmailSenderOptions): SesEmailSender {
  return new SesEmailSender(options);
}
