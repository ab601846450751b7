import { describe, expect, it } from 'vitest';
import { notifyDeadline, planDeadline } from '../../../functions/modules/execution/usecases/deadline.usecase';
import type { AssignmentRecord } from '../../../functions/modules/documents/domain/tasks';
import { assignment, documentRecord, employee, tenant } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

const ref = { tenantId: 't1', documentId: 'doc-1', assignmentId: 'res-1' };
const resolution = (overrides: Partial<AssignmentRecord> = {}) =>
  assignment('res-1', {
    kind: 'resolution',
    parentId: undefined,
    authorId: 'head',
    assigneeId: 'head',
    ownerId: 'head',
    status: 'open',
    controllerId: 'controller',
    dueDate: '2026-03-13',
    ...overrides,
  });

function world(res: AssignmentRecord = resolution()) {
  const deps = memoryDeps();
  for (const id of ['head', 'controller', 'resp', 'co-reported', 'co-pending', 'done'])
    deps.store.seed('employee', employee(id));
  deps.documents.seed({
    documents: [documentRecord('doc-1', { kind: 'incoming', status: 'in-execution', summary: 'Təmir' })],
    assignments: [
      res,
      assignment('a1', { assigneeId: 'resp', ownerId: 'resp', role: 'responsible', status: 'reported' }),
      assignment('a2', {
        assigneeId: 'co-reported',
        ownerId: 'co-reported',
        role: 'co-executor',
        status: 'reported',
      }),
      assignment('a3', {
        assigneeId: 'co-pending',
        ownerId: 'co-pending',
        role: 'co-executor',
        status: 'pending',
      }),
      assignment('a4', { assigneeId: 'done', ownerId: 'done', role: 'co-executor', status: 'done' }),
    ],
  });
  return deps;
}

describe('planDeadline', () => {
  it('waits for the first reminder of the agency’s policy, at its hour in Baku', async () => {
    // Arrange
    const deps = world();
    deps.store.seed(
      'tenant',
      tenant({ deadlinePolicy: { reminderWorkingDays: [2], escalationEveryWorkingDays: 2, notifyHour: 10 } }),
    );

    // Act
    const plan = await planDeadline(deps, { ...ref, after: '2026-03-02T06:00:00.000Z' });

    // Assert: two working days before Friday 13 March is Wednesday 11 March.
    expect(plan).toEqual({
      action: 'wait',
      at: '2026-03-11T06:00:00.000Z',
      event: { kind: 'reminder', at: '2026-03-11T06:00:00.000Z', n: 2 },
    });
  });

  it('follows the agency’s calendar edits and the current due date', async () => {
    // Arrange
    const deps = world(resolution({ dueDate: '2026-04-10' }));
    await deps.store.create(
      'calendar',
      {
        id: 'working-calendar',
        tenantId: 't1',
        version: 1,
        createdAt: '',
        updatedAt: '',
        days: [{ date: '2026-04-08', kind: 'day-off' }],
      },
      { actorId: 'admin', sortKey: 'working-calendar' },
    );

    // Act
    const plan = await planDeadline(deps, { ...ref, after: '2026-03-02T06:00:00.000Z' });

    // Assert: 3 working days before Friday 10 April, with Wednesday 8 April made a day off, is
    // Monday 6 April (Tuesday 7 April without the edit).
    expect(plan).toMatchObject({
      action: 'wait',
      event: { kind: 'reminder', n: 3, at: '2026-04-06T05:00:00.000Z' },
    });
  });

  it('stops once the resolution is executed, gone, or not controlled', async () => {
    // Arrange
    const executed = world(resolution({ status: 'executed' }));
    const uncontrolled = world(resolution({ controllerId: undefined }));
    const after = '2026-03-02T06:00:00.000Z';

    // Act + Assert
    expect(await planDeadline(executed, { ...ref, after })).toEqual({ action: 'stop', reason: 'executed' });
    expect(await planDeadline(uncontrolled, { ...ref, after })).toEqual({
      action: 'stop',
      reason: 'not-controlled',
    });
    expect(await planDeadline(executed, { ...ref, assignmentId: 'a1', after })).toEqual({
      action: 'stop',
      reason: 'not-found',
    });
  });
});

describe('notifyDeadline', () => {
  const recipientsOf = (deps: ReturnType<typeof world>) => deps.email.sent.map((m) => m.to[0]);

  it('reminds only the executors still working', async () => {
    // Arrange
    const deps = world();

    // Act
    const out = await notifyDeadline(deps, {
      ...ref,
      executionId: 'exec-1',
      event: { kind: 'reminder', at: '', n: 3 },
    });

    // Assert
    expect(out).toEqual({ sent: 2 });
    expect(recipientsOf(deps)).toEqual(['resp@agency.az', 'co-pending@agency.az']);
    expect(deps.email.sent[0]!.subject).toContain('3 iş günü');
  });

  it('tells the executors still working and the controller when overdue, the controller and author on escalation', async () => {
    // Arrange
    const overdue = world();
    const escalation = world();

    // Act
    await notifyDeadline(overdue, {
      ...ref,
      executionId: 'exec-1',
      event: { kind: 'overdue', at: '', n: 0 },
    });
    await notifyDeadline(escalation, {
      ...ref,
      executionId: 'exec-1',
      event: { kind: 'escalation', at: '', n: 2 },
    });

    // Assert
    expect(recipientsOf(overdue)).toEqual(['resp@agency.az', 'co-pending@agency.az', 'controller@agency.az']);
    expect(recipientsOf(escalation)).toEqual(['controller@agency.az', 'head@agency.az']);
    expect(escalation.email.sent[0]!.subject).toContain('2-ci xəbərdarlıq');
  });

  it('sends one event once when the task runs again, and nothing for an executed resolution', async () => {
    // Arrange
    const deps = world();
    const input = { ...ref, executionId: 'exec-1', event: { kind: 'reminder' as const, at: '', n: 1 } };
    await notifyDeadline(deps, input);
    const executed = world(resolution({ status: 'executed' }));

    // Act
    const again = await notifyDeadline(deps, input);
    const none = await notifyDeadline(executed, input);

    // Assert
    expect(again).toEqual({ sent: 0 });
    expect(none).toEqual({ sent: 0, skipped: 'executed' });
    expect(executed.email.sent).toEqual([]);
  });
});
