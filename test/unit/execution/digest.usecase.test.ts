import { describe, expect, it } from 'vitest';
import {
  ensureDigestMachine,
  listDigestRecipients,
  planDigest,
  sendDigests,
  startDigestDay,
} from '../../../functions/modules/execution/usecases/digest.usecase';
import type { InboxEntry } from '../../../functions/modules/documents/domain/tasks';
import { documentRecord, employee, T0 } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

const wantsDigest = { email: true, sms: false, language: 'az' as const, digest: true };
const line = (overrides: Partial<InboxEntry>): InboxEntry => ({
  tenantId: 't1',
  userId: 'e1',
  box: 'execution',
  documentId: 'doc-1',
  assignmentId: 'a1',
  sortKey: '0#2026-03-01#doc-1#a1',
  open: true,
  receivedAt: T0,
  status: 'pending',
  ...overrides,
});

describe('the digest machine', () => {
  it('starts one execution per agency and year, and none without a workflow engine', async () => {
    // Arrange
    const deps = memoryDeps();

    // Act
    await ensureDigestMachine(deps, 't1', 2026);
    await ensureDigestMachine(deps, 't1', 2026);
    await ensureDigestMachine({}, 't1', 2027);

    // Assert
    expect(deps.workflow.started).toEqual([
      {
        machine: 'daily-digest',
        name: 'digest-t1-2026',
        input: { tenantId: 't1', year: 2026, after: '2026-01-01T00:00:00+04:00' },
      },
    ]);
  });

  it('plans the next working day at 08:00 Baku, never in the past', async () => {
    // Arrange: Monday 2 March 2026, 10:00 Baku; the machine asks from the start of the year.
    const deps = memoryDeps();

    // Act
    const plan = await planDigest(deps, { tenantId: 't1', year: 2026, after: '2026-01-01T00:00:00+04:00' });

    // Assert
    expect(plan).toEqual({ action: 'wait', at: '2026-03-03T04:00:00.000Z' });
  });

  it('skips weekends and holidays: after Friday 6 March comes Tuesday 10 March (9 March is off)', async () => {
    // Arrange
    const deps = memoryDeps('2026-03-06T10:00:00.000Z');

    // Act
    const plan = await planDigest(deps, { tenantId: 't1', year: 2026, after: '2026-03-06T04:00:00.000Z' });

    // Assert
    expect(plan).toEqual({ action: 'wait', at: '2026-03-10T04:00:00.000Z' });
  });

  it('stops at the end of the year and starts the next year’s machine', async () => {
    // Arrange
    const deps = memoryDeps('2026-12-31T10:00:00.000Z');

    // Act
    const plan = await planDigest(deps, { tenantId: 't1', year: 2026, after: '2026-12-31T04:00:00.000Z' });

    // Assert
    expect(plan).toEqual({ action: 'stop' });
    expect(deps.workflow.started.map((s) => s.name)).toEqual(['digest-t1-2027']);
  });

  it('starts the day’s sending apart, once per agency and day', async () => {
    // Arrange
    const deps = memoryDeps();

    // Act
    const out = await startDigestDay(deps, { tenantId: 't1', at: '2026-03-03T04:00:00.000Z' });
    await startDigestDay(deps, { tenantId: 't1', at: '2026-03-03T04:00:00.000Z' });
    const none = await startDigestDay({}, { tenantId: 't1', at: '2026-03-03T04:00:00.000Z' });

    // Assert
    expect(out).toEqual({ started: true });
    expect(none).toEqual({ started: false });
    expect(deps.workflow.started).toEqual([
      {
        machine: 'daily-digest-send',
        name: 'digest-t1-2026-03-03',
        input: { tenantId: 't1', at: '2026-03-03T04:00:00.000Z', cursor: null },
      },
    ]);
  });
});

describe('listDigestRecipients', () => {
  const limits = { batch: 2, recipients: 3, pages: 3, pageSize: 2 };
  function agency() {
    const deps = memoryDeps();
    for (const id of ['e1', 'e2', 'e3', 'e4', 'e5'])
      deps.store.seed('employee', employee(id, { notifications: wantsDigest }));
    deps.store.seed('employee', employee('n1', { notifications: { ...wantsDigest, digest: false } }));
    deps.store.seed('employee', employee('n2', { notifications: wantsDigest, active: false }));
    return deps;
  }

  it('pages through the agency in batches of ids, only those who asked for the digest', async () => {
    // Arrange
    const deps = agency();
    const at = T0;

    // Act
    const pages = [];
    let cursor: string | null = null;
    do {
      const page: { batches: string[][]; cursor: string | null } = await listDigestRecipients(
        deps,
        { tenantId: 't1', at, cursor },
        limits,
      );
      pages.push(page.batches);
      cursor = page.cursor;
    } while (cursor);

    // Assert
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flat().every((b) => b.length >= 1 && b.length <= 2)).toBe(true);
    expect(pages.flat(2).sort()).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
  });

  it('stops after a few pages even when nobody on them asked (the next call goes on)', async () => {
    // Arrange
    const deps = memoryDeps();
    for (let i = 0; i < 10; i++)
      deps.store.seed('employee', employee(`n${i}`, { notifications: { ...wantsDigest, digest: false } }));

    // Act
    const page = await listDigestRecipients(deps, { tenantId: 't1', at: T0, cursor: null }, limits);

    // Assert
    expect(page).toEqual({ batches: [], cursor: expect.any(String) });
  });

  it('lists nobody without an e-mail sender', async () => {
    // Arrange
    const deps = { ...agency(), email: undefined };

    // Act
    const page = await listDigestRecipients(deps, { tenantId: 't1', at: T0, cursor: null }, limits);

    // Assert
    expect(page).toEqual({ batches: [], cursor: null });
  });
});

describe('sendDigests (one batch)', () => {
  const everyone = ['e1', 'e2', 'e3', 'e4', 'e5'];
  function world() {
    const deps = memoryDeps();
    deps.store.seed('employee', employee('e1', { notifications: wantsDigest }));
    deps.store.seed('employee', employee('e2', { notifications: { ...wantsDigest, digest: false } }));
    deps.store.seed('employee', employee('e3', { notifications: { ...wantsDigest, email: false } }));
    deps.store.seed('employee', employee('e4', { notifications: wantsDigest, active: false }));
    deps.store.seed('employee', employee('e5', { notifications: wantsDigest }));
    deps.documents.seed({
      documents: [
        documentRecord('doc-1', {
          summary: 'Bina təmiri',
          registration: { journalId: 'j', year: 2026, seq: 7, number: '7-DX/26', at: T0 },
        }),
        documentRecord('doc-2', { summary: 'Layihə' }),
      ],
      inbox: [
        line({ dueDate: '2026-03-01' }),
        line({
          documentId: 'doc-2',
          assignmentId: 'a2',
          sortKey: '0#2026-03-05#doc-2#a2',
          dueDate: '2026-03-05',
        }),
        line({ assignmentId: 'a3', sortKey: '1#2026-02-01#doc-1#a3', open: false, status: 'done' }),
        line({
          box: 'information',
          documentId: 'doc-2',
          assignmentId: 'i1',
          sortKey: `${T0}#doc-2#i1`,
          status: 'unread',
        }),
        ...['e2', 'e3', 'e4'].map((userId) => line({ userId })),
      ],
    });
    return deps;
  }

  it('e-mails those who asked for it and have something waiting, with counts and overdue lines', async () => {
    // Arrange
    const deps = world();

    // Act
    const out = await sendDigests(deps, { tenantId: 't1', at: T0, employeeIds: everyone });

    // Assert
    expect(out).toEqual({ sent: 1 });
    expect(deps.email.sent).toHaveLength(1);
    expect(deps.email.sent[0]).toMatchObject({
      to: ['e1@agency.az'],
      subject: 'Gündəlik xülasə 02.03.2026: 3 sənəd sizi gözləyir',
    });
    expect(deps.email.sent[0]!.text).toContain('İcraya gələnlər: 2 (MÜDDƏTİ KEÇİB: 1)');
    expect(deps.email.sent[0]!.text).toContain('• 7-DX/26 — Bina təmiri (müddət 01.03.2026, MÜDDƏTİ KEÇİB)');
    expect(deps.email.sent[0]!.text).toContain('Məlumata gələnlər (oxunmamış): 1');
    expect(deps.email.sent[0]!.text).toContain('https://edms.example.az/home/');
  });

  it('sends each employee one digest a day, however often the task runs', async () => {
    // Arrange
    const deps = world();
    await sendDigests(deps, { tenantId: 't1', at: T0, employeeIds: everyone });

    // Act
    const again = await sendDigests(deps, {
      tenantId: 't1',
      at: '2026-03-02T09:00:00.000Z',
      employeeIds: everyone,
    });
    const nextDay = await sendDigests(deps, {
      tenantId: 't1',
      at: '2026-03-03T04:00:00.000Z',
      employeeIds: everyone,
    });

    // Assert
    expect(again).toEqual({ sent: 0 });
    expect(nextDay).toEqual({ sent: 1 });
  });

  it('sends only to the batch, and skips who turned the digest off since the listing', async () => {
    // Arrange
    const deps = world();

    // Act
    const out = await sendDigests(deps, { tenantId: 't1', at: T0, employeeIds: ['e2', 'e5', 'gone'] });
    const e1Only = await sendDigests(deps, { tenantId: 't1', at: T0, employeeIds: ['e1'] });

    // Assert
    expect(out).toEqual({ sent: 0 });
    expect(e1Only).toEqual({ sent: 1 });
  });

  it('sends nothing without an e-mail sender', async () => {
    // Arrange
    const deps = { ...world(), email: undefined };

    // Act
    const out = await sendDigests(deps, { tenantId: 't1', at: T0, employeeIds: everyone });

    // Assert
    expect(out).toEqual({ sent: 0 });
  });
});
