import { describe, expect, it } from 'vitest';
import {
  notifyEmployees,
  type Notice,
} from '../../../functions/modules/notifications/usecases/notify.usecase';
import { documentRecord, employee } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

const doc = documentRecord('doc-1', {
  summary: 'Bina təmiri haqqında',
  registration: { journalId: 'j', year: 2026, seq: 7, number: '7-DX/26', at: '2026-03-02T06:00:00.000Z' },
});
const notice = (overrides: Partial<Notice> = {}): Notice => ({
  tenantId: 't1',
  document: doc,
  kind: 'reminder',
  recipients: ['e1'],
  dueDate: '2026-03-10',
  daysLeft: 3,
  key: 'deadline-res-1:reminder:3',
  ...overrides,
});

describe('notifyEmployees', () => {
  it('e-mails each active recipient once in their language, and logs every message on the document', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.store.seed('employee', employee('e1'));
    deps.store.seed(
      'employee',
      employee('e2', { notifications: { email: true, sms: false, language: 'en' } }),
    );
    deps.store.seed('employee', employee('gone', { active: false }));

    // Act
    const out = await notifyEmployees(deps, notice({ recipients: ['e1', 'e2', 'e1', 'gone'] }));

    // Assert
    expect(out).toEqual({ sent: 2 });
    expect(deps.email.sent.map((m) => [m.to, m.subject])).toEqual([
      [['e1@agency.az'], 'Xatırlatma: 7-DX/26 sənədinin icra müddətinə 3 iş günü qalıb'],
      [['e2@agency.az'], 'Reminder: 3 working day(s) left for 7-DX/26'],
    ]);
    expect(deps.email.sent[0]!.text).toContain('10.03.2026');
    expect(deps.email.sent[0]!.text).toContain(
      'https://edms.example.az/documents/view/?id=doc-1&tab=execution',
    );
    const log = (await deps.documents.operations('t1', 'doc-1', { limit: 10 })).items;
    expect(log.map((o) => [o.action, o.actorId, o.changes[0]?.after])).toEqual([
      [
        'notification',
        'system',
        { kind: 'reminder', channel: 'email', recipientId: 'e1', subject: expect.any(String) },
      ],
      [
        'notification',
        'system',
        { kind: 'reminder', channel: 'email', recipientId: 'e2', subject: expect.any(String) },
      ],
    ]);
  });

  it('sends an SMS to those who chose it and have a phone, and nothing on channels turned off', async () => {
    // Arrange
    const deps = memoryDeps();
    const smsOnly = { email: false, sms: true, language: 'az' as const };
    deps.store.seed('employee', employee('e1', { phone: '+994501234567', notifications: smsOnly }));
    deps.store.seed('employee', employee('e2', { notifications: smsOnly }));

    // Act
    const out = await notifyEmployees(deps, notice({ recipients: ['e1', 'e2'], kind: 'overdue' }));

    // Assert
    expect(out).toEqual({ sent: 1 });
    expect(deps.sms.sent).toEqual([
      { phone: '+994501234567', text: 'Kargüzar: 7-DX/26 sənədinin icra müddəti (10.03.2026) keçib.' },
    ]);
    expect(deps.email.sent).toEqual([]);
  });

  it('skips what a retried call already sent, per recipient and channel', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.store.seed('employee', employee('e1'));
    await notifyEmployees(deps, notice());

    // Act
    const retried = await notifyEmployees(deps, notice());
    const otherEvent = await notifyEmployees(deps, notice({ key: 'deadline-res-1:reminder:1', daysLeft: 1 }));

    // Assert
    expect(retried).toEqual({ sent: 0 });
    expect(otherEvent).toEqual({ sent: 1 });
    expect(deps.email.sent).toHaveLength(2);
  });

  it('names a document without a number by its summary, and links the tab asked for', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.store.seed('employee', employee('e1'));
    const draft = documentRecord('doc-2', { summary: 'Layihə əmri' });

    // Act
    await notifyEmployees(deps, notice({ document: draft, kind: 'new-task', tab: 'route' }));

    // Assert
    expect(deps.email.sent[0]!.subject).toBe('Yeni tapşırıq: Layihə əmri');
    expect(deps.email.sent[0]!.text).toContain('/documents/view/?id=doc-2&tab=route');
  });

  it('sends nothing and records nothing on a channel that is not configured', async () => {
    // Arrange
    const deps = { ...memoryDeps(), email: undefined };
    deps.store.seed('employee', employee('e1'));

    // Act
    const out = await notifyEmployees(deps, notice());

    // Assert
    expect(out).toEqual({ sent: 0 });
    expect(await deps.documents.notificationSent('t1', 'deadline-res-1:reminder:3:e1:email')).toBe(false);
  });
});
