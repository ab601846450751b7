import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { ContentItem } from '../../functions/modules/documents';
import { getSingleFile } from '../../functions/modules/signatures';
import { actor, documentRecord, T0, tenant } from '../../test/support/builders';
import { memoryDeps } from '../../test/support/memory-deps';
import { jpegScan } from '../../test/support/scans';

/**
 * One assembly of the single file of a 200-page scan (~20 MB of JPEG pages), in its own process so
 * that the peak RSS is this work's alone. Prints one JSON line: seconds, peak RSS, sizes, pages.
 */
const PAGES = Number(process.env.BENCH_SCAN_PAGES ?? 200);

async function main() {
  const deps = memoryDeps();
  deps.store.seed('tenant', tenant({ id: 't1' }));
  // Eight distinct scanned pages (~100 KB each) used in turn: each page is still a file of its own.
  const scans = Array.from({ length: 8 }, (_, i) => jpegScan(900, 1272, i + 1, 25));
  const contents: ContentItem[] = Array.from({ length: PAGES }, (_, i) => {
    const bytes = scans[i % scans.length]!;
    const id = `scan-${i}`;
    deps.objects.upload('attachments', `t1/documents/bench/${id}`, bytes, 'image/jpeg');
    return {
      id,
      fileName: `vereq-${i + 1}.jpg`,
      contentType: 'image/jpeg',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      state: 'stored',
      addedAt: T0,
      addedBy: 'author',
    };
  });
  deps.documents.seed({
    documents: [
      documentRecord('bench', { kind: 'incoming', status: 'registered', contents, participants: ['author'] }),
    ],
  });
  const inputBytes = contents.reduce((n, c) => n + c.size, 0);
  global.gc?.();
  const before = process.memoryUsage().rss;
  const started = process.hrtime.bigint();
  const file = await getSingleFile(deps, actor('author'), 'bench');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // The print-stamp bench stamps this very file: keep it when asked to.
  const keep = process.env.BENCH_SINGLE_FILE_OUT;
  if (keep) {
    const key = `t1/documents/bench/single-file/${file.sha256}.pdf`;
    writeFileSync(keep, (await deps.objects.get({ bucket: 'attachments', key }))!);
  }
  process.stdout.write(
    `${JSON.stringify({
      seconds,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      baselineRssMb: before / 1024 / 1024,
      inputMb: inputBytes / 1024 / 1024,
      outputMb: file.size / 1024 / 1024,
      pages: file.pageCount,
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
