import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont } from 'pdf-lib';

/**
 * The text font of the single file: DejaVu Sans, shipped by the pinned `dejavu-fonts-ttf` package
 * (never a system font path: machines differ). It covers the Azerbaijani Latin letters
 * (ə ğ ı İ ş ç ö ü), Cyrillic and the rest of the texts an agency writes.
 */
export interface FontFiles {
  regular: Uint8Array;
  bold: Uint8Array;
}

/** The font files the single file uses, by name. */
export const FONT_FILE_NAMES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'] as const;
type FontFileName = (typeof FONT_FILE_NAMES)[number];

/** Where a Lambda bundle carries the fonts: `fonts/` beside its entry (see `fontFilesToBundle`). */
export const BUNDLED_FONT_FOLDER = 'fonts';

/**
 * The font files a bundle must carry, with where they are in `node_modules`: a Lambda bundle has
 * no `node_modules`, so the stack copies these into `fonts/` beside the bundle's entry.
 */
export function fontFilesToBundle(): Array<{ name: FontFileName; path: string }> {
  const require = createRequire(import.meta.url);
  return FONT_FILE_NAMES.map((name) => ({ name, path: require.resolve(`dejavu-fonts-ttf/ttf/${name}`) }));
}

/** The file beside a bundle's entry when bundled; the package's own file when run from source. */
function fontPath(name: FontFileName): string {
  const bundled = fileURLToPath(new URL(`./${BUNDLED_FONT_FOLDER}/${name}`, import.meta.url));
  if (existsSync(bundled)) return bundled;
  return createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`);
}

let cached: FontFiles | undefined;

export function textFonts(): FontFiles {
  if (cached) return cached;
  const file = (name: FontFileName) => new Uint8Array(readFileSync(fontPath(name)));
  cached = { regular: file('DejaVuSans.ttf'), bold: file('DejaVuSans-Bold.ttf') };
  return cached;
}

/**
 * A new PDF with the text fonts embedded as subsets, and no creation or change dates (the same
 * content gives the same bytes): where the citizen-facing documents (receipts, letters, visas) start.
 */
export async function textPdf(): Promise<{ pdf: PDFDocument; regular: PDFFont; bold: PDFFont }> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const files = textFonts();
  const regular = await pdf.embedFont(files.regular, { subset: true });
  const bold = await pdf.embedFont(files.bold, { subset: true });
  return { pdf, regular, bold };
}
