import { describe, expect, it } from 'vitest';
import {
  issueVisaDocument,
  renderVisaDocument,
  visaCheckLine,
  visaDocumentRows,
  visaQrMatrix,
} from '../../../../functions/modules/eservices';
import { AZERBAIJANI_NAMES, visaInput } from './builders';
import { drawnQr, pdfTexts } from './pdf-reading';
import { MemorySigner } from './signer';

describe('the issued e-visa PDF', () => {
  it('shows the visa in Azerbaijani and English with dd.MM.yyyy dates and the check line', async () => {
    // Arrange
    const signer = new MemorySigner();

    // Act
    const issued = await issueVisaDocument(signer, visaInput());
    const [page, ...more] = await pdfTexts(issued.pdf);

    // Assert
    expect(more).toEqual([]);
    for (const words of [
      'AZƏRBAYCAN RESPUBLİKASI',
      'ELEKTRON VİZA',
      'ELECTRONIC VISA',
      AZERBAIJANI_NAMES.surname,
      AZERBAIJANI_NAMES.givenNames,
      'EV-2026-0001234',
      'C01X00T47',
      'DEU',
      '29.02.1988',
      '10.05.2026',
      '07.08.2026',
      '02.05.2026',
      '30 gün / 30 days',
      'Birdəfəlik / Single',
      'Dövlət Miqrasiya Xidməti / State Migration Service',
      'Etibarlıdır (son gün)',
      'Valid until',
      visaCheckLine(issued.data),
    ])
      expect(page).toContain(words);
  });

  it('draws the QR code of exactly the signed code', async () => {
    // Arrange
    const issued = await issueVisaDocument(new MemorySigner(), visaInput());

    // Act
    const drawn = await drawnQr(issued.pdf);

    // Assert
    expect(drawn).toEqual(visaQrMatrix(issued.code));
  });

  it('is valid from the decision day when the decision comes after the arrival date', async () => {
    // Arrange: decided 12.05.2026 00:30 Baku (20:30 UTC the day before), arrival 10.05.2026.
    const input = visaInput({ decidedAt: '2026-05-11T20:30:00Z' });

    // Act
    const issued = await issueVisaDocument(new MemorySigner(), input);

    // Assert
    expect(issued.validity).toEqual({
      entries: 'single',
      validFrom: '2026-05-12',
      validUntil: '2026-08-09',
      maxStayDays: 30,
    });
    expect((await pdfTexts(issued.pdf))[0]).toContain('12.05.2026');
  });

  it('gives the same bytes for the same view', async () => {
    // Arrange
    const issued = await issueVisaDocument(new MemorySigner(), visaInput());
    const view = {
      data: issued.data,
      code: issued.code,
      issuedOn: '2026-05-02',
      agencyName: visaInput().agency.name,
      createdAt: visaInput().decidedAt,
    };

    // Act
    const [a, b] = [await renderVisaDocument(view), await renderVisaDocument(view)];

    // Assert
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(issued.pdf))).toBe(true);
  });

  it('names a visa of more entries as multiple-entry', async () => {
    // Arrange
    const issued = await issueVisaDocument(new MemorySigner(), visaInput());
    const view = {
      data: { ...issued.data, entries: 2 },
      code: issued.code,
      issuedOn: '2026-05-02',
      agencyName: visaInput().agency.name,
      createdAt: visaInput().decidedAt,
    };

    // Act
    const rows = visaDocumentRows(view);

    // Assert
    expect(rows.find(([az]) => az === 'Girişlərin sayı')).toEqual([
      'Girişlərin sayı',
      'Number of entries',
      'Çoxdəfəlik (2) / Multiple (2)',
    ]);
  });
});
