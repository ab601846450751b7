import { describe, expect, it } from 'vitest';
import * as indexing from '../../../../functions/modules/documents/domain/indexing';
import { documentRecord, T0 } from '../../../support/builders';

describe('numberKey', () => {
  it('folds case and drops the separators people type differently', () => {
    // Arrange
    const typed = ['NK-1234/05', 'nk 1234.05', 'Nk_1234\\05', ' nk–1234 / 05 '];

    // Act
    const keys = typed.map(indexing.numberKey);

    // Assert
    expect(new Set(keys)).toEqual(new Set(['nk123405']));
    expect(indexing.numberKey('İŞ-7/26')).toBe('is726');
    expect(indexing.numberKey(' / - ')).toBe('');
  });

  it('is stored on the row beside the numbers, and only when there is a number', () => {
    // Arrange
    const numbered = documentRecord('d', {
      registration: { journalId: 'j', year: 2026, seq: 1, number: 'D-1/26', at: '2026-03-02T06:00:00.000Z' },
      documentNumber: 'NK-1234/05',
    });

    // Act
    const fields = indexing.filterFields(numbered);
    const draft = indexing.filterFields(documentRecord('e', {}));

    // Assert
    expect(fields).toMatchObject({ numberKey: 'd126', documentNumberKey: 'nk123405' });
    expect(draft.numberKey).toBeUndefined();
    expect(draft.documentNumberKey).toBeUndefined();
  });
});

describe('matchesFilter', () => {
  it('applies the same conditions as the store’s filter on a document already read', () => {
    // Arrange
    const f = indexing.filterFields(
      documentRecord('d', {
        kind: 'incoming',
        status: 'registered',
        summary: 'Bina təmiri',
        controlled: true,
        documentDate: '2026-02-20',
        registration: { journalId: 'j', year: 2026, seq: 5, number: '5-DX/26', at: T0 },
      }),
    );

    // Act + Assert
    expect(
      indexing.matchesFilter(f, {
        kind: 'incoming',
        status: ['registered'],
        summaryContains: 'temir',
        controlled: true,
      }),
    ).toBe(true);
    expect(
      indexing.matchesFilter(f, {
        numberPrefix: '5dx26',
        documentDateFrom: '2026-02-20',
        documentDateTo: '2026-02-21',
      }),
    ).toBe(true);
    expect(indexing.matchesFilter(f, { numberPrefix: '5dx' })).toBe(true);
    expect(indexing.matchesFilter(f, { numberPrefix: 'dx' })).toBe(false);
    expect(indexing.matchesFilter(f, { documentNumberPrefix: '5' })).toBe(false);
    expect(
      indexing.matchesFilter(f, { from: '2026-03-02T10:00:00.000', to: '2026-03-02T10:00:00.001' }),
    ).toBe(true);
    expect(indexing.matchesFilter(f, { to: '2026-03-02T10:00:00.000' })).toBe(false);
    expect(indexing.matchesFilter(f, { kind: 'outgoing' })).toBe(false);
    expect(indexing.matchesFilter(f, { documentDateTo: '2026-02-20' })).toBe(false);
    expect(indexing.matchesFilter(f, { authorId: 'someone-else' })).toBe(false);
    expect(indexing.matchesFilter(f, { controlled: false })).toBe(false);
  });
});
