import { describe, expect, it } from 'vitest';
import {
  bump,
  documentExecuted,
  onBehalf,
  type AssignmentActionContext,
} from '../../../../functions/modules/execution/usecases/resolution/assignment-action';
import { actor, assignment, executionDeps, incoming, resolution } from '../../../support/execution-deps';

describe('the pieces every assignment action shares', () => {
  it('a changed assignment is written at the action’s moment, only over the version that was read', () => {
    // Arrange
    const a = assignment('ex-1', { version: 3 });
    const ctx: AssignmentActionContext = {
      deps: executionDeps().deps,
      actor: actor('executor'),
      documentId: 'doc-1',
      doc: incoming(),
      all: [a],
      a,
      input: { version: 1 },
      now: '2026-03-02T06:00:00.000Z',
    };

    // Act
    const changed = bump(ctx, a, { status: 'reported' });

    // Assert
    expect(changed).toEqual({
      record: { ...a, status: 'reported', updatedAt: '2026-03-02T06:00:00.000Z' },
      expectedVersion: 3,
    });
  });

  it('a substitute acts on behalf of the official; the official on nobody’s', () => {
    // Arrange
    const a = assignment('ex-1', { ownerId: 'official', assigneeId: 'deputy' });

    // Act / Assert
    expect(onBehalf(actor('deputy'), a)).toEqual({ onBehalfOf: 'official' });
    expect(onBehalf(actor('official'), a)).toEqual({});
  });

  it('the document is executed with its last open top resolution, never by a sub-resolution', () => {
    // Arrange
    const doc = incoming('doc-1', { status: 'in-execution' });
    const first = resolution();
    const second = resolution({ id: 'res-2', rootId: 'res-2' });
    const sub = resolution({ id: 'sub-1', parentId: 'ex-1' });

    // Act / Assert
    expect(documentExecuted(doc, [first, second], first)).toBeUndefined();
    expect(documentExecuted(doc, [first, { ...second, status: 'executed' }], first)).toEqual({
      status: 'executed',
    });
    expect(documentExecuted(doc, [first, sub], sub)).toBeUndefined();
  });

  it('a sent outgoing letter keeps its status when its one resolution (a §150 task) is executed', () => {
    // Arrange: outgoing documents have no execution status; the task is done, the letter stays sent.
    const doc = incoming('doc-1', { kind: 'outgoing', status: 'sent' });
    const task = resolution();

    // Act / Assert
    expect(documentExecuted(doc, [task], task)).toBeUndefined();
  });
});
