import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../../functions/modules/documents/domain/delivery';
import type { DocumentRecord } from '../../../functions/modules/documents/domain/document';
import {
  checkReceipt,
  ensureReceiptWatch,
  RECEIPT_MACHINE,
  receiptExecutionName,
} from '../../../functions/modules/exchange/usecases/no-receipt.usecase';
import { ConflictError } from '../../../functions/platform/kernel/errors';
import { documentRecord, employee, TENANT } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

// The due time is Thursday 5 March 2026, 00:00 in Baku; the clock starts a minute after it.
const DUE = '2026-03-04T20:00:00.000Z';
const AFTER = '2026-03-04T20:01:00.000Z';

const delivery = (overrides: Partial<Delivery> = {}): Delivery => ({
  id: 'dlv-1',
  dispatchId: 'dsp-1',
  recipientIndex: 0,
  recipientTenantId: 'tenant-b',
  recipientName: 'Nəqliyyat Nazirliyi',
  state: 'delivered',
  receiptDueAt: DUE,
  deliveredAt: '2026-03-02T07:00:00.000Z',
  ...overrides,
});

const letter = (deliveries: Delivery[], overrides: Partial<DocumentRecord> = {}): DocumentRecord =>
  documentRecord('doc-1', {
    kind: 'outgoing',
    status: 'sent',
    summary: 'Məktub',
    authorId: 'author',
    participants: ['author', 'clerk'],
    registration: { number: '12-XM/26' } as DocumentRecord['registration'],
    outgoing: {
      signatoryId: 'head',
      recipients: [],
      dispatches: [
        { id: 'dsp-1', at: '2026-03-02T07:00:00.000Z', by: 'clerk', channel: 'edms', recipients: ['B'] },
      ],
      deliveries,
    },
    ...overrides,
  });

function world(deliveries: Delivery[] = [delivery()], at = AFTER) {
  const deps = memoryDeps(at);
  for (const id of ['author', 'clerk', 'head', 'deputy']) deps.store.seed('employee', employee(id));
  deps.documents.seed({ documents: [letter(deliveries)] });
  return deps;
}

const ref = { tenantId: TENANT, documentId: 'doc-1', deliveryId: 'dlv-1' };

describe('ensureReceiptWatch', () => {
  it('starts one watch per delivery, named after it, waiting until its due time', async () => {
    // Arrange
    const deps = memoryDeps();

    // Act
    await ensureReceiptWatch(deps, TENANT, 'doc-1', delivery());
    await ensureReceiptWatch(deps, TENANT, 'doc-1', delivery());

    // Assert
    expect(deps.workflow.started).toEqual([
      {
        machine: RECEIPT_MACHINE,
        name: 'receipt-dlv-1',
        input: { tenantId: TENANT, documentId: 'doc-1', deliveryId: 'dlv-1', dueAt: DUE },
      },
    ]);
  });

  it('starts nothing for a delivery already answered or already found without receipt', async () => {
    // Arrange
    const deps = memoryDeps();

    // Act
    await ensureReceiptWatch(deps, TENANT, 'doc-1', delivery({ state: 'registered' }));
    await ensureReceiptWatch(deps, TENANT, 'doc-1', delivery({ state: 'refused' }));
    await ensureReceiptWatch(deps, TENANT, 'doc-1', delivery({ noReceipt: { at: AFTER } }));

    // Assert
    expect(deps.workflow.started).toEqual([]);
  });

  it('names executions within Step Functions’ alphabet and length, hashing other ids', () => {
    // Act
    const odd = receiptExecutionName('tenant/a:delivery#1');

    // Assert
    expect(receiptExecutionName('0d6f3c8e-2b7a-4c43-9b8e-4a4f1f2c9d10')).toBe(
      'receipt-0d6f3c8e-2b7a-4c43-9b8e-4a4f1f2c9d10',
    );
    expect(odd).toMatch(/^receipt-[0-9a-f]{64}$/);
    expect(odd.length).toBeLessThanOrEqual(80);
  });
});

describe('checkReceipt', () => {
  it('past the due time without a receipt: noReceipt, the author’s task in their lists, and the notices', async () => {
    // Arrange
    const deps = world();

    // Act
    const out = await checkReceipt(deps, ref);

    // Assert: the delivery is marked, with the task it gave.
    expect(out).toMatchObject({ outcome: 'no-receipt' });
    const doc = (await deps.documents.get(TENANT, 'doc-1'))!;
    expect(doc.version).toBe(2);
    expect(doc.status).toBe('sent');
    const marked = doc.outgoing!.deliveries![0]!;
    expect(marked.noReceipt).toEqual({ at: AFTER, taskId: out.outcome === 'no-receipt' && out.taskId });
    // The task: a system resolution and the author's execution under it, as any task is kept.
    const tree = await deps.documents.assignments(TENANT, 'doc-1');
    const task = tree.find((a) => a.id === marked.noReceipt!.taskId)!;
    const resolution = tree.find((a) => a.id === task.parentId)!;
    expect(resolution).toMatchObject({ kind: 'resolution', authorId: 'system', status: 'open' });
    expect(resolution.controllerId).toBeUndefined();
    expect(task).toMatchObject({
      kind: 'execution',
      role: 'responsible',
      assigneeId: 'author',
      ownerId: 'author',
      status: 'pending',
    });
    const lines = await deps.documents.inbox(TENANT, 'author', 'execution', { order: 'asc', limit: 10 });
    expect(lines.items).toEqual([
      expect.objectContaining({
        documentId: 'doc-1',
        assignmentId: task.id,
        open: true,
        taskKind: 'execution',
      }),
    ]);
    expect((await deps.documents.inbox(TENANT, 'system', 'mine', { order: 'asc', limit: 10 })).items).toEqual(
      [],
    );
    // The log: the finding, then one notice per person told.
    const ops = (await deps.documents.operations(TENANT, 'doc-1', { limit: 20 })).items;
    expect(ops.find((o) => o.action === 'no-receipt')).toMatchObject({
      actorId: 'system',
      changes: [{ field: 'delivery', after: { id: 'dlv-1', recipientName: 'Nəqliyyat Nazirliyi' } }],
    });
    // The author (the task's holder) and the clerk who dispatched it hear of it, in their language.
    expect(deps.email.sent.map((m) => m.to).sort()).toEqual([['author@agency.az'], ['clerk@agency.az']]);
    const mail = deps.email.sent[0]!;
    expect(mail.subject).toBe('Alınma bildirişi gəlməyib: 12-XM/26');
    expect(mail.text).toContain('„Nəqliyyat Nazirliyi”');
    expect(mail.text).toContain('04.03.2026');
    expect(mail.text).toContain('/documents/view/?id=doc-1&tab=execution');
  });

  it('a second run changes nothing and sends nothing again', async () => {
    // Arrange
    const deps = world();
    await checkReceipt(deps, ref);
    const before = await deps.documents.get(TENANT, 'doc-1');
    const tree = await deps.documents.assignments(TENANT, 'doc-1');

    // Act
    const again = await checkReceipt(deps, ref);

    // Assert
    expect(again).toMatchObject({ outcome: 'no-receipt', notified: 0 });
    expect(await deps.documents.get(TENANT, 'doc-1')).toEqual(before);
    expect(await deps.documents.assignments(TENANT, 'doc-1')).toEqual(tree);
    expect(deps.email.sent).toHaveLength(2);
  });

  it('a run that crashed after the commit sends the notices it had not sent', async () => {
    // Arrange: the mail provider is down during the first run (after the commit).
    const deps = world();
    deps.email.failWith = new Error('unreachable');
    await expect(checkReceipt(deps, ref)).rejects.toThrow('unreachable');
    deps.email.failWith = undefined;

    // Act: the machine retries the task.
    const retried = await checkReceipt(deps, ref);

    // Assert: one task, both notices.
    expect(retried).toMatchObject({ outcome: 'no-receipt', notified: 2 });
    expect(
      (await deps.documents.assignments(TENANT, 'doc-1')).filter((a) => a.kind === 'execution'),
    ).toHaveLength(1);
    expect(deps.email.sent).toHaveLength(2);
  });

  it('gives nothing for a delivery the recipient registered or refused', async () => {
    for (const state of ['registered', 'refused'] as const) {
      // Arrange
      const deps = world([delivery({ state })]);

      // Act
      const out = await checkReceipt(deps, ref);

      // Assert
      expect(out).toEqual({ outcome: 'answered', state });
      expect((await deps.documents.get(TENANT, 'doc-1'))!.version).toBe(1);
      expect(await deps.documents.assignments(TENANT, 'doc-1')).toEqual([]);
      expect(deps.email.sent).toEqual([]);
    }
  });

  it('before the due time (a clock behind, a due time moved later) asks the machine to wait until it', async () => {
    // Arrange
    const later = '2026-03-06T20:00:00.000Z';
    const deps = world([delivery({ receiptDueAt: later })]);

    // Act
    const out = await checkReceipt(deps, ref);

    // Assert
    expect(out).toEqual({ outcome: 'not-due', dueAt: later });
    expect((await deps.documents.get(TENANT, 'doc-1'))!.version).toBe(1);
  });

  it('the task goes to the author’s acting substitute, and both hear of it', async () => {
    // Arrange
    const deps = world();
    deps.store.seed(
      'substitution',
      {
        id: 'sub-1',
        tenantId: TENANT,
        version: 1,
        createdAt: AFTER,
        updatedAt: AFTER,
        employeeId: 'author',
        substituteId: 'deputy',
        from: '2026-03-01',
        to: '2026-03-31',
        active: true,
      },
      { parentKey: 'author' },
    );

    // Act
    const out = await checkReceipt(deps, ref);

    // Assert
    const task = (await deps.documents.assignments(TENANT, 'doc-1')).find(
      (a) => out.outcome === 'no-receipt' && a.id === out.taskId,
    );
    expect(task).toMatchObject({ assigneeId: 'deputy', ownerId: 'author' });
    expect(deps.email.sent.map((m) => m.to[0]).sort()).toEqual([
      'author@agency.az',
      'clerk@agency.az',
      'deputy@agency.az',
    ]);
  });

  it('a receipt notice written meanwhile wins: the stale write retries, finds it, and does nothing', async () => {
    // Arrange: the recipient's notice lands between the check's read and its commit.
    const deps = world();
    let raced = false;
    deps.documents.beforeCommit = () => {
      if (raced) return;
      raced = true;
      deps.documents.seed({ documents: [letter([delivery({ state: 'registered' })], { version: 2 })] });
      throw new ConflictError('stale_version', 'stale');
    };

    // Act
    const out = await checkReceipt(deps, ref);

    // Assert
    expect(out).toEqual({ outcome: 'answered', state: 'registered' });
    expect(await deps.documents.assignments(TENANT, 'doc-1')).toEqual([]);
    expect(deps.email.sent).toEqual([]);
  });

  it('finds nothing to do for an unknown document or delivery', async () => {
    // Arrange
    const deps = world();

    // Act / Assert
    expect(await checkReceipt(deps, { ...ref, deliveryId: 'other' })).toEqual({ outcome: 'not-found' });
    expect(await checkReceipt(deps, { ...ref, documentId: 'none' })).toEqual({ outcome: 'not-found' });
  });
});
