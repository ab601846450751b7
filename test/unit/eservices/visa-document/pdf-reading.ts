/**
 * Reading an issued visa PDF back as a reader would: its text layer through pdf.js (the search
 * module's extractor library) and the QR code's modules from the page's filled rectangles.
 */
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFObject } from 'pdf-lib';
import type { QrMatrix } from '../../../../functions/modules/eservices';

/** The text of each page, items joined by spaces. */
export async function pdfTexts(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const texts: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    texts.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
  }
  await doc.destroy();
  return texts;
}

/** The decoded content stream of page 1. */
async function firstPageContent(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  const page = doc.getPage(0);
  const contents = page.node.Contents();
  const streams: PDFObject[] = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  return streams
    .map((ref) => doc.context.lookup(ref))
    .map((stream) => {
      if (!(stream instanceof PDFRawStream)) throw new Error('page content is not a stream');
      return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
    })
    .join('\n');
}

/**
 * The QR code drawn on page 1, rebuilt from its rectangles (the page's only `re` operators): one
 * per run of dark modules in a row, each one module high.
 */
export async function drawnQr(bytes: Uint8Array): Promise<QrMatrix> {
  const content = await firstPageContent(bytes);
  const rects = [...content.matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re\b/g)].map((m) =>
    m.slice(1, 5).map(Number),
  ) as Array<[number, number, number, number]>;
  if (rects.length === 0) throw new Error('no QR code on page 1');
  const module = Math.min(...rects.map((r) => r[3]));
  const left = Math.min(...rects.map((r) => r[0]));
  const top = Math.max(...rects.map((r) => r[1] + r[3]));
  const right = Math.max(...rects.map((r) => r[0] + r[2]));
  const size = Math.round((right - left) / module);
  const dark = new Array<boolean>(size * size).fill(false);
  for (const [x, y, w, h] of rects) {
    const row = Math.round((top - (y + h)) / module);
    const col = Math.round((x - left) / module);
    for (let c = col; c < col + Math.round(w / module); c++) dark[row * size + c] = true;
  }
  return { size, dark };
}
