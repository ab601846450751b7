import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

export interface AssemblyFigures {
  seconds: number;
  peakRssMb: number;
  baselineRssMb: number;
  inputMb: number;
  outputMb: number;
  pages: number;
}

/**
 * Goal for assembling the single file of a 200-page, 20 MB scan. Assembly runs once per change of
 * an unsigned document (never per print: printing stamps the frozen file, goal ≤ 0.5 s / 200 MB),
 * so a few seconds are acceptable; the memory must leave room in the 1024 MB API Lambda.
 */
export const ASSEMBLY_GOAL = { seconds: 5, peakRssMb: 512 };

export interface StampFigures {
  seconds: number;
  peakRssMb: number;
  baselineRssMb: number;
  inputMb: number;
  appendedKb: number;
  pages: number;
}

/** Goal for stamping page 1 of that file for printing (§146): once per print, so it must be quick. */
export const STAMP_GOAL = { seconds: 0.5, peakRssMb: 200 };

/** One child process's last stdout line, as JSON. */
function figuresOf<T>(args: string[], env: Record<string, string> = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: process.cwd(),
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${args.at(-1)} exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!) as T);
    });
  });
}

/**
 * Assembles the single file of the scan, then stamps it for printing in a second process that runs
 * the signatures module bundled by esbuild, as its Lambda runs it (no TypeScript loader in memory).
 */
export async function singleFileAssemblyAndStamp(): Promise<{
  assembly: AssemblyFigures;
  stamp: StampFigures;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'karguzar-bench-'));
  try {
    const file = join(dir, 'single-file.pdf');
    const assembly = await figuresOf<AssemblyFigures>(
      ['--import', 'tsx', 'scripts/bench/single-file-run.ts'],
      {
        BENCH_SINGLE_FILE_OUT: file,
      },
    );
    // Inside the repository, so that the bundle finds the fonts in node_modules as the sources do.
    const bundle = join('node_modules', '.cache', 'karguzar-bench', 'print-stamp.mjs');
    await build({
      entryPoints: ['scripts/bench/print-stamp-run.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: bundle,
      logLevel: 'warning',
      banner: {
        js: "import { createRequire as karguzarRequire } from 'node:module'; const require = karguzarRequire(import.meta.url);",
      },
    });
    const stamp = await figuresOf<StampFigures>([bundle, file]);
    return { assembly, stamp };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
