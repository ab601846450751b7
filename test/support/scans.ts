import { crc32, deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/**
 * Made-up scans and attachments for the single-file tests and the bench: JPEG (jpeg-js), PNG and
 * multi-page TIFF (written here, uncompressed), a PDF of N pages (pdf-lib) and office-like bytes.
 */

/** A grey page with a darker band and some noise (`seed` makes pages differ); quality 0–100. */
export function jpegScan(width: number, height: number, seed = 1, quality = 75): Uint8Array {
  const data = Buffer.alloc(width * height * 4);
  let s = seed;
  const noise = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) % 48) - 24;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const base = y % 40 < 6 ? 60 : 225;
      const v = Math.max(0, Math.min(255, base + noise()));
      data[i] = v;
      data[i + 1] = v;
      data[i + 2] = v;
      data[i + 3] = 255;
    }
  return new Uint8Array(jpeg.encode({ data, width, height }, quality).data);
}

/** An RGB PNG of one colour. */
export function pngScan(width: number, height: number, rgb: [number, number, number] = [200, 30, 30]) {
  const chunk = (type: string, body: Uint8Array) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'ascii');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) raw.set(rgb, y * (width * 3 + 1) + 1 + x * 3);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', new Uint8Array()),
    ]),
  );
}

/** A baseline little-endian TIFF with one uncompressed RGB page per size given. */
export function tiffScan(pages: Array<[number, number]>): Uint8Array {
  const TAGS = 10;
  const ifdSize = 2 + TAGS * 12 + 4 + 6; // + BitsPerSample's three shorts
  let offset = 8;
  const layout = pages.map(([w, h]) => {
    const ifd = offset;
    const pixels = ifd + ifdSize;
    offset = pixels + w * h * 3;
    offset += offset % 2;
    return { w, h, ifd, pixels };
  });
  const out = Buffer.alloc(offset);
  out.write('II', 0, 'ascii');
  out.writeUInt16LE(42, 2);
  out.writeUInt32LE(layout[0]!.ifd, 4);
  layout.forEach(({ w, h, ifd, pixels }, n) => {
    const bits = ifd + 2 + TAGS * 12 + 4;
    const tags: Array<[number, number, number, number]> = [
      [256, 4, 1, w],
      [257, 4, 1, h],
      [258, 3, 3, bits],
      [259, 3, 1, 1],
      [262, 3, 1, 2],
      [273, 4, 1, pixels],
      [277, 3, 1, 3],
      [278, 4, 1, h],
      [279, 4, 1, w * h * 3],
      [284, 3, 1, 1],
    ];
    out.writeUInt16LE(TAGS, ifd);
    tags.forEach(([tag, type, count, value], i) => {
      const at = ifd + 2 + i * 12;
      out.writeUInt16LE(tag, at);
      out.writeUInt16LE(type, at + 2);
      out.writeUInt32LE(count, at + 4);
      if (type === 3 && count === 1) out.writeUInt16LE(value, at + 8);
      else out.writeUInt32LE(value, at + 8);
    });
    out.writeUInt32LE(layout[n + 1]?.ifd ?? 0, ifd + 2 + TAGS * 12);
    [8, 8, 8].forEach((b, i) => out.writeUInt16LE(b, bits + i * 2));
    for (let i = 0; i < w * h; i++) out.set([20 * n, 120, 220 - 20 * n], pixels + i * 3);
  });
  return new Uint8Array(out);
}

/** A PDF of `pages` pages, each saying its number. */
export async function pdfOf(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++)
    pdf.addPage([400, 500]).drawText(`Attachment page ${i}`, { x: 40, y: 440, font });
  return pdf.save();
}

/** Bytes standing for an office file (a ZIP header and filler): embedded whole, never parsed. */
export function officeFile(size = 3000, seed = 7): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0x50, 0x4b, 0x03, 0x04]);
  let s = seed;
  for (let i = 4; i < size; i++) bytes[i] = (s = (s * 1103515245 + 12345) & 0x7fffffff) & 0xff;
  return bytes;
}

/** The embedded files of a PDF and its text per page, read with pdf.js (an independent reader). */
export async function readPdf(bytes: Uint8Array) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const attachments = ((await doc.getAttachments()) ?? {}) as Record<
    string,
    { filename: string; content: Uint8Array }
  >;
  const texts: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    texts.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
  }
  const pageCount = doc.numPages;
  await doc.destroy();
  return { pageCount, attachments: Object.values(attachments), texts };
}
