import { describe, expect, it } from 'vitest';
import {
  approvalProgress,
  routeExecutionName,
  signalStep,
  stepOperation,
} from '../../../functions/modules/approval/usecases/approval-progress';
import type { DocumentRecord } from '../../../functions/modules/documents/domain/document';
import type { ApprovalRoute, ApprovalStep } from '../../../functions/modules/documents/domain/route-copy';
import { assignment, documentRecord } from '../../support/builders';
import { MemoryWorkflowEngine } from '../../support/fakes/workflow';

const NOW = '2026-03-02T08:00:00.000Z';

const endorsement = (overrides: Partial<ApprovalStep> = {}): ApprovalStep => ({
  stage: 0,
  kind: 'endorsement',
  employeeIds: ['e1', 'e2'],
  state: 'active',
  taskToken: 'tok-0',
  assignees: [
    { employeeId: 'e1', assignmentId: 'a1', status: 'pending' },
    { employeeId: 'e2', assignmentId: 'a2', status: 'pending' },
  ],
  ...overrides,
});
const signing = (overrides: Partial<ApprovalStep> = {}): ApprovalStep => ({
  stage: 1,
  kind: 'signing',
  employeeIds: ['signer'],
  state: 'waiting',
  assignees: [],
  ...overrides,
});
const route = (steps: ApprovalStep[], overrides: Partial<ApprovalRoute> = {}): ApprovalRoute => ({
  state: 'running',
  round: 1,
  stages: [
    { kind: 'endorsement', mode: 'parallel', participants: [{ employeeId: 'e1' }, { employeeId: 'e2' }] },
    { kind: 'signing', mode: 'sequential', participants: [{ employeeId: 'signer' }] },
  ],
  steps,
  ...overrides,
});
const order = (status: string, r: ApprovalRoute, overrides: Partial<DocumentRecord> = {}) =>
  documentRecord('decree', {
    kind: 'order',
    status,
    order: { category: 'order' },
    internal: undefined,
    route: r,
    ...overrides,
  });

describe('stepOperation', () => {
  it('names the agreement after an order’s last endorsement and the signature after the signing step', () => {
    // Arrange
    const r = route([endorsement({ state: 'done' }), signing({ state: 'done' })]);

    // Act
    const agreed = stepOperation(order('in-agreement', r), 0, 'approved');
    const signed = stepOperation(order('agreed', r), 1, 'approved');

    // Assert: the operation only; the documents module applies it (numbering included).
    expect(agreed).toBe('agree');
    expect(signed).toBe('sign');
  });

  it('signs an internal document, and returns a rejected order to its draft', () => {
    // Arrange
    const r = route([endorsement({ state: 'done' }), signing({ state: 'rejected' })]);
    const memo = documentRecord('memo', { kind: 'internal', status: 'registered', internal: {}, route: r });

    // Act
    const signed = stepOperation(memo, 1, 'approved');
    const returned = stepOperation(order('agreed', r), 1, 'rejected');

    // Assert
    expect(signed).toBe('sign');
    expect(returned).toBe('return');
  });

  it('names none when an endorsement follows, or when the status does not allow the operation', () => {
    // Arrange
    const twoEndorsements = route([
      endorsement({ state: 'done' }),
      endorsement({ stage: 1, state: 'waiting' }),
      signing({ stage: 2 }),
    ]);
    const draft = order('draft', route([endorsement({ state: 'done' }), signing()]));

    // Act
    const notLast = stepOperation(order('in-agreement', twoEndorsements), 0, 'approved');
    const notAllowed = stepOperation(draft, 0, 'approved');

    // Assert
    expect(notLast).toBeUndefined();
    expect(notAllowed).toBeUndefined();
  });
});

describe('signalStep', () => {
  it('tells the waiting machine how an ended step came out, and what comes next', async () => {
    // Arrange
    const workflow = new MemoryWorkflowEngine();
    const done = order('agreed', route([endorsement({ state: 'done' }), signing()]));
    const rejected = order(
      'draft',
      route([endorsement({ state: 'rejected', taskToken: 'tok-r' }), signing()]),
    );

    // Act
    await signalStep({ workflow }, done, 0);
    await signalStep({ workflow }, rejected, 0);

    // Assert
    expect(workflow.succeeded).toEqual([
      { taskToken: 'tok-0', output: { outcome: 'approved', done: false, next: 1, nextKind: 'signing' } },
      { taskToken: 'tok-r', output: { outcome: 'rejected', done: true, next: 1, nextKind: 'signing' } },
    ]);
  });

  it('says nothing for a step still running, without a token, or without a workflow engine', async () => {
    // Arrange
    const workflow = new MemoryWorkflowEngine();

    // Act
    await signalStep({ workflow }, order('in-agreement', route([endorsement(), signing()])), 0);
    await signalStep(
      { workflow },
      order('agreed', route([endorsement({ state: 'done', taskToken: undefined }), signing()])),
      0,
    );
    await signalStep({}, order('agreed', route([endorsement({ state: 'done' }), signing()])), 0);

    // Assert
    expect(workflow.succeeded).toEqual([]);
  });

  it('takes a token already used as done, and fails a strict caller only when the engine is unreachable', async () => {
    // Arrange
    const workflow = new MemoryWorkflowEngine();
    const doc = order('agreed', route([endorsement({ state: 'done' }), signing()]));

    // Act
    workflow.failTokens.set('tok-0', 'TaskDoesNotExist');
    const settled = signalStep({ workflow }, doc, 0, { strict: true });
    workflow.failTokens.set('tok-0', 'ServiceUnavailable');
    const lenient = signalStep({ workflow }, doc, 0);
    const strict = signalStep({ workflow }, doc, 0, { strict: true });

    // Assert
    await expect(settled).resolves.toBeUndefined();
    await expect(lenient).resolves.toBeUndefined();
    await expect(strict).rejects.toMatchObject({ name: 'ServiceUnavailable' });
  });
});

describe('approvalProgress', () => {
  it('moves the active step on with each decided task and applies the operation when the step ends', () => {
    // Arrange
    const progress = approvalProgress({});
    const doc = order('in-agreement', route([endorsement(), signing()]), {
      participants: ['author', 'e1', 'e2'],
    });
    const approvedBy = (id: string, assigneeId: string) =>
      assignment(id, {
        kind: 'endorsement',
        status: 'approved',
        assigneeId,
        ownerId: assigneeId,
        routeStep: 0,
      });

    // Act
    const half = progress.afterTasks(doc, [approvedBy('a1', 'e1')], NOW);
    const whole = progress.afterTasks(half!.document, [approvedBy('a2', 'e2')], NOW);

    // Assert
    expect(half?.ended).toBeUndefined();
    expect(half?.document.route?.steps[0]?.assignees[0]).toMatchObject({
      status: 'approved',
      decidedAt: NOW,
      decidedBy: 'e1',
    });
    expect(half?.document.status).toBe('in-agreement');
    expect(whole?.ended).toEqual({ step: 0, outcome: 'approved', state: 'running', operation: 'agree' });
    // The operation is the caller's to apply (through the documents module).
    expect(whole?.document.status).toBe('in-agreement');
  });

  it('answers undefined when nothing on the route moved', () => {
    // Arrange
    const progress = approvalProgress({});
    const unrelated = assignment('x', { kind: 'execution', status: 'done' });

    // Act + Assert
    expect(progress.afterTasks(documentRecord('plain'), [unrelated], NOW)).toBeUndefined();
    expect(
      progress.afterTasks(order('in-agreement', route([endorsement(), signing()])), [unrelated], NOW),
    ).toBeUndefined();
  });

  it('signals through the workflow engine it was given, and names one execution per round', async () => {
    // Arrange
    const workflow = new MemoryWorkflowEngine();

    // Act
    await approvalProgress({ workflow }).signal(
      order('agreed', route([endorsement({ state: 'done' }), signing()])),
      0,
    );

    // Assert
    expect(workflow.succeeded.map((s) => s.taskToken)).toEqual(['tok-0']);
    expect(routeExecutionName('decree', 2)).toBe('route-decree-2');
  });
});
