import { describe, expect, it } from 'vitest';
import { actOnAssignment } from '../../../../../functions/modules/execution/usecases/resolution/commands/act-on-assignment';
import {
  actor,
  assignment,
  assignmentsById,
  docInExecution,
  resolution,
  TENANT,
} from '../../../../support/execution-deps';

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
