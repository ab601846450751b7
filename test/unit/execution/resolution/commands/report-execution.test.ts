import { describe, expect, it } from 'vitest';
import { actOnAssignment } from '../../../../../functions/modules/execution/usecases/resolution/commands/act-on-assignment';
import {
  actor,
  assignment,
  assignmentsById as tree,
  docInExecution,
  incoming,
  TENANT,
} from '../../../../support/execution-deps';

const executor = actor('executor');

function world(options: { controller?: boolean; extra?: ReturnType<typeof assignment>[] } = {}) {
  return docInExecution(
    ['executor'],
    options.controller ? { controllerId: 'boss', dueDate: '2026-03-20' } : {},
    [assignment('ex-1', { role: 'responsible' }), ...(options.extra ?? [])],
    [
      incoming('reply-1', { kind: 'outgoing', status: 'registered', participants: ['executor'] }),
      incoming('hidden', { participants: ['clerk'] }),
    ],
  );
}

describe('reporting and closing an execution assignment', () => {
  it('records a report with its text and reply document, and links the reply to the document', async () => {
    // Arrange
    const w = world();

    // Act
    await actOnAssignment(w.deps, executor, 'doc-1', 'ex-1', 'report', {
      version: 1,
      text: '  Cavab göndərildi ',
      replyDocumentId: 'reply-1',
    });

    // Assert
    const ex = (await tree(w)).get('ex-1')!;
    expect(ex.status).toBe('reported');
    expect(ex.reports).toEqual([
      { at: '2026-03-02T06:00:00.000Z', by: 'executor', text: 'Cavab göndərildi', documentId: 'reply-1' },
    ]);
    expect(await w.documents.links(TENANT, 'doc-1')).toMatchObject([
      { otherId: 'reply-1', type: 'reply', direction: 'in' },
    ]);
    const [entry] = (await w.documents.operations(TENANT, 'doc-1', { limit: 5 })).items;
    expect(entry).toMatchObject({ action: 'execution-report' });
  });

  it('needs the text of what was done, and a reply document the executor may see', async () => {
    // Arrange
    const w = world();

    // Act
    const blank = actOnAssignment(w.deps, executor, 'doc-1', 'ex-1', 'report', { version: 1, text: '   ' });
    const hiddenReply = actOnAssignment(w.deps, executor, 'doc-1', 'ex-1', 'report', {
      version: 1,
      text: 'Hazırdır',
      replyDocumentId: 'hidden',
    });

    // Assert
    await expect(blank).rejects.toMatchObject({ code: 'report_text_required', issues: [{ path: 'text' }] });
    await expect(hiddenReply).rejects.toMatchObject({ issues: [{ path: 'replyDocumentId' }] });
    expect(w.documents.commits).toEqual([]);
  });

  it('closing the responsible assignment of an uncontrolled resolution executes it, and the document with it', async () => {
    // Arrange
    const w = world();

    // Act
    const saved = await actOnAssignment(w.deps, executor, 'doc-1', 'ex-1', 'close', {
      version: 1,
      text: 'İcra olundu',
    });

    // Assert
    const t = await tree(w);
    expect(t.get('ex-1')).toMatchObject({ status: 'done', closedAt: '2026-03-02T06:00:00.000Z' });
    expect(t.get('res-1')).toMatchObject({ status: 'executed', closedAt: '2026-03-02T06:00:00.000Z' });
    expect(saved.status).toBe('executed');
    const [entry] = (await w.documents.operations(TENANT, 'doc-1', { limit: 5 })).items;
    expect(entry!.changes).toContainEqual({ field: 'status', before: 'in-execution', after: 'executed' });
  });

  it('closing an uncontrolled resolution ends its co-executors’ open work with it, in the same log entry', async () => {
    // Arrange
    const w = world({
      extra: [
        assignment('ex-2', { role: 'co-executor', ownerId: 'ali', assigneeId: 'ali' }),
        assignment('ex-3', { role: 'co-executor', ownerId: 'vali', assigneeId: 'vali', status: 'reported' }),
      ],
    });

    // Act
    await actOnAssignment(w.deps, executor, 'doc-1', 'ex-1', 'close', { version: 1, text: 'İcra olundu' });

    // Assert
    const t = await tree(w);
    expect(t.get('res-1')!.status).toBe('executed');
    expect(t.get('ex-2')).toMatchObject({ status: 'withdrawn', closedAt: '2026-03-02T06:00:00.000Z' });
    expect(t.get('ex-3')).toMatchObject({ status: 'done', closedAt: '2026-03-02T06:00:00.000Z' });
    expect(w.documents.allLines(TENANT).find((l) => l.assignmentId === 'ex-2')).toMatchObject({
      userId: 'ali',
      box: 'execution',
      open: false,
      status: 'withdrawn',
    });
    const [entry] = (await w.documents.operations(TENANT, 'doc-1', { limit: 5 })).items;
    expect(entry!.action).toBe('execution-close');
    expect(entry!.changes).toContainEqual({
      field: 'assignment',
      before: { id: 'ex-2', kind: 'execution', status: 'pending' },
      after: { id: 'ex-2', kind: 'execution', status: 'withdrawn' },
    });
  });

  it('closing under a controlled resolution hands it to the controller and leaves the document in execution', async () => {
    // Arrange
    const w = world({ controller: true });

    // Act
    const saved = await actOnAssignment(w.deps, executor, 'doc-1', 'ex-1', 'close', {
      version: 1,
      text: 'Hazırdır',
    });

    // Assert
    expect((await tree(w)).get('res-1')!.status).toBe('closed');
    expect(saved.status).toBe('in-execution');
  });

  it('does not close while a sub-resolution under the assignment is still open', async () => {
    // Arrange
    const w = world({
      extra: [
        assignment('sub-1', {
          kind: 'resolution',
          parentId: 'ex-1',
          assigneeId: 'executor',
          ownerId: 'executor',
          status: 'open',
        }),
      ],
    });

    // Act
    const attempt = actOnAssignment(w.deps, executor, 'doc-1', 'ex-1', 'close', {
      version: 1,
      text: 'Hazırdır',
    });

    // Assert
    await expect(attempt).rejects.toMatchObject({ code: 'subresolutions_open', params: { count: 1 } });
  });
});
