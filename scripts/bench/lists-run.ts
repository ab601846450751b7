import { tokenFor } from '../../test/support/api';
import { startEmbeddedProcess } from '../../test/support/embedded';
import { listLines, listRun } from './lists';

/**
 * The lists measurement alone, on an embedded default of its own (a quick try:
 * `BENCH_LIST_DOCUMENTS=20000 node --import tsx scripts/bench/lists-run.ts`); `npm run bench`
 * runs the same measurement in its embedded default.
 */
const DOCUMENTS = Number(process.env.BENCH_LIST_DOCUMENTS ?? 100_000);

async function main() {
  const embedded = await startEmbeddedProcess();
  try {
    const token = await tokenFor(embedded.baseUrl, 'clerk');
    const lists = await listRun(embedded.baseUrl, token, DOCUMENTS, { dataDir: embedded.dataDir });
    for (const line of listLines(lists)) process.stdout.write(`${line}\n`);
  } finally {
    await embedded.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
