import { describe, expect, it } from 'vitest';
import { filterFields, numberKey } from '../../../../functions/modules/documents/domain/indexing';
import { documentRecord } from '../../../support/builders';

describe('numberKey', () => {
  it('folds case and drops the separators people type differently', () => {
    // Arrange
    const typed = ['NK-1234/05', 'nk 1234.05', 'Nk_1234\\05', ' nk–1234 / 05 '];

    // Act
    const keys = typed.map(numberKey);

    // Assert
    expect(new Set(keys)).toEqual(new Set(['nk123405']));
    expect(numberKey('İŞ-7/26')).toBe('is726');
    expect(numberKey(' / - ')).toBe('');
  });

  it('is stored on the row beside the numbers, and only when there is a number', () => {
    // Arrange
    const numbered = documentRecord('d', {
      registration: { journalId: 'j', year: 2026, seq: 1, number: 'D-1/26', at: '2026-03-02T06:00:00.000Z' },
      documentNumber: 'NK-1234/05',
    });

    // Act
    const fields = filterFields(numbered);
    const draft = filterFields(documentRecord('e', {}));

    // Assert
    expect(fields).toMatchObject({ numberKey: 'd126', documentNumberKey: 'nk123405' });
    expect(draft.numberKey).toBeUndefined();
    expect(draft.documentNumberKey).toBeUndefined();
  });
});
