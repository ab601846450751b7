import { obtainToken } from '../infra/local/oidc/token-flow';
import { startEmbeddedProcess } from '../test/support/embedded';
import { rawPutItems, registrations, type Figures } from './bench/registration';
import { routeRun, routeUsers, type RouteUser } from './bench/routes';
import { bundleLines, lambdaBundles } from './bench/bundles';
import { ASSEMBLY_GOAL, singleFileAssemblyAndStamp, STAMP_GOAL } from './bench/single-file';
import { SIGNING_GOAL, signingRun } from './bench/signing';

// `npm run bench`: starts a fresh embedded default in a temporary folder and prints the figures.
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const ROUTE_DOCUMENTS = Number(process.env.BENCH_ROUTE_DOCUMENTS ?? 1000);

const line = (name: string, f: Figures) =>
  `${name.padEnd(34)} ${f.perSecond.toFixed(1).padStart(8)}/s   p50 ${f.p50.toFixed(1).padStart(7)} ms   p99 ${f.p99
    .toFixed(1)
    .padStart(7)} ms   (${f.count} in ${f.seconds.toFixed(1)} s, ${f.errors} errors)`;

async function main() {
  const out = (text: string) => process.stdout.write(`${text}\n`);
  out(`Kargüzar benchmark: embedded default, ${CLIENTS} concurrent clients, ${SECONDS} s per measurement`);
  // --- Issue 17, small Lambdas: every entry built as the stack builds it (BENCH_BUNDLE_RUNS=1 for a quick try).
  out('Lambda bundles (minified) and fresh-process import over `node -e 0`:');
  const bundles = await lambdaBundles({ runs: Number(process.env.BENCH_BUNDLE_RUNS ?? 7) });
  for (const text of bundleLines(bundles, false)) out(text);
  // --- end of the Lambda bundles
  const { assembly, stamp } = await singleFileAssemblyAndStamp();
  out(
    `single file of a ${assembly.pages}-page scan (${assembly.inputMb.toFixed(1)} MB of JPEG pages → ${assembly.outputMb.toFixed(1)} MB PDF): ` +
      `${assembly.seconds.toFixed(2)} s (goal ≤ ${ASSEMBLY_GOAL.seconds} s), peak RSS ${assembly.peakRssMb.toFixed(0)} MB ` +
      `(goal ≤ ${ASSEMBLY_GOAL.peakRssMb} MB; ${assembly.baselineRssMb.toFixed(0)} MB before assembly, test data included)`,
  );
  out(
    `print stamp of page 1 of that file (§146 code and §143 marking, appended revision of ${stamp.appendedKb.toFixed(0)} KB): ` +
      `${stamp.seconds.toFixed(2)} s (goal ≤ ${STAMP_GOAL.seconds} s), peak RSS ${stamp.peakRssMb.toFixed(0)} MB ` +
      `(goal ≤ ${STAMP_GOAL.peakRssMb} MB; ${stamp.baselineRssMb.toFixed(0)} MB before stamping with the signatures module ` +
      `bundled and the file read, so the stamp itself adds ${(stamp.peakRssMb - stamp.baselineRssMb).toFixed(0)} MB)`,
  );
  const signing = await signingRun();
  out(
    `PAdES signing through the local KMS (${signing.fileKb.toFixed(0)} KB file, ${signing.signatures} signatures): ` +
      `${signing.perSecond.toFixed(1)} signatures/s; per signature PDF ${signing.pdfMs.toFixed(2)} ms, ` +
      `KMS ${signing.kmsMs.toFixed(2)} ms, CMS ${signing.cmsMs.toFixed(2)} ms ` +
      `(goal: ${SIGNING_GOAL} — ${signing.kmsMs > signing.pdfMs + signing.cmsMs ? 'met' : 'not met'})`,
  );
  const embedded = await startEmbeddedProcess();
  try {
    const token = await obtainToken({
      issuer: `${embedded.baseUrl}/oidc`,
      clientId: 'karguzar-web',
      redirectUri: `${embedded.baseUrl}/auth/callback/`,
      username: 'clerk',
      password: 'Demo2026!',
    });
    await registrations(embedded.baseUrl, token, 4, 2); // warm-up: JIT, connections, the journal counter
    const reg = await registrations(embedded.baseUrl, token, CLIENTS, SECONDS);
    out(line('registrations over HTTP (1 journal)', reg));
    const raw = await rawPutItems(`http://127.0.0.1:${embedded.port + 1}`, CLIENTS, Math.min(SECONDS, 10));
    out(line('DynamoDB Local PutItem (raw)', raw));
    out(`ratio registrations/PutItem: ${(reg.perSecond / raw.perSecond).toFixed(3)}`);
    const tokens = {} as Record<RouteUser, string>;
    for (const user of routeUsers)
      tokens[user] = await obtainToken({
        issuer: `${embedded.baseUrl}/oidc`,
        clientId: 'karguzar-web',
        redirectUri: `${embedded.baseUrl}/auth/callback/`,
        username: user,
        password: 'Demo2026!',
      });
    const route = await routeRun(embedded.baseUrl, tokens, ROUTE_DOCUMENTS, CLIENTS);
    out(
      `route of 3 stages (endorse, endorse, sign): ${route.documents} documents, ${route.transitions} transitions in ${route.seconds.toFixed(1)} s, ${route.errors} errors`,
    );
    out(`  transitions per second              ${route.transitionsPerSecond.toFixed(1).padStart(8)}/s`);
    out(`  route starts per second             ${route.startsPerSecond.toFixed(1).padStart(8)}/s`);
    out(
      `  decision → next assignee's task      p50 ${route.p50.toFixed(1).padStart(7)} ms   p99 ${route.p99.toFixed(1).padStart(7)} ms`,
    );
  } finally {
    await embedded.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
