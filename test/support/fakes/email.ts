import type { EmailMessage, EmailSender } from '../../../functions/platform/ports/email.port';

/** Keeps every message sent; `failWith` makes the next sends throw (an unreachable provider). */
export class RecordingEmail implements EmailSender {
  readonly sent: EmailMessage[] = [];
  failWith: Error | undefined;

  async send(message: EmailMessage): Promise<{ messageId: string }> {
    if (this.failWith) throw this.failWith;
    this.sent.push(message);
    return { messageId: `email-${this.sent.length}` };
  }
}
