import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../functions/platform/kernel/errors';
import { sendNotification } from '../../../functions/modules/notifications/usecases/send-notification.usecase';
import { RecordingEmail } from '../../support/fakes/email';
import { RecordingSms } from '../../support/fakes/sms';

function fakes() {
  const email = new RecordingEmail();
  const sms = new RecordingSms();
  return { email, sms, deps: { email: () => email, sms: () => sms } };
}

describe('sendNotification use case', () => {
  it('sends an e-mail through the EmailSender port', async () => {
    // Arrange
    const f = fakes();

    // Act
    const out = await sendNotification(f.deps, {
      idempotencyKey: 'k',
      notification: { channel: 'email', to: ['a@b.az'], subject: 'Müddət', text: 'İcra' },
    });

    // Assert
    expect(out).toEqual({ channel: 'email', messageId: 'email-1' });
    expect(f.email.sent).toEqual([{ to: ['a@b.az'], subject: 'Müddət', text: 'İcra' }]);
    expect(f.sms.sent).toEqual([]);
  });

  it('passes an HTML body on, and refuses an e-mail without recipients before sending', async () => {
    // Arrange
    const f = fakes();

    // Act
    await sendNotification(f.deps, {
      idempotencyKey: 'k',
      notification: { channel: 'email', to: ['a@b.az'], subject: 's', text: 't', html: '<p>t</p>' },
    });
    const empty = sendNotification(f.deps, {
      idempotencyKey: 'k2',
      notification: { channel: 'email', to: [], subject: 's', text: 't' },
    });

    // Assert
    await expect(empty).rejects.toMatchObject({
      issues: [{ path: 'notification.to', code: 'required' }],
    });
    expect(f.email.sent).toEqual([{ to: ['a@b.az'], subject: 's', text: 't', html: '<p>t</p>' }]);
  });

  it('sends an SMS through the SmsSender port and rejects a non-E.164 number', async () => {
    // Arrange
    const f = fakes();

    // Act
    const out = await sendNotification(f.deps, {
      idempotencyKey: 'k',
      notification: { channel: 'sms', phone: '+994501234567', text: 'Qərar hazırdır' },
    });
    const bad = sendNotification(f.deps, {
      idempotencyKey: 'k',
      notification: { channel: 'sms', phone: '0501234567', text: 'x' },
    });

    // Assert
    expect(out).toEqual({ channel: 'sms', messageId: 'sms-1' });
    await expect(bad).rejects.toBeInstanceOf(ValidationError);
    expect(f.sms.sent).toEqual([{ phone: '+994501234567', text: 'Qərar hazırdır' }]);
  });
});
