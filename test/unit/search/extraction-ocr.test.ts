import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTextExtractor } from '../../../functions/modules/search/extraction';
import { findTessdata } from '../../../functions/modules/search/extraction/ocr';
import {
  fold,
  imagePdf,
  rastersToTiff,
  rasterToJpeg,
  scanPng,
  scanRaster,
  textPdf,
  type Raster,
} from './extraction-fixtures';

// OCR with the real Tesseract (tesseract.js WASM) and the installed aze, rus and eng models, on
// scans rendered in the test by poppler's pdftoppm from DejaVu text. Compared folded: OCR may
// miss a mark, never the whole word.
const AZ = ['Şəhriyar rayonu sakininin ərizəsi', 'Məmmədova Gülnarə'];
const RU = ['Заявление жителя города Баку'];
const EN = ['Application for a certificate'];

const extractor = createTextExtractor();
afterAll(() => extractor.close());

let page: Raster;
let png: Uint8Array;
beforeAll(async () => {
  if (!findTessdata())
    throw new Error(
      'OCR models missing: apt-get install tesseract-ocr-aze tesseract-ocr-rus tesseract-ocr-eng',
    );
  page = await scanRaster([...AZ, ...RU, ...EN], 300);
  png = await scanPng([...AZ, ...RU, ...EN], 300);
});

const expectWords = (text: string, words: string[]) => {
  for (const word of words) expect(fold(text)).toContain(fold(word));
};

describe('OCR of images and scans', () => {
  it('reads Azerbaijani, Russian and English from a PNG scan', async () => {
    const result = await extractor.extract({ bytes: png, mediaType: 'image/png', fileName: 'scan.png' });
    expect(result).toMatchObject({ method: 'ocr', pages: 1 });
    expectWords(result.text, ['Şəhriyar', 'ərizəsi', 'Məmmədova', 'Заявление', 'Баку', 'certificate']);
  });

  it('reads a JPEG scan and every frame of a multi-page TIFF', async () => {
    const jpeg = await extractor.extract({
      bytes: rasterToJpeg(page),
      mediaType: 'image/jpeg',
      fileName: 's.jpg',
    });
    expect(jpeg).toMatchObject({ method: 'ocr', pages: 1 });
    expectWords(jpeg.text, ['Şəhriyar', 'Заявление']);
    const second = await scanRaster(['İkinci səhifə: qərar'], 200);
    const tiff = await extractor.extract({
      bytes: rastersToTiff([page, second]),
      mediaType: 'image/tiff',
      fileName: 's.tif',
    });
    expect(tiff).toMatchObject({ method: 'ocr', pages: 2 });
    expectWords(tiff.text, ['ərizəsi', 'Баку', 'səhifə', 'qərar']);
  });

  it('OCRs the pages of a PDF that have no text layer, and keeps the text layer of the others', async () => {
    const scanned = await extractor.extract({
      bytes: await imagePdf([png]),
      mediaType: 'application/pdf',
      fileName: 'scan.pdf',
    });
    expect(scanned).toMatchObject({ method: 'ocr', pages: 1 });
    expectWords(scanned.text, ['Şəhriyar', 'Məmmədova', 'Заявление']);

    const layered = await textPdf([['Mətn qatı olan səhifə: dərkənar']]);
    const { PDFDocument } = await import('pdf-lib');
    const mixed = await PDFDocument.load(layered);
    const scan = await PDFDocument.load(await imagePdf([png]));
    const [copied] = await mixed.copyPages(scan, [0]);
    mixed.addPage(copied!);
    const result = await extractor.extract({
      bytes: await mixed.save(),
      mediaType: 'application/pdf',
      fileName: 'm.pdf',
    });
    expect(result).toMatchObject({ method: 'ocr', pages: 2 });
    expect(result.text).toContain('Mətn qatı olan səhifə: dərkənar');
    expectWords(result.text, ['Şəhriyar', 'Баку']);
  });

  it('OCRs at most the capped number of images per file', async () => {
    const capped = createTextExtractor({ limits: { maxOcrImages: 1 } });
    try {
      const other = await scanPng(['Başqa səhifə'], 150);
      const result = await capped.extract({
        bytes: await imagePdf([png, other]),
        mediaType: 'application/pdf',
        fileName: 'x.pdf',
      });
      expect(result).toMatchObject({ method: 'ocr', pages: 2 });
      expectWords(result.text, ['Şəhriyar']);
      expect(fold(result.text)).not.toContain('başqa');
    } finally {
      await capped.close();
    }
  });

  it('abandons OCR past the time budget without crashing, and the next file is read by a fresh worker', async () => {
    const problems: string[] = [];
    const hasty = createTextExtractor({
      limits: { maxOcrMillis: 300 },
      onProblem: (p) => problems.push(p.reason),
    });
    try {
      expect(await hasty.extract({ bytes: png, mediaType: 'image/png', fileName: 'a.png' })).toEqual({
        text: '',
        method: 'none',
        pages: 0,
      });
      expect(problems.join()).toContain('OCR time budget spent');
    } finally {
      await hasty.close();
    }
    // The shared extractor still works after the other one's worker was ended.
    const again = await extractor.extract({ bytes: png, mediaType: 'image/png', fileName: 'b.png' });
    expectWords(again.text, ['Şəhriyar']);
  });

  it('gives none for a corrupt image', async () => {
    const broken = png.slice(0, 400);
    expect(
      (await extractor.extract({ bytes: broken, mediaType: 'image/png', fileName: 'c.png' })).method,
    ).toBe('none');
    const jpegHead = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, ...new Array(40).fill(7)]);
    expect(
      (await extractor.extract({ bytes: jpegHead, mediaType: 'image/jpeg', fileName: 'c.jpg' })).method,
    ).toBe('none');
    const tiffHead = new Uint8Array([0x49, 0x49, 0x2a, 0, 0xff, 0xff, 0xff, 0x7f, 1, 2, 3]);
    expect(
      (await extractor.extract({ bytes: tiffHead, mediaType: 'image/tiff', fileName: 'c.tif' })).method,
    ).toBe('none');
  });

  it('never reaches the network: models, worker and WASM core all come from this machine', () => {
    // A child process whose every socket connection and DNS look-up fails and is reported, in the
    // main thread and in worker threads alike (the preload runs in each).
    const dir = mkdtempSync(join(tmpdir(), 'offline-'));
    try {
      writeFileSync(join(dir, 'scan.png'), png);
      const guard = `
        import net from 'node:net'; import dns from 'node:dns'; import { isMainThread } from 'node:worker_threads';
        const deny = (what) => { process.stderr.write('NETWORK ATTEMPT ' + what + '\\n'); throw new Error('offline'); };
        net.Socket.prototype.connect = function () { deny('connect'); };
        dns.lookup = () => deny('dns');
        globalThis.fetch = async (url) => deny('fetch ' + url);
        if (!isMainThread) process.stderr.write('GUARD IN WORKER\\n');`;
      const script = `
        const { createTextExtractor } = await import(${JSON.stringify(resolve('functions/modules/search/extraction/index.ts'))});
        const { readFileSync } = await import('node:fs');
        const x = createTextExtractor({ onProblem: (p) => console.error('PROBLEM', p.reason) });
        const r = await x.extract({ bytes: readFileSync(${JSON.stringify(join(dir, 'scan.png'))}), mediaType: 'image/png', fileName: 's.png' });
        await x.close();
        console.log(JSON.stringify(r));`;
      writeFileSync(join(dir, 'run.mjs'), script);
      const child = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          '--import',
          `data:text/javascript,${encodeURIComponent(guard)}`,
          join(dir, 'run.mjs'),
        ],
        {
          encoding: 'utf8',
          timeout: 60_000,
          env: { ...process.env, HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9' },
        },
      );
      expect(child.stderr).not.toContain('NETWORK ATTEMPT');
      expect(child.stderr).not.toContain('Error');
      expect(child.stderr).toContain('GUARD IN WORKER');
      expect(child.status).toBe(0);
      const result = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { method: string; text: string };
      expect(result.method).toBe('ocr');
      expectWords(result.text, ['Şəhriyar', 'Заявление']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
