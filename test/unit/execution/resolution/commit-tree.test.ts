import { describe, expect, it } from 'vitest';
import { commitTree } from '../../../../functions/modules/execution/usecases/resolution/commit-tree';
import {
  actor,
  assignment,
  endorsementTask,
  executionDeps,
  incoming,
  orderInAgreement,
  TENANT,
} from '../../../support/execution-deps';

describe('commitTree', () => {
  it('writes the document, the assignments, their list lines, links and one log entry together', async () => {
    // Arrange
    const w = executionDeps();
    const doc = incoming('doc-1');
    w.documents.seed({ documents: [doc, incoming('reply-1')] });
    const made = assignment('ex-1', {
      assigneeId: 'deputy',
      ownerId: 'ali',
      authorId: 'head',
      controllerId: 'boss',
    });

    // Act
    const saved = await commitTree(w.deps, actor('head', ['head']), {
      doc,
      patch: { status: 'in-execution' },
      assignments: [{ record: made }],
      action: 'resolution',
      changes: [{ field: 'status', before: 'registered', after: 'in-execution' }],
      comment: 'Təcili',
      links: [{ from: 'reply-1', to: 'doc-1', type: 'reply' }],
    });

    // Assert: everyone named on the tasks takes part in the document from now on.
    expect(saved).toMatchObject({
      status: 'in-execution',
      version: 2,
      updatedAt: '2026-03-02T06:00:00.000Z',
    });
    expect(saved.participants).toEqual(['clerk', 'head', 'deputy', 'ali', 'boss']);
    expect(w.documents.commits).toHaveLength(1);
    expect(w.documents.commits[0]).toMatchObject({
      expectedVersion: 1,
      operation: { actorId: 'head', action: 'resolution', comment: 'Təcili' },
      links: [{ from: 'reply-1', to: 'doc-1', type: 'reply' }],
    });
    expect(w.documents.allLines(TENANT).map((l) => [l.userId, l.box])).toEqual([
      ['deputy', 'execution'],
      ['deputy', 'mine'],
    ]);
  });

  it('moves the document’s route on with its tasks, logs the step’s end and tells the machine after the commit', async () => {
    // Arrange
    const w = executionDeps();
    const doc = orderInAgreement(['lawyer'], ['end-1']);
    const task = endorsementTask('end-1', 'lawyer');
    w.documents.seed({ documents: [doc], assignments: [task] });
    const told: number[] = [];
    const commit = w.documents.commit.bind(w.documents);
    w.documents.commit = async (write) => {
      told.push(w.workflow.succeeded.length);
      return commit(write);
    };

    // Act
    const saved = await commitTree(w.deps, actor('lawyer'), {
      doc,
      assignments: [{ record: { ...task, status: 'approved' }, expectedVersion: 1 }],
      action: 'route-approve',
      changes: [],
    });

    // Assert
    expect(saved.status).toBe('agreed');
    expect(w.documents.commits[0]!.operation.changes).toEqual([
      { field: 'status', before: 'in-agreement', after: 'agreed' },
      { field: 'route', after: { step: 0, outcome: 'approved', state: 'completed' } },
    ]);
    expect(told).toEqual([0]);
    expect(w.workflow.succeeded).toHaveLength(1);
  });

  it('leaves the route alone without the approval module', async () => {
    // Arrange
    const w = executionDeps({ approval: false });
    const doc = orderInAgreement(['lawyer'], ['end-1']);
    const task = endorsementTask('end-1', 'lawyer');
    w.documents.seed({ documents: [doc], assignments: [task] });

    // Act
    const saved = await commitTree(w.deps, actor('lawyer'), {
      doc,
      assignments: [{ record: { ...task, status: 'approved' }, expectedVersion: 1 }],
      action: 'route-approve',
      changes: [],
    });

    // Assert
    expect(saved).toMatchObject({ status: 'in-agreement', route: { state: 'running' } });
    expect(w.workflow.succeeded).toEqual([]);
  });
});
