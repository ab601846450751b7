import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

/**
 * Reads the barcodes on one page of a PDF the way a scanner of the printout would: poppler's
 * `pdftoppm` renders the page to PNG (at 150 dpi, an office scanner's resolution) and zxing-wasm
 * (ZXing C++ compiled to WebAssembly, from node_modules, no network) decodes it.
 */
let ready: Promise<unknown> | undefined;

function zxing() {
  if (!ready) {
    const file = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
    const bytes = readFileSync(file);
    const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    ready = prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  }
  return ready;
}

/** The page rendered as PNG bytes. */
export function renderPage(pdf: Uint8Array, page = 1, dpi = 150): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'karguzar-render-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    const p = String(page);
    execFileSync('pdftoppm', [
      '-r',
      String(dpi),
      '-f',
      p,
      '-l',
      p,
      '-png',
      '-singlefile',
      file,
      join(dir, 'out'),
    ]);
    return new Uint8Array(readFileSync(join(dir, 'out.png')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every barcode zxing finds on the page: its symbology and its text. */
export async function barcodesOnPage(
  pdf: Uint8Array,
  page = 1,
): Promise<Array<{ format: string; text: string }>> {
  await zxing();
  const found = await readBarcodes(renderPage(pdf, page), { tryHarder: true });
  return found.filter((r) => r.isValid).map((r) => ({ format: r.format, text: r.text }));
}
