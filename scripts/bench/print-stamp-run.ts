import { readFileSync } from 'node:fs';
import { stampFirstPage } from '../../functions/modules/signatures';

/**
 * One print stamp (Decree 935 §146, §143) of the single file the assembly bench kept (a 200-page
 * scan, ~20 MB), in its own process so that the peak RSS is this work's alone. A first stamp of a
 * one-page file warms the code up, as a warm Lambda would be. Prints one JSON line.
 */
const requisites = {
  organization: 'Azərbaycan Respublikası Əmlak Məsələləri Dövlət Xidməti',
  legalAddress: 'AZ1000, Bakı şəhəri, Üzeyir Hacıbəyov küçəsi 84',
  registrationNumber: '1-DX/26',
  registrationDate: '02.03.2026',
};
const copy = { createdAt: '02.03.2026', system: 'Kargüzar' };

async function main() {
  const path = process.argv[2];
  if (!path) throw new Error('usage: print-stamp-run.ts <single file>');
  const file = new Uint8Array(readFileSync(path));
  const { PDFDocument } = await import('pdf-lib');
  const small = await PDFDocument.create();
  small.addPage();
  await stampFirstPage(await small.save(), { requisites, copy });
  global.gc?.();
  const before = process.memoryUsage().rss;
  const started = process.hrtime.bigint();
  const stamped = await stampFirstPage(file, { requisites, copy });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(
    `${JSON.stringify({
      seconds,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      baselineRssMb: before / 1024 / 1024,
      inputMb: file.length / 1024 / 1024,
      appendedKb: (stamped.bytes.length - file.length) / 1024,
      pages: stamped.pageCount,
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
