import { describe, expect, it } from 'vitest';
import { actOnAssignment } from '../../../../../functions/modules/execution/usecases/resolution/commands/act-on-assignment';
import {
  actor,
  assignmentsById,
  endorsementTask,
  executionDeps,
  orderInAgreement,
  TENANT,
} from '../../../../support/execution-deps';

/** An order in agreement whose route waits on the endorsements of `people`. */
function world(people: string[]) {
  const w = executionDeps();
  const ids = people.map((p) => `end-${p}`);
  w.documents.seed({
    documents: [orderInAgreement(people, ids)],
    assignments: people.map((p, i) => endorsementTask(ids[i]!, p)),
  });
  return w;
}

const tasks = (w: ReturnType<typeof world>) => assignmentsById(w, 'ord-1');

describe('deciding a route task', () => {
  it('the last endorsement ends the step: the order is agreed and the waiting machine hears it after the commit', async () => {
    // Arrange
    const w = world(['lawyer']);

    // Act
    const saved = await actOnAssignment(w.deps, actor('lawyer'), 'ord-1', 'end-lawyer', 'approve', {
      version: 1,
      comment: 'Razıyam',
    });

    // Assert
    expect((await tasks(w)).get('end-lawyer')).toMatchObject({ status: 'approved', comment: 'Razıyam' });
    expect(saved.status).toBe('agreed');
    expect(saved.route).toMatchObject({ state: 'completed', steps: [{ state: 'done' }] });
    const [entry] = (await w.documents.operations(TENANT, 'ord-1', { limit: 5 })).items;
    expect(entry).toMatchObject({ action: 'route-approve', comment: 'Razıyam' });
    expect(entry!.changes).toContainEqual({ field: 'status', before: 'in-agreement', after: 'agreed' });
    expect(w.workflow.succeeded).toEqual([
      { taskToken: 'tok-0', output: { outcome: 'approved', done: true, next: 1, nextKind: 'none' } },
    ]);
  });

  it('one of two parallel endorsements leaves the step waiting, and the machine hears nothing', async () => {
    // Arrange
    const w = world(['lawyer', 'finance']);

    // Act
    const saved = await actOnAssignment(w.deps, actor('finance'), 'ord-1', 'end-finance', 'approve', {
      version: 1,
    });

    // Assert
    expect(saved.status).toBe('in-agreement');
    expect(saved.route!.steps[0]).toMatchObject({ state: 'active' });
    expect(w.workflow.succeeded).toEqual([]);
  });

  it('a rejection needs a reason, withdraws the step’s other open tasks and returns the order to its draft', async () => {
    // Arrange
    const w = world(['lawyer', 'finance']);

    // Act
    const silent = actOnAssignment(w.deps, actor('lawyer'), 'ord-1', 'end-lawyer', 'reject', { version: 1 });
    await expect(silent).rejects.toMatchObject({ code: 'reject_comment_required' });
    const saved = await actOnAssignment(w.deps, actor('lawyer'), 'ord-1', 'end-lawyer', 'reject', {
      version: 1,
      comment: 'Hüquqi əsas yoxdur',
    });

    // Assert
    const t = await tasks(w);
    expect(t.get('end-lawyer')).toMatchObject({ status: 'rejected', comment: 'Hüquqi əsas yoxdur' });
    expect(t.get('end-finance')).toMatchObject({ status: 'withdrawn', closedAt: '2026-03-02T06:00:00.000Z' });
    expect(saved.status).toBe('draft');
    expect(saved.route).toMatchObject({
      state: 'rejected',
      rejection: { by: 'lawyer', comment: 'Hüquqi əsas yoxdur' },
    });
    expect(w.workflow.succeeded.map((s) => s.output)).toEqual([
      { outcome: 'rejected', done: true, next: 1, nextKind: 'none' },
    ]);
  });

  it('a signature is recorded as signed', async () => {
    // Arrange
    const w = world(['director']);
    const doc = (await w.documents.get(TENANT, 'ord-1'))!;
    w.documents.seed({
      documents: [
        {
          ...doc,
          status: 'agreed',
          route: { ...doc.route!, steps: [{ ...doc.route!.steps[0]!, kind: 'signing' }] },
        },
      ],
      assignments: [{ ...endorsementTask('end-director', 'director'), kind: 'signing' }],
    });

    // Act
    const saved = await actOnAssignment(w.deps, actor('director'), 'ord-1', 'end-director', 'sign', {
      version: 1,
    });

    // Assert
    expect((await tasks(w)).get('end-director')!.status).toBe('signed');
    expect(saved).toMatchObject({
      status: 'signed',
      order: { signedBy: 'director', signedAt: '2026-03-02T06:00:00.000Z' },
    });
  });
});
