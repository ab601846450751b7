import { ValidationError } from '../../../platform/kernel/errors';
import type { EmailSender } from '../../../platform/ports/email.port';
import type { SmsSender } from '../../../platform/ports/sms.port';

export type Notification =
  | { channel: 'email'; to: string[]; subject: string; text: string; html?: string }
  | { channel: 'sms'; phone: string; text: string };

export interface SendNotificationDeps {
  email: () => EmailSender;
  sms: () => SmsSender;
}

/**
 * Sends one notification through its channel. Called by the scheduled-notification state machine,
 * whose task may run more than once (retries, or a runner restart after a crash): delivery is
 * at-least-once, and `idempotencyKey` (the execution id) identifies the logical send.
 */
export async function sendNotification(
  deps: SendNotificationDeps,
  input: { notification: Notification; idempotencyKey: string },
): Promise<{ channel: Notification['channel']; messageId: string }> {
  const n = input.notification;
  if (n.channel === 'email') {
    if (n.to.length === 0) throw new ValidationError([{ path: 'notification.to', code: 'required' }]);
    const { messageId } = await deps
      .email()
      .send({ to: n.to, subject: n.subject, text: n.text, ...(n.html ? { html: n.html } : {}) });
    return { channel: 'email', messageId };
  }
  if (!/^\+[1-9]\d{6,14}$/.test(n.phone))
    throw new ValidationError([{ path: 'notification.phone', code: 'invalid_phone' }]);
  const { messageId } = await deps.sms().send({ phone: n.phone, text: n.text });
  return { channel: 'sms', messageId };
}
