import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError } from '../../../functions/platform/kernel/errors';
import type { DocumentRecord } from '../../../functions/modules/documents/domain/document';
import {
  groupUpdate,
  performOperation,
  permitted,
} from '../../../functions/modules/documents/usecases/operations.usecase';
import { actor, documentRecord, employee, referenceItem } from '../../support/builders';
import { author, clerk, documentsWorld, head } from './world';

const signer = actor('signer', ['executor']);
const approver = actor('approver', ['approver']);

function withDocs(...docs: DocumentRecord[]) {
  const deps = documentsWorld();
  deps.documents.seed({ documents: docs });
  return deps;
}
const memo = (overrides: Partial<DocumentRecord> = {}) =>
  documentRecord('memo', {
    kind: 'internal',
    status: 'draft',
    participants: ['author', 'signer'],
    internal: { signatoryId: 'signer' },
    ...overrides,
  });
const decree = (overrides: Partial<DocumentRecord> = {}) =>
  documentRecord('decree', {
    kind: 'order',
    status: 'draft',
    participants: ['author', 'signer'],
    order: { category: 'order', signatoryId: 'signer' },
    internal: undefined,
    ...overrides,
  });

describe('performOperation', () => {
  it('registers an internal document with the next number of its journal', async () => {
    // Arrange
    const deps = withDocs(memo());
    deps.documents.seedCounter('t1', 'internal', 2026, 4);

    // Act
    const registered = await performOperation(deps, author, 'memo', 'register', {
      version: 1,
      comment: 'hazırdır',
    });

    // Assert
    expect(registered).toMatchObject({
      status: 'registered',
      version: 2,
      registration: { number: 'D-5', seq: 5 },
    });
    const log = (await deps.documents.operations('t1', 'memo', { limit: 10 })).items;
    expect(log).toEqual([
      expect.objectContaining({
        action: 'register',
        comment: 'hazırdır',
        changes: [{ field: 'status', before: 'draft', after: 'registered' }],
      }),
    ]);
  });

  it('numbers an order when it is signed, and records who signed it and when', async () => {
    // Arrange
    const deps = withDocs(decree({ status: 'agreed' }));

    // Act
    const signed = await performOperation(deps, signer, 'decree', 'sign', { version: 1 });

    // Assert
    expect(signed).toMatchObject({
      status: 'signed',
      registration: { number: 'ƏMR-001' },
      order: { signedBy: 'signer', signedAt: '2026-03-02T06:00:00.000Z' },
    });
  });

  it('lets only the named signatory sign, and the head sign a document without one', async () => {
    // Arrange
    const deps = withDocs(
      memo({ status: 'registered' }),
      memo({ id: 'unnamed', status: 'registered', internal: {} }),
    );

    // Act
    const byHead = performOperation(deps, head, 'memo', 'sign', { version: 1 });
    const byAuthor = performOperation(deps, author, 'unnamed', 'sign', { version: 1 });
    const headSigns = await performOperation(deps, head, 'unnamed', 'sign', { version: 1 });

    // Assert
    await expect(byHead).rejects.toBeInstanceOf(ForbiddenError);
    await expect(byAuthor).rejects.toBeInstanceOf(ForbiddenError);
    expect(headSigns.internal).toMatchObject({ signedBy: 'head' });
  });

  it('checks the version, then the status, then the caller’s right, and changes nothing when refused', async () => {
    // Arrange
    const deps = withDocs(memo());

    // Act
    const stale = performOperation(deps, author, 'memo', 'archive', { version: 3 });
    const notNow = performOperation(deps, author, 'memo', 'archive', { version: 1 });
    const notYours = performOperation(deps, head, 'memo', 'register', { version: 1 });

    // Assert
    await expect(stale).rejects.toMatchObject({ code: 'stale_version' });
    await expect(notNow).rejects.toMatchObject({
      code: 'operation_not_allowed',
      params: { operation: 'archive', status: 'draft' },
    });
    await expect(notYours).rejects.toBeInstanceOf(ForbiddenError);
    expect(deps.documents.commits).toEqual([]);
  });

  it('sends operations with their own route there', async () => {
    // Arrange
    const deps = withDocs(memo());

    // Act + Assert
    for (const op of ['update', 'attach', 'link', 'group-update', 'send', 'resolve', 'execute'] as const)
      await expect(performOperation(deps, clerk, 'memo', op, { version: 1 })).rejects.toMatchObject({
        code: 'operation_has_own_route',
        // What the API needs to name the route to call instead.
        params: { operation: op, documentId: 'memo', kind: 'internal' },
      });
  });

  it('submits an order for agreement, and an approver agrees or returns it', async () => {
    // Arrange
    const onRoute = ['author', 'signer', 'approver'];
    const deps = withDocs(
      decree({ participants: onRoute }),
      decree({ id: 'other', status: 'in-agreement', participants: onRoute }),
    );

    // Act
    const submitted = await performOperation(deps, author, 'decree', 'submit', { version: 1 });
    const agreed = await performOperation(deps, approver, 'decree', 'agree', { version: 2 });
    const returned = await performOperation(deps, head, 'other', 'return', {
      version: 1,
      comment: 'düzəlişlə',
    });
    const byAuthor = performOperation(deps, author, 'decree', 'return', { version: 3 });

    // Assert
    expect([submitted.status, agreed.status, returned.status]).toEqual(['in-agreement', 'agreed', 'draft']);
    await expect(byAuthor).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('enacts an order on the date given, else today in the clock’s date', async () => {
    // Arrange
    const deps = withDocs(decree({ status: 'signed' }), decree({ id: 'dated', status: 'signed' }));

    // Act
    const today = await performOperation(deps, clerk, 'decree', 'enact', { version: 1 });
    const dated = await performOperation(deps, head, 'dated', 'enact', {
      version: 1,
      effectiveDate: '2026-04-01',
    });

    // Assert
    expect(today).toMatchObject({ status: 'in-force', order: { effectiveDate: '2026-03-02' } });
    expect(dated.order?.effectiveDate).toBe('2026-04-01');
  });

  it('cancels an order in force only with a reason, by the registry office or the head', async () => {
    // Arrange
    const deps = withDocs(decree({ status: 'in-force' }));

    // Act
    const byAuthor = performOperation(deps, author, 'decree', 'cancel', { version: 1, comment: 'x' });
    const noReason = performOperation(deps, clerk, 'decree', 'cancel', { version: 1 });
    const cancelled = await performOperation(deps, clerk, 'decree', 'cancel', {
      version: 1,
      comment: 'Yeni əmrlə əvəz olunub',
    });

    // Assert
    await expect(byAuthor).rejects.toBeInstanceOf(ForbiddenError);
    await expect(noReason).rejects.toMatchObject({ code: 'reason_required', issues: [{ path: 'comment' }] });
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      order: { cancelReason: 'Yeni əmrlə əvəz olunub', cancelledAt: '2026-03-02T06:00:00.000Z' },
    });
  });

  it('checks a journal named with any operation, numbering in it when the operation numbers', async () => {
    // Arrange
    const deps = withDocs(memo(), decree());

    // Act
    const wrongKind = performOperation(deps, author, 'memo', 'register', { version: 1, journalId: 'order' });
    const notNumbering = performOperation(deps, author, 'decree', 'submit', {
      version: 1,
      journalId: 'incoming',
    });
    const named = await performOperation(deps, author, 'memo', 'register', {
      version: 1,
      journalId: 'internal',
    });

    // Assert
    await expect(wrongKind).rejects.toMatchObject({
      issues: [{ path: 'journalId', code: 'unknown_reference' }],
    });
    await expect(notNumbering).rejects.toMatchObject({
      issues: [{ path: 'journalId', code: 'unknown_reference' }],
    });
    expect(named.registration?.journalId).toBe('internal');
  });
});

describe('permitted', () => {
  it('lets only the registry office edit incoming mail, the author edit their other documents, and anyone link', () => {
    // Arrange
    const letter = documentRecord('l', { kind: 'incoming', status: 'registered', authorId: 'author' });
    const own = documentRecord('m', { authorId: 'author' });

    // Act + Assert
    expect(permitted(author, letter, 'update')).toBe(false);
    expect(permitted(clerk, letter, 'update')).toBe(true);
    expect(permitted(author, own, 'update')).toBe(true);
    expect(permitted(author, own, 'attach')).toBe(true);
    expect(permitted(head, own, 'attach')).toBe(false);
    expect(permitted(actor('x'), own, 'link')).toBe(true);
    expect(permitted(author, own, 'group-update')).toBe(false);
    expect(permitted(head, own, 'group-update')).toBe(true);
    expect(permitted(clerk, letter, 'execute')).toBe(false);
    expect(permitted(actor('addressee'), { ...letter, addresseeId: 'addressee' }, 'resolve')).toBe(true);
  });
});

describe('groupUpdate', () => {
  const letter = (id: string, overrides: Partial<DocumentRecord> = {}) =>
    documentRecord(id, {
      kind: 'incoming',
      status: 'registered',
      authorId: 'clerk',
      participants: ['clerk'],
      ...overrides,
    });

  it('changes every document in its own transaction, and one refusal does not stop the rest', async () => {
    // Arrange
    const deps = withDocs(letter('a'), letter('b', { status: 'cancelled' }), letter('c'));

    // Act
    const out = await groupUpdate(deps, clerk, {
      kind: 'incoming',
      ids: ['a', 'b', 'c', 'a'],
      set: { controllerId: 'controller' },
    });

    // Assert
    expect(out.results).toEqual([
      { id: 'a', ok: true, version: 2 },
      {
        id: 'b',
        ok: false,
        code: 'operation_not_allowed',
        params: { operation: 'group-update', status: 'cancelled' },
      },
      { id: 'c', ok: true, version: 2 },
    ]);
    expect(await deps.documents.get('t1', 'a')).toMatchObject({
      controllerId: 'controller',
      controlled: true,
      participants: ['clerk', 'controller'],
    });
    expect((await deps.documents.operations('t1', 'c', { limit: 5 })).items[0]).toMatchObject({
      action: 'group-update',
    });
  });

  it('refuses the whole request when an id names a document of another kind or one the caller cannot see', async () => {
    // Arrange
    const deps = withDocs(letter('a'), documentRecord('memo', { participants: ['author'] }));
    deps.store.seed('employee', employee('head', { tenantId: 't2' }));

    // Act
    const otherKind = groupUpdate(deps, clerk, {
      kind: 'incoming',
      ids: ['a', 'memo'],
      set: { addresseeId: 'head' },
    });
    const unseen = groupUpdate(deps, actor('x', ['head'], { tenantId: 't2' }), {
      kind: 'incoming',
      ids: ['a'],
      set: { addresseeId: 'head' },
    });

    // Assert
    await expect(otherKind).rejects.toMatchObject({ issues: [{ path: 'ids.1', code: 'unknown_reference' }] });
    await expect(unseen).rejects.toMatchObject({ issues: [{ path: 'ids.0' }] });
    expect(deps.documents.commits).toEqual([]);
  });

  it('is for the registry office and heads, with known references only', async () => {
    // Arrange
    const deps = withDocs(letter('a'));
    deps.store.seed(
      'ref:classifications',
      referenceItem('cls-off', { list: 'classifications', name: { az: 'Köhnə' }, active: false }),
    );

    // Act
    const byAuthor = groupUpdate(deps, author, {
      kind: 'incoming',
      ids: ['a'],
      set: { addresseeId: 'head' },
    });
    const inactive = groupUpdate(deps, clerk, {
      kind: 'incoming',
      ids: ['a'],
      set: { classificationId: 'cls-off' },
    });
    const unknownEmployee = groupUpdate(deps, head, {
      kind: 'incoming',
      ids: ['a'],
      set: { addresseeId: 'ghost' },
    });

    // Assert
    await expect(byAuthor).rejects.toBeInstanceOf(ForbiddenError);
    await expect(inactive).rejects.toMatchObject({ issues: [{ path: 'set.classificationId' }] });
    await expect(unknownEmployee).rejects.toMatchObject({ issues: [{ path: 'set.addresseeId' }] });
  });

  it('applies a change to the fresh state when another edit got there first', async () => {
    // Arrange
    const deps = withDocs(letter('a'));
    let races = 1;
    deps.documents.beforeCommit = () => {
      if (races-- > 0) throw new ConflictError('stale_version', 'changed meanwhile');
    };

    // Act
    const out = await groupUpdate(deps, clerk, {
      kind: 'incoming',
      ids: ['a'],
      set: { addresseeId: 'head' },
    });

    // Assert
    expect(out.results).toEqual([{ id: 'a', ok: true, version: 2 }]);
  });
});
