/**
 * Incremental updates of a PDF (ISO 32000-1 §7.5.6): the bytes already written stay exactly as they
 * are and the changes are appended — the objects that changed or are new, a cross-reference section
 * for them and a trailer pointing back (/Prev) at the section before. A signature covers the bytes
 * up to its revision, so an update appended after it keeps it valid.
 *
 * pdf-lib 1.17.1 reads the file (its parser applies every revision in order, the later definition
 * of an object winning) and serializes objects; it cannot save incrementally itself, so this module
 * notes each object's serialized form when the file is opened and appends only those that differ
 * on save. Edit `doc` with pdf-lib's API (low-level objects or pages) and call `save()`.
 */
import {
  PDFDocument,
  PDFInvalidObject,
  PDFRawStream,
  type PDFRef,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';

const encoder = new TextEncoder();
const latin1 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/** What an object was when the file was opened: its serialized form (streams: dictionary and contents). */
type Snapshot = { text: string; contents?: Uint8Array };

function snapshotOf(obj: PDFObject): Snapshot {
  if (obj instanceof PDFRawStream) return { text: obj.dict.toString(), contents: obj.contents };
  return { text: obj.toString() };
}

function changed(before: Snapshot | undefined, obj: PDFObject): boolean {
  if (!before) return true;
  const now = snapshotOf(obj);
  return now.text !== before.text || now.contents !== before.contents;
}

function serialize(obj: PDFObject): Uint8Array {
  const out = new Uint8Array(obj.sizeInBytes());
  obj.copyBytesInto(out, 0);
  return out;
}

/** The offset the file's last `startxref` names (the newest cross-reference section). */
export function lastStartXref(bytes: Uint8Array): number {
  const tail = latin1(bytes.subarray(Math.max(0, bytes.length - 2048)));
  const at = tail.lastIndexOf('startxref');
  const match = at < 0 ? null : /^startxref\s+(\d+)/.exec(tail.slice(at));
  if (!match) throw new Error('Not a PDF: no startxref');
  return Number(match[1]);
}

/** Where the PDF's revisions end: the offset after each `%%EOF` (with its end of line). */
export function revisionEnds(bytes: Uint8Array): number[] {
  const text = latin1(bytes);
  const ends: number[] = [];
  const re = /%%EOF(\r\n|\r|\n)?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) ends.push(m.index + m[0].length);
  return ends;
}

/** A PDF opened for an incremental update. */
export interface IncrementalPdf {
  /** The document as of its newest revision; edit it with pdf-lib's API. */
  readonly doc: PDFDocument;
  readonly context: PDFContext;
  /** An object written as these exact bytes (e.g. a signature dictionary with placeholders). */
  registerRaw(text: string): PDFRef;
  /** The original bytes followed by one update with every object changed or added since opening. */
  save(): Uint8Array;
}

/** Opens a PDF for an incremental update (an encrypted PDF is refused by pdf-lib). */
export async function openIncremental(bytes: Uint8Array): Promise<IncrementalPdf> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: Infinity });
  const context = doc.context;
  const before = new Map<string, Snapshot>();
  for (const [ref, obj] of context.enumerateIndirectObjects()) before.set(ref.tag, snapshotOf(obj));
  const prev = lastStartXref(bytes);

  return {
    doc,
    context,
    registerRaw(text: string) {
      return context.register(PDFInvalidObject.of(encoder.encode(text)));
    },
    save() {
      const objects = context
        .enumerateIndirectObjects()
        .filter(([ref, obj]) => changed(before.get(ref.tag), obj));
      const parts: Uint8Array[] = [];
      const last = bytes[bytes.length - 1];
      let offset = bytes.length;
      const push = (part: Uint8Array) => {
        parts.push(part);
        offset += part.length;
      };
      if (last !== 0x0a && last !== 0x0d) push(encoder.encode('\n'));
      const offsets = new Map<number, { offset: number; generation: number }>();
      for (const [ref, obj] of objects) {
        offsets.set(ref.objectNumber, { offset, generation: ref.generationNumber });
        push(encoder.encode(`${ref.objectNumber} ${ref.generationNumber} obj\n`));
        push(serialize(obj));
        push(encoder.encode('\nendobj\n'));
      }
      const xrefAt = offset;
      push(encoder.encode(xrefSection(offsets)));
      const { Root, Info, ID } = context.trailerInfo;
      const trailer = context.obj({
        Size: context.largestObjectNumber + 1,
        ...(Root ? { Root } : {}),
        ...(Info ? { Info } : {}),
        ...(ID ? { ID } : {}),
        Prev: prev,
      });
      push(encoder.encode(`trailer\n${trailer.toString()}\nstartxref\n${xrefAt}\n%%EOF\n`));
      const out = new Uint8Array(offset);
      out.set(bytes, 0);
      let at = bytes.length;
      for (const part of parts) {
        out.set(part, at);
        at += part.length;
      }
      return out;
    },
  };
}

/** A classic cross-reference section of the objects written, in runs of consecutive numbers. */
function xrefSection(offsets: Map<number, { offset: number; generation: number }>): string {
  const numbers = [...offsets.keys()].sort((a, b) => a - b);
  let out = 'xref\n';
  for (let i = 0; i < numbers.length;) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    out += `${numbers[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      const e = offsets.get(numbers[k]!)!;
      out += `${String(e.offset).padStart(10, '0')} ${String(e.generation).padStart(5, '0')} n\r\n`;
    }
    i = j + 1;
  }
  return out;
}
