import type { SmsMessage, SmsSender } from '../../../functions/platform/ports/sms.port';

/** Keeps every SMS sent. */
export class RecordingSms implements SmsSender {
  readonly sent: SmsMessage[] = [];

  async send(message: SmsMessage): Promise<{ messageId: string }> {
    this.sent.push(message);
    return { messageId: `sms-${this.sent.length}` };
  }
}
