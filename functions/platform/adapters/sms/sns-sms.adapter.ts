/**
 * SmsSender on SNS Publish with PhoneNumber (transactional SMS). Locally the same code talks to
 * the local SNS endpoint, which writes the SMS outbox.
 */
import { PublishCommand, SNSClient, type MessageAttributeValue } from '@aws-sdk/client-sns';
import { ValidationError } from '../../kernel/errors';
import type { SmsMessage, SmsSender } from '../../ports/sms.port';
import { clientConfig, type AwsClientOptions } from '../aws-client';

export interface SnsSmsSenderOptions extends AwsClientOptions {
  /** Alphanumeric sender id where the destination country supports it. */
  senderId?: string;
  /** Default Transactional (delivery over cost). */
  smsType?: 'Transactional' | 'Promotional';
}

export function createSnsClient(options: AwsClientOptions): SNSClient {
  return new SNSClient(clientConfig(options));
}

const E164 = /^\+[1-9]\d{6,14}$/;

export class SnsSmsSender implements SmsSender {
  private readonly client: SNSClient;

  constructor(
    private readonly options: SnsSmsSenderOptions,
    client?: SNSClient,
  ) {
    this.client = client ?? createSnsClient(options);
  }

  async send(message: SmsMessage): Promise<{ messageId: string }> {
    if (!E164.test(message.phone)) {
      throw new ValidationError([{ path: 'phone', code: 'invalid_phone' }]);
    }
    const attributes: Record<string, MessageAttributeValue> = {
      'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: this.options.smsType ?? 'Transactional' },
    };
    if (this.options.senderId)
      attributes['AWS.SNS.SMS.SenderID'] = { DataType: 'String', StringValue: this.options.senderId };
    const out = await this.client.send(
      new PublishCommand({
        PhoneNumber: message.phone,
        Message: message.text,
        MessageAttributes: attributes,
      }),
    );
    if (!out.MessageId) throw new Error('SNS Publish returned no MessageId');
    return { messageId: out.MessageId };
  }
}

export function createSmsSender(options: SnsSmsSenderOptions): SnsSmsSender {
  return new SnsSmsSender(options);
}
