import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTextExtractor } from '../../functions/modules/search';
import { fold, rasterToJpeg, scanRaster } from '../../test/unit/search/extraction-fixtures';

/**
 * OCR pages per minute (issue 16): one A4 page of dense Azerbaijani and Russian text (11 pt
 * DejaVu Sans, 44 lines), rendered by pdftoppm at 300 and 200 dpi and saved as a JPEG scan, read
 * by the text extractor (tesseract.js, aze+rus+eng) in its own process, as the indexing Lambda and
 * the embedded default run it. Reports the worker's start, each page's time, pages per minute on
 * one core (from the CPU time, so that a busy machine does not distort it; wall time beside it),
 * the share of words read back, and the process's peak RSS (the worker thread included).
 * The goal: a 20-page scan indexed within about 3 minutes of one core.
 */
export const OCR_GOAL = { pagesPerMinute: 6, peakRssMb: 600 };

export interface OcrFigures {
  dpi: number;
  width: number;
  height: number;
  firstPageMs: number;
  pageMs: number[];
  cpuMs: number[];
  pagesPerMinute: number;
  wordsFound: number;
  baselineRssMb: number;
  peakRssMb: number;
}

const WORDS = (
  'Azərbaycan Respublikası Nazirlər Kabinetinin qərarı ilə təsdiq edilmiş qaydalara uyğun olaraq ' +
  'daxil olan sənədlər qeydiyyat jurnalında nömrələnir, icraçıya dərkənar yazılır və icra müddəti ' +
  'nəzarətə götürülür. Şəhriyar Məmmədova Gülnarə İsmayıl qızı ərizə ilə müraciət etmişdir. ' +
  'Входящие документы регистрируются в журнале, исполнителю направляется резолюция, срок исполнения ' +
  'ставится на контроль. Заявление гражданина рассмотрено в установленном порядке.'
).split(' ');

/** 44 lines of about 70 characters, the words in a fixed shuffled order. */
function denseLines(): string[] {
  const lines: string[] = [];
  let line = '';
  for (let i = 0; lines.length < 44; i++) {
    const word = WORDS[(i * 7) % WORDS.length]!;
    if ((line + ' ' + word).length > 72) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return lines;
}

async function child(dpi: number, pages: number): Promise<OcrFigures> {
  const lines = denseLines();
  const raster = await scanRaster(lines, dpi, 11);
  const jpeg = rasterToJpeg(raster, 80);
  const baselineRssMb = process.memoryUsage().rss / 1e6;
  const extractor = createTextExtractor();
  const pageMs: number[] = [];
  const cpuMs: number[] = [];
  let text = '';
  try {
    for (let i = 0; i <= pages; i++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const result = await extractor.extract({ bytes: jpeg, mediaType: 'image/jpeg', fileName: 'scan.jpg' });
      if (result.method !== 'ocr')
        throw new Error('OCR did not run: are the aze, rus and eng models installed?');
      pageMs.push(performance.now() - t0);
      const cpu = process.cpuUsage(c0);
      cpuMs.push((cpu.user + cpu.system) / 1000);
      text = result.text;
    }
  } finally {
    await extractor.close();
  }
  const expected = lines.join(' ').split(' ').map(fold);
  const read = new Set(fold(text).split(/\s+/));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    dpi,
    width: raster.width,
    height: raster.height,
    firstPageMs: pageMs[0]!,
    pageMs: pageMs.slice(1),
    cpuMs: cpuMs.slice(1),
    pagesPerMinute: 60_000 / mean(cpuMs.slice(1)),
    wordsFound: expected.filter((w) => read.has(w.trim())).length / expected.length,
    baselineRssMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

/** Runs the measurement in a child process per resolution (so the peak RSS is OCR's alone). */
export function ocrRun(dpi: number, pages = Number(process.env.BENCH_OCR_PAGES ?? 5)): Promise<OcrFigures> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), String(dpi), String(pages)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as OcrFigures)
        : reject(new Error(`OCR bench exited with ${code}`)),
    );
  });
}

export function ocrLines(f: OcrFigures): string[] {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return [
    `OCR of a dense A4 scan at ${f.dpi} dpi (${f.width}×${f.height} JPEG, aze+rus+eng): ` +
      `${f.pagesPerMinute.toFixed(1)} pages/min on one core (goal ≥ ${OCR_GOAL.pagesPerMinute}), ` +
      `${(mean(f.cpuMs) / 1000).toFixed(2)} s CPU a page (wall ${(mean(f.pageMs) / 1000).toFixed(2)} s; ` +
      `first page ${(f.firstPageMs / 1000).toFixed(2)} s wall with the worker's start), ` +
      `${(f.wordsFound * 100).toFixed(0)} % of words read back, peak RSS ${f.peakRssMb.toFixed(0)} MB ` +
      `(goal ≤ ${OCR_GOAL.peakRssMb} MB; ${f.baselineRssMb.toFixed(0)} MB before the worker)`,
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dpi = '300', pages = '5'] = process.argv.slice(2);
  child(Number(dpi), Number(pages)).then(
    (f) => process.stdout.write(`${JSON.stringify(f)}\n`),
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    },
  );
}
