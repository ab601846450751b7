import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';

/** Azerbaijani (Latin script), Russian and English, in this order of preference. */
export const OCR_LANGUAGES = ['aze', 'rus', 'eng'] as const;

/** Where a Lambda bundle carries the models: `tessdata/` beside its entry (see `tessdataFilesToBundle`). */
export const BUNDLED_TESSDATA_FOLDER = 'tessdata';

/**
 * Where the project's setup installs the models: Debian's tesseract-ocr-aze, -rus and -eng
 * packages (`.ci/run` installs them; the README names them as a prerequisite). Never fetched.
 */
const SYSTEM_TESSDATA = ['/usr/share/tesseract-ocr/5/tessdata', '/usr/share/tesseract-ocr/4.00/tessdata'];

const hasModels = (dir: string) =>
  OCR_LANGUAGES.every((lang) => existsSync(join(dir, `${lang}.traineddata`)));

/**
 * The folder with aze, rus and eng traineddata: `KARGUZAR_TESSDATA_DIR`, else `tessdata/` beside
 * the bundle's entry, else the Debian packages' folder. Undefined when none has all three.
 */
export function findTessdata(explicit = process.env['KARGUZAR_TESSDATA_DIR']): string | undefined {
  const bundled = fileURLToPath(new URL(`./${BUNDLED_TESSDATA_FOLDER}/`, import.meta.url));
  const candidates = explicit ? [explicit] : [bundled, ...SYSTEM_TESSDATA];
  return candidates.find(hasModels);
}

/** The model files a bundle must carry, with where they are on this machine. */
export function tessdataFilesToBundle(): Array<{ name: string; path: string }> {
  const dir = findTessdata();
  if (!dir)
    throw new Error(`OCR models not found: install tesseract-ocr-${OCR_LANGUAGES.join(', tesseract-ocr-')}`);
  return OCR_LANGUAGES.map((lang) => ({
    name: `${lang}.traineddata`,
    path: join(dir, `${lang}.traineddata`),
  }));
}

export class OcrTimeout extends Error {}

/**
 * One Tesseract worker per process: created on first use (about 1.5 s: the WASM core and three
 * models), reused for every image, and terminated by `close`. Jobs run one at a time; a job that
 * outlives its deadline terminates the worker (the only way to stop Tesseract mid-page) and the
 * next job starts a fresh one.
 */
export class OcrEngine {
  private worker: Promise<Worker> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly tessdata: string) {}

  private start(): Promise<Worker> {
    this.worker ??= createWorker([...OCR_LANGUAGES], OEM.LSTM_ONLY, {
      // A local folder: read with fs, never a URL. No cache written into the working directory.
      langPath: this.tessdata,
      gzip: false,
      cacheMethod: 'none',
      // Without a handler, a failing job would throw in the worker's message handler.
      errorHandler: () => undefined,
    }).then(async (worker) => {
      // Tesseract's own diagnostics ("Estimating resolution as …") would go to stdout.
      await worker.setParameters({
        tessedit_pageseg_mode: PSM.AUTO,
        preserve_interword_spaces: '1',
        debug_file: '/dev/null',
      });
      return worker;
    });
    this.worker.catch(() => (this.worker = undefined));
    return this.worker;
  }

  /** The text of one image (PNG, JPEG or PGM bytes), or a rejection on failure or timeout. */
  recognize(image: Uint8Array, deadline: number): Promise<string> {
    const job = this.queue.then(async () => {
      const budget = deadline - Date.now();
      if (budget <= 0) throw new OcrTimeout('OCR time budget spent');
      let timer: NodeJS.Timeout | undefined;
      let abandoned = false;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          abandoned = true;
          reject(new OcrTimeout('OCR time budget spent'));
        }, budget);
      });
      try {
        // The budget covers the worker's start too (the first image of a process pays for it).
        const work = this.start().then((worker) => {
          if (abandoned) throw new OcrTimeout('OCR time budget spent');
          return worker.recognize(Buffer.from(image));
        });
        work.catch(() => undefined); // settled after a timeout: nobody awaits it any more
        const result = await Promise.race([work, timeout]);
        return result.data.text;
      } catch (error) {
        await this.reset();
        throw error;
      } finally {
        clearTimeout(timer);
      }
    });
    this.queue = job.catch(() => undefined);
    return job;
  }

  private async reset(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.then((w) => w.terminate()).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.queue;
    await this.reset();
  }
}
