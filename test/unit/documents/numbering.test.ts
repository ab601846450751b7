import { describe, expect, it } from 'vitest';
import {
  chooseJournal,
  namedJournal,
  numberRequest,
} from '../../../functions/modules/documents/usecases/numbering';
import type { DocumentRecord } from '../../../functions/modules/documents/domain/document';
import type { JournalRule } from '../../../functions/modules/reference/domain/lists';
import { documentRecord, journal, journalRule, meta, referenceItem } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

function journals(...items: Array<ReturnType<typeof journal>>) {
  const deps = memoryDeps();
  for (const j of items) deps.store.seed('ref:journals', j);
  return deps;
}

/** A document of a kind with the facts the journal choice looks at. */
const docOf = (kind: DocumentRecord['kind'], overrides: Partial<DocumentRecord> = {}) =>
  documentRecord('doc', { kind, ...overrides });

const citizen: DocumentRecord['incoming'] = {
  sender: { kind: 'citizen', name: 'Aysel Məmmədova' },
  distribution: [],
};
const organization: DocumentRecord['incoming'] = {
  sender: { kind: 'organization', counterpartId: 'org-1', name: '"Xəzər Logistika" MMC' },
  distribution: [],
};

/** The demo agency's incoming journals and its default rules. */
function agencyWithRules(...extra: JournalRule[]) {
  const deps = journals(
    journal('incoming', { documentKind: 'incoming' }),
    journal('citizens', { documentKind: 'incoming' }),
    journal('e-service', { documentKind: 'incoming' }),
    journal('general', { documentKind: 'any' }),
  );
  for (const r of [
    journalRule('citizens', { journalId: 'citizens', senderKind: 'citizen', priority: 20 }),
    journalRule('e-service', {
      journalId: 'e-service',
      senderKind: 'citizen',
      deliveryFormIds: ['by-e-service'],
      priority: 10,
    }),
    journalRule('organizations', { journalId: 'incoming', senderKind: 'organization', priority: 30 }),
    ...extra,
  ])
    deps.store.seed('ref:journal-rules', r);
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
    const pick = async (facts: { nomenclatureId?: string; departmentId?: string }) =>
      (await chooseJournal(deps, docOf('internal', facts))).id;

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
    const chosen = await chooseJournal(deps, docOf('order'));

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
    const none = chooseJournal(deps, docOf('incoming', { incoming: citizen }));
    const withDept = await chooseJournal(deps, docOf('incoming', { incoming: citizen, departmentId: 'd' }));

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
    const chosen = await chooseJournal(deps, docOf('outgoing', { departmentId: 'd-129' }));

    // Assert
    expect(chosen.id).toBe('j-129');
  });

  it("sends a citizen's appeal to the citizens' journal and an organization's letter to the incoming one by the rules", async () => {
    // Arrange
    const deps = agencyWithRules();

    // Act
    const appeal = await chooseJournal(deps, docOf('incoming', { incoming: citizen }));
    const letter = await chooseJournal(deps, docOf('incoming', { incoming: organization }));
    const viaEService = await chooseJournal(
      deps,
      docOf('incoming', { incoming: citizen, deliveryFormId: 'by-e-service' }),
    );

    // Assert
    expect(appeal.id).toBe('citizens');
    expect(letter.id).toBe('incoming');
    expect(viaEService.id).toBe('e-service');
  });

  it('matches a rule on a classification branch for the classifications under it', async () => {
    // Arrange
    const deps = journals(
      journal('orders-main', { documentKind: 'order' }),
      journal('orders-personnel', { documentKind: 'order' }),
    );
    deps.store.seed(
      'ref:classifications',
      referenceItem('admin', { list: 'classifications', name: { az: 'İnzibati' }, active: true }),
    );
    deps.store.seed(
      'ref:classifications',
      referenceItem('personnel', {
        list: 'classifications',
        name: { az: 'Kadr' },
        parentId: 'admin',
        active: true,
      }),
    );
    deps.store.seed(
      'ref:classifications',
      referenceItem('leave', {
        list: 'classifications',
        name: { az: 'Məzuniyyət' },
        parentId: 'personnel',
        active: true,
      }),
    );
    deps.store.seed(
      'ref:journal-rules',
      journalRule('personnel', {
        documentKind: 'order',
        journalId: 'orders-personnel',
        classificationIds: ['personnel'],
      }),
    );

    // Act
    const leaveOrder = await chooseJournal(deps, docOf('order', { classificationId: 'leave' }));
    const otherOrder = await chooseJournal(deps, docOf('order', { classificationId: 'admin' }));

    // Assert
    expect(leaveOrder.id).toBe('orders-personnel');
    expect(otherOrder.id).toBe('orders-main');
  });

  it('passes over a rule whose journal is closed and a rule of another department', async () => {
    // Arrange
    const deps = journals(
      journal('internal', { documentKind: 'internal' }),
      journal('finance', { documentKind: 'internal' }),
      journal('closed', { documentKind: 'internal', active: false }),
    );
    deps.store.seed(
      'ref:journal-rules',
      journalRule('to-closed', { documentKind: 'internal', journalId: 'closed', priority: 1 }),
    );
    deps.store.seed(
      'ref:journal-rules',
      journalRule('finance', { documentKind: 'internal', journalId: 'finance', departmentIds: ['finance'] }),
    );

    // Act
    const fromFinance = await chooseJournal(deps, docOf('internal', { departmentId: 'finance' }));
    const fromHr = await chooseJournal(deps, docOf('internal', { departmentId: 'hr' }));

    // Assert
    expect(fromFinance.id).toBe('finance');
    expect(fromHr.id).toBe('internal');
  });

  it('checks a journal asked for against the rules that keep it, and leaves journals without rules free', async () => {
    // Arrange
    const deps = agencyWithRules();
    const appeal = docOf('incoming', { incoming: citizen });
    const letter = docOf('incoming', { incoming: organization });

    // Act
    const appealInCitizens = await chooseJournal(deps, appeal, 'citizens');
    const appealInGeneral = await chooseJournal(deps, appeal, 'general');
    const appealInIncoming = chooseJournal(deps, appeal, 'incoming');
    const letterInCitizens = chooseJournal(deps, letter, 'citizens');
    const letterInEService = chooseJournal(deps, letter, 'e-service');

    // Assert
    expect(appealInCitizens.id).toBe('citizens');
    expect(appealInGeneral.id).toBe('general');
    for (const refused of [appealInIncoming, letterInCitizens, letterInEService])
      await expect(refused).rejects.toMatchObject({
        code: 'journal_rule_mismatch',
        issues: [{ path: 'journalId', code: 'journal_rule_mismatch' }],
      });
  });

  it('ignores inactive rules and rules of other kinds', async () => {
    // Arrange
    const deps = agencyWithRules(
      journalRule('off', { journalId: 'general', senderKind: 'citizen', priority: 1, active: false }),
      journalRule('orders', { documentKind: 'order', journalId: 'incoming', priority: 1 }),
    );

    // Act
    const appeal = await chooseJournal(deps, docOf('incoming', { incoming: citizen }));

    // Assert
    expect(appeal.id).toBe('citizens');
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
