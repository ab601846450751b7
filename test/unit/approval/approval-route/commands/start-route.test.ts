import { describe, expect, it } from 'vitest';
import {
  ensureRouteMachine,
  startRoute,
} from '../../../../../functions/modules/approval/usecases/approval-route/commands/start-route';
import type { ApprovalRoute } from '../../../../../functions/modules/documents/domain/route-copy';
import {
  actor,
  employee,
  executionDeps,
  incoming,
  orderDraft,
  seedEmployees,
  TENANT,
} from '../../../../support/execution-deps';

const draft: ApprovalRoute = {
  state: 'draft',
  round: 0,
  stages: [
    {
      kind: 'endorsement',
      mode: 'parallel',
      participants: [{ positionId: 'pos-legal' }, { employeeId: 'finance' }],
    },
    { kind: 'signing', mode: 'sequential', participants: [{ employeeId: 'director' }] },
  ],
  steps: [],
};

function world(route: ApprovalRoute | null = draft) {
  const w = executionDeps();
  seedEmployees(
    w.store,
    employee('lawyer', { positionIds: ['pos-legal'] }),
    employee('old-lawyer', { positionIds: ['pos-legal'], active: false }),
    employee('finance'),
    employee('director'),
  );
  w.documents.seed({ documents: [orderDraft('ord-1', route ? { route } : {})] });
  return w;
}

describe('startRoute', () => {
  it('turns positions into their active holders and stages into steps, submits the order and starts the machine', async () => {
    // Arrange
    const w = world();

    // Act
    const view = await startRoute(w.deps, actor('author'), 'ord-1', { version: 1, comment: 'Baxın' });

    // Assert
    expect(view.route).toMatchObject({
      state: 'running',
      round: 1,
      startedAt: '2026-03-02T06:00:00.000Z',
      steps: [
        { stage: 0, kind: 'endorsement', employeeIds: ['lawyer', 'finance'], state: 'waiting' },
        { stage: 1, kind: 'signing', employeeIds: ['director'], state: 'waiting' },
      ],
    });
    expect(view.actions).toEqual([]);
    const doc = (await w.documents.get(TENANT, 'ord-1'))!;
    expect(doc.status).toBe('in-agreement');
    expect(doc.participants).toEqual(['author', 'lawyer', 'finance', 'director']);
    const [entry] = (await w.documents.operations(TENANT, 'ord-1', { limit: 5 })).items;
    expect(entry).toMatchObject({ action: 'route-start', comment: 'Baxın' });
    expect(w.workflow.started).toEqual([
      {
        machine: 'document-route',
        name: 'route-ord-1-1',
        input: { tenantId: TENANT, documentId: 'ord-1', round: 1, step: 0 },
      },
    ]);
  });

  it('resubmits a rejected route as a new round without the old rejection', async () => {
    // Arrange
    const w = world({
      ...draft,
      state: 'rejected',
      round: 1,
      rejection: { by: 'finance', at: '2026-02-27T08:00:00.000Z', comment: 'Yox' },
    });

    // Act
    const view = await startRoute(w.deps, actor('author'), 'ord-1', { version: 1 });

    // Assert
    expect(view.route).toMatchObject({ state: 'running', round: 2 });
    expect(view.route).not.toHaveProperty('rejection');
    const [entry] = (await w.documents.operations(TENANT, 'ord-1', { limit: 5 })).items;
    expect(entry!.action).toBe('route-resubmit');
    expect(w.workflow.started.map((s) => s.name)).toEqual(['route-ord-1-2']);
  });

  it('refuses a document without a route, and a stage whose positions nobody holds', async () => {
    // Arrange
    const empty = world(null);
    const unstaffed = world({
      ...draft,
      stages: [{ kind: 'endorsement', mode: 'parallel', participants: [{ positionId: 'pos-vacant' }] }],
    });

    // Act
    const noRoute = startRoute(empty.deps, actor('author'), 'ord-1', { version: 1 });
    const nobody = startRoute(unstaffed.deps, actor('author'), 'ord-1', { version: 1 });

    // Assert
    await expect(noRoute).rejects.toMatchObject({ code: 'route_empty' });
    await expect(nobody).rejects.toMatchObject({ code: 'route_stage_unstaffed', params: { stage: 0 } });
    expect([...empty.documents.commits, ...unstaffed.documents.commits]).toEqual([]);
  });

  it('keeps the committed start when the engine is unreachable (the stream consumer starts the machine)', async () => {
    // Arrange
    const w = world();
    w.workflow.start = async () => {
      throw new Error('engine unreachable');
    };

    // Act
    const view = await startRoute(w.deps, actor('author'), 'ord-1', { version: 1 });

    // Assert
    expect(view.route!.state).toBe('running');
    expect((await w.documents.get(TENANT, 'ord-1'))!.route!.state).toBe('running');
  });
});

describe('ensureRouteMachine', () => {
  it('starts a running round’s machine under one name, and nothing for a route that is not running', async () => {
    // Arrange
    const w = executionDeps();
    const running = orderDraft('ord-1', { route: { ...draft, state: 'running', round: 3 } });

    // Act
    await ensureRouteMachine(w.deps, running);
    await ensureRouteMachine(w.deps, running);
    await ensureRouteMachine(w.deps, orderDraft('ord-2', { route: draft }));
    await ensureRouteMachine(w.deps, orderDraft('ord-3'));

    // Assert
    expect(w.workflow.started.map((s) => s.name)).toEqual(['route-ord-1-3']);
  });

  it.each([
    ['a resolution stage', 'resolution', []],
    ['only endorsements', 'endorsement', [['director', 'letter']]],
  ] as const)(
    'an incoming letter’s route with %s: the waiting line leaves only when the route will give the resolution',
    async (_name, kind, left) => {
      // Arrange
      const w = executionDeps();
      seedEmployees(w.store, employee('director'), employee('clerk'));
      const route: ApprovalRoute = {
        state: 'draft',
        round: 0,
        stages: [{ kind, mode: 'sequential', participants: [{ employeeId: 'director' }] }],
        steps: [],
      };
      w.documents.seed({
        documents: [incoming('letter', { addresseeId: 'director', route })],
        inbox: [
          {
            tenantId: TENANT,
            userId: 'director',
            box: 'awaiting-resolution',
            documentId: 'letter',
            assignmentId: '',
            sortKey: '2026-03-01T06:00:00.000Z#letter',
            open: true,
            receivedAt: '2026-03-01T06:00:00.000Z',
            status: 'registered',
          },
        ],
      });

      // Act
      await startRoute(w.deps, actor('clerk', ['clerk']), 'letter', { version: 1 });

      // Assert
      const lines = w.documents.allLines(TENANT).filter((l) => l.box === 'awaiting-resolution');
      expect(lines.map((l) => [l.userId, l.documentId])).toEqual(left);
    },
  );
});
