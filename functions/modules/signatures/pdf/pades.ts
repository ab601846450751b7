/**
 * PAdES signatures (ETSI EN 319 142-1, ISO 32000-1 §12.8): a signature field whose value is a
 * signature dictionary with /SubFilter /ETSI.CAdES.detached, a /ByteRange covering the whole file
 * but the /Contents hex string, and the CMS in that string. Each signature is its own incremental
 * update, so the signatures before it stay valid. The CMS is made by the caller from the SHA-256 of
 * the covered bytes (`sign`), so this module never sees a key.
 */
import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFString, PDFDocument } from 'pdf-lib';
import { openIncremental, revisionEnds } from './incremental';

/** Room for the CMS: the signer's and the CA's certificates and an ECDSA signature fit in far less. */
const DEFAULT_CONTENTS_BYTES = 8192;
const BYTE_RANGE_PLACEHOLDER = '[0 0000000000 0000000000 0000000000]';

export interface SignatureFields {
  /** The signature field's name (unique in the file). */
  fieldName: string;
  /** The signer's name (/Name). */
  name: string;
  /** Why: the right exercised and the position (/Reason). */
  reason: string;
  location?: string;
  contactInfo?: string;
  /** The claimed signing time (/M; PAdES puts it here rather than in a signing-time attribute). */
  signingTime: Date;
}

export interface AppendedSignature {
  bytes: Uint8Array;
  byteRange: [number, number, number, number];
  /** SHA-256 of the bytes the signature covers. */
  digest: Uint8Array;
}

/** A PDF date string, UTC: D:YYYYMMDDHHmmSS+00'00'. */
export function pdfDate(at: Date): string {
  const iso = at.toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}+00'00'`;
}

function acroForm(doc: PDFDocument): PDFDict {
  const existing = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  if (existing) return existing;
  const form = doc.context.obj({ Fields: [] });
  doc.catalog.set(PDFName.of('AcroForm'), doc.context.register(form));
  return form;
}

function arrayIn(doc: PDFDocument, dict: PDFDict, key: string): PDFArray {
  const found = dict.lookupMaybe(PDFName.of(key), PDFArray);
  if (found) return found;
  const created = doc.context.obj([]);
  dict.set(PDFName.of(key), created);
  return created;
}

/**
 * Appends an invisible signature on page 1 as an incremental update and fills it with the CMS
 * `sign` returns for the digest of the covered bytes.
 */
export async function appendSignature(
  pdf: Uint8Array,
  fields: SignatureFields,
  sign: (digest: Uint8Array) => Promise<Uint8Array>,
  contentsBytes = DEFAULT_CONTENTS_BYTES,
): Promise<AppendedSignature> {
  const update = await openIncremental(pdf);
  const { doc, context } = update;
  const text = (s: string) => PDFHexString.fromText(s).toString();
  const sigRef = update.registerRaw(
    `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange ${BYTE_RANGE_PLACEHOLDER} ` +
      `/Contents <${'0'.repeat(contentsBytes * 2)}> /M ${PDFString.of(pdfDate(fields.signingTime)).toString()} ` +
      `/Name ${text(fields.name)} /Reason ${text(fields.reason)}` +
      (fields.location ? ` /Location ${text(fields.location)}` : '') +
      (fields.contactInfo ? ` /ContactInfo ${text(fields.contactInfo)}` : '') +
      ' >>',
  );
  const page = doc.getPage(0);
  const widget = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      T: PDFHexString.fromText(fields.fieldName),
      V: sigRef,
      F: 132,
      Rect: [0, 0, 0, 0],
      P: page.ref,
    }),
  );
  const form = acroForm(doc);
  arrayIn(doc, form, 'Fields').push(widget);
  form.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  arrayIn(doc, page.node, 'Annots').push(widget);
  const bytes = update.save();

  // The placeholders are in the update just written: the last /ByteRange placeholder of the file.
  const latin = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const rangeAt = latin.lastIndexOf(`/ByteRange ${BYTE_RANGE_PLACEHOLDER}`) + '/ByteRange '.length;
  const open = latin.indexOf('/Contents <', rangeAt) + '/Contents '.length;
  const close = open + 1 + contentsBytes * 2;
  if (rangeAt < pdf.length || latin[close] !== '>') throw new Error('Signature placeholder not found');
  const byteRange: [number, number, number, number] = [0, open, close + 1, bytes.length - close - 1];
  const rangeText = `[${byteRange.join(' ')}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ');
  if (rangeText.length > BYTE_RANGE_PLACEHOLDER.length) throw new Error('File too large to sign');
  bytes.set(Buffer.from(rangeText, 'latin1'), rangeAt);
  const digest = createHash('sha256')
    .update(bytes.subarray(0, open))
    .update(bytes.subarray(close + 1))
    .digest();
  const cms = await sign(digest);
  if (cms.length > contentsBytes) throw new Error(`CMS of ${cms.length} bytes exceeds the placeholder`);
  bytes.set(Buffer.from(Buffer.from(cms).toString('hex').toUpperCase(), 'latin1'), open + 1);
  return { bytes, byteRange, digest };
}

/** One signature found in a PDF. */
export interface FoundSignature {
  fieldName: string;
  subFilter: string;
  byteRange: number[];
  /** The CMS (the /Contents string without its zero padding). */
  cms: Uint8Array;
  /** /M as written. */
  signingTime?: string;
  name?: string;
  reason?: string;
  /** The /Contents gap is exactly where /ByteRange leaves it, and the ranges start at 0 and are in order. */
  wellFormed: boolean;
  /** SHA-256 of the bytes the ranges cover. */
  digest: Uint8Array;
  /** The ranges end where a revision of the file ends (so they cover that revision whole). */
  coversRevision: boolean;
  /** The ranges end at the end of the file (nothing was appended after the signature). */
  coversWholeFile: boolean;
}

function textOf(dict: PDFDict, key: string): string | undefined {
  const value = dict.lookup(PDFName.of(key));
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  return undefined;
}

/** DER length of a CMS at the start of the /Contents bytes (the rest is zero padding). */
function derLength(bytes: Uint8Array): number {
  if (bytes[0] !== 0x30) return bytes.length;
  const first = bytes[1] ?? 0;
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + (bytes[2 + i] ?? 0);
  return Math.min(bytes.length, 2 + n + len);
}

/** Every signature field with a value in the PDF (as of its newest revision), in file order. */
export async function readSignatures(pdf: Uint8Array): Promise<FoundSignature[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = form?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  const ends = revisionEnds(pdf);
  const found: FoundSignature[] = [];
  for (let i = 0; i < (fields?.size() ?? 0); i++) {
    const field = fields!.lookup(i);
    if (!(field instanceof PDFDict)) continue;
    if (field.lookup(PDFName.of('FT'))?.toString() !== '/Sig') continue;
    const value = field.lookup(PDFName.of('V'));
    if (!(value instanceof PDFDict)) continue;
    const range = value.lookupMaybe(PDFName.of('ByteRange'), PDFArray);
    const contents = value.lookup(PDFName.of('Contents'));
    const byteRange = (range?.asArray() ?? []).map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN));
    const raw =
      contents instanceof PDFHexString || contents instanceof PDFString
        ? contents.asBytes()
        : new Uint8Array();
    const [a, b, c, d] = byteRange;
    const wellFormed =
      byteRange.length === 4 &&
      a === 0 &&
      b! > 0 &&
      c! > b! &&
      d! >= 0 &&
      c! + d! <= pdf.length &&
      pdf[b!] === 0x3c &&
      pdf[c! - 1] === 0x3e &&
      Buffer.from(pdf.subarray(b! + 1, c! - 1))
        .toString('latin1')
        .toLowerCase() === Buffer.from(raw).toString('hex');
    const hash = createHash('sha256');
    if (wellFormed) hash.update(pdf.subarray(0, b!)).update(pdf.subarray(c!, c! + d!));
    const end = (c ?? 0) + (d ?? 0);
    const name = textOf(value, 'Name');
    const reason = textOf(value, 'Reason');
    const signingTime = textOf(value, 'M');
    found.push({
      fieldName: textOf(field, 'T') ?? '',
      subFilter: value.lookup(PDFName.of('SubFilter'))?.toString().slice(1) ?? '',
      byteRange,
      cms: raw.subarray(0, derLength(raw)),
      ...(signingTime ? { signingTime } : {}),
      ...(name ? { name } : {}),
      ...(reason ? { reason } : {}),
      wellFormed,
      digest: hash.digest(),
      coversRevision: wellFormed && ends.includes(end),
      coversWholeFile: wellFormed && end === pdf.length,
    });
  }
  return found;
}
