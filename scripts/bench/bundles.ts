import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { bundlingWith, projectEsbuildOptions } from '../../infra/aws/constructs/project-function';
import { TASK_BUNDLES } from '../../infra/aws/constructs/workflows';
import { entries, preTokenEntry } from '../../infra/aws/entries';

/** Issue 17: every Lambda bundle and the cost of loading it in a fresh process. */
export const BUNDLE_GOAL = { kb: 300, importMs: 60 };

export interface LambdaEntry {
  /** `documents`, `task routeStep`, `stream`, ... */
  readonly name: string;
  /** Absolute path of the entry file. */
  readonly entry: string;
  /** Packages the stack installs into the asset instead of bundling (tesseract.js for OCR). */
  readonly nodeModules?: readonly string[];
}

export interface BundleFigures extends LambdaEntry {
  /** The minified bundle (`index.mjs`), without its source map. */
  readonly bytes: number;
  readonly mapBytes: number;
  /** Median fresh-process load of the bundle minus that of `node -e 0`. */
  readonly importMs: number;
  /** The same with `--enable-source-maps`. */
  readonly importWithMapsMs: number;
  /** The largest packages (or project folders) in the bundle, by bytes of output. */
  readonly largest: ReadonlyArray<{ name: string; bytes: number }>;
}

const root = resolve(import.meta.dirname, '../..');

/** Every Lambda the stack builds from the project's code: route groups, tasks, the stream consumer, the token trigger. */
export function lambdaEntries(): LambdaEntry[] {
  const grants = entries.grants;
  return [
    ...Object.keys(grants.routeGroups).map((g) => ({ name: g, entry: join(root, entries.routeGroup(g)) })),
    ...Object.keys(grants.tasks).map((t) => ({
      name: `task ${t}`,
      entry: join(root, entries.task(t)),
      ...(TASK_BUNDLES[t]?.().nodeModules ? { nodeModules: TASK_BUNDLES[t]!().nodeModules! } : {}),
    })),
    { name: 'stream', entry: join(root, entries.stream) },
    { name: 'pre-token', entry: preTokenEntry },
  ];
}

/** What a bundle's bytes are made of: its node_modules packages and project folders. */
function largestParts(meta: Metafile): Array<{ name: string; bytes: number }> {
  const parts = new Map<string, number>();
  for (const output of Object.values(meta.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
      const name = pkg ?? input.split('/').slice(0, 3).join('/');
      parts.set(name, (parts.get(name) ?? 0) + bytesInOutput);
    }
  }
  return [...parts]
    .map(([name, bytes]) => ({ name, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 4);
}

/** Wall time of one fresh `node` process with these arguments, in milliseconds. */
function processMs(args: string[]): number {
  const env = { ...process.env };
  delete env.NODE_OPTIONS; // no loader of the bench's own (tsx) in the measured process
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${run.stderr.toString()}`);
  return ms;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Fresh-process loads of a bundle against `node -e 0`, interleaved so that a busy machine weighs
 * on both alike: the median of each, the difference returned.
 */
function loadMs(file: string, runs: number, flags: string[]): number {
  const bare: number[] = [];
  const loaded: number[] = [];
  processMs(flags.concat(file)); // the file into the page cache
  for (let i = 0; i < runs; i++) {
    bare.push(processMs([...flags, '-e', '0']));
    loaded.push(processMs([...flags, file]));
  }
  return median(loaded) - median(bare);
}

/**
 * Builds every Lambda entry with the stack's esbuild options (as NodejsFunction does) into a
 * temporary folder and measures each bundle: its size and its fresh-process load, with and
 * without source maps enabled.
 */
export async function lambdaBundles(
  options: { runs?: number; only?: (entry: LambdaEntry) => boolean } = {},
): Promise<BundleFigures[]> {
  const runs = options.runs ?? 7;
  // Inside the project, so that the packages a function carries in its asset's node_modules (not
  // in its bundle) resolve from node_modules when the bundle is loaded, as they do in the asset.
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'karguzar-bundles-'));
  try {
    const figures: BundleFigures[] = [];
    for (const [i, lambda] of lambdaEntries()
      .filter(options.only ?? (() => true))
      .entries()) {
      const outfile = join(dir, String(i), 'index.mjs');
      const bundling = bundlingWith([], lambda.nodeModules ?? []);
      const result = await build({
        ...projectEsbuildOptions(lambda.entry, outfile, bundling),
        metafile: true,
      });
      const mapFile = `${outfile}.map`;
      figures.push({
        ...lambda,
        bytes: statSync(outfile).size,
        mapBytes: statSync(mapFile, { throwIfNoEntry: false })?.size ?? 0,
        importMs: loadMs(outfile, runs, []),
        importWithMapsMs: loadMs(outfile, runs, ['--enable-source-maps']),
        largest: largestParts(result.metafile),
      });
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One printed line per bundle, each figure beside its goal. */
export function bundleLines(figures: readonly BundleFigures[], sourceMapsOnInLambda: boolean): string[] {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  /** Signed: on a busy machine a tiny bundle's median can fall below `node -e 0`'s. */
  const ms = (value: number) => `${value < 0 ? '−' : '+'}${Math.abs(value).toFixed(0).padStart(3)} ms`;
  const lines = figures.map((f) => {
    const hot = sourceMapsOnInLambda ? f.importWithMapsMs : f.importMs;
    const over = f.bytes > BUNDLE_GOAL.kb * 1024 || hot > BUNDLE_GOAL.importMs;
    const parts = over ? `   largest: ${f.largest.map((p) => `${p.name} ${kb(p.bytes)}`).join(', ')}` : '';
    return (
      `  ${f.name.padEnd(28)} ${kb(f.bytes).padStart(8)} (goal ≤ ${BUNDLE_GOAL.kb} KB; map ${kb(f.mapBytes)})   ` +
      `import ${ms(f.importMs)} (goal ≤ ${BUNDLE_GOAL.importMs} ms), ` +
      `${ms(f.importWithMapsMs)} with --enable-source-maps${parts}`
    );
  });
  const worst = (pick: (f: BundleFigures) => number) => Math.max(...figures.map(pick));
  lines.push(
    `  largest bundle ${kb(worst((f) => f.bytes))} (goal ≤ ${BUNDLE_GOAL.kb} KB), slowest import ` +
      `${ms(worst((f) => f.importMs))} (goal ≤ ${BUNDLE_GOAL.importMs} ms; ` +
      `${ms(worst((f) => f.importWithMapsMs))} with source maps, which the Lambdas run ` +
      `${sourceMapsOnInLambda ? 'with' : 'without'})`,
  );
  return lines;
}
