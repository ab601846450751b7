import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../../functions/platform/kernel/errors';
import {
  assertDocuments,
  assertEmployees,
  canSee,
  filterReferencesOf,
  retryOnStale,
  visibleDocument,
} from '../../../functions/modules/documents/usecases/common';
import { actor, documentRecord, employee } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

describe('who sees a document', () => {
  it('the registry office and the agency head see all of their tenant; heads and controllers by role alone do not', () => {
    // Arrange
    const doc = documentRecord('d', { participants: ['author'] });
    const agencyHead = actor('x', ['head'], { reach: { agencyHead: true, headOf: ['root'], actingFor: [] } });

    // Act + Assert
    expect(canSee(actor('x', ['clerk']), doc)).toBe(true);
    expect(canSee(agencyHead, doc)).toBe(true);
    for (const role of ['head', 'controller', 'admin', 'executor', 'approver'] as const)
      expect(canSee(actor('x', [role]), doc)).toBe(false);
    expect(canSee(actor('author'), doc)).toBe(true);
    expect(canSee(actor('x', ['clerk'], { tenantId: 't2' }), doc)).toBe(false);
  });

  it('a document the caller may not see is not found, exactly like a missing one', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.documents.seed({ documents: [documentRecord('d', { participants: ['author'] })] });

    // Act
    const hidden = visibleDocument(deps, actor('x'), 'd');
    const missing = visibleDocument(deps, actor('x'), 'nope');

    // Assert
    await expect(hidden).rejects.toBeInstanceOf(NotFoundError);
    await expect(missing).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('references a request names', () => {
  it('documents must exist, be visible and be of the kinds asked for, in the order given', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.documents.seed({
      documents: [
        documentRecord('memo', { participants: ['me'] }),
        documentRecord('hidden', { participants: ['x'] }),
      ],
    });
    const me = actor('me');

    // Act
    const ok = assertDocuments(deps, me, [
      ['memo', 'answersId'],
      [undefined, 'ignored'],
    ]);
    const kind = assertDocuments(deps, me, [['memo', 'inReplyTo', ['outgoing']]]);
    const hidden = assertDocuments(deps, me, [
      ['memo', 'a'],
      ['hidden', 'b'],
    ]);

    // Assert
    await expect(ok).resolves.toBeUndefined();
    await expect(kind).rejects.toMatchObject({ issues: [{ path: 'inReplyTo', code: 'unknown_reference' }] });
    await expect(hidden).rejects.toMatchObject({ issues: [{ path: 'b' }] });
  });

  it('employees must be active employees of the tenant', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.store.seed('employee', employee('on'));
    deps.store.seed('employee', employee('off', { active: false }));

    // Act
    const found = await assertEmployees(deps, 't1', [
      ['on', 'addresseeId'],
      [undefined, 'controllerId'],
    ]);
    const inactive = assertEmployees(deps, 't1', [
      ['on', 'addresseeId'],
      ['off', 'controllerId'],
    ]);

    // Assert
    expect([...found.keys()]).toEqual(['on']);
    await expect(inactive).rejects.toMatchObject({ issues: [{ path: 'controllerId' }] });
  });

  it('the filter row names objects by id filters only, with the prefix of where they sit', () => {
    // Act
    const refs = filterReferencesOf(
      { addresseeId: 'e1', summary: 'x', documentTypeId: '', classificationId: 'c' },
      'items.0.query.',
    );

    // Assert
    expect(refs).toEqual([
      ['ref:classifications', 'c', 'items.0.query.classificationId'],
      ['employee', 'e1', 'items.0.query.addresseeId'],
    ]);
  });
});

describe('retryOnStale', () => {
  it('runs again after a stale write up to the number of attempts, and passes other errors through', async () => {
    // Arrange
    let calls = 0;
    const staleTwice = async () => {
      if (++calls <= 2) throw new ConflictError('stale_version', 'stale');
      return 'done';
    };

    // Act
    const retried = await retryOnStale(2, staleTwice);
    calls = 0;
    const exhausted = retryOnStale(1, staleTwice);
    const other = retryOnStale(5, async () => {
      throw new ConflictError('duplicate_value', 'dup');
    });

    // Assert
    expect(retried).toBe('done');
    await expect(exhausted).rejects.toMatchObject({ code: 'stale_version' });
    await expect(other).rejects.toMatchObject({ code: 'duplicate_value' });
  });
});
