import { describe, expect, it } from 'vitest';
import { awaitsResolution } from '../../../functions/modules/documents/domain/awaiting';
import {
  createDocument,
  updateDocument,
} from '../../../functions/modules/documents/usecases/register.usecase';
import {
  groupUpdate,
  performOperation,
} from '../../../functions/modules/documents/usecases/operations.usecase';
import { documentRecord, employee, substitution } from '../../support/builders';
import { clerk, documentsWorld, head, incoming, internal } from './world';

// Documents addressed to a person: Dərkənar gözləyənlər from registration until the resolution,
// held by the substitute while one acts, and Etdiklərim from registration on.
const waiting = (deps: ReturnType<typeof documentsWorld>) =>
  deps.documents
    .allLines('t1')
    .filter((l) => l.box === 'awaiting-resolution')
    .map((l) => [l.userId, l.documentId, l.onBehalfOf ?? null]);

/** Whose Etdiklərim holds a line. */
const mineOf = (deps: ReturnType<typeof documentsWorld>) =>
  deps.documents
    .allLines('t1')
    .filter((l) => l.box === 'mine')
    .map((l) => l.userId)
    .sort();

/** The head is away from `from` to `to`; the deputy stands in. */
function headAway(deps: ReturnType<typeof documentsWorld>, from: string, to: string) {
  deps.store.seed('employee', employee('deputy'));
  deps.store.seed(
    'substitution',
    substitution('s1', { employeeId: 'head', substituteId: 'deputy', from, to }),
    {
      parentKey: 'head',
    },
  );
}

describe('registration puts the document in its addressee’s lists', () => {
  it('an incoming letter to the head waits in the head’s list and enters the head’s Etdiklərim, in the registration commit', async () => {
    // Arrange
    const deps = documentsWorld();

    // Act
    const doc = await createDocument(deps, clerk, 'incoming', incoming({ addresseeId: 'head' }));

    // Assert
    expect(waiting(deps)).toEqual([['head', doc.id, null]]);
    const mine = deps.documents.allLines('t1').filter((l) => l.box === 'mine');
    expect(mine.map((l) => [l.userId, l.documentId, l.open])).toEqual([['head', doc.id, true]]);
    expect(deps.documents.commits).toHaveLength(1);
    const page = await deps.documents.inbox('t1', 'head', 'awaiting-resolution', { order: 'asc', limit: 10 });
    expect(page.items[0]).toMatchObject({ status: 'registered', receivedAt: '2026-03-02T06:00:00.000Z' });
  });

  it('a letter with no addressee waits in nobody’s list', async () => {
    // Arrange
    const deps = documentsWorld();

    // Act
    await createDocument(deps, clerk, 'incoming', incoming());

    // Assert
    expect(deps.documents.allLines('t1')).toEqual([]);
  });

  it('while the head is away the substitute holds the line on the head’s behalf and may see the document', async () => {
    // Arrange
    const deps = documentsWorld();
    headAway(deps, '2026-03-01', '2026-03-05');

    // Act
    const doc = await createDocument(deps, clerk, 'incoming', incoming({ addresseeId: 'head' }));

    // Assert
    expect(waiting(deps)).toEqual([['deputy', doc.id, 'head']]);
    expect(doc.participants).toEqual(expect.arrayContaining(['head', 'deputy']));
    // Etdiklərim is the official's: the document is addressed to the head.
    expect(mineOf(deps)).toEqual(['head']);
  });

  it('a substitution that is over (or not begun) leaves the line with the official', async () => {
    // Arrange
    const deps = documentsWorld();
    headAway(deps, '2026-02-20', '2026-03-01');

    // Act
    const doc = await createDocument(deps, clerk, 'incoming', incoming({ addresseeId: 'head' }));

    // Assert
    expect(waiting(deps)).toEqual([['head', doc.id, null]]);
  });

  it('an internal memo waits from its signature (its resolution is possible only then), not from its draft', async () => {
    // Arrange
    const deps = documentsWorld();
    const draft = await createDocument(
      deps,
      clerk,
      'internal',
      internal({ addresseeId: 'head', signatoryId: 'signer' }),
    );
    const registered = await performOperation(deps, clerk, draft.id, 'register', { version: draft.version });
    const afterRegistration = waiting(deps);

    // Act
    const signer = { ...clerk, employeeId: 'signer', roles: new Set(['executor'] as const) };
    await performOperation(deps, signer, draft.id, 'sign', { version: registered.version });

    // Assert
    expect(afterRegistration).toEqual([]);
    expect(mineOf(deps)).toEqual(['head']);
    expect(waiting(deps)).toEqual([['head', draft.id, null]]);
  });
});

describe('the waiting line follows the document', () => {
  it('changing the addressee moves the line to the new addressee in the same commit', async () => {
    // Arrange
    const deps = documentsWorld();
    const doc = await createDocument(deps, clerk, 'incoming', incoming({ addresseeId: 'head' }));

    // Act
    await updateDocument(deps, clerk, doc.id, 'incoming', {
      ...incoming({ addresseeId: 'controller' }),
      version: doc.version,
    });

    // Assert
    expect(waiting(deps)).toEqual([['controller', doc.id, null]]);
    expect(deps.documents.commits.at(-1)?.removeInbox).toEqual([
      { userId: 'head', box: 'awaiting-resolution', documentId: doc.id, assignmentId: '' },
    ]);
    // The former addressee keeps the document in Etdiklərim (it was addressed to them).
    expect(mineOf(deps)).toEqual(['controller', 'head']);
  });

  it('a group change of addressee moves the line too; the substitute’s line is found and removed', async () => {
    // Arrange
    const deps = documentsWorld();
    headAway(deps, '2026-03-01', '2026-03-05');
    const doc = await createDocument(deps, clerk, 'incoming', incoming({ addresseeId: 'head' }));

    // Act
    const result = await groupUpdate(deps, head, {
      kind: 'incoming',
      ids: [doc.id],
      set: { addresseeId: 'author' },
    });

    // Assert
    expect(result.results).toEqual([expect.objectContaining({ id: doc.id, ok: true })]);
    expect(waiting(deps)).toEqual([['author', doc.id, null]]);
  });

  it.each([
    ['cancel', 'cancelled'],
    ['archive', 'archived'],
  ] as const)('%s takes the document out of the waiting list', async (op, status) => {
    // Arrange
    const deps = documentsWorld();
    const doc = await createDocument(deps, clerk, 'incoming', incoming({ addresseeId: 'head' }));

    // Act
    const done = await performOperation(deps, clerk, doc.id, op, { version: doc.version });

    // Assert
    expect(done.status).toBe(status);
    expect(waiting(deps)).toEqual([]);
  });

  it('other edits leave the line where it is (one line per document)', async () => {
    // Arrange
    const deps = documentsWorld();
    const doc = await createDocument(deps, clerk, 'incoming', incoming({ addresseeId: 'head' }));

    // Act
    await updateDocument(deps, clerk, doc.id, 'incoming', {
      ...incoming({ addresseeId: 'head', summary: 'Başqa məzmun' }),
      version: doc.version,
    });

    // Assert
    expect(waiting(deps)).toEqual([['head', doc.id, null]]);
    expect(deps.documents.commits.at(-1)?.inbox ?? []).toEqual([]);
  });
});

describe('awaitsResolution', () => {
  const base = documentRecord('d', { kind: 'incoming', status: 'registered', addresseeId: 'head' });
  const stage = (kind: 'resolution' | 'execution' | 'endorsement') => ({
    kind,
    mode: 'sequential' as const,
    participants: [{ employeeId: 'head' }],
  });

  it('a registered incoming document with an addressee waits; in execution, or without addressee, it does not', () => {
    expect(awaitsResolution(base)).toBe(true);
    expect(awaitsResolution({ ...base, status: 'in-execution' })).toBe(false);
    expect(awaitsResolution({ ...base, addresseeId: undefined })).toBe(false);
    expect(awaitsResolution({ ...base, kind: 'outgoing' })).toBe(false);
  });

  it('a running route that will resolve it takes over; a rejected one or one without such a stage does not', () => {
    const route = { state: 'running' as const, round: 1, steps: [], stages: [stage('resolution')] };
    expect(awaitsResolution({ ...base, route })).toBe(false);
    expect(awaitsResolution({ ...base, route: { ...route, stages: [stage('execution')] } })).toBe(false);
    expect(awaitsResolution({ ...base, route: { ...route, state: 'rejected' } })).toBe(true);
    expect(awaitsResolution({ ...base, route: { ...route, stages: [stage('endorsement')] } })).toBe(true);
  });
});
