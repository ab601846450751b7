import { obtainToken } from '../infra/local/oidc/token-flow';
import { startEmbeddedProcess } from '../test/support/embedded';
import { registrationBlock } from './bench/registration';
import { routeBlock, routeUsers, type RouteUser } from './bench/routes';
import { BENCH_ANONYMOUS_LIMIT_PER_MINUTE, eservicesBlock } from './bench/eservices';
import { bundleLines, lambdaBundles } from './bench/bundles';
import { ASSEMBLY_GOAL, singleFileAssemblyAndStamp, STAMP_GOAL } from './bench/single-file';
import { SIGNING_GOAL, signingRun } from './bench/signing';
import { searchLines, searchRun } from './bench/search';
import { listLines, listRun } from './bench/lists';
import { webFirstLoad, webLines } from './bench/web';
import { ocrLines, ocrRun } from './bench/ocr';
import { excelExportLine, excelExportRun } from './bench/reports';
import { indexLagLine, indexLagRun } from './bench/search-lag';
import { ensureWebBuilt } from './build-web';

// `npm run bench`: starts a fresh embedded default in a temporary folder and prints the figures.
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const ROUTE_DOCUMENTS = Number(process.env.BENCH_ROUTE_DOCUMENTS ?? 1000);
const LIST_DOCUMENTS = Number(process.env.BENCH_LIST_DOCUMENTS ?? 100_000);

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
  // --- Issue 16, OCR of scans for search (BENCH_OCR=0 skips; BENCH_OCR_PAGES pages per resolution).
  if (process.env.BENCH_OCR !== '0')
    for (const dpi of [300, 200]) for (const text of ocrLines(await ocrRun(dpi))) out(text);
  // --- end of OCR
  const signing = await signingRun();
  out(
    `PAdES signing through the local KMS (${signing.fileKb.toFixed(0)} KB file, ${signing.signatures} signatures): ` +
      `${signing.perSecond.toFixed(1)} signatures/s; per signature PDF ${signing.pdfMs.toFixed(2)} ms, ` +
      `KMS ${signing.kmsMs.toFixed(2)} ms, CMS ${signing.cmsMs.toFixed(2)} ms ` +
      `(goal: ${SIGNING_GOAL} — ${signing.kmsMs > signing.pdfMs + signing.cmsMs ? 'met' : 'not met'})`,
  );
  // --- Issue 16, the embedded search engine on its own (BENCH_SEARCH_DOCUMENTS=10000 for a quick try).
  for (const text of searchLines(await searchRun(Number(process.env.BENCH_SEARCH_DOCUMENTS ?? 100_000))))
    out(text);
  // --- end of the embedded search engine
  // Issue 16, reports: a 100,000-row Excel export (time and peak RSS of its own process).
  out(excelExportLine(await excelExportRun()));
  // Issue 17, the web app: the export must be built before the gateway serves it (BENCH_WEB=0 skips).
  const web = process.env.BENCH_WEB !== '0';
  if (web) await ensureWebBuilt((m) => out(m));
  // Issue 15: every simulated citizen comes from 127.0.0.1; the per-address limit of anonymous
  // routes (6000 a minute by default, the local gateway trusts no X-Forwarded-For) is raised here.
  process.env.RATE_LIMIT_ANONYMOUS_PER_MINUTE ??= BENCH_ANONYMOUS_LIMIT_PER_MINUTE;
  const embedded = await startEmbeddedProcess();
  try {
    const token = await obtainToken({
      issuer: `${embedded.baseUrl}/oidc`,
      clientId: 'karguzar-web',
      redirectUri: `${embedded.baseUrl}/auth/callback/`,
      username: 'clerk',
      password: 'Demo2026!',
    });
    // Registrations (issue 17, numbering): three runs against raw PutItem, then separate processes.
    await registrationBlock(embedded, token, { clients: CLIENTS, seconds: SECONDS }, out);
    // Issue 16: how far the search index trails the table under the same registration load.
    out(indexLagLine(await indexLagRun(embedded.baseUrl, token, { clients: CLIENTS, seconds: SECONDS })));

    // --- Lists that scale (issue 17): the filter-row list over LIST_DOCUMENTS documents of one agency.
    const lists = await listRun(embedded.baseUrl, token, LIST_DOCUMENTS, { dataDir: embedded.dataDir });
    for (const line of listLines(lists)) out(line);
    // --- end of lists
    const tokens = {} as Record<RouteUser, string>;
    for (const user of routeUsers)
      tokens[user] = await obtainToken({
        issuer: `${embedded.baseUrl}/oidc`,
        clientId: 'karguzar-web',
        redirectUri: `${embedded.baseUrl}/auth/callback/`,
        username: user,
        password: 'Demo2026!',
      });
    // ---- route steps (issue 17, item 3): BENCH_ROUTE_DOCUMENTS shortens it
    await routeBlock(embedded, tokens, { documents: ROUTE_DOCUMENTS, clients: CLIENTS }, out);
    // ---- end of route steps
    // ---- issue 15, e-services: submits with scans, payment → officer's task (BENCH_ESERVICES=0 skips)
    if (process.env.BENCH_ESERVICES !== '0')
      await eservicesBlock(embedded, { clients: CLIENTS, seconds: SECONDS }, out);
    // ---- end of e-services
    // ---- issue 17, the web app (after the registrations: the clerk's list has rows)
    if (web) for (const text of webLines(await webFirstLoad(embedded.baseUrl, 'Demo2026!'))) out(text);
  } finally {
    await embedded.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
