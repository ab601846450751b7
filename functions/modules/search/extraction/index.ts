import type { TextExtractor } from '../ports';
import { decodePlain, detect } from './detect';
import { jpegSize, pngSize, tiffFrames, toPgm, fitWithin } from './images';
import { defaultLimits, TextSink, type ExtractionLimits } from './limits';
import { docxText, odtText, withinUnpackedCap, xlsxText } from './office';
import { findTessdata, OcrEngine } from './ocr';
import { OCR_MAX_SIDE, openPdf } from './pdf';

export { BUNDLED_TESSDATA_FOLDER, OCR_LANGUAGES, tessdataFilesToBundle } from './ocr';
export type { ExtractionLimits } from './limits';

type Extraction = Awaited<ReturnType<TextExtractor['extract']>>;

export interface TextExtractorOptions {
  /** Bounds per file; defaults in `limits.ts`. */
  limits?: Partial<ExtractionLimits>;
  /** The folder with aze, rus and eng traineddata (default: see `findTessdata`). */
  tessdataDir?: string;
  /** Told once per file that could not be read, and once if OCR models are missing. */
  onProblem?: (problem: { fileName: string; reason: string }) => void;
}

const NONE: Extraction = { text: '', method: 'none', pages: 0 };

/**
 * The text of a document's files for search: PDF text layers (pdf.js), Word (mammoth), Excel
 * (exceljs), OpenDocument text, plain text, and OCR of images and scanned pages with Tesseract
 * (tesseract.js, WASM: the same code in a Lambda and on the embedded default) in Azerbaijani,
 * Russian and English. Never throws for a file: an unknown, legacy (.doc), corrupt or oversized
 * one gives method `none`. One OCR worker per extractor, created on first use; `close` ends it.
 */
export function createTextExtractor(
  options: TextExtractorOptions = {},
): TextExtractor & { close(): Promise<void> } {
  const limits: ExtractionLimits = { ...defaultLimits, ...options.limits };
  const tessdata = findTessdata(options.tessdataDir);
  const ocr = tessdata ? new OcrEngine(tessdata) : undefined;
  const problem = (fileName: string, reason: string) => options.onProblem?.({ fileName, reason });
  let toldNoModels = false;

  /** OCR of one image within the file's deadline; undefined when it failed or time ran out. */
  async function recognize(
    image: Uint8Array,
    deadline: number,
    fileName: string,
  ): Promise<string | undefined> {
    if (!ocr) {
      if (!toldNoModels) problem(fileName, 'OCR models (aze, rus, eng traineddata) not installed');
      toldNoModels = true;
      return undefined;
    }
    try {
      return await ocr.recognize(image, deadline);
    } catch (error) {
      problem(fileName, `OCR: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  async function pdf(bytes: Uint8Array, fileName: string): Promise<Extraction> {
    const doc = await openPdf(bytes, limits);
    try {
      const sink = new TextSink(limits.maxTextChars);
      const deadline = Date.now() + limits.maxOcrMillis;
      let ocrImages = 0;
      let ocrUsed = false;
      const pages = Math.min(doc.pages, limits.maxPdfPages);
      for (let n = 1; n <= pages && !sink.full; n++) {
        const page = await doc.page(n);
        sink.add(page.text);
        if (!page.thin) continue;
        for await (const image of page.images()) {
          if (ocrImages >= limits.maxOcrImages || Date.now() >= deadline) break;
          ocrImages++;
          const text = await recognize(toPgm(image), deadline, fileName);
          if (text?.trim()) {
            ocrUsed = true;
            sink.add(text);
          }
        }
      }
      return { text: sink.text(), method: ocrUsed ? 'ocr' : 'text-layer', pages };
    } finally {
      await doc.close();
    }
  }

  async function image(
    bytes: Uint8Array,
    kind: 'png' | 'jpeg' | 'tiff',
    fileName: string,
  ): Promise<Extraction> {
    const deadline = Date.now() + limits.maxOcrMillis;
    const sink = new TextSink(limits.maxTextChars);
    let pages = 0;
    if (kind === 'tiff') {
      for (const frame of tiffFrames(bytes, limits.maxImagePixels, limits.maxOcrImages)) {
        if (Date.now() >= deadline) break;
        pages++;
        if (!frame) continue;
        const text = await recognize(toPgm(fitWithin(frame, OCR_MAX_SIDE)), deadline, fileName);
        if (text) sink.add(text);
      }
    } else {
      const size = kind === 'png' ? pngSize(bytes) : jpegSize(bytes);
      if (!size || !size.width || !size.height || size.width * size.height > limits.maxImagePixels) {
        problem(fileName, 'image size unreadable or over the pixel cap');
        return NONE;
      }
      pages = 1;
      const text = await recognize(bytes, deadline, fileName);
      if (text === undefined) return NONE;
      sink.add(text);
    }
    if (pages === 0) return NONE;
    return { text: sink.text(), method: 'ocr', pages };
  }

  async function extract(input: {
    bytes: Uint8Array;
    mediaType: string;
    fileName: string;
  }): Promise<Extraction> {
    const { bytes, mediaType, fileName } = input;
    if (bytes.length === 0 || bytes.length > limits.maxInputBytes) return NONE;
    const file = detect(bytes, mediaType, fileName);
    switch (file.kind) {
      case 'pdf':
        return pdf(bytes, fileName);
      case 'png':
      case 'jpeg':
      case 'tiff':
        return image(bytes, file.kind, fileName);
      case 'docx':
      case 'xlsx':
      case 'odt': {
        if (!withinUnpackedCap(file.entries, limits)) {
          problem(fileName, 'archive unpacks past the cap');
          return NONE;
        }
        if (file.kind === 'docx') return { text: await docxText(bytes, limits), method: 'office', pages: 1 };
        if (file.kind === 'odt')
          return { text: odtText(bytes, file.entries, limits), method: 'office', pages: 1 };
        const { text, sheets } = await xlsxText(bytes, limits);
        return { text, method: 'office', pages: sheets };
      }
      case 'plain': {
        const sink = new TextSink(limits.maxTextChars);
        let end = Math.min(bytes.length, limits.maxTextChars * 4);
        while (end < bytes.length && end > 0 && (bytes[end]! & 0xc0) === 0x80) end--; // a UTF-8 boundary
        sink.add(decodePlain(bytes.subarray(0, end)));
        return { text: sink.text(), method: 'plain', pages: 1 };
      }
      default:
        return NONE;
    }
  }

  return {
    async extract(input) {
      try {
        return await extract(input);
      } catch (error) {
        problem(input.fileName, error instanceof Error ? error.message : String(error));
        return NONE;
      }
    },
    close: async () => {
      await ocr?.close();
    },
  };
}
