import { afterAll, describe, expect, it } from 'vitest';
import { createTextExtractor } from '../../../functions/modules/search/extraction';
import { docx, odt, textPdf, xlsx, zip } from './extraction-fixtures';

// Formats that need no OCR: text layers, office files, plain text, and what is refused.
const problems: string[] = [];
const extractor = createTextExtractor({ onProblem: (p) => problems.push(p.reason) });
afterAll(() => extractor.close());

const run = (bytes: Uint8Array, fileName: string, mediaType = 'application/octet-stream') =>
  extractor.extract({ bytes, fileName, mediaType });

describe('text extraction without OCR', () => {
  it('reads every page of a PDF text layer, Azerbaijani and Russian letters intact', async () => {
    const pdf = await textPdf([
      ['Şəhriyar rayon sakini Məmmədova Gülnarə İsmayıl qızının ərizəsi', 'ÇĞIİÖŞÜ çğıiöşü Əə'],
      ['Заявление о выдаче справки', 'Page two in English'],
    ]);
    const result = await run(pdf, 'ərizə.pdf', 'application/pdf');
    expect(result.method).toBe('text-layer');
    expect(result.pages).toBe(2);
    expect(result.text).toContain('Şəhriyar rayon sakini Məmmədova Gülnarə İsmayıl qızının ərizəsi');
    expect(result.text).toContain('ÇĞIİÖŞÜ çğıiöşü Əə');
    expect(result.text).toContain('Заявление о выдаче справки');
    expect(result.text).toContain('Page two in English');
  });

  it('reads a Word document', async () => {
    const result = await run(
      docx(['Əmr № 15', 'İşçilərin məzuniyyəti haqqında', 'Приказ об отпуске']),
      'əmr.docx',
    );
    expect(result).toMatchObject({ method: 'office', pages: 1 });
    expect(result.text).toContain('İşçilərin məzuniyyəti haqqında');
    expect(result.text).toContain('Приказ об отпуске');
  });

  it('reads every sheet of a workbook, numbers and dates as text', async () => {
    const book = await xlsx({
      Hesabat: [
        ['Qeydiyyat nömrəsi', 'Xülasə', 'Tarix'],
        ['D-1/26', 'Şikayət ərizəsi', new Date(Date.UTC(2026, 0, 15))],
      ],
      Отчёт: [['Итого', 42]],
    });
    const result = await run(book, 'hesabat.xlsx');
    expect(result).toMatchObject({ method: 'office', pages: 2 });
    expect(result.text).toContain('D-1/26\tŞikayət ərizəsi\t2026-01-15');
    expect(result.text).toContain('Итого\t42');
  });

  it('reads an OpenDocument text', async () => {
    const result = await run(odt(['Məktub & cavab <tez>', 'Письмо']), 'mektub.odt');
    expect(result).toMatchObject({ method: 'office', pages: 1 });
    expect(result.text).toBe('Məktub & cavab <tez>\nПисьмо');
  });

  it('reads plain text and CSV, in UTF-8 or the Cyrillic Windows code page', async () => {
    const utf8 = await run(
      new TextEncoder().encode('\uFEFFnömrə;xülasə\nD-2/26;Ərizə'),
      'list.csv',
      'text/csv',
    );
    expect(utf8).toEqual({ method: 'plain', pages: 1, text: 'nömrə;xülasə\nD-2/26;Ərizə' });
    const cp1251 = Buffer.from([0xcf, 0xf0, 0xe8, 0xea, 0xe0, 0xe7]); // "Приказ"
    expect((await run(cp1251, 'prikaz.txt', 'text/plain')).text).toBe('Приказ');
  });

  it('gives none for a legacy .doc, unknown bytes, an empty file and a corrupt PDF', async () => {
    const legacy = new Uint8Array([
      0xd0,
      0xcf,
      0x11,
      0xe0,
      0xa1,
      0xb1,
      0x1a,
      0xe1,
      ...new Array(504).fill(0),
    ]);
    expect(await run(legacy, 'old.doc', 'application/msword')).toEqual({
      text: '',
      method: 'none',
      pages: 0,
    });
    expect((await run(new Uint8Array([1, 2, 3, 4, 5]), 'x.bin')).method).toBe('none');
    expect((await run(new Uint8Array(), 'empty.pdf', 'application/pdf')).method).toBe('none');
    const pdf = await textPdf([['Kəsilmiş fayl']]);
    expect((await run(pdf.subarray(0, 200), 'cut.pdf', 'application/pdf')).method).toBe('none');
    const garbage = new TextEncoder().encode('%PDF-1.7\n' + 'garbage '.repeat(500));
    expect((await run(garbage, 'bad.pdf', 'application/pdf')).method).toBe('none');
    expect((await run(zip({ 'word/document.xml': '<w:document><broken' }), 'bad.docx')).method).toBe('none');
  });

  it('refuses an archive that unpacks past the cap before parsing it (a ZIP bomb)', async () => {
    const declared = docx(['a']);
    const bomb = zip(
      { 'word/document.xml': '<x/>', 'pad.bin': new Uint8Array(8) },
      { 'pad.bin': 0xfffffff0 },
    );
    expect((await run(bomb, 'bomb.docx')).method).toBe('none');
    // A real one: 5 MB of zeros packed in a few KB, against a 1 MB cap.
    const small = createTextExtractor({ limits: { maxUnpackedBytes: 1024 * 1024 } });
    const real = zip({ 'word/document.xml': '<x/>', 'xl/workbook.xml': new Uint8Array(5 * 1024 * 1024) });
    expect(real.length).toBeLessThan(20_000);
    expect((await small.extract({ bytes: real, fileName: 'bomb.xlsx', mediaType: '' })).method).toBe('none');
    expect((await small.extract({ bytes: declared, fileName: 'ok.docx', mediaType: '' })).method).toBe(
      'office',
    );
    await small.close();
  });

  it('refuses an image whose header declares more pixels than the cap, without decoding it', async () => {
    const png = new Uint8Array(33);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(png.buffer).setUint32(16, 100_000);
    new DataView(png.buffer).setUint32(20, 100_000);
    expect(await run(png, 'bomb.png', 'image/png')).toEqual({ text: '', method: 'none', pages: 0 });
    expect(problems).toContain('image size unreadable or over the pixel cap');
  });

  it('caps the text kept per file', async () => {
    const capped = createTextExtractor({ limits: { maxTextChars: 10 } });
    const result = await capped.extract({
      bytes: new TextEncoder().encode('ə'.repeat(50)),
      fileName: 'a.txt',
      mediaType: 'text/plain',
    });
    expect(result.text).toBe('ə'.repeat(10));
    await capped.close();
  });
});
