import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../../../functions/platform/kernel/errors';
import { activateStep } from '../../../../../functions/modules/approval/usecases/approval-route/commands/activate-step';
import type {
  ApprovalRoute,
  ApprovalStage,
} from '../../../../../functions/modules/documents/domain/route-copy';
import {
  employee,
  executionDeps,
  incoming,
  orderDraft,
  seedEmployees,
  seedSubstitution,
  TENANT,
} from '../../../../support/execution-deps';

/** A route started for round 1: every stage one step, none reached yet. */
function started(stages: ApprovalStage[], people: string[][]): ApprovalRoute {
  return {
    state: 'running',
    round: 1,
    stages,
    steps: stages.map((s, i) => ({
      stage: i,
      kind: s.kind,
      employeeIds: people[i]!,
      state: 'waiting',
      assignees: [],
    })),
    startedAt: '2026-02-27T08:00:00.000Z',
  };
}

const endorse: ApprovalStage = { kind: 'endorsement', mode: 'parallel', participants: [], deadlineDays: 3 };
const inform: ApprovalStage = { kind: 'information', mode: 'parallel', participants: [] };
const execute: ApprovalStage = {
  kind: 'execution',
  mode: 'parallel',
  participants: [],
  deadlineDate: '2026-03-20',
  instruction: 'Araşdırıb cavab hazırlayın',
};
const activation = (step: number, taskToken = `tok-${step}`) => ({
  tenantId: TENANT,
  documentId: 'ord-1',
  round: 1,
  step,
  taskToken,
});

function world(
  route: ApprovalRoute,
  doc = orderDraft('ord-1', { status: 'in-agreement', participants: ['author'] }),
) {
  const w = executionDeps();
  seedEmployees(w.store, employee('lawyer'), employee('finance'), employee('reader'), employee('deputy'));
  w.documents.seed({ documents: [{ ...doc, route }] });
  return w;
}

describe('activateStep (the route machine reached a step)', () => {
  it('makes the step’s tasks with their working-day deadline and keeps the machine’s token, in one commit', async () => {
    // Arrange: the finance officer is away; the deputy stands in.
    const w = world(started([endorse], [['lawyer', 'finance']]));
    seedSubstitution(w.store, {
      employeeId: 'finance',
      substituteId: 'deputy',
      from: '2026-03-01',
      to: '2026-03-06',
      active: true,
    });

    // Act
    await activateStep(w.deps, activation(0));

    // Assert
    const doc = (await w.documents.get(TENANT, 'ord-1'))!;
    const tasks = await w.documents.assignments(TENANT, 'ord-1');
    expect(tasks.map((t) => [t.kind, t.ownerId, t.assigneeId, t.dueDate, t.routeStep, t.status])).toEqual(
      expect.arrayContaining([
        ['endorsement', 'lawyer', 'lawyer', '2026-03-05', 0, 'pending'],
        ['endorsement', 'finance', 'deputy', '2026-03-05', 0, 'pending'],
      ]),
    );
    expect(doc.route!.steps[0]).toMatchObject({
      state: 'active',
      taskToken: 'tok-0',
      dueDate: '2026-03-05',
      startedAt: '2026-03-02T06:00:00.000Z',
    });
    expect(doc.route!.steps[0]!.assignees.map((a) => [a.employeeId, a.status])).toEqual(
      expect.arrayContaining([
        ['lawyer', 'pending'],
        ['finance', 'pending'],
      ]),
    );
    expect(doc.participants).toEqual(expect.arrayContaining(['author', 'lawyer', 'finance', 'deputy']));
    expect(
      w.documents
        .allLines(TENANT)
        .filter((l) => l.box === 'approval')
        .map((l) => l.userId)
        .sort(),
    ).toEqual(['deputy', 'lawyer']);
    expect(w.documents.commits).toHaveLength(1);
    expect(w.workflow.succeeded).toEqual([]);
  });

  it('run again for an active step (a retried invocation), only keeps the newer token', async () => {
    // Arrange
    const w = world(started([endorse], [['lawyer']]));
    await activateStep(w.deps, activation(0, 'tok-first'));

    // Act
    await activateStep(w.deps, activation(0, 'tok-retry'));

    // Assert
    expect(await w.documents.assignments(TENANT, 'ord-1')).toHaveLength(1);
    expect((await w.documents.get(TENANT, 'ord-1'))!.route!.steps[0]!.taskToken).toBe('tok-retry');
  });

  it('answers at once for a step that already ended, and for a round that is over', async () => {
    // Arrange
    const route = started([endorse, endorse], [['lawyer'], ['finance']]);
    route.steps[0] = { ...route.steps[0]!, state: 'done' };
    const w = world(route);

    // Act
    await activateStep(w.deps, activation(0, 'tok-ended'));
    await activateStep(w.deps, { ...activation(1, 'tok-old-round'), round: 7 });

    // Assert
    expect(w.workflow.succeeded).toEqual([
      {
        taskToken: 'tok-ended',
        output: { outcome: 'approved', done: false, next: 1, nextKind: 'endorsement' },
      },
      { taskToken: 'tok-old-round', output: { outcome: 'rejected', done: true, next: 2, nextKind: 'none' } },
    ]);
    expect(w.documents.commits).toEqual([]);
  });

  it('an information step sends its notices and is done at once; as the last step it completes the route', async () => {
    // Arrange
    const w = world(started([inform], [['reader']]));

    // Act
    await activateStep(w.deps, activation(0));

    // Assert
    const [notice] = await w.documents.assignments(TENANT, 'ord-1');
    expect(notice).toMatchObject({ kind: 'information', ownerId: 'reader', status: 'unread' });
    expect(notice).not.toHaveProperty('dueDate');
    const route = (await w.documents.get(TENANT, 'ord-1'))!.route!;
    expect(route).toMatchObject({ state: 'completed', completedAt: '2026-03-02T06:00:00.000Z' });
    expect(route.steps[0]).toMatchObject({
      state: 'done',
      assignees: [{ employeeId: 'reader', status: 'done' }],
    });
    expect(w.workflow.succeeded).toEqual([
      { taskToken: 'tok-0', output: { outcome: 'approved', done: true, next: 1, nextKind: 'none' } },
    ]);
  });

  it('an execution step is a controlled resolution of the official who decided, with the stage’s instruction as its text', async () => {
    // Arrange: the clerk started the route; the director's resolution step (written by the
    // deputy on the director's behalf) came first, then the execution stage.
    const doc = incoming('ord-1', { authorId: 'clerk', participants: ['clerk'] });
    const route = started(
      [{ kind: 'resolution', mode: 'sequential', participants: [] }, execute],
      [['director'], ['lawyer', 'finance']],
    );
    route.steps[0] = {
      ...route.steps[0]!,
      state: 'done',
      assignees: [{ employeeId: 'director', assignmentId: 't-1', status: 'done', decidedBy: 'deputy' }],
    };
    const w = world(route, doc);

    // Act
    await activateStep(w.deps, activation(1));

    // Assert
    const tasks = await w.documents.assignments(TENANT, 'ord-1');
    const res = tasks.find((t) => t.kind === 'resolution')!;
    expect(res).toMatchObject({
      authorId: 'director',
      ownerId: 'director',
      assigneeId: 'director',
      controllerId: 'director',
      text: 'Araşdırıb cavab hazırlayın',
      dueDate: '2026-03-20',
    });
    expect(res.text).not.toBe(doc.summary);
    expect(tasks.filter((t) => t.kind === 'execution').map((t) => [t.ownerId, t.role, t.authorId])).toEqual(
      expect.arrayContaining([
        ['lawyer', 'responsible', 'director'],
        ['finance', 'co-executor', 'director'],
      ]),
    );
    const saved = (await w.documents.get(TENANT, 'ord-1'))!;
    expect(saved).toMatchObject({
      status: 'in-execution',
      controlled: true,
      controllerId: 'director',
      dueDate: '2026-03-20',
    });
    // The step tracks the resolution; its deadline machine starts; the director controls it.
    expect(saved.route!.steps[1]!.assignees).toEqual([
      { employeeId: 'director', assignmentId: res.id, status: 'pending' },
    ]);
    expect(w.workflow.started.map((s) => s.name)).toEqual([`deadline-${res.id}`]);
    const control = w.documents.allLines(TENANT).filter((l) => l.box === 'control');
    expect(control.map((l) => [l.userId, l.assignmentId, l.open])).toEqual([['director', res.id, true]]);
  });

  it('an execution step with nobody deciding before it is the addressee’s resolution; a stage stored without an instruction gets the standard one', async () => {
    // Arrange
    const doc = incoming('ord-1', {
      authorId: 'clerk',
      addresseeId: 'head',
      participants: ['clerk', 'head'],
    });
    const { instruction: _none, ...old } = execute;
    const w = world(started([old], [['lawyer']]), doc);

    // Act
    await activateStep(w.deps, activation(0));

    // Assert
    const res = (await w.documents.assignments(TENANT, 'ord-1')).find((t) => t.kind === 'resolution')!;
    expect(res).toMatchObject({ authorId: 'head', controllerId: 'head', text: 'İcra üçün' });
  });

  it('fails for a document that does not exist', async () => {
    // Arrange
    const w = executionDeps();

    // Act
    const attempt = activateStep(w.deps, activation(0));

    // Assert
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
  });
});
