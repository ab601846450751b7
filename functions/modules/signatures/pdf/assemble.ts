import { createHash } from 'node:crypto';
import fontkit from '@pdf-lib/fontkit';
import {
  AFRelationship,
  concatTransformationMatrix,
  drawObject,
  PDFArray,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFString,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  type PDFFont,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';
import UTIF from 'utif2';
import { bytesMatch, type PartKind } from '../domain/single-file';
import { textFonts } from './font';

/** One labelled requisite of the first page ("Qeydiyyat nömrəsi: D-1/26"). */
export interface Requisite {
  label: string;
  value: string;
}

/** What the front pages say: the agency, the requisites, the summary and the text. */
export interface FrontMatter {
  organization: string;
  title: string;
  requisites: Requisite[];
  summary: string;
  text?: string;
  /** The closing list of the file's parts (attachments and embedded originals). */
  partsHeading: string;
}

export interface InputPart {
  id: string;
  fileName: string;
  contentType: string;
  kind: PartKind;
  bytes: Uint8Array;
}

export interface AssembledPart {
  id: string;
  kind: PartKind;
  pages: number;
}

export interface Assembled {
  bytes: Uint8Array;
  pageCount: number;
  textPages: number;
  parts: AssembledPart[];
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const SIZE = 11;
const LEADING = 15;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest();

/** The lines a text breaks into at a width (words kept whole unless one is wider than the line). */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) out.push(line);
      line = '';
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        out.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    out.push(line);
  }
  return out;
}

interface Line {
  text: string;
  bold?: boolean;
  size?: number;
  gapBefore?: number;
}

/** Lays the front matter out on as many A4 pages as it needs, inserted at the front. */
function frontPages(pdf: PDFDocument, front: FrontMatter, partLines: string[]) {
  const fonts = textFonts();
  return Promise.all([
    pdf.embedFont(fonts.regular, { subset: true }),
    pdf.embedFont(fonts.bold, { subset: true }),
  ]).then(([regular, bold]) => {
    const width = A4[0] - 2 * MARGIN;
    const lines: Line[] = [];
    const add = (text: string, opts: Omit<Line, 'text'> = {}) => {
      const font = opts.bold ? bold : regular;
      wrap(text, font, opts.size ?? SIZE, width).forEach((t, i) =>
        lines.push({ text: t, ...opts, ...(i > 0 ? { gapBefore: 0 } : {}) }),
      );
    };
    add(front.organization, { bold: true, size: 13 });
    add(front.title, { bold: true, size: 12, gapBefore: 8 });
    for (const r of front.requisites) add(`${r.label}: ${r.value}`, { gapBefore: 2 });
    add(front.summary, { bold: true, gapBefore: 12 });
    if (front.text?.trim()) add(front.text, { gapBefore: 10 });
    if (partLines.length) {
      add(front.partsHeading, { bold: true, gapBefore: 14 });
      for (const p of partLines) add(p, { size: 9 });
    }
    let index = 0;
    let page: PDFPage | undefined;
    let y = 0;
    for (const line of lines) {
      const size = line.size ?? SIZE;
      const step = (line.gapBefore ?? 0) + Math.max(LEADING, size + 4);
      if (!page || y - step < MARGIN) {
        page = pdf.insertPage(index++, A4);
        y = A4[1] - MARGIN;
      }
      y -= step;
      page.drawText(line.text, { x: MARGIN, y, size, font: line.bold ? bold : regular, color: rgb(0, 0, 0) });
    }
    return index;
  });
}

/** An image fitted to an A4 page of its orientation, centred. */
function imagePage(pdf: PDFDocument, width: number, height: number) {
  const size: [number, number] = width > height ? [A4[1], A4[0]] : A4;
  const page = pdf.addPage(size);
  const scale = Math.min(size[0] / width, size[1] / height);
  const w = width * scale;
  const h = height * scale;
  return { page, x: (size[0] - w) / 2, y: (size[1] - h) / 2, w, h };
}

/** Each page of a TIFF as an image XObject (1-bit gray for bilevel scans, RGB otherwise). */
function addTiff(pdf: PDFDocument, bytes: Uint8Array): number {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const ifds = UTIF.decode(buffer).filter((ifd) => ifd['t256'] !== undefined);
  let pages = 0;
  for (const ifd of ifds) {
    UTIF.decodeImage(buffer, ifd);
    const { width, height } = ifd;
    if (!width || !height) continue;
    const rgba = UTIF.toRGBA8(ifd);
    const bits = Array.isArray(ifd['t258']) ? Number(ifd['t258'][0]) : 8;
    let data: Uint8Array;
    let dict: Record<string, unknown>;
    if (bits === 1) {
      const row = Math.ceil(width / 8);
      data = new Uint8Array(row * height);
      for (let yy = 0; yy < height; yy++)
        for (let xx = 0; xx < width; xx++)
          if (rgba[(yy * width + xx) * 4]! >= 128) data[yy * row + (xx >> 3)]! |= 0x80 >> (xx & 7);
      dict = { ColorSpace: 'DeviceGray', BitsPerComponent: 1 };
    } else {
      data = new Uint8Array(width * height * 3);
      for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
        data[j] = rgba[i]!;
        data[j + 1] = rgba[i + 1]!;
        data[j + 2] = rgba[i + 2]!;
      }
      dict = { ColorSpace: 'DeviceRGB', BitsPerComponent: 8 };
    }
    const ref = pdf.context.register(
      pdf.context.flateStream(data, {
        Type: 'XObject',
        Subtype: 'Image',
        Width: width,
        Height: height,
        ...dict,
      }),
    );
    const { page, x, y, w, h } = imagePage(pdf, width, height);
    const name = page.node.newXObject('Scan', ref);
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(w, 0, 0, h, x, y),
      drawObject(name),
      popGraphicsState(),
    );
    pages++;
  }
  if (pages === 0) throw new Error('TIFF without pages');
  return pages;
}

/** One file's pages added at the end; 0 when it is to be embedded instead. */
async function addPages(pdf: PDFDocument, part: InputPart): Promise<number> {
  if (part.kind === 'embedded' || !bytesMatch(part.kind, part.bytes)) return 0;
  try {
    switch (part.kind) {
      case 'pdf': {
        const source = await PDFDocument.load(part.bytes, { updateMetadata: false });
        const copied = await pdf.copyPages(source, source.getPageIndices());
        copied.forEach((p) => pdf.addPage(p));
        return copied.length;
      }
      case 'jpeg':
      case 'png': {
        const image = part.kind === 'jpeg' ? await pdf.embedJpg(part.bytes) : await pdf.embedPng(part.bytes);
        const { page, x, y, w, h } = imagePage(pdf, image.width, image.height);
        page.drawImage(image, { x, y, width: w, height: h });
        return 1;
      }
      case 'tiff':
        return addTiff(pdf, part.bytes);
    }
  } catch {
    // An encrypted or damaged PDF, an image the decoder cannot read: kept whole as an embedded file.
    return 0;
  }
}

/**
 * Embeds a file the PDF/A-3 way: an EmbeddedFile stream (with its MIME type, size, MD5 checksum
 * and dates), a file specification with the original (Unicode) name and AFRelationship Source,
 * listed in the catalog's EmbeddedFiles name tree and its AF array.
 */
function embedFile(pdf: PDFDocument, part: InputPart, at: Date): { name: string; spec: PDFRef } {
  const ctx = pdf.context;
  const stream = ctx.flateStream(part.bytes, {
    Type: 'EmbeddedFile',
    Subtype: part.contentType || 'application/octet-stream',
    Params: {
      Size: part.bytes.length,
      CheckSum: PDFHexString.of(md5(part.bytes).toString('hex')),
      CreationDate: PDFString.fromDate(at),
      ModDate: PDFString.fromDate(at),
    },
  });
  const streamRef = ctx.register(stream);
  const ascii = part.fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '_');
  const spec = ctx.register(
    ctx.obj({
      Type: 'Filespec',
      F: PDFString.of(ascii.replace(/[()\\]/g, '_')),
      UF: PDFHexString.fromText(part.fileName),
      EF: { F: streamRef, UF: streamRef },
      Desc: PDFHexString.fromText(`SHA-256 ${sha256(part.bytes)}`),
      AFRelationship: AFRelationship.Source,
    }),
  );
  return { name: part.fileName, spec };
}

function listEmbedded(pdf: PDFDocument, files: Array<{ name: string; spec: PDFRef }>) {
  if (files.length === 0) return;
  const ctx = pdf.context;
  // The name tree's keys are unique and sorted: a repeated file name gets " (2)", " (3)"…
  const taken = new Set<string>();
  const keyed = files.map((f) => {
    let key = f.name;
    for (let n = 2; taken.has(key); n++) key = `${f.name} (${n})`;
    taken.add(key);
    return { ...f, key };
  });
  const sorted = keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const names = PDFArray.withContext(ctx);
  for (const f of sorted) {
    names.push(PDFHexString.fromText(f.key));
    names.push(f.spec);
  }
  const tree = ctx.obj({ Names: names });
  pdf.catalog.set(PDFName.of('Names'), ctx.obj({ EmbeddedFiles: ctx.register(tree) }));
  const af = PDFArray.withContext(ctx);
  files.forEach((f) => af.push(f.spec));
  pdf.catalog.set(PDFName.of('AF'), af);
}

/**
 * Assembles the single file: the parts' pages in order (PDF pages copied, each scan a page), every
 * other file embedded whole, then the front pages (requisites, text and the list of the parts)
 * inserted first. The same inputs and time give the same bytes.
 */
export async function assemble(input: {
  front: FrontMatter;
  parts: InputPart[];
  at: Date;
  /** How the front pages list a part: "1. skan.pdf — 3 səh." */
  describe: (part: InputPart, pages: number, sha: string) => string;
  producer: string;
}): Promise<Assembled> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const done: AssembledPart[] = [];
  const embedded: Array<{ name: string; spec: PDFRef }> = [];
  const lines: string[] = [];
  for (const part of input.parts) {
    const pages = await addPages(pdf, part);
    const kind: PartKind = pages > 0 ? part.kind : 'embedded';
    if (pages === 0) embedded.push(embedFile(pdf, part, input.at));
    done.push({ id: part.id, kind, pages });
    lines.push(input.describe(part, pages, sha256(part.bytes)));
  }
  listEmbedded(pdf, embedded);
  const textPages = await frontPages(pdf, input.front, lines);
  pdf.setTitle(input.front.summary, { showInWindowTitleBar: true });
  pdf.setAuthor(input.front.organization);
  pdf.setProducer(input.producer);
  pdf.setCreator(input.producer);
  pdf.setCreationDate(input.at);
  pdf.setModificationDate(input.at);
  pdf.setLanguage('az');
  const bytes = await pdf.save({ useObjectStreams: false });
  return { bytes, pageCount: pdf.getPageCount(), textPages, parts: done };
}
