import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import ExcelJS from 'exceljs';
import jpeg from 'jpeg-js';
import { PDFDocument } from 'pdf-lib';

/**
 * Files made in the test for the text extractor: PDFs with a text layer (pdf-lib, DejaVu Sans,
 * the project's font), "scans" (that PDF rendered by poppler's pdftoppm, as PNG, JPEG, TIFF or
 * an image-only PDF), Word, Excel and OpenDocument files, and broken ones.
 */
const require = createRequire(import.meta.url);
const dejavu = () => readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));

/** An A4 PDF with a text layer: each page a list of lines. */
export async function textPdf(pages: string[][], size = 16): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(dejavu(), { subset: true });
  for (const lines of pages) {
    const page = doc.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 56, y: 770 - i * size * 1.6, size, font }));
  }
  return doc.save();
}

/** A grey 8-bit raster of a page, as pdftoppm renders it. */
export interface Raster {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Lines of text on an A4 page, rendered at `dpi` to grey pixels (the "scan"). */
export async function scanRaster(lines: string[], dpi = 300, size = 16): Promise<Raster> {
  const dir = mkdtempSync(join(tmpdir(), 'scan-'));
  try {
    writeFileSync(join(dir, 'page.pdf'), await textPdf([lines], size));
    execFileSync('pdftoppm', [
      '-r',
      String(dpi),
      '-gray',
      '-singlefile',
      join(dir, 'page.pdf'),
      join(dir, 'page'),
    ]);
    const pgm = readFileSync(join(dir, 'page.pgm'));
    const head = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
    if (!head) throw new Error('pdftoppm gave no PGM');
    return {
      width: Number(head[1]),
      height: Number(head[2]),
      data: new Uint8Array(pgm.subarray(head[0].length)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same lines as a PNG scan. */
export async function scanPng(lines: string[], dpi = 300): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'scan-'));
  try {
    writeFileSync(join(dir, 'page.pdf'), await textPdf([lines]));
    execFileSync('pdftoppm', [
      '-r',
      String(dpi),
      '-gray',
      '-png',
      '-singlefile',
      join(dir, 'page.pdf'),
      join(dir, 'page'),
    ]);
    return new Uint8Array(readFileSync(join(dir, 'page.png')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function rasterToJpeg(r: Raster, quality = 85): Uint8Array {
  const data = Buffer.alloc(r.width * r.height * 4);
  for (let i = 0; i < r.width * r.height; i++) {
    data.fill(r.data[i]!, i * 4, i * 4 + 3);
    data[i * 4 + 3] = 255;
  }
  return new Uint8Array(jpeg.encode({ data, width: r.width, height: r.height }, quality).data);
}

/** A baseline little-endian TIFF with one uncompressed 8-bit grey frame per raster. */
export function rastersToTiff(rasters: Raster[]): Uint8Array {
  const TAGS = 8;
  const ifdSize = 2 + TAGS * 12 + 4;
  let offset = 8;
  const layout = rasters.map((r) => {
    const ifd = offset;
    const pixels = ifd + ifdSize;
    offset = pixels + r.width * r.height;
    offset += offset % 2;
    return { r, ifd, pixels };
  });
  const out = Buffer.alloc(offset);
  out.write('II', 0, 'ascii');
  out.writeUInt16LE(42, 2);
  out.writeUInt32LE(8, 4);
  layout.forEach(({ r, ifd, pixels }, n) => {
    const tags: Array<[number, number, number]> = [
      [256, 4, r.width], // ImageWidth
      [257, 4, r.height], // ImageLength
      [258, 3, 8], // BitsPerSample
      [259, 3, 1], // Compression: none
      [262, 3, 1], // Photometric: black is zero
      [273, 4, pixels], // StripOffsets
      [278, 4, r.height], // RowsPerStrip
      [279, 4, r.width * r.height], // StripByteCounts
    ];
    out.writeUInt16LE(TAGS, ifd);
    tags.forEach(([tag, type, value], i) => {
      const at = ifd + 2 + i * 12;
      out.writeUInt16LE(tag, at);
      out.writeUInt16LE(type, at + 2);
      out.writeUInt32LE(1, at + 4);
      if (type === 3) out.writeUInt16LE(value, at + 8);
      else out.writeUInt32LE(value, at + 8);
    });
    out.writeUInt32LE(n + 1 < layout.length ? layout[n + 1]!.ifd : 0, ifd + 2 + TAGS * 12);
    out.set(r.data.subarray(0, r.width * r.height), pixels);
  });
  return new Uint8Array(out);
}

/** A PDF whose pages are only images (no text layer), as a scanner makes. */
export async function imagePdf(pngs: Uint8Array[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const png of pngs) {
    const image = await doc.embedPng(png);
    doc.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  }
  return doc.save();
}

/** A ZIP archive (deflated entries); `declare` overrides an entry's declared unpacked size. */
export function zip(
  files: Record<string, string | Uint8Array>,
  declare: Record<string, number> = {},
): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const size = declare[name] ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A minimal Word document (the parts Word itself needs), one paragraph per line. */
export function docx(paragraphs: string[]): Uint8Array {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  return zip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml':
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>` +
      paragraphs
        .map((p) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(p)}</w:t></w:r></w:p>`)
        .join('') +
      '</w:body></w:document>',
  });
}

/** A minimal OpenDocument text, one paragraph per line. */
export function odt(paragraphs: string[]): Uint8Array {
  return zip({
    mimetype: 'application/vnd.oasis.opendocument.text',
    'content.xml':
      '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>' +
      paragraphs.map((p) => `<text:p>${xmlEscape(p)}</text:p>`).join('') +
      '</office:text></office:body></office:document-content>',
  });
}

/** A workbook with one sheet per entry, made by exceljs. */
export async function xlsx(
  sheets: Record<string, Array<Array<string | number | Date>>>,
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/**
 * Folds for a comparison tolerant of OCR noise: lower case (Turkic I), Azerbaijani and Russian
 * letters kept, everything else dropped.
 */
export const fold = (s: string) =>
  s
    .toLocaleLowerCase('az')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
