import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../../../functions/platform/kernel/errors';
import { executionView } from '../../../../../functions/modules/execution/usecases/resolution/queries/execution-view';
import { actor, assignment, executionDeps, incoming, resolution } from '../../../../support/execution-deps';

function world() {
  const w = executionDeps();
  w.documents.seed({
    documents: [
      incoming('doc-1', {
        status: 'in-execution',
        version: 4,
        participants: ['clerk', 'head', 'executor', 'boss'],
      }),
    ],
    assignments: [
      assignment('ex-b', { createdAt: '2026-02-28T08:00:00.000Z' }),
      resolution({ controllerId: 'boss', dueDate: '2026-03-20', createdAt: '2026-02-28T07:00:00.000Z' }),
      assignment('ex-a', { createdAt: '2026-02-28T08:00:00.000Z', assigneeId: 'other', ownerId: 'other' }),
    ],
  });
  return w;
}

describe('executionView', () => {
  it('shows the tree in the order it was written, with what the caller may do on each assignment', async () => {
    // Arrange
    const w = world();

    // Act
    const view = await executionView(w.deps, actor('executor'), 'doc-1');

    // Assert
    expect(view).toMatchObject({
      documentId: 'doc-1',
      documentVersion: 4,
      documentStatus: 'in-execution',
      canResolve: false,
    });
    expect(view.assignments.map((a) => [a.id, a.actions])).toEqual([
      ['res-1', []],
      ['ex-a', []],
      ['ex-b', ['report', 'sub-resolution']],
    ]);
  });

  it('lets the head resolve again and the controller see nothing to accept while the resolution is open', async () => {
    // Arrange
    const w = world();

    // Act
    const asHead = await executionView(w.deps, actor('head', ['head']), 'doc-1');
    const asController = await executionView(w.deps, actor('boss'), 'doc-1');

    // Assert
    expect(asHead.canResolve).toBe(true);
    expect(asController.assignments.find((a) => a.id === 'res-1')!.actions).toEqual([]);
  });

  it('is a 404 for someone who does not take part in the document', async () => {
    // Arrange
    const w = world();

    // Act
    const attempt = executionView(w.deps, actor('stranger'), 'doc-1');

    // Assert
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
  });
});
