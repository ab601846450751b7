import bwipjs from 'bwip-js/node';
import {
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingGrayscaleColor,
  type PDFPage,
} from 'pdf-lib';

/**
 * The registration code of page 1 (Decree 935 §146) as a QR code's modules. bwip-js writes text
 * that holds characters beyond Latin-1 as UTF-8 (the labels' "ə" and "ş" make sure it always
 * does), so the four requisites read back exactly, Azerbaijani letters included (§142.2).
 */
export interface BarcodeMatrix {
  /** Modules per side. */
  size: number;
  /** Row-major, top row first: true is a dark module. */
  dark: boolean[];
}

/** The four requisites of §146 as the code carries them, one labelled line each. */
export interface CodeRequisites {
  organization: string;
  legalAddress: string;
  registrationNumber: string;
  /** dd.MM.yyyy (Baku). */
  registrationDate: string;
}

export const CODE_LABELS = {
  organization: 'Təşkilat',
  legalAddress: 'Hüquqi ünvan',
  registrationNumber: 'Qeydiyyat nömrəsi',
  registrationDate: 'Qeydiyyat tarixi',
} as const satisfies Record<keyof CodeRequisites, string>;

const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();

/** The code's text: "Təşkilat: …\nHüquqi ünvan: …\nQeydiyyat nömrəsi: …\nQeydiyyat tarixi: …". */
export function codeText(r: CodeRequisites): string {
  return (Object.keys(CODE_LABELS) as Array<keyof CodeRequisites>)
    .map((key) => `${CODE_LABELS[key]}: ${oneLine(r[key])}`)
    .join('\n');
}

/** Reads the requisites back from a code's text (what a scanner of the printout gets). */
export function parseCodeText(text: string): Partial<CodeRequisites> {
  const out: Partial<CodeRequisites> = {};
  for (const line of text.split('\n')) {
    for (const key of Object.keys(CODE_LABELS) as Array<keyof CodeRequisites>) {
      const prefix = `${CODE_LABELS[key]}: `;
      if (line.startsWith(prefix)) out[key] = line.slice(prefix.length);
    }
  }
  return out;
}

/** The QR code (error correction M) of a text, as a matrix of modules to draw as vector squares. */
export function qrMatrix(text: string): BarcodeMatrix {
  const [symbol] = bwipjs.raw({ bcid: 'qrcode', text, eclevel: 'M' } as bwipjs.RawOptions) as Array<{
    pixs: number[];
    pixx: number;
    pixy: number;
  }>;
  if (!symbol || symbol.pixx !== symbol.pixy) throw new Error('The QR code could not be made');
  return { size: symbol.pixx, dark: symbol.pixs.map((p) => p === 1) };
}

/**
 * A QR code's dark modules drawn as filled squares at (x, y), `side` points wide, joined into runs
 * per row (one path, vector: sharp at any print size).
 */
export function drawQrMatrix(page: PDFPage, matrix: BarcodeMatrix, x: number, y: number, side: number): void {
  const { size, dark } = matrix;
  const module = side / size;
  const ops = [pushGraphicsState(), setFillingGrayscaleColor(0)];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!dark[row * size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && dark[row * size + col]) col++;
      ops.push(rectangle(x + start * module, y + side - (row + 1) * module, (col - start) * module, module));
    }
  }
  ops.push(fill(), popGraphicsState());
  page.pushOperators(...ops);
}
