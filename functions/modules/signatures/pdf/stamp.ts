import fontkit from '@pdf-lib/fontkit';
import { concatTransformationMatrix, popGraphicsState, pushGraphicsState, rgb, type PDFFont } from 'pdf-lib';
import { codeText, drawQrMatrix, qrMatrix, type CodeRequisites } from './barcode';
import { textFonts } from './font';
import { openIncremental } from './incremental';

/**
 * The print stamp of page 1 of the single file, added as an incremental update: the original
 * bytes stay exactly as they are and a new revision is appended, so every signature over them
 * stays valid (the same incremental writer as the signatures', `./incremental`).
 *
 * Page 1's own content is scaled down (uniformly, centred) to free a band at its top, and the band
 * carries (§146) the registration code — a QR code of the organization's full name, legal
 * address, registration number and date, with the same requisites readable beside it — and
 * (§143) the copy marking "Elektron sənədin surəti. N vərəq" with the creation date, the
 * information system's name and a space for the registry office's seal.
 */

/** The §143 marking of a paper copy. */
export interface CopyMarking {
  /** dd.MM.yyyy (Baku): when the electronic document was created. */
  createdAt: string;
  /** The information system's name. */
  system: string;
}

export interface StampInput {
  requisites: CodeRequisites;
  copy: CopyMarking;
}

export interface Stamped {
  /** The original bytes followed by the appended revision. */
  bytes: Uint8Array;
  pageCount: number;
  /** The text the QR code holds. */
  code: string;
}

/** Height of the band at the top of page 1 (points). */
export const BAND = 132;
const EDGE = 24;
const QR_SIDE = 100;
const SIZE = 8;
const LEADING = 10;

/** The printed words of the marking (Azerbaijani, as the decree writes them). */
export const copyWords = (pages: number) => `Elektron sənədin surəti. ${pages} vərəq`;

/** A text broken into lines no wider than `width`; at most `max` lines, the last cut short with "…". */
function lines(text: string, font: PDFFont, size: number, width: number, max: number): string[] {
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  const out: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = current ? `${current} ${word}` : word;
    if (fits(next) || !current) current = next;
    else {
      out.push(current);
      current = word;
    }
  }
  if (current) out.push(current);
  const kept = out.slice(0, max).map((l) => {
    let s = l;
    while (!fits(s) && s.length > 1) s = s.slice(0, -1);
    return s;
  });
  if (out.length > max) {
    let last = kept[max - 1]!;
    while (!fits(`${last}…`) && last.length > 1) last = last.slice(0, -1);
    kept[max - 1] = `${last}…`;
  }
  return kept;
}

/** Adds the band to page 1 of `original` and returns the file with the revision appended. */
export async function stampFirstPage(original: Uint8Array, input: StampInput): Promise<Stamped> {
  const update = await openIncremental(original);
  const pdf = update.doc;
  pdf.registerFontkit(fontkit);
  const pageCount = pdf.getPageCount();
  const page = pdf.getPage(0);
  const { width, height } = page.getSize();
  const { x: left, y: bottom } = page.getMediaBox();

  // Page 1's own content, shrunk into the space under the band and centred: nothing of it is
  // covered, and its streams stay the signed objects they were (only the page's list grows).
  const s = (height - BAND) / height;
  page.node.normalize();
  const ctx = pdf.context;
  const open = ctx.register(
    ctx.contentStream([
      pushGraphicsState(),
      concatTransformationMatrix(s, 0, 0, s, left + (width * (1 - s)) / 2, bottom * (1 - s)),
    ]),
  );
  const close = ctx.register(ctx.contentStream([popGraphicsState()]));
  page.node.wrapContentStreams(open, close);

  // One face (parsing a font is most of a stamp's time): the headings stand out by size.
  const regular = await pdf.embedFont(textFonts().regular, { subset: true });
  const black = rgb(0, 0, 0);
  const top = bottom + height - EDGE;
  const code = codeText(input.requisites);

  // §146: the code, and the same requisites readable beside it.
  drawQrMatrix(page, qrMatrix(code), left + EDGE, top - QR_SIDE, QR_SIDE);
  const textX = left + EDGE + QR_SIDE + 10;
  const textWidth = width * 0.58 - (textX - left);
  const r = input.requisites;
  const block: Array<{ text: string; font: PDFFont; max: number }> = [
    { text: r.organization, font: regular, max: 3 },
    { text: r.legalAddress, font: regular, max: 3 },
    { text: `Qeydiyyat nömrəsi: ${r.registrationNumber}`, font: regular, max: 2 },
    { text: `Qeydiyyat tarixi: ${r.registrationDate}`, font: regular, max: 2 },
  ];
  let y = top - SIZE;
  for (const item of block) {
    for (const line of lines(item.text, item.font, SIZE, textWidth, item.max)) {
      page.drawText(line, { x: textX, y, size: SIZE, font: item.font, color: black });
      y -= LEADING;
    }
    y -= 2;
  }

  // §143: the copy marking with the real page count, the creation date, the system, the seal space.
  const boxX = left + width * 0.6;
  const boxWidth = left + width - EDGE - boxX;
  const boxBottom = bottom + height - BAND + 8;
  page.drawRectangle({
    x: boxX,
    y: boxBottom,
    width: boxWidth,
    height: top - boxBottom,
    borderColor: black,
    borderWidth: 0.8,
  });
  const inner = boxWidth - 12;
  let by = top - 12;
  for (const [text, font] of [
    [copyWords(pageCount), regular],
    [`Yaradılma tarixi: ${input.copy.createdAt}`, regular],
    [`İnformasiya sistemi: ${input.copy.system}`, regular],
  ] as const) {
    for (const line of lines(text, font, SIZE, inner, 2)) {
      page.drawText(line, { x: boxX + 6, y: by, size: SIZE, font, color: black });
      by -= LEADING;
    }
  }
  const sealTop = by - 2;
  page.drawRectangle({
    x: boxX + 6,
    y: boxBottom + 6,
    width: inner,
    height: sealTop - boxBottom - 6,
    borderColor: rgb(0.35, 0.35, 0.35),
    borderWidth: 0.6,
    borderDashArray: [3, 2],
  });
  page.drawText('Kargüzarlıq xidmətinin möhürü', {
    x: boxX + 10,
    y: boxBottom + 10,
    size: 6.5,
    font: regular,
    color: rgb(0.35, 0.35, 0.35),
  });
  page.drawLine({
    start: { x: left + EDGE, y: bottom + height - BAND + 2 },
    end: { x: left + width - EDGE, y: bottom + height - BAND + 2 },
    thickness: 0.5,
    color: rgb(0.5, 0.5, 0.5),
  });

  // The font (subset to the characters drawn) is written into the document before the update.
  await pdf.flush();
  const bytes = update.save();
  return { bytes, pageCount, code };
}
