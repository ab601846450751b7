import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../functions/platform/kernel/errors';
import type { EmailMessage, EmailSender } from '../../../functions/platform/ports/email.port';
import type { SmsMessage, SmsSender } from '../../../functions/platform/ports/sms.port';
import type { HumanTaskRegistration, TaskInbox } from '../../../functions/modules/notifications/ports';
import { registerHumanTask } from '../../../functions/modules/notifications/usecases/register-human-task.usecase';
import { sendNotification } from '../../../functions/modules/notifications/usecases/send-notification.usecase';

function fakes() {
  const emails: EmailMessage[] = [];
  const smses: SmsMessage[] = [];
  const email: EmailSender = { send: async (m) => (emails.push(m), { messageId: `e${emails.length}` }) };
  const sms: SmsSender = { send: async (m) => (smses.push(m), { messageId: `s${smses.length}` }) };
  return { emails, smses, deps: { email: () => email, sms: () => sms } };
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
    expect(out).toEqual({ channel: 'email', messageId: 'e1' });
    expect(f.emails).toEqual([{ to: ['a@b.az'], subject: 'Müddət', text: 'İcra' }]);
    expect(f.smses).toEqual([]);
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
    expect(out).toEqual({ channel: 'sms', messageId: 's1' });
    await expect(bad).rejects.toBeInstanceOf(ValidationError);
    expect(f.smses).toHaveLength(1);
  });
});

describe('registerHumanTask use case', () => {
  it('records the task token on the assignment through the TaskInbox port', async () => {
    // Arrange
    const recorded: HumanTaskRegistration[] = [];
    const inbox: TaskInbox = {
      record: async (r) => void recorded.push(r),
      get: async (tenantId, assignmentId) =>
        recorded.find((r) => r.tenantId === tenantId && r.assignmentId === assignmentId),
    };
    const registration = {
      tenantId: 't1',
      assignmentId: 'a1',
      assignee: 'u1',
      taskToken: 'tok',
      executionId: 'arn:x',
    };

    // Act
    const out = await registerHumanTask({ inbox: () => inbox }, registration);

    // Assert
    expect(out).toEqual({ registered: true });
    expect(recorded).toEqual([registration]);
  });
});
