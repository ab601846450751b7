import { describe, expect, it } from 'vitest';
import { searchDocumentOf } from '../../../functions/modules/search/usecases/search-item';
import { assignment, documentRecord, T0 } from '../../support/builders';

describe('searchDocumentOf', () => {
  it('carries the requisites, parties, identifiers, resolutions with reports and the contents’ text', () => {
    // Arrange
    const doc = documentRecord('d1', {
      kind: 'incoming',
      status: 'registered',
      summary: 'Torpaq sahəsi barədə ərizə',
      note: 'Təcili',
      documentNumber: 'NK-1234/05',
      registration: { journalId: 'j', year: 2026, seq: 1, number: '1-DX/26', at: '2026-12-31T21:30:00.000Z' },
      incoming: {
        sender: { kind: 'citizen', name: 'Məmmədova Aygün', fin: '5ZX7K2P' },
        distribution: [],
      },
      departmentId: 'dep',
      classificationId: 'cls',
      participants: ['clerk', 'head'],
      participantUnits: ['root'],
      confidential: true,
      accessList: ['lawyer'],
    });
    const resolution = assignment('r1', { documentId: 'd1', kind: 'resolution', text: 'Baxılsın' });
    const execution = assignment('e1', {
      documentId: 'd1',
      reports: [{ at: T0, by: 'x', text: 'Cavab göndərildi' }],
    });

    // Act
    const item = searchDocumentOf(
      doc,
      [resolution, execution],
      [{ contentId: 'c1', text: 'İSTANBUL şəhəri', extractedAt: T0 }],
    );

    // Assert
    expect(item).toMatchObject({
      tenantId: 't1',
      id: 'd1',
      source: 'document',
      kind: 'incoming',
      status: 'registered',
      registrationNumber: '1-DX/26',
      senderNumber: 'NK-1234/05',
      registeredAt: '2026-12-31T21:30:00.000Z',
      // 1 January 2027 in Baku (UTC+4).
      year: 2027,
      parties: ['Məmmədova Aygün'],
      identifiers: ['5ZX7K2P'],
      summary: 'Torpaq sahəsi barədə ərizə',
      note: 'Təcili',
      resolutions: ['Baxılsın', 'Cavab göndərildi'],
      contentText: 'İSTANBUL şəhəri',
      departmentId: 'dep',
      classificationId: 'cls',
      participants: ['clerk', 'head'],
      participantUnits: ['root'],
      confidential: true,
      accessList: ['lawyer'],
    });
  });

  it('is as new as the latest of the document, its assignments and its texts', () => {
    const doc = documentRecord('d1', { updatedAt: '2026-03-02T06:00:00.000Z' });
    const later = assignment('r1', { documentId: 'd1', updatedAt: '2026-03-03T06:00:00.000Z' });

    expect(searchDocumentOf(doc, [], []).version).toBe('2026-03-02T06:00:00.000Z');
    expect(searchDocumentOf(doc, [later], []).version).toBe('2026-03-03T06:00:00.000Z');
    expect(
      searchDocumentOf(doc, [later], [{ contentId: 'c', text: 'x', extractedAt: '2026-03-04T00:00:00.000Z' }])
        .version,
    ).toBe('2026-03-04T00:00:00.000Z');
  });

  it('names a draft by its creation time and leaves out what it does not have', () => {
    const item = searchDocumentOf(documentRecord('d1', { createdAt: '2026-03-02T06:00:00.000Z' }), [], []);

    expect(item.registeredAt).toBe('2026-03-02T06:00:00.000Z');
    expect(item.year).toBe(2026);
    expect(item).not.toHaveProperty('registrationNumber');
    expect(item).not.toHaveProperty('senderNumber');
    expect(item).toMatchObject({
      confidential: false,
      accessList: [],
      participantUnits: [],
      contentText: '',
    });
  });
});
