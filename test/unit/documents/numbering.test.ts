import { describe, expect, it } from 'vitest';
import {
  chooseJournal,
  namedJournal,
  numberRequest,
} from '../../../functions/modules/documents/usecases/numbering';
import { documentRecord, journal, meta, referenceItem } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

function journals(...items: Array<ReturnType<typeof journal>>) {
  const deps = memoryDeps();
  for (const j of items) deps.store.seed('ref:journals', j);
  return deps;
}

describe('chooseJournal', () => {
  it('prefers the journal of the nomenclature, then of the department, then the one coded like the kind', async () => {
    // Arrange
    const deps = journals(
      journal('any', { documentKind: 'any' }),
      journal('general', { documentKind: 'internal' }),
      journal('internal', { documentKind: 'internal' }),
      journal('finance', { documentKind: 'internal', departmentId: 'finance' }),
      journal('contracts', { documentKind: 'internal', nomenclatureId: 'nom-7' }),
    );
    const pick = async (hints: { nomenclatureId?: string; departmentId?: string }) =>
      (await chooseJournal(deps, 't1', 'internal', hints)).id;

    // Act + Assert
    expect(await pick({ nomenclatureId: 'nom-7', departmentId: 'finance' })).toBe('contracts');
    expect(await pick({ nomenclatureId: 'nom-other', departmentId: 'finance' })).toBe('finance');
    expect(await pick({ departmentId: 'hr' })).toBe('internal');
    expect(await pick({})).toBe('internal');
  });

  it('falls back to a journal for any kind, skipping inactive journals', async () => {
    // Arrange
    const deps = journals(
      journal('closed', { documentKind: 'order', active: false }),
      journal('any', { documentKind: 'any' }),
    );

    // Act
    const chosen = await chooseJournal(deps, 't1', 'order', {});

    // Assert
    expect(chosen.id).toBe('any');
  });

  it('skips a pattern that prints a nomenclature index or department code the document lacks', async () => {
    // Arrange
    const deps = journals(
      journal('by-index', { documentKind: 'incoming', pattern: '{index}/{seq}' }),
      journal('by-dept', { documentKind: 'incoming', pattern: '{dept}-{seq}' }),
    );

    // Act
    const none = chooseJournal(deps, 't1', 'incoming', {});
    const withDept = await chooseJournal(deps, 't1', 'incoming', { departmentId: 'd' });

    // Assert
    await expect(none).rejects.toMatchObject({ code: 'no_journal', params: { kind: 'incoming' } });
    expect(withDept.id).toBe('by-dept');
  });

  it('reads every page of journals', async () => {
    // Arrange
    const many = Array.from({ length: 130 }, (_, i) =>
      journal(`j-${String(i).padStart(3, '0')}`, { documentKind: 'outgoing', departmentId: `d-${i}` }),
    );
    const deps = journals(...many);

    // Act
    const chosen = await chooseJournal(deps, 't1', 'outgoing', { departmentId: 'd-129' });

    // Assert
    expect(chosen.id).toBe('j-129');
  });
});

describe('namedJournal', () => {
  it('accepts an active journal of the kind or of any kind, and refuses others on the field', async () => {
    // Arrange
    const deps = journals(
      journal('in', { documentKind: 'incoming' }),
      journal('any', { documentKind: 'any' }),
      journal('out', { documentKind: 'outgoing' }),
      journal('closed', { documentKind: 'incoming', active: false }),
    );

    // Act + Assert
    expect((await namedJournal(deps, 't1', 'incoming', 'in')).id).toBe('in');
    expect((await namedJournal(deps, 't1', 'incoming', 'any')).id).toBe('any');
    for (const id of ['out', 'closed', 'missing'])
      await expect(namedJournal(deps, 't1', 'incoming', id, 'set.journalId')).rejects.toMatchObject({
        issues: [{ path: 'set.journalId', code: 'unknown_reference' }],
      });
  });
});

describe('numberRequest', () => {
  it('numbers in the Baku year and prints the nomenclature index and department code', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.store.seed(
      'ref:nomenclature',
      referenceItem('nom-1', {
        list: 'nomenclature',
        name: { az: 'Əmrlər' },
        index: '01-05',
        retentionYears: 5,
        active: true,
      }),
    );
    deps.store.seed('department', { ...meta('dep-1'), name: { az: 'Maliyyə' }, code: 'MF', active: true });
    const doc = documentRecord('doc-1', { nomenclatureId: 'nom-1', departmentId: 'dep-1' });
    const j = journal('j', { pattern: '{dept}/{index}-{seq:4}/{yy}' });
    // 31 December 2025, 22:30 UTC is already 1 January 2026 in Baku.
    const at = '2025-12-31T22:30:00.000Z';

    // Act
    const request = await numberRequest(deps, doc, j, at);
    const numbered = request.apply(42);

    // Assert
    expect(request).toMatchObject({ journalId: 'j', year: 2026 });
    expect(numbered.registration).toEqual({
      journalId: 'j',
      year: 2026,
      seq: 42,
      at,
      number: 'MF/01-05-0042/26',
    });
    expect(numbered.summary).toBe(doc.summary);
  });
});
