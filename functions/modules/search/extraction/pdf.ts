import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ExtractionLimits } from './limits';
import { fitWithin, fromBits, fromPixels, type GreyImage } from './images';

/**
 * PDFs through pdf.js (pdfjs-dist, already the web app's viewer), its legacy build, which runs on
 * Node 20 (the package declares Node 22 for its modern build only). Text layers come from
 * `getTextContent`. A page without one is a scan: its images are taken from the page's operator
 * list already decoded by pdf.js's own JavaScript/WASM decoders (JPEG, JPEG 2000, JBIG2, CCITT,
 * Flate) and handed to OCR. No canvas is needed, so the same code runs in a Lambda, where no
 * native canvas or poppler exists.
 */
type PdfJs = typeof PdfJsModule;

let loaded: Promise<PdfJs> | undefined;

/** pdf.js with its worker's message handler on the main thread (the bundler sees both imports). */
function pdfjs(): Promise<PdfJs> {
  loaded ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loaded;
}

/** pdf.js's data folders (CMaps for CJK-encoded text, JPEG 2000 decoder) when node_modules is there. */
function dataFolders(): { cMapUrl?: string; wasmUrl?: string; standardFontDataUrl?: string } {
  try {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    const folder = (name: string) => (existsSync(join(root, name)) ? `${join(root, name)}/` : undefined);
    return {
      cMapUrl: folder('cmaps'),
      wasmUrl: folder('wasm'),
      standardFontDataUrl: folder('standard_fonts'),
    };
  } catch {
    return {};
  }
}

/** A page with fewer letters than this in its text layer is treated as a scan. */
const MIN_TEXT_LAYER_LETTERS = 16;
/** Images smaller than this (logos, stamps, rules) are not OCR'd. */
const MIN_OCR_PIXELS = 200 * 200;
/** Scans are shrunk to about 300 dpi of A4 before OCR. */
export const OCR_MAX_SIDE = 3600;

export interface PdfPage {
  text: string;
  /** Too little text layer for a page: likely a scan (perhaps with a stamped page number). */
  thin: boolean;
  /** The page's images worth OCR, largest first, decoded lazily (only for a thin page). */
  images: () => AsyncGenerator<GreyImage>;
}

interface PdfImageObject {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

/** Reads the pages of a PDF one at a time; `close` releases pdf.js's document. */
export async function openPdf(bytes: Uint8Array, limits: ExtractionLimits) {
  const lib = await pdfjs();
  const task = lib.getDocument({
    data: new Uint8Array(bytes), // pdf.js takes ownership of (detaches) the buffer
    ...dataFolders(),
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    maxImageSize: limits.maxImagePixels,
    stopAtErrors: false,
    verbosity: lib.VerbosityLevel.ERRORS,
  });
  const doc = await task.promise;
  const { OPS, ImageKind } = lib;

  async function page(number: number): Promise<PdfPage> {
    const p = await doc.getPage(number);
    const content = await p.getTextContent();
    const text = content.items
      .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
      .join('')
      .replace(/[ \t]+\n/g, '\n');
    const letters = text.replace(/[^\p{L}\p{N}]/gu, '').length;
    async function* images(): AsyncGenerator<GreyImage> {
      const ops = await p.getOperatorList();
      const found: PdfImageObject[] = [];
      for (let i = 0; i < ops.fnArray.length; i++) {
        const fn = ops.fnArray[i];
        const args = ops.argsArray[i] as unknown[];
        if (fn === OPS.paintImageXObject) {
          const id = args[0] as string;
          const objs = id.startsWith('g_') ? p.commonObjs : p.objs;
          const image = await new Promise<PdfImageObject | null>((resolve) => objs.get(id, resolve));
          if (image) found.push(image);
        } else if (fn === OPS.paintInlineImageXObject) {
          found.push(args[0] as PdfImageObject);
        }
      }
      const usable = found
        .filter((im) => im.data && im.width * im.height >= MIN_OCR_PIXELS)
        .sort((a, b) => b.width * b.height - a.width * a.height);
      for (const im of usable) {
        const data = new Uint8Array(im.data!.buffer, im.data!.byteOffset, im.data!.byteLength);
        let grey: GreyImage | undefined;
        if (im.kind === ImageKind.GRAYSCALE_1BPP) grey = fromBits(im.width, im.height, data);
        else if (im.kind === ImageKind.RGB_24BPP) grey = fromPixels(im.width, im.height, data, 3);
        else if (im.kind === ImageKind.RGBA_32BPP) grey = fromPixels(im.width, im.height, data, 4);
        if (grey) yield fitWithin(grey, OCR_MAX_SIDE);
      }
    }
    return { text, thin: letters < MIN_TEXT_LAYER_LETTERS, images };
  }

  return {
    pages: doc.numPages,
    page,
    close: () => task.destroy(),
  };
}
