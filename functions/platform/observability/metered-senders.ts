/**
 * Counts notices where they leave: the e-mail and SMS ports wrapped so that every message handed
 * to the provider counts as NoticeSent and every refusal as NoticeFailed (the error goes on to
 * the caller unchanged). Whoever sends — a deadline reminder, the digest, a Step Functions
 * notification, an outgoing document — is counted once, by channel.
 */
import type { EmailSender } from '../ports/email.port';
import type { Metrics } from '../ports/metrics.port';
import type { SmsSender } from '../ports/sms.port';

async function metered<T>(metrics: Metrics, channel: 'email' | 'sms', send: () => Promise<T>): Promise<T> {
  try {
    const result = await send();
    metrics.count('NoticeSent', { channel });
    return result;
  } catch (error) {
    metrics.count('NoticeFailed', { channel });
    throw error;
  }
}

export function meteredEmail(sender: EmailSender, metrics: Metrics): EmailSender {
  return { send: (message) => metered(metrics, 'email', () => sender.send(message)) };
}

export function meteredSms(sender: SmsSender, metrics: Metrics): SmsSender {
  return { send: (message) => metered(metrics, 'sms', () => sender.send(message)) };
}
