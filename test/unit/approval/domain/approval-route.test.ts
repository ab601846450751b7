import { describe, expect, it } from 'vitest';
import { BusinessRuleError } from '../../../../functions/platform/kernel/errors';
import type { AssignmentRecord } from '../../../../functions/modules/documents/domain/tasks';
import {
  assertStages,
  chooseTemplate,
  executionAuthority,
  operationAfterStep,
  outcomeAfter,
  planSteps,
  progressRoute,
} from '../../../../functions/modules/approval/domain/approval-route';
import {
  type ApprovalRoute,
  type ApprovalStage,
} from '../../../../functions/modules/documents/domain/route-copy';

const person = (employeeId: string) => ({ employeeId });
const stage = (
  kind: ApprovalStage['kind'],
  mode: ApprovalStage['mode'],
  ...people: string[]
): ApprovalStage => ({
  kind,
  mode,
  participants: people.map(person),
});

function codeOf(run: () => void): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof BusinessRuleError) return error.code;
    throw error;
  }
  return undefined;
}

describe('route stages', () => {
  it('accepts endorsements before one signing', () => {
    expect(
      codeOf(() =>
        assertStages(
          [stage('endorsement', 'parallel', 'a', 'b'), stage('signing', 'sequential', 'c')],
          '2026-11-23',
        ),
      ),
    ).toBeUndefined();
  });

  it.each([
    [[], 'route_stage_required'],
    [[stage('endorsement', 'parallel')], 'route_participant_required'],
    [[stage('endorsement', 'parallel', 'a', 'a')], 'route_duplicate_participant'],
    [[stage('signing', 'sequential', 'a'), stage('signing', 'sequential', 'b')], 'route_one_signing'],
    [
      [stage('signing', 'sequential', 'a'), stage('endorsement', 'sequential', 'b')],
      'route_endorse_before_signing',
    ],
    [
      [{ ...stage('endorsement', 'sequential', 'a'), deadlineDays: 2, deadlineDate: '2026-12-01' }],
      'route_one_deadline',
    ],
    [[{ ...stage('endorsement', 'sequential', 'a'), deadlineDate: '2026-11-22' }], 'due_date_in_past'],
    [[stage('execution', 'parallel', 'a')], 'route_instruction_required'],
    [[{ ...stage('execution', 'parallel', 'a'), instruction: '  ' }], 'route_instruction_required'],
    [
      [{ ...stage('endorsement', 'parallel', 'a'), instruction: 'Baxın' }],
      'route_instruction_execution_only',
    ],
  ] as Array<[ApprovalStage[], string]>)('refuses %j with %s', (stages, code) => {
    expect(codeOf(() => assertStages(stages, '2026-11-23'))).toBe(code);
  });

  it('accepts an execution stage with its instruction', () => {
    expect(
      codeOf(() =>
        assertStages([{ ...stage('execution', 'parallel', 'a'), instruction: 'Baxın' }], '2026-11-23'),
      ),
    ).toBeUndefined();
  });

  it('splits a sequential stage into one step per person and keeps a parallel one whole', () => {
    const steps = planSteps(
      [
        stage('endorsement', 'sequential', 'x', 'y'),
        stage('endorsement', 'parallel', 'p', 'q'),
        stage('information', 'sequential', 'i', 'j'),
      ],
      [
        ['a', 'b'],
        ['c', 'd'],
        ['e', 'f'],
      ],
    );
    expect(steps.map((s) => [s.stage, s.employeeIds])).toEqual([
      [0, ['a']],
      [0, ['b']],
      [1, ['c', 'd']],
      [2, ['e', 'f']],
    ]);
  });

  it('chooses the template of the classification, else the one for any classification of the kind', () => {
    const templates = [
      { id: 't1', name: 'any order', kinds: ['order' as const], classificationIds: [], stages: [] },
      { id: 't2', name: 'personnel', kinds: ['order' as const], classificationIds: ['c1'], stages: [] },
      { id: 't3', name: 'incoming', kinds: ['incoming' as const], classificationIds: ['c1'], stages: [] },
    ];
    expect(chooseTemplate(templates, 'order', 'c1')?.id).toBe('t2');
    expect(chooseTemplate(templates, 'order', 'c2')?.id).toBe('t1');
    expect(chooseTemplate(templates, 'incoming', 'c2')).toBeUndefined();
  });
});

describe('route progress', () => {
  const at = '2026-11-23T10:00:00.000Z';
  const task = (id: string, status: AssignmentRecord['status'], routeStep = 0): AssignmentRecord => ({
    tenantId: 't',
    id,
    documentId: 'd',
    kind: 'endorsement',
    rootId: id,
    authorId: 'author',
    assigneeId: id === 'a1' ? 'sub' : 'p2',
    ownerId: id === 'a1' ? 'p1' : 'p2',
    status,
    reports: [],
    version: 2,
    createdAt: at,
    updatedAt: at,
    routeStep,
    ...(status === 'rejected' ? { comment: 'no' } : {}),
  });
  const route = (): ApprovalRoute => ({
    state: 'running',
    round: 1,
    stages: [stage('endorsement', 'parallel', 'p1', 'p2'), stage('signing', 'sequential', 's')],
    steps: [
      {
        stage: 0,
        kind: 'endorsement',
        employeeIds: ['p1', 'p2'],
        state: 'active',
        taskToken: 'token-0',
        assignees: [
          { employeeId: 'p1', assignmentId: 'a1', status: 'pending' },
          { employeeId: 'p2', assignmentId: 'a2', status: 'pending' },
        ],
      },
      { stage: 1, kind: 'signing', employeeIds: ['s'], state: 'waiting', assignees: [] },
    ],
  });

  it('waits for every parallel endorser, then ends the step with the token', () => {
    const half = progressRoute(route(), [task('a1', 'approved')], at);
    expect(half.ended).toBeUndefined();
    expect(half.route.steps[0]!.assignees[0]).toMatchObject({ status: 'approved', decidedBy: 'sub' });
    const done = progressRoute(half.route, [task('a2', 'approved')], at);
    expect(done.ended).toEqual({ step: 0, outcome: 'approved', taskToken: 'token-0' });
    expect(done.route.state).toBe('running');
    expect(outcomeAfter(done.route, 0, 'approved')).toEqual({
      outcome: 'approved',
      done: false,
      next: 1,
      nextKind: 'signing',
    });
    expect(operationAfterStep(done.route, 0, 'approved')).toBe('agree');
  });

  it('ends the route on a rejection, with the comment', () => {
    const out = progressRoute(route(), [task('a2', 'rejected'), task('a1', 'withdrawn')], at, 'Bənd 2');
    expect(out.route.steps[0]!.assignees[0]).toEqual({
      employeeId: 'p1',
      assignmentId: 'a1',
      status: 'withdrawn',
    });
    expect(out.ended?.outcome).toBe('rejected');
    expect(out.route.state).toBe('rejected');
    expect(out.route.rejection).toMatchObject({ by: 'p2', comment: 'Bənd 2' });
    expect(outcomeAfter(out.route, 0, 'rejected').done).toBe(true);
    expect(operationAfterStep(out.route, 0, 'rejected')).toBe('return');
  });

  it('ignores tasks of other steps and routes that are not running', () => {
    expect(progressRoute(route(), [task('a1', 'approved', 1)], at).route.steps[0]!.assignees[0]!.status).toBe(
      'pending',
    );
    const draft = { ...route(), state: 'draft' as const };
    expect(progressRoute(draft, [task('a1', 'approved')], at).route).toBe(draft);
  });

  it('completes the route with its last step and signs', () => {
    const r = route();
    r.steps[0] = { ...r.steps[0]!, state: 'done' };
    r.steps[1] = {
      ...r.steps[1]!,
      state: 'active',
      assignees: [{ employeeId: 's', assignmentId: 'a3', status: 'pending' }],
    };
    const out = progressRoute(r, [{ ...task('a3', 'signed', 1), kind: 'signing' }], at);
    expect(out.route.state).toBe('completed');
    expect(out.route.completedAt).toBe(at);
    expect(operationAfterStep(out.route, 1, 'approved')).toBe('sign');
  });
});

describe('executionAuthority (who gives an execution stage’s resolution)', () => {
  const step = (kind: ApprovalStage['kind'], employeeId: string, status: 'done' | 'signed' | 'pending') => ({
    stage: 0,
    kind,
    employeeIds: [employeeId],
    state: status === 'pending' ? ('active' as const) : ('done' as const),
    assignees: [{ employeeId, assignmentId: `a-${employeeId}`, status, decidedBy: `sub-of-${employeeId}` }],
  });
  const execution = { ...step('execution', 'x', 'pending'), state: 'waiting' as const, assignees: [] };
  const doc = { authorId: 'clerk', addresseeId: 'head' };

  it('is the official of the last deciding step before it, not the substitute who acted', () => {
    // Arrange
    const route = {
      steps: [step('resolution', 'deputy-head', 'done'), step('signing', 'director', 'signed'), execution],
    };

    // Act + Assert
    expect(executionAuthority(doc, route, 2)).toBe('director');
    expect(
      executionAuthority(doc, { steps: [step('resolution', 'deputy-head', 'done'), execution] }, 1),
    ).toBe('deputy-head');
  });

  it('without a deciding step: the addressee, else the signatory, and the route’s author only without either', () => {
    // Arrange
    const route = { steps: [step('endorsement', 'lawyer', 'done'), execution] };

    // Act + Assert
    expect(executionAuthority(doc, route, 1)).toBe('head');
    expect(
      executionAuthority({ authorId: 'clerk', order: { category: 'order', signatoryId: 'boss' } }, route, 1),
    ).toBe('boss');
    expect(executionAuthority({ authorId: 'clerk' }, route, 1)).toBe('clerk');
  });
});
