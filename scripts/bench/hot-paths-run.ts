import { tokenFor } from '../../test/support/api';
import { startEmbeddedProcess } from '../../test/support/embedded';
import { registrationBlock } from './registration';
import { routeBlock, routeUsers, type RouteUser } from './routes';

/**
 * The registration block and the route steps alone, on an embedded default of their own (a quick
 * try: `BENCH_ROUTE_DOCUMENTS=200 node --import tsx scripts/bench/hot-paths-run.ts`); `npm run bench`
 * runs the same measurements in its embedded default. BENCH_ONLY=registration|routes runs one.
 */
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const ROUTE_DOCUMENTS = Number(process.env.BENCH_ROUTE_DOCUMENTS ?? 1000);
const ONLY = process.env.BENCH_ONLY;

async function main() {
  const out = (text: string) => process.stdout.write(`${text}\n`);
  const embedded = await startEmbeddedProcess();
  try {
    if (ONLY !== 'routes') {
      const token = await tokenFor(embedded.baseUrl, 'clerk');
      await registrationBlock(embedded, token, { clients: CLIENTS, seconds: SECONDS }, out);
    }
    if (ONLY !== 'registration') {
      const tokens = {} as Record<RouteUser, string>;
      for (const user of routeUsers) tokens[user] = await tokenFor(embedded.baseUrl, user);
      await routeBlock(embedded, tokens, { documents: ROUTE_DOCUMENTS, clients: CLIENTS }, out);
    }
  } finally {
    await embedded.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
