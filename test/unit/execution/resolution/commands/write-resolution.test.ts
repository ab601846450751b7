import { describe, expect, it } from 'vitest';
import {
  BusinessRuleError,
  ConflictError,
  ForbiddenError,
} from '../../../../../functions/platform/kernel/errors';
import type { InboxEntry } from '../../../../../functions/modules/documents/domain/tasks';
import { writeResolution } from '../../../../../functions/modules/execution/usecases/resolution/commands/write-resolution';
import {
  actor,
  assignment,
  employee,
  executionDeps,
  incoming,
  resolution,
  seedEmployees,
  seedSubstitution,
  TENANT,
} from '../../../../support/execution-deps';

const head = actor('head', ['head']);

/** A document's line in a holder's Dərkənar gözləyənlər, as registration left it. */
const awaitingLine = (userId: string, documentId: string, onBehalfOf?: string): InboxEntry => ({
  tenantId: TENANT,
  userId,
  box: 'awaiting-resolution',
  documentId,
  assignmentId: '',
  sortKey: `2026-03-01T06:00:00.000Z#${documentId}`,
  open: true,
  receivedAt: '2026-03-01T06:00:00.000Z',
  status: 'registered',
  ...(onBehalfOf ? { onBehalfOf } : {}),
});

function world() {
  const w = executionDeps();
  seedEmployees(w.store, employee('ali'), employee('vali'), employee('reader'), employee('boss'));
  return w;
}

/** `official` is away from 1 March to `to`; the deputy stands in. */
function deputyFor(w: ReturnType<typeof world>, official: string, to: string) {
  seedEmployees(w.store, employee('deputy'));
  seedSubstitution(w.store, {
    employeeId: official,
    substituteId: 'deputy',
    from: '2026-03-01',
    to,
    active: true,
  });
}

describe('writeResolution', () => {
  it('puts the document in execution with one resolution, its executors and readers, in one commit', async () => {
    // Arrange
    const w = world();
    w.documents.seed({ documents: [incoming('doc-1')] });

    // Act
    const saved = await writeResolution(w.deps, head, 'doc-1', {
      version: 1,
      text: 'Cavab hazırlayın',
      executors: [{ employeeId: 'ali' }, { employeeId: 'vali', responsible: true }],
      forInformation: ['reader', 'ali'],
    });

    // Assert
    expect(saved).toMatchObject({ status: 'in-execution', version: 2 });
    expect(saved.participants).toEqual(expect.arrayContaining(['head', 'ali', 'vali', 'reader']));
    const tree = await w.documents.assignments(TENANT, 'doc-1');
    const res = tree.find((a) => a.kind === 'resolution')!;
    expect(res).toMatchObject({
      authorId: 'head',
      ownerId: 'head',
      status: 'open',
      text: 'Cavab hazırlayın',
    });
    expect(tree.filter((a) => a.kind === 'execution').map((a) => [a.ownerId, a.role, a.parentId])).toEqual([
      ['ali', 'co-executor', res.id],
      ['vali', 'responsible', res.id],
    ]);
    // An executor named for information too gets no second task.
    expect(tree.filter((a) => a.kind === 'information').map((a) => a.ownerId)).toEqual(['reader']);
    expect(w.documents.commits).toHaveLength(1);
    const log = (await w.documents.operations(TENANT, 'doc-1', { limit: 10 })).items;
    expect(log.map((e) => e.action)).toEqual(['resolution']);
    expect(log[0]!.changes).toContainEqual({ field: 'status', before: 'registered', after: 'in-execution' });
    expect(
      w.documents
        .allLines(TENANT)
        .filter((l) => l.box === 'execution')
        .map((l) => l.userId),
    ).toEqual(expect.arrayContaining(['ali', 'vali']));
    expect(w.workflow.started).toEqual([]);
  });

  it('controls a resolution with a controller and a due date: the document is controlled and its deadline machine starts', async () => {
    // Arrange
    const w = world();
    w.documents.seed({ documents: [incoming('doc-1')] });

    // Act
    const saved = await writeResolution(w.deps, head, 'doc-1', {
      version: 1,
      text: 'Nəzarətdə saxlayın',
      executors: [{ employeeId: 'ali' }],
      controllerId: 'boss',
      dueDate: '2026-03-10',
    });

    // Assert
    expect(saved).toMatchObject({ controlled: true, controllerId: 'boss', dueDate: '2026-03-10' });
    const res = (await w.documents.assignments(TENANT, 'doc-1')).find((a) => a.kind === 'resolution')!;
    expect(w.workflow.started).toEqual([
      {
        machine: 'execution-deadline',
        name: `deadline-${res.id}`,
        input: { tenantId: TENANT, documentId: 'doc-1', assignmentId: res.id, after: res.createdAt },
      },
    ]);
  });

  it('gives a task to the substitute of an official who is away, on behalf of the official', async () => {
    // Arrange
    const w = world();
    deputyFor(w, 'ali', '2026-03-05');
    w.documents.seed({ documents: [incoming('doc-1')] });

    // Act
    await writeResolution(w.deps, head, 'doc-1', {
      version: 1,
      text: 'İcra',
      executors: [{ employeeId: 'ali' }],
    });

    // Assert
    const task = (await w.documents.assignments(TENANT, 'doc-1')).find((a) => a.kind === 'execution')!;
    expect(task).toMatchObject({ ownerId: 'ali', assigneeId: 'deputy' });
  });

  it('writes a sub-resolution under the caller’s own execution assignment, controlled by its author', async () => {
    // Arrange
    const w = world();
    w.documents.seed({
      documents: [incoming('doc-1', { status: 'in-execution', participants: ['clerk', 'head', 'ali'] })],
      assignments: [
        resolution({ dueDate: '2026-03-20' }),
        assignment('ex-1', { assigneeId: 'ali', ownerId: 'ali', role: 'responsible', dueDate: '2026-03-20' }),
      ],
    });

    // Act
    const saved = await writeResolution(w.deps, actor('ali'), 'doc-1', {
      version: 1,
      text: 'Layihəni hazırlayın',
      executors: [{ employeeId: 'vali' }],
      parentId: 'ex-1',
    });

    // Assert: the status stays; the sub-resolution inherits the due date and is controlled by its author.
    expect(saved.status).toBe('in-execution');
    const sub = (await w.documents.assignments(TENANT, 'doc-1')).find(
      (a) => a.kind === 'resolution' && a.parentId === 'ex-1',
    )!;
    expect(sub).toMatchObject({
      authorId: 'ali',
      rootId: 'res-1',
      dueDate: '2026-03-20',
      controllerId: 'ali',
    });
    const log = (await w.documents.operations(TENANT, 'doc-1', { limit: 10 })).items;
    expect(log.map((e) => e.action)).toEqual(['sub-resolution']);
  });

  it('refuses a parent that is not an execution assignment of the caller as an unknown reference', async () => {
    // Arrange
    const w = world();
    w.documents.seed({
      documents: [
        incoming('doc-1', { status: 'in-execution', participants: ['clerk', 'head', 'ali', 'vali'] }),
      ],
      assignments: [resolution(), assignment('ex-1', { assigneeId: 'vali', ownerId: 'vali' })],
    });

    // Act
    const attempt = writeResolution(w.deps, actor('ali'), 'doc-1', {
      version: 1,
      text: 'x',
      executors: [{ employeeId: 'reader' }],
      parentId: 'ex-1',
    });

    // Assert
    await expect(attempt).rejects.toMatchObject({
      code: 'unknown_reference',
      issues: [{ path: 'parentId' }],
    });
    expect(w.documents.commits).toEqual([]);
  });

  it('refuses someone who may not resolve, an unknown executor and a stale version, writing nothing', async () => {
    // Arrange
    const w = world();
    w.documents.seed({ documents: [incoming('doc-1', { participants: ['clerk', 'head', 'ali'] })] });
    const input = { version: 1, text: 'x', executors: [{ employeeId: 'ali' }] };

    // Act
    const notHead = writeResolution(w.deps, actor('ali'), 'doc-1', input);
    const unknownExecutor = writeResolution(w.deps, head, 'doc-1', {
      ...input,
      executors: [{ employeeId: 'nobody' }],
    });
    const stale = writeResolution(w.deps, head, 'doc-1', { ...input, version: 7 });

    // Assert
    await expect(notHead).rejects.toBeInstanceOf(ForbiddenError);
    await expect(unknownExecutor).rejects.toMatchObject({ issues: [{ path: 'executors.0.employeeId' }] });
    await expect(unknownExecutor).rejects.toBeInstanceOf(BusinessRuleError);
    await expect(stale).rejects.toMatchObject({ code: 'stale_version' });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    expect(w.documents.commits).toEqual([]);
  });

  it('ends the caller’s route task “write the resolution” with it', async () => {
    // Arrange: a route's resolution stage gave the deputy head a task; the document is addressed elsewhere.
    const w = world();
    w.documents.seed({
      documents: [incoming('doc-1', { addresseeId: 'boss', participants: ['clerk', 'boss', 'deputy'] })],
      assignments: [
        assignment('task-1', {
          kind: 'task',
          parentId: undefined,
          rootId: 'task-1',
          assigneeId: 'deputy',
          ownerId: 'deputy',
        }),
      ],
    });

    // Act
    await writeResolution(w.deps, actor('deputy'), 'doc-1', {
      version: 1,
      text: 'İcra',
      executors: [{ employeeId: 'ali' }],
    });

    // Assert
    const task = (await w.documents.assignments(TENANT, 'doc-1')).find((a) => a.id === 'task-1')!;
    expect(task).toMatchObject({ status: 'done', closedAt: '2026-03-02T06:00:00.000Z', version: 2 });
  });

  it('takes the document out of the addressee’s Dərkənar gözləyənlər in the resolution’s commit', async () => {
    // Arrange
    const w = world();
    w.documents.seed({
      documents: [incoming('doc-1')],
      inbox: [awaitingLine('head', 'doc-1')],
    });

    // Act
    await writeResolution(w.deps, head, 'doc-1', {
      version: 1,
      text: 'İcra',
      executors: [{ employeeId: 'ali' }],
    });

    // Assert
    expect(w.documents.allLines(TENANT).filter((l) => l.box === 'awaiting-resolution')).toEqual([]);
    expect(w.documents.commits).toHaveLength(1);
    expect(w.documents.commits[0]?.removeInbox).toEqual([
      { userId: 'head', box: 'awaiting-resolution', documentId: 'doc-1', assignmentId: '' },
    ]);
  });

  it('lets the addressee’s acting substitute resolve on the official’s behalf, only while the substitution lasts', async () => {
    // Arrange
    const w = world();
    deputyFor(w, 'boss', '2026-03-02');
    const letter = (id: string) =>
      incoming(id, { addresseeId: 'boss', participants: ['clerk', 'boss', 'deputy'] });
    w.documents.seed({
      documents: [letter('doc-1'), letter('doc-2')],
      inbox: [awaitingLine('deputy', 'doc-1', 'boss'), awaitingLine('deputy', 'doc-2', 'boss')],
    });
    const deputy = actor('deputy', ['executor']);

    // Act
    const saved = await writeResolution(w.deps, deputy, 'doc-1', {
      version: 1,
      text: 'İcra',
      executors: [{ employeeId: 'ali' }],
    });
    w.clock.set('2026-03-03T06:00:00.000Z');
    const after = writeResolution(w.deps, deputy, 'doc-2', {
      version: 1,
      text: 'İcra',
      executors: [{ employeeId: 'ali' }],
    });

    // Assert
    expect(saved.status).toBe('in-execution');
    const log = (await w.documents.operations(TENANT, 'doc-1', { limit: 5 })).items;
    expect(log.at(-1)).toMatchObject({ action: 'resolution', actorId: 'deputy', onBehalfOf: 'boss' });
    expect(
      w.documents
        .allLines(TENANT)
        .filter((l) => l.box === 'awaiting-resolution')
        .map((l) => l.documentId),
    ).toEqual(['doc-2']);
    await expect(after).rejects.toBeInstanceOf(ForbiddenError);
  });
});
