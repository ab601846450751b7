import { describe, expect, it } from 'vitest';
import {
  actingHolder,
  deadlinePolicy,
  linesOf,
  linesOfAll,
  notifyNewTasks,
} from '../../../functions/modules/execution/usecases/common';
import { defaultDeadlinePolicy } from '../../../functions/modules/org/domain/org';
import { assignment, documentRecord, employee, substitution, T0, tenant } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

const NOW = '2026-03-02T07:00:00.000Z';

describe('actingHolder', () => {
  it('is the substitute while an active substitution covers the date, otherwise the official', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.store.seed('substitution', substitution('s1'), { parentKey: 'official' });
    deps.store.seed(
      'substitution',
      substitution('s2', { from: '2026-04-01', to: '2026-04-03', active: false, substituteId: 'other' }),
      {
        parentKey: 'official',
      },
    );

    // Act + Assert
    expect(await actingHolder(deps, 't1', 'official', '2026-03-09')).toBe('deputy');
    expect(await actingHolder(deps, 't1', 'official', '2026-03-13')).toBe('deputy');
    expect(await actingHolder(deps, 't1', 'official', '2026-03-14')).toBe('official');
    expect(await actingHolder(deps, 't1', 'official', '2026-04-02')).toBe('official');
    expect(await actingHolder(deps, 't1', 'someone', '2026-03-09')).toBe('someone');
  });
});

describe('deadlinePolicy', () => {
  it('is the agency’s own, else the default', async () => {
    // Arrange
    const withPolicy = memoryDeps();
    const policy = { reminderWorkingDays: [5], escalationEveryWorkingDays: 3, notifyHour: 11 };
    withPolicy.store.seed('tenant', tenant({ deadlinePolicy: policy }));

    // Act + Assert
    expect(await deadlinePolicy(withPolicy, 't1')).toEqual(policy);
    expect(await deadlinePolicy(memoryDeps(), 't1')).toEqual(defaultDeadlinePolicy);
  });
});

describe('linesOf', () => {
  it('puts an execution task in the holder’s execution list by due date, on behalf of the official', () => {
    // Act
    const lines = linesOf(
      assignment('a1', { assigneeId: 'deputy', ownerId: 'official', dueDate: '2026-03-20' }),
      NOW,
    );

    // Assert
    expect(lines).toEqual([
      expect.objectContaining({
        userId: 'deputy',
        box: 'execution',
        assignmentId: 'a1',
        sortKey: '0#2026-03-20#doc-1#a1',
        open: true,
        onBehalfOf: 'official',
        receivedAt: T0,
        taskKind: 'execution',
      }),
      expect.objectContaining({
        userId: 'deputy',
        box: 'mine',
        assignmentId: '',
        receivedAt: NOW,
        open: true,
      }),
    ]);
  });

  it('closes a finished task’s line, and sorts it after the open ones', () => {
    // Act
    const [done] = linesOf(assignment('a1', { status: 'done', dueDate: '2026-03-20' }), NOW);
    const [coReported] = linesOf(assignment('a2', { status: 'reported', role: 'co-executor' }), NOW);
    const [responsibleReported] = linesOf(assignment('a3', { status: 'reported', role: 'responsible' }), NOW);

    // Assert
    expect(done).toMatchObject({ open: false, sortKey: '1#2026-03-20#doc-1#a1' });
    expect(coReported?.open).toBe(false);
    expect(responsibleReported?.open).toBe(true);
  });

  it('puts endorsements in the approval list, resolution tasks in execution, notices in information', () => {
    // Act
    const endorsement = linesOf(assignment('e', { kind: 'endorsement' }), NOW)[0];
    const task = linesOf(assignment('t', { kind: 'task' }), NOW)[0];
    const notice = linesOf(assignment('i', { kind: 'information', status: 'read' }), NOW)[0];

    // Assert
    expect(endorsement).toMatchObject({ box: 'approval', open: true });
    expect(task).toMatchObject({ box: 'execution', open: true });
    expect(notice).toMatchObject({ box: 'information', open: false, read: true, sortKey: `${T0}#doc-1#i` });
  });

  it('shows a controlled resolution to its controller until executed, and to its author in Etdiklərim', () => {
    // Act
    const open = linesOf(
      assignment('r', { kind: 'resolution', authorId: 'head', controllerId: 'ctl', status: 'closed' }),
      NOW,
    );
    const executed = linesOf(
      assignment('r', { kind: 'resolution', authorId: 'head', controllerId: 'ctl', status: 'executed' }),
      NOW,
    );
    const uncontrolled = linesOf(assignment('r', { kind: 'resolution', authorId: 'head' }), NOW);

    // Assert
    expect(open.map((l) => [l.userId, l.box, l.open])).toEqual([
      ['head', 'mine', true],
      ['ctl', 'control', true],
    ]);
    expect(executed[1]).toMatchObject({ box: 'control', open: false });
    expect(uncontrolled.map((l) => l.box)).toEqual(['mine']);
  });

  it('keeps one Etdiklərim line per user and document across many tasks', () => {
    // Act
    const lines = linesOfAll([assignment('a1'), assignment('a2')], NOW);

    // Assert
    expect(lines.filter((l) => l.box === 'mine')).toHaveLength(1);
    expect(lines.filter((l) => l.box === 'execution')).toHaveLength(2);
  });
});

describe('notifyNewTasks', () => {
  it('tells the holders of tasks to act on, linking the tab of the task, and survives a lost e-mail', async () => {
    // Arrange
    const deps = memoryDeps();
    for (const id of ['executor', 'approver', 'reader']) deps.store.seed('employee', employee(id));
    const doc = documentRecord('doc-1', { summary: 'Bina təmiri' });

    // Act
    await notifyNewTasks(deps, doc, [
      assignment('a1', { assigneeId: 'executor', dueDate: '2026-03-20' }),
      assignment('a2', { kind: 'endorsement', assigneeId: 'approver' }),
      assignment('a3', { kind: 'information', assigneeId: 'reader' }),
    ]);
    deps.email.failWith = new Error('SES down');
    const failing = notifyNewTasks(deps, doc, [assignment('a4', { assigneeId: 'executor' })]);

    // Assert
    expect(deps.email.sent.map((m) => [m.to[0], m.text.match(/tab=\w+/)?.[0]])).toEqual([
      ['executor@agency.az', 'tab=execution'],
      ['approver@agency.az', 'tab=route'],
    ]);
    expect(deps.email.sent[0]!.subject).toBe('Yeni tapşırıq: Bina təmiri');
    await expect(failing).resolves.toBeUndefined();
  });
});
