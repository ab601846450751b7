import { describe, expect, it } from 'vitest';
import {
  notifyEmployees,
  type Notice,
} from '../../../functions/modules/notifications/usecases/notify.usecase';
import { documentRecord, employee, position, tenant } from '../../support/builders';
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
    deps.store.seed('tenant', tenant({ sms: { enabled: true, monthlyParts: 500 } }));
    const smsOnly = { email: false, sms: true, language: 'az' as const };
    deps.store.seed('employee', employee('e1', { phone: '+994501234567', notifications: smsOnly }));
    deps.store.seed('employee', employee('e2', { notifications: smsOnly }));

    // Act
    const out = await notifyEmployees(deps, notice({ recipients: ['e1', 'e2'], kind: 'overdue' }));

    // Assert
    expect(out).toEqual({ sent: 1 });
    expect(deps.sms.sent).toEqual([
      { phone: '+994501234567', text: '7-DX/26: icra müddəti 10.03.2026 keçib' },
    ]);
    expect(deps.email.sent).toEqual([]);
    expect(await deps.smsBudget.usage('t1', '2026-03')).toEqual({ used: 1 });
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

describe('notifyEmployees: SMS per agency, within its monthly budget', () => {
  const smsOnly = { email: false, sms: true, language: 'az' as const };
  const both = { email: true, sms: true, language: 'az' as const };
  const withPhone = (id: string, notifications = smsOnly) =>
    employee(id, { phone: `+99450123456${id.length}`, email: `${id}@agency.az`, notifications });

  it('sends no SMS when the agency has SMS off (the default): e-mail goes instead', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.store.seed('tenant', tenant());
    deps.store.seed('employee', withPhone('e1'));

    // Act
    const out = await notifyEmployees(deps, notice({ kind: 'overdue' }));

    // Assert
    expect(out).toEqual({ sent: 1 });
    expect(deps.sms.sent).toEqual([]);
    expect(deps.email.sent.map((m) => m.to)).toEqual([['e1@agency.az']]);
    expect(await deps.smsBudget.usage('t1', '2026-03')).toEqual({ used: 0 });
  });

  it('reserves each SMS part before the send; the send that does not fit goes by e-mail, once alerted', async () => {
    // Arrange: a budget of 2 parts; each notice's SMS is one part.
    const deps = memoryDeps();
    deps.store.seed('tenant', tenant({ sms: { enabled: true, monthlyParts: 2 } }));
    deps.store.seed('position', position('p-admin', { roles: ['admin'] }));
    deps.store.seed('employee', withPhone('e1'));
    deps.store.seed('employee', employee('admin', { positionIds: ['p-admin'], email: 'admin@agency.az' }));
    const metrics: string[] = [];
    const counted = { ...deps, metrics: { count: (name: string) => void metrics.push(name) } };

    // Act
    for (const n of [1, 2, 3, 4]) await notifyEmployees(counted, notice({ key: `res-${n}:overdue` }));

    // Assert
    expect(deps.sms.sent).toHaveLength(2);
    expect(deps.email.sent.filter((m) => m.to[0] === 'e1@agency.az')).toHaveLength(2);
    const alerts = deps.email.sent.filter((m) => m.to[0] === 'admin@agency.az');
    expect(alerts.map((m) => m.subject)).toEqual(['SMS limiti bitib: 03.2026']);
    expect(alerts[0]!.text).toContain('(2 hissə)');
    expect(metrics).toEqual(['SmsWithheld', 'SmsWithheld']);
    expect(deps.log.lines.map((l) => l.message)).toEqual(['sms_budget_exceeded']);
    expect(await deps.smsBudget.usage('t1', '2026-03')).toMatchObject({
      used: 2,
      exceededAt: expect.any(String),
    });
  });

  it('counts a retried notice once: its reservation is found by the notice key', async () => {
    // Arrange: the SMS was reserved and sent, and the process died before recording it.
    const deps = memoryDeps();
    deps.store.seed('tenant', tenant({ sms: { enabled: true, monthlyParts: 1 } }));
    deps.store.seed('employee', withPhone('e1'));
    await deps.smsBudget.reserve({
      tenantId: 't1',
      month: '2026-03',
      key: 'deadline-res-1:reminder:3:e1:sms',
      parts: 1,
      limit: 1,
      at: '2026-03-02T06:00:00.000Z',
    });

    // Act
    await notifyEmployees(deps, notice());

    // Assert: sent again (at least once), not counted again, not refused.
    expect(deps.sms.sent).toHaveLength(1);
    expect(deps.email.sent).toEqual([]);
    expect(await deps.smsBudget.usage('t1', '2026-03')).toEqual({ used: 1 });
  });

  it('does not e-mail twice the recipient who has both channels when the SMS is refused', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.store.seed('tenant', tenant({ sms: { enabled: true, monthlyParts: 1 } }));
    deps.store.seed('employee', withPhone('e1', both));

    // Act
    await notifyEmployees(deps, notice({ key: 'a' }));
    await notifyEmployees(deps, notice({ key: 'b' }));

    // Assert
    expect(deps.sms.sent).toHaveLength(1);
    expect(deps.email.sent).toHaveLength(2);
  });

  it('starts counting again in a new Baku month', async () => {
    // Arrange: the budget spent on 31 March; 1 April begins at 20:00 UTC (Baku is UTC+4).
    const deps = memoryDeps('2026-03-31T12:00:00.000Z');
    deps.store.seed('tenant', tenant({ sms: { enabled: true, monthlyParts: 1 } }));
    deps.store.seed('employee', withPhone('e1'));
    await notifyEmployees(deps, notice({ key: 'march' }));

    // Act
    deps.clock.set('2026-03-31T20:30:00.000Z');
    await notifyEmployees(deps, notice({ key: 'april' }));

    // Assert
    expect(deps.sms.sent).toHaveLength(2);
    expect(await deps.smsBudget.usage('t1', '2026-04')).toEqual({ used: 1 });
  });
});
