import { describe, expect, it } from 'vitest';
import { actOnAssignment } from '../../../../../functions/modules/execution/usecases/resolution/commands/act-on-assignment';
import {
  actor,
  assignment,
  assignmentsById,
  docInExecution,
  EARLIER,
  resolution,
  TENANT,
} from '../../../../support/execution-deps';
import { linesOfAll } from '../../../../../functions/modules/execution/usecases/common';

const controller = actor('boss');

function world(otherTopResolutionOpen = false) {
  return docInExecution(
    ['executor', 'boss'],
    { controllerId: 'boss', dueDate: '2026-03-20', status: 'closed' },
    [
      assignment('ex-1', { role: 'responsible', status: 'done' }),
      assignment('ex-2', { role: 'co-executor', status: 'reported' }),
      ...(otherTopResolutionOpen ? [resolution({ id: 'res-2', rootId: 'res-2' })] : []),
    ],
  );
}

describe('the controller’s acceptance and return', () => {
  it('accepting the last open resolution executes the document and stops the deadline machine', async () => {
    // Arrange
    const w = world();

    // Act
    const saved = await actOnAssignment(w.deps, controller, 'doc-1', 'res-1', 'accept', {
      version: 1,
      comment: 'Qəbul edildi',
    });

    // Assert
    expect(saved.status).toBe('executed');
    const res = (await assignmentsById(w)).get('res-1')!;
    expect(res).toMatchObject({ status: 'executed', closedAt: '2026-03-02T06:00:00.000Z' });
    expect(w.workflow.stopped).toEqual([
      { executionArn: w.workflow.executionArn('execution-deadline', 'deadline-res-1'), cause: 'executed' },
    ]);
    const [entry] = (await w.documents.operations(TENANT, 'doc-1', { limit: 5 })).items;
    expect(entry).toMatchObject({ action: 'execution-accept', comment: 'Qəbul edildi' });
  });

  it('accepting ends the work still open under the resolution, in the same commit and log entry', async () => {
    // Arrange: a co-executor who never reported (held by a substitute), one who reported, and a
    // sub-resolution of the second co-executor with its own pending executor, under control.
    const w = docInExecution(
      ['executor', 'boss', 'ali', 'deputy', 'vali', 'nur'],
      { controllerId: 'boss', dueDate: '2026-03-20', status: 'closed' },
      [
        assignment('ex-1', { role: 'responsible', status: 'done' }),
        assignment('ex-2', { role: 'co-executor', status: 'pending', ownerId: 'ali', assigneeId: 'deputy' }),
        assignment('ex-3', { role: 'co-executor', status: 'reported', ownerId: 'vali', assigneeId: 'vali' }),
        assignment('sub-1', {
          kind: 'resolution',
          parentId: 'ex-3',
          authorId: 'vali',
          ownerId: 'vali',
          assigneeId: 'vali',
          controllerId: 'vali',
          dueDate: '2026-03-18',
          status: 'open',
        }),
        assignment('ex-4', { parentId: 'sub-1', authorId: 'vali', ownerId: 'nur', assigneeId: 'nur' }),
      ],
    );
    // Their lines as the commits that made them left them: the pending work is open in its lists.
    w.documents.seed({ inbox: linesOfAll(await w.documents.assignments(TENANT, 'doc-1'), EARLIER) });
    const openLines = () =>
      w.documents
        .allLines(TENANT)
        .filter((l) => l.open && l.box !== 'mine')
        .map((l) => `${l.userId}:${l.box}:${l.assignmentId}`)
        .sort();
    expect(openLines()).toEqual([
      'boss:control:res-1',
      'deputy:execution:ex-2',
      'nur:execution:ex-4',
      'vali:control:sub-1',
    ]);

    // Act
    await actOnAssignment(w.deps, controller, 'doc-1', 'res-1', 'accept', { version: 1 });

    // Assert
    const t = await assignmentsById(w);
    const closedAt = '2026-03-02T06:00:00.000Z';
    expect(t.get('res-1')).toMatchObject({ status: 'executed', closedAt });
    expect(t.get('ex-2')).toMatchObject({ status: 'withdrawn', closedAt });
    expect(t.get('ex-3')).toMatchObject({ status: 'done', closedAt });
    expect(t.get('sub-1')).toMatchObject({ status: 'withdrawn', closedAt });
    expect(t.get('ex-4')).toMatchObject({ status: 'withdrawn', closedAt });
    expect(t.get('ex-1')!.status).toBe('done');
    // Nothing of it is left open in anyone's lists.
    expect(openLines()).toEqual([]);
    // One commit, one log entry naming every assignment that ended.
    expect(w.documents.commits).toHaveLength(1);
    const [entry] = (await w.documents.operations(TENANT, 'doc-1', { limit: 5 })).items;
    expect(entry!.action).toBe('execution-accept');
    expect(entry!.changes).toEqual(
      expect.arrayContaining([
        {
          field: 'assignment',
          before: { id: 'ex-2', kind: 'execution', status: 'pending' },
          after: { id: 'ex-2', kind: 'execution', status: 'withdrawn' },
        },
        {
          field: 'assignment',
          before: { id: 'sub-1', kind: 'resolution', status: 'open' },
          after: { id: 'sub-1', kind: 'resolution', status: 'withdrawn' },
        },
      ]),
    );
    // The withdrawn sub-resolution's deadline machine stops with the resolution's.
    expect(w.workflow.stopped.map((s) => s.executionArn)).toEqual([
      w.workflow.executionArn('execution-deadline', 'deadline-res-1'),
      w.workflow.executionArn('execution-deadline', 'deadline-sub-1'),
    ]);
  });

  it('accepting one of two open top resolutions leaves the document in execution', async () => {
    // Arrange
    const w = world(true);

    // Act
    const saved = await actOnAssignment(w.deps, controller, 'doc-1', 'res-1', 'accept', { version: 1 });

    // Assert
    expect(saved.status).toBe('in-execution');
  });

  it('returning reopens the resolution and sends it back to its responsible executor, with the reason', async () => {
    // Arrange
    const w = world();

    // Act
    await actOnAssignment(w.deps, controller, 'doc-1', 'res-1', 'return', {
      version: 1,
      comment: 'Natamamdır',
    });

    // Assert
    const t = await assignmentsById(w);
    expect(t.get('res-1')).toMatchObject({ status: 'open', comment: 'Natamamdır' });
    expect(t.get('ex-1')).toMatchObject({ status: 'returned', comment: 'Natamamdır' });
    expect(t.get('ex-2')!.status).toBe('reported');
    expect(w.workflow.stopped).toEqual([]);
  });

  it('needs a reason to return', async () => {
    // Arrange
    const w = world();

    // Act
    const attempt = actOnAssignment(w.deps, controller, 'doc-1', 'res-1', 'return', {
      version: 1,
      comment: ' ',
    });

    // Assert
    await expect(attempt).rejects.toMatchObject({
      code: 'return_comment_required',
      issues: [{ path: 'comment' }],
    });
  });

  it('only the controller may accept', async () => {
    // Arrange
    const w = world();

    // Act
    const attempt = actOnAssignment(w.deps, actor('head', ['head']), 'doc-1', 'res-1', 'accept', {
      version: 1,
    });

    // Assert
    await expect(attempt).rejects.toMatchObject({ code: 'assignment_action_not_allowed' });
  });
});
