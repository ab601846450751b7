import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../../../functions/platform/kernel/errors';
import { actOnAssignment } from '../../../../../functions/modules/execution/usecases/resolution/commands/act-on-assignment';
import {
  actor,
  assignmentsById,
  endorsementTask,
  executionDeps,
  orderInAgreement,
  TENANT,
} from '../../../../support/execution-deps';
import { journal } from '../../../../support/builders';

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

/** An agreed order whose route waits on the director's signature, in an agency with an order journal. */
function signingWorld(options: { journal?: boolean } = {}) {
  const w = world([]);
  const route = orderInAgreement(['director'], ['sign-director']).route!;
  w.documents.seed({
    documents: [
      orderInAgreement(['director'], ['sign-director'], 'ord-1', {
        status: 'agreed',
        route: { ...route, steps: [{ ...route.steps[0]!, kind: 'signing' }] },
      }),
    ],
    assignments: [{ ...endorsementTask('sign-director', 'director'), kind: 'signing' }],
  });
  if (options.journal !== false)
    w.store.seed('ref:journals', journal('order', { documentKind: 'order', pattern: 'ƏMR-{seq:3}' }));
  return w;
}

describe('deciding a route task', () => {
  it('an endorsement or a signature without the second sign-in factor the agency requires is refused, and nothing changes (issue 18)', async () => {
    // Arrange
    const endorsing = world(['lawyer']);
    const signing = signingWorld();
    const lacking = (who: string) => ({ ...actor(who), mfaMissing: true });

    // Act
    const endorse = actOnAssignment(endorsing.deps, lacking('lawyer'), 'ord-1', 'end-lawyer', 'approve', {
      version: 1,
    });
    const sign = actOnAssignment(signing.deps, lacking('director'), 'ord-1', 'sign-director', 'sign', {
      version: 1,
    });

    // Assert
    await expect(endorse).rejects.toMatchObject({ code: 'mfa_required' });
    await expect(sign).rejects.toMatchObject({ code: 'mfa_required' });
    expect((await tasks(endorsing)).get('end-lawyer')).toMatchObject({ status: 'pending' });
    expect((await tasks(signing)).get('sign-director')).toMatchObject({ status: 'pending' });
  });

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

  it('a signature signs the order and numbers it from its journal in the same commit, as operations/sign does', async () => {
    // Arrange
    const w = signingWorld();
    w.documents.seedCounter(TENANT, 'order', 2026, 6);

    // Act
    const saved = await actOnAssignment(w.deps, actor('director'), 'ord-1', 'sign-director', 'sign', {
      version: 1,
    });

    // Assert
    expect((await tasks(w)).get('sign-director')!.status).toBe('signed');
    expect(saved).toMatchObject({
      status: 'signed',
      order: { signedBy: 'director', signedAt: '2026-03-02T06:00:00.000Z' },
      registration: { journalId: 'order', year: 2026, seq: 7, number: 'ƏMR-007' },
    });
    // One commit wrote the signature, the task and the number: the journal moved by exactly one.
    expect(w.documents.commits).toHaveLength(1);
    expect(w.documents.commits[0]!.numbering).toMatchObject({ journalId: 'order', year: 2026 });
    expect(await w.documents.lastNumber(TENANT, 'order', 2026)).toBe(7);
    const [entry] = (await w.documents.operations(TENANT, 'ord-1', { limit: 5 })).items;
    expect(entry).toMatchObject({ action: 'route-sign' });
    expect(entry!.changes).toContainEqual({ field: 'status', before: 'agreed', after: 'signed' });
  });

  it('a signature refused by a stale version or a missing journal takes no number and changes nothing', async () => {
    // Arrange
    const w = signingWorld();
    const stale = signingWorld();
    stale.documents.beforeCommit = () => {
      throw new ConflictError('stale_version', 'changed meanwhile');
    };
    const without = signingWorld({ journal: false });

    // Act
    const refused = actOnAssignment(stale.deps, actor('director'), 'ord-1', 'sign-director', 'sign', {
      version: 1,
    });
    const noJournal = actOnAssignment(without.deps, actor('director'), 'ord-1', 'sign-director', 'sign', {
      version: 1,
    });

    // Assert
    await expect(refused).rejects.toMatchObject({ code: 'stale_version' });
    await expect(noJournal).rejects.toMatchObject({ code: 'no_journal' });
    expect(await stale.documents.lastNumber(TENANT, 'order', 2026)).toBe(0);
    expect((await without.documents.get(TENANT, 'ord-1'))!.status).toBe('agreed');
    expect((await tasks(without)).get('sign-director')!.status).toBe('pending');
    // The same order signs and numbers fine once nothing stands in the way.
    const signed = await actOnAssignment(w.deps, actor('director'), 'ord-1', 'sign-director', 'sign', {
      version: 1,
    });
    expect(signed.registration).toMatchObject({ seq: 1, number: 'ƏMR-001' });
  });
});
