import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../../../../functions/platform/kernel/errors';
import {
  actOnAssignment,
  markRead,
} from '../../../../../functions/modules/execution/usecases/resolution/commands/act-on-assignment';
import {
  actor,
  assignment,
  assignmentsById,
  docInExecution,
  incoming,
  TENANT,
} from '../../../../support/execution-deps';

const notice = (overrides = {}) =>
  assignment('info-1', {
    kind: 'information',
    assigneeId: 'reader',
    ownerId: 'reader',
    status: 'unread',
    ...overrides,
  });

function world(...tasks: ReturnType<typeof assignment>[]) {
  return docInExecution(['executor', 'reader'], {}, tasks);
}

describe('actOnAssignment', () => {
  it('marks a notice read, on behalf of its official when a substitute reads it', async () => {
    // Arrange
    const w = world(notice({ assigneeId: 'deputy' }));
    w.documents.seed({
      documents: [
        incoming('doc-1', { status: 'in-execution', participants: ['clerk', 'head', 'reader', 'deputy'] }),
      ],
    });

    // Act
    const saved = await actOnAssignment(w.deps, actor('deputy'), 'doc-1', 'info-1', 'read', { version: 1 });

    // Assert
    expect(saved.version).toBe(2);
    const read = (await assignmentsById(w)).get('info-1')!;
    expect(read).toMatchObject({ status: 'read', version: 2, updatedAt: '2026-03-02T06:00:00.000Z' });
    const [entry] = (await w.documents.operations(TENANT, 'doc-1', { limit: 5 })).items;
    expect(entry).toMatchObject({ action: 'information-read', actorId: 'deputy', onBehalfOf: 'reader' });
  });

  it('refuses an unknown assignment (404) and an action the caller may not take there (409), writing nothing', async () => {
    // Arrange
    const w = world(notice(), assignment('ex-1'));

    // Act
    const missing = actOnAssignment(w.deps, actor('reader'), 'doc-1', 'nope', 'read', { version: 1 });
    const someoneElses = actOnAssignment(w.deps, actor('reader'), 'doc-1', 'ex-1', 'report', {
      version: 1,
      text: 'x',
    });
    const wrongAction = actOnAssignment(w.deps, actor('reader'), 'doc-1', 'info-1', 'accept', { version: 1 });

    // Assert
    await expect(missing).rejects.toBeInstanceOf(NotFoundError);
    await expect(someoneElses).rejects.toMatchObject({ code: 'assignment_action_not_allowed' });
    await expect(wrongAction).rejects.toBeInstanceOf(ConflictError);
    expect(w.documents.commits).toEqual([]);
  });

  it('refuses a stale document version before looking at the assignment', async () => {
    // Arrange
    const w = world(notice());

    // Act
    const stale = actOnAssignment(w.deps, actor('reader'), 'doc-1', 'info-1', 'read', { version: 0 });

    // Assert
    await expect(stale).rejects.toMatchObject({ code: 'stale_version' });
  });

  it('hides the document from someone who does not take part in it', async () => {
    // Arrange
    const w = world(notice());

    // Act
    const stranger = actOnAssignment(w.deps, actor('stranger'), 'doc-1', 'info-1', 'read', { version: 1 });

    // Assert
    await expect(stranger).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('markRead', () => {
  it('reads the document’s current version itself, so a read mark never needs one', async () => {
    // Arrange
    const w = world(notice());
    w.documents.seed({
      documents: [
        incoming('doc-1', {
          version: 5,
          status: 'in-execution',
          participants: ['clerk', 'head', 'executor', 'reader'],
        }),
      ],
    });

    // Act
    const saved = await markRead(w.deps, actor('reader'), 'doc-1', 'info-1');

    // Assert
    expect(saved.version).toBe(6);
  });

  it('tries again on the fresh state when another change got in first', async () => {
    // Arrange: the first commit attempt finds the document changed under it.
    const w = world(notice());
    const commit = w.documents.commit.bind(w.documents);
    let raced = false;
    w.documents.commit = async (write) => {
      if (!raced) {
        raced = true;
        const doc = (await w.documents.get(TENANT, 'doc-1'))!;
        await commit({
          document: { ...doc, summary: 'Dəyişdi' },
          expectedVersion: doc.version,
          operation: { actorId: 'clerk', action: 'update', changes: [] },
        });
      }
      return commit(write);
    };

    // Act
    const saved = await markRead(w.deps, actor('reader'), 'doc-1', 'info-1');

    // Assert
    expect(saved).toMatchObject({ version: 3, summary: 'Dəyişdi' });
  });
});
