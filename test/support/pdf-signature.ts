import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import { openIncremental } from '../../functions/modules/signatures';

/**
 * A PDF signed the plain way for tests (adbe.pkcs7.detached), each signature an incremental update
 * as endorsements and the signature are: a signature field whose /Contents holds a detached CMS
 * made by `openssl cms` with a throw-away self-signed certificate, over the /ByteRange around it.
 * Enough for `pdfsig` to check every signature's integrity before and after the print stamp is
 * appended; the product's own signing (KMS, PAdES) is tested on its own.
 */

const CONTENTS_HEX = 16384;
const FAR = 9_999_999_999;

/** `pdfsig` on a file: each signature's lines, and the whole report. */
export function pdfsig(bytes: Uint8Array): { report: string; integrity: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'karguzar-pdfsig-'));
  try {
    const file = join(dir, 'signed.pdf');
    writeFileSync(file, bytes);
    let report: string;
    try {
      report = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    } catch (error) {
      // pdfsig exits non-zero when a certificate is not trusted; its report is what counts.
      report = String((error as { stdout?: string }).stdout ?? '');
    }
    const integrity = [...report.matchAll(/Signature Validation: (.+)/g)].map((m) => m[1]!.trim());
    return { report, integrity };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `qpdf --check`: its exit status and output (status 0 is no error, 3 is warnings only). */
export function qpdfCheck(bytes: Uint8Array): { status: number; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'karguzar-qpdf-'));
  try {
    const file = join(dir, 'file.pdf');
    writeFileSync(file, bytes);
    try {
      return { status: 0, output: execFileSync('qpdf', ['--check', file], { encoding: 'utf8' }) };
    } catch (error) {
      const e = error as { status?: number; stdout?: string; stderr?: string };
      return { status: e.status ?? -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Appends a signature by a new self-signed certificate to `pdf` (field name `field`, ASCII). */
export async function signPdf(pdf: Uint8Array, field = 'Imza1'): Promise<Uint8Array> {
  const update = await openIncremental(pdf);
  const doc = update.doc;
  const ctx = doc.context;
  const sig = ctx.register(
    ctx.obj({
      Type: 'Sig',
      Filter: 'Adobe.PPKLite',
      SubFilter: 'adbe.pkcs7.detached',
      ByteRange: [0, FAR, FAR, FAR].map((n) => PDFNumber.of(n)),
      Contents: PDFHexString.of('0'.repeat(CONTENTS_HEX)),
      M: PDFString.fromDate(new Date(Date.UTC(2026, 2, 2, 6, 0, 0))),
    }),
  );
  const page = doc.getPage(0);
  const widget = ctx.register(
    ctx.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      Rect: [0, 0, 0, 0],
      V: sig,
      T: PDFString.of(field),
      F: 4,
      P: page.ref,
    }),
  );
  page.node.addAnnot(widget);
  const form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  if (form) form.lookup(PDFName.of('Fields'), PDFArray).push(widget);
  else doc.catalog.set(PDFName.of('AcroForm'), ctx.obj({ Fields: [widget], SigFlags: 3 }));
  // The update is written with a classic xref and no object streams: the placeholders stay findable.
  const saved = Buffer.from(update.save());

  const text = saved.toString('latin1');
  const rangeText = `/ByteRange [ 0 ${FAR} ${FAR} ${FAR} ]`;
  const rangeAt = text.lastIndexOf(rangeText);
  const contentsAt = text.lastIndexOf(`<${'0'.repeat(CONTENTS_HEX)}>`);
  if (rangeAt < 0 || contentsAt < 0) throw new Error('signature placeholder not found');
  const gapEnd = contentsAt + CONTENTS_HEX + 2;
  const range = [0, contentsAt, gapEnd, saved.length - gapEnd];
  const filled = `/ByteRange [ ${range.join(' ')} ]`;
  saved.write(filled.padEnd(rangeText.length, ' '), rangeAt, 'latin1');
  const covered = Buffer.concat([saved.subarray(0, contentsAt), saved.subarray(gapEnd)]);

  const dir = mkdtempSync(join(tmpdir(), 'karguzar-sign-'));
  try {
    const [key, cert, data, cms] = ['key.pem', 'cert.pem', 'data.bin', 'sig.der'].map((f) => join(dir, f));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key!,
        '-out',
        cert!,
        '-subj',
        '/CN=Karguzar test signer',
        '-days',
        '2',
      ],
      { stdio: 'pipe' },
    );
    writeFileSync(data!, covered);
    execFileSync(
      'openssl',
      [
        'cms',
        '-sign',
        '-binary',
        '-in',
        data!,
        '-signer',
        cert!,
        '-inkey',
        key!,
        '-md',
        'sha256',
        '-outform',
        'DER',
        '-out',
        cms!,
      ],
      { stdio: 'pipe' },
    );
    const hex = readFileSync(cms!).toString('hex');
    if (hex.length > CONTENTS_HEX) throw new Error('signature larger than its placeholder');
    saved.write(hex.padEnd(CONTENTS_HEX, '0'), contentsAt + 1, 'latin1');
    return new Uint8Array(saved);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
