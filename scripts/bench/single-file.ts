import { spawn } from 'node:child_process';

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

/** Runs one assembly in a child process (its own peak RSS) and returns its figures. */
export function singleFileAssembly(): Promise<AssemblyFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/single-file-run.ts'], {
      cwd: process.cwd(),
      env: { ...process.env, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`single-file bench exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!) as AssemblyFigures);
    });
  });
}
