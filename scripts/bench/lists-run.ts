import { tokenFor } from '../../test/support/api';
import { startEmbeddedProcess } from '../../test/support/embedded';
import { LIST_GOAL, listRun } from './lists';

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
    process.stdout.write(
      `incoming list over ${lists.seeded} documents (seeded in ${lists.seedSeconds.toFixed(0)} s, ` +
        `the stream delivered ${(lists.drainSeconds ?? 0).toFixed(0)} s later)\n`,
    );
    for (const f of lists.figures)
      process.stdout.write(
        `  ${f.name.padEnd(28)} p50 ${f.p50.toFixed(1)} ms  p95 ${f.p95.toFixed(1)} ms (goal ≤ ${LIST_GOAL.p95Ms} ms)  ` +
          `items read ${f.itemsRead} (goal ≤ ${LIST_GOAL.itemsRead})  ${f.items} shown${f.more ? ', cursor' : ''}\n`,
      );
  } finally {
    await embedded.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
