import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../functions/platform/kernel/errors';
import type { InboxEntry } from '../../../functions/modules/documents/domain/tasks';
import {
  ensureSubstitutionMachine,
  shiftSubstitution,
} from '../../../functions/modules/execution/usecases/substitution.usecase';
import { assignment, documentRecord, substitution, T0 } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

const line = (
  userId: string,
  box: InboxEntry['box'],
  documentId: string,
  assignmentId: string,
  onBehalfOf?: string,
): InboxEntry => ({
  tenantId: 't1',
  userId,
  box,
  documentId,
  assignmentId,
  sortKey: `0#9999-12-31#${documentId}#${assignmentId}`,
  open: true,
  receivedAt: T0,
  status: 'pending',
  ...(onBehalfOf ? { onBehalfOf } : {}),
});

/** The period s1 (version 1) starting or ending. */
const shiftS1 = (deps: ReturnType<typeof memoryDeps>, phase: 'start' | 'end') =>
  shiftSubstitution(deps, { tenantId: 't1', substitutionId: 's1', version: 1, phase });

function world() {
  const deps = memoryDeps('2026-03-09T00:00:00.000Z');
  deps.store.seed('substitution', substitution('s1'));
  deps.documents.seed({
    documents: [
      documentRecord('doc-1', { kind: 'incoming', status: 'in-execution', participants: ['official'] }),
      documentRecord('doc-2', { kind: 'order', status: 'in-agreement', participants: ['deputy'] }),
    ],
    assignments: [
      assignment('a1', {
        documentId: 'doc-1',
        assigneeId: 'official',
        ownerId: 'official',
        dueDate: '2026-03-20',
      }),
      assignment('a2', {
        documentId: 'doc-1',
        kind: 'endorsement',
        assigneeId: 'official',
        ownerId: 'official',
      }),
      assignment('a3', { documentId: 'doc-1', assigneeId: 'official', ownerId: 'official', status: 'done' }),
      assignment('own', {
        documentId: 'doc-2',
        kind: 'endorsement',
        assigneeId: 'deputy',
        ownerId: 'deputy',
      }),
    ],
    inbox: [
      line('official', 'execution', 'doc-1', 'a1'),
      line('official', 'approval', 'doc-1', 'a2'),
      line('official', 'execution', 'doc-1', 'a3'),
      line('deputy', 'approval', 'doc-2', 'own'),
    ],
  });
  return deps;
}

describe('ensureSubstitutionMachine', () => {
  it('starts one execution per version: from the first day 00:00 Baku to the day after the last', async () => {
    // Arrange
    const deps = memoryDeps();

    // Act
    await ensureSubstitutionMachine(deps, substitution('s1', { version: 3 }));
    await ensureSubstitutionMachine(
      deps,
      substitution('s1', { version: 4, active: false, updatedAt: '2026-03-10T08:00:00.000Z' }),
    );

    // Assert
    expect(deps.workflow.started).toEqual([
      {
        machine: 'substitution-period',
        name: 'substitution-s1-v3',
        input: {
          tenantId: 't1',
          substitutionId: 's1',
          version: 3,
          startAt: '2026-03-08T20:00:00.000Z',
          endAt: '2026-03-13T20:00:00.000Z',
        },
      },
      {
        machine: 'substitution-period',
        name: 'substitution-s1-v4',
        input: expect.objectContaining({
          startAt: '2026-03-10T08:00:00.000Z',
          endAt: '2026-03-10T08:00:00.000Z',
        }),
      },
    ]);
  });
});

describe('shiftSubstitution', () => {
  it('moves the official’s open tasks to the substitute in one transaction, lines and log included', async () => {
    // Arrange
    const deps = world();

    // Act
    const out = await shiftS1(deps, 'start');

    // Assert
    expect(out).toEqual({ moved: 2 });
    const tasks = await deps.documents.assignments('t1', 'doc-1');
    expect(tasks.map((a) => [a.id, a.assigneeId, a.ownerId, a.version])).toEqual([
      ['a1', 'deputy', 'official', 2],
      ['a2', 'deputy', 'official', 2],
      ['a3', 'official', 'official', 1],
    ]);
    const lines = deps.documents.allLines('t1').filter((l) => l.documentId === 'doc-1');
    expect(lines.map((l) => [l.userId, l.box, l.assignmentId, l.onBehalfOf])).toEqual([
      ['official', 'execution', 'a3', undefined],
      ['deputy', 'execution', 'a1', 'official'],
      ['deputy', 'mine', '', 'official'],
      ['deputy', 'approval', 'a2', 'official'],
    ]);
    expect((await deps.documents.get('t1', 'doc-1'))?.participants).toEqual(['official', 'deputy']);
    expect((await deps.documents.operations('t1', 'doc-1', { limit: 5 })).items).toEqual([
      expect.objectContaining({
        actorId: 'system',
        onBehalfOf: 'official',
        action: 'substitution-redirect',
        changes: [
          {
            field: 'assignee',
            before: { id: 'a1', holder: 'official' },
            after: { id: 'a1', holder: 'deputy' },
          },
          {
            field: 'assignee',
            before: { id: 'a2', holder: 'official' },
            after: { id: 'a2', holder: 'deputy' },
          },
        ],
      }),
    ]);
    expect(deps.documents.commits).toHaveLength(1);
  });

  it('brings back at the end only the tasks held for the official, not the substitute’s own', async () => {
    // Arrange
    const deps = world();
    await shiftS1(deps, 'start');

    // Act
    const out = await shiftS1(deps, 'end');

    // Assert
    expect(out).toEqual({ moved: 2 });
    expect((await deps.documents.assignments('t1', 'doc-1')).map((a) => a.assigneeId)).toEqual([
      'official',
      'official',
      'official',
    ]);
    expect((await deps.documents.assignments('t1', 'doc-2')).map((a) => a.assigneeId)).toEqual(['deputy']);
    const deputyWork = deps.documents.allLines('t1').filter((l) => l.userId === 'deputy' && l.box !== 'mine');
    expect(deputyWork.map((l) => l.assignmentId)).toEqual(['own']);
    expect((await deps.documents.operations('t1', 'doc-1', { limit: 5 })).items.at(-1)?.action).toBe(
      'substitution-return',
    );
  });

  it('does nothing for an older version of the substitution, or at the start of an inactive one', async () => {
    // Arrange
    const deps = world();
    deps.store.seed('substitution', substitution('s2', { active: false }));

    // Act
    const old = await shiftSubstitution(deps, {
      tenantId: 't1',
      substitutionId: 's1',
      version: 0,
      phase: 'start',
    });
    const inactive = await shiftSubstitution(deps, {
      tenantId: 't1',
      substitutionId: 's2',
      version: 1,
      phase: 'start',
    });
    const gone = await shiftSubstitution(deps, {
      tenantId: 't1',
      substitutionId: 'nope',
      version: 1,
      phase: 'start',
    });

    // Assert
    expect([old, inactive, gone]).toEqual([{ moved: 0 }, { moved: 0 }, { moved: 0 }]);
    expect(deps.documents.commits).toEqual([]);
  });

  it('moves the tasks on the fresh state when the document changed meanwhile, and a second run moves nothing', async () => {
    // Arrange
    const deps = world();
    let races = 1;
    deps.documents.beforeCommit = () => {
      if (races-- > 0) throw new ConflictError('stale_version', 'changed meanwhile');
    };
    const input = { tenantId: 't1', substitutionId: 's1', version: 1, phase: 'start' as const };

    // Act
    const first = await shiftSubstitution(deps, input);
    const second = await shiftSubstitution(deps, input);

    // Assert
    expect(first).toEqual({ moved: 2 });
    expect(second).toEqual({ moved: 0 });
  });

  it('hands a replaced substitute’s tasks for the official to the new one, and brings every holder’s back at the end', async () => {
    // Arrange: deputy held a1 for the official; the substitution now names deputy2 instead.
    const deps = memoryDeps('2026-03-09T00:00:00.000Z');
    deps.store.seed(
      'substitution',
      substitution('s1', { version: 2, substituteId: 'deputy2', formerSubstituteIds: ['deputy'] }),
    );
    deps.documents.seed({
      documents: [
        documentRecord('doc-1', {
          kind: 'incoming',
          status: 'in-execution',
          participants: ['official', 'deputy'],
        }),
      ],
      assignments: [
        assignment('a1', { documentId: 'doc-1', assigneeId: 'deputy', ownerId: 'official' }),
        assignment('a2', {
          documentId: 'doc-1',
          kind: 'endorsement',
          assigneeId: 'official',
          ownerId: 'official',
        }),
        assignment('mine', { documentId: 'doc-1', assigneeId: 'deputy', ownerId: 'deputy' }),
      ],
      inbox: [
        line('deputy', 'execution', 'doc-1', 'a1', 'official'),
        line('official', 'approval', 'doc-1', 'a2'),
        line('deputy', 'execution', 'doc-1', 'mine'),
      ],
    });
    const input = { tenantId: 't1', substitutionId: 's1', version: 2 };

    // Act
    const start = await shiftSubstitution(deps, { ...input, phase: 'start' });
    const holdersDuring = (await deps.documents.assignments('t1', 'doc-1')).map((a) => [a.id, a.assigneeId]);
    const end = await shiftSubstitution(deps, { ...input, phase: 'end' });

    // Assert
    expect(start).toEqual({ moved: 2 });
    expect(holdersDuring).toEqual([
      ['a1', 'deputy2'],
      ['a2', 'deputy2'],
      ['mine', 'deputy'],
    ]);
    expect(end).toEqual({ moved: 2 });
    expect((await deps.documents.assignments('t1', 'doc-1')).map((a) => [a.id, a.assigneeId])).toEqual([
      ['a1', 'official'],
      ['a2', 'official'],
      ['mine', 'deputy'],
    ]);
  });
});

describe('shiftSubstitution: documents waiting for the official’s resolution', () => {
  const awaiting = (userId: string, documentId: string, onBehalfOf?: string): InboxEntry => ({
    ...line(userId, 'awaiting-resolution', documentId, '', onBehalfOf),
    sortKey: `${T0}#${documentId}`,
    status: 'registered',
  });
  function waitingWorld() {
    const deps = memoryDeps('2026-03-09T00:00:00.000Z');
    deps.store.seed('substitution', substitution('s1'));
    deps.documents.seed({
      documents: [
        documentRecord('letter', {
          kind: 'incoming',
          status: 'registered',
          addresseeId: 'official',
          participants: ['clerk', 'official'],
        }),
        // Resolved meanwhile: its stale line stays where it is.
        documentRecord('resolved', {
          kind: 'incoming',
          status: 'in-execution',
          addresseeId: 'official',
          participants: ['official'],
        }),
      ],
      inbox: [awaiting('official', 'letter'), awaiting('official', 'resolved')],
    });
    return deps;
  }
  const waitingLines = (deps: ReturnType<typeof memoryDeps>) =>
    deps.documents
      .allLines('t1')
      .filter((l) => l.box === 'awaiting-resolution')
      .map((l) => [l.userId, l.documentId, l.onBehalfOf ?? null, l.receivedAt])
      .sort((a, b) => String(a[1]).localeCompare(String(b[1])));

  it('the substitute holds the waiting document on the official’s behalf during the period, and it comes back after', async () => {
    // Arrange
    const deps = waitingWorld();

    // Act
    const started = await shiftS1(deps, 'start');
    const during = waitingLines(deps);
    const ended = await shiftS1(deps, 'end');

    // Assert
    expect(started).toEqual({ moved: 1 });
    expect(during).toEqual([
      ['deputy', 'letter', 'official', T0],
      ['official', 'resolved', null, T0],
    ]);
    expect(ended).toEqual({ moved: 1 });
    expect(waitingLines(deps)).toEqual([
      ['official', 'letter', null, T0],
      ['official', 'resolved', null, T0],
    ]);
    const letter = await deps.documents.get('t1', 'letter');
    expect(letter?.participants).toEqual(['clerk', 'official', 'deputy']);
    const log = (await deps.documents.operations('t1', 'letter', { limit: 5 })).items;
    expect(log.map((o) => [o.action, o.changes[0]?.field])).toEqual([
      ['substitution-redirect', 'awaitingResolution'],
      ['substitution-return', 'awaitingResolution'],
    ]);
  });
});
