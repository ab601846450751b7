import { describe, expect, it } from 'vitest';
import { assemble } from '../../../functions/modules/signatures/pdf/assemble';
import { parseCodeText, type CodeRequisites } from '../../../functions/modules/signatures/pdf/barcode';
import { copyWords, stampFirstPage } from '../../../functions/modules/signatures/pdf/stamp';
import { barcodesOnPage } from '../../support/barcodes';
import { pdfsig, qpdfCheck, signPdf } from '../../support/pdf-signature';
import { jpegScan, pdfOf, readPdf } from '../../support/scans';

const requisites: CodeRequisites = {
  organization: 'Azərbaycan Respublikası Əmlak Məsələləri Dövlət Xidməti',
  legalAddress: 'AZ1000, Bakı şəhəri, Üzeyir Hacıbəyov küçəsi 84, Ş/İ çıxışı',
  registrationNumber: '17-XR/26',
  registrationDate: '02.03.2026',
};
const copy = { createdAt: '01.03.2026', system: 'Kargüzar' };

/** A single file as the system assembles it: the front page, a scan and a PDF attachment. */
async function singleFile(): Promise<Uint8Array> {
  const out = await assemble({
    front: {
      organization: requisites.organization,
      title: 'Xaric olan sənəd',
      requisites: [
        { label: 'Qeydiyyat nömrəsi', value: requisites.registrationNumber },
        { label: 'Qeydiyyat tarixi', value: requisites.registrationDate },
      ],
      summary: 'Məlumat sorğusuna cavab',
      text: 'Hörmətli cənab, sorğunuza cavab olaraq bildiririk ki, ...',
      partsHeading: 'Əlavələr',
    },
    parts: [
      { id: 'a', fileName: 'skan.jpg', contentType: 'image/jpeg', kind: 'jpeg', bytes: jpegScan(120, 160) },
      { id: 'b', fileName: 'əlavə.pdf', contentType: 'application/pdf', kind: 'pdf', bytes: await pdfOf(2) },
    ],
    at: new Date('2026-03-02T06:00:00Z'),
    producer: 'Kargüzar',
    describe: (part, pages) => `${part.fileName} — ${pages} səh.`,
  });
  return out.bytes;
}

describe('the print stamp of page 1 (Decree 935 §146, §143)', () => {
  it('appends a revision: the signed bytes stay as they were and pdfsig still finds every signature valid', async () => {
    // Arrange: three endorsements and the signature, each appended as signatures are
    const file = await singleFile();
    let signed = file;
    for (const field of ['Viza1', 'Viza2', 'Viza3', 'Imza']) signed = await signPdf(signed, field);
    const valid = Array.from({ length: 4 }, () => 'Signature is Valid.');
    expect(pdfsig(signed).integrity).toEqual(valid);

    // Act
    const stamped = await stampFirstPage(signed, { requisites, copy });

    // Assert
    expect(Buffer.from(stamped.bytes.subarray(0, signed.length)).equals(Buffer.from(signed))).toBe(true);
    expect(stamped.bytes.length).toBeGreaterThan(signed.length);
    expect(pdfsig(stamped.bytes).integrity).toEqual(valid);
    // The check can fail: one byte changed in the signed part breaks every signature over it.
    const tampered = new Uint8Array(stamped.bytes);
    const at = Math.floor(file.length / 2);
    tampered[at] = tampered[at]! ^ 0xff;
    expect(pdfsig(tampered).integrity).not.toContain('Signature is Valid.');
    const check = qpdfCheck(stamped.bytes);
    expect(check.status, check.output).toBe(0);
    expect(check.output).toContain('No syntax or stream encoding errors found');
  });

  it('writes the four requisites and the copy marking with the real page count as text on page 1 only', async () => {
    // Arrange
    const file = await singleFile();

    // Act
    const stamped = await stampFirstPage(file, { requisites, copy });

    // Assert
    const { pageCount, texts } = await readPdf(stamped.bytes);
    expect(stamped.pageCount).toBe(pageCount);
    expect(pageCount).toBe(4);
    const page1 = texts[0]!.replace(/\s+/g, ' ');
    for (const part of [
      'Azərbaycan Respublikası Əmlak',
      'Üzeyir Hacıbəyov',
      'Qeydiyyat nömrəsi: 17-XR/26',
      'Qeydiyyat tarixi: 02.03.2026',
      copyWords(4),
      'Yaradılma tarixi: 01.03.2026',
      'İnformasiya sistemi: Kargüzar',
      'Kargüzarlıq xidmətinin möhürü',
    ])
      expect(page1).toContain(part);
    expect(texts.slice(1).join(' ')).not.toContain('Elektron sənədin surəti');
  });

  it('puts a QR code on page 1 that a reader decodes from the rendered page into the same four requisites', async () => {
    // Arrange
    const signed = await signPdf(await singleFile());
    const stamped = await stampFirstPage(signed, { requisites, copy });

    // Act
    const codes = await barcodesOnPage(stamped.bytes, 1);

    // Assert
    expect(codes).toHaveLength(1);
    expect(codes[0]!.format).toBe('QRCode');
    expect(parseCodeText(codes[0]!.text)).toEqual(requisites);
    expect(await barcodesOnPage(stamped.bytes, 2)).toEqual([]);
  });
});
