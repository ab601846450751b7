import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Issue 16: a 100,000-row Excel export in ≤ 5 s and ≤ 200 MB peak RSS. */
export const EXPORT_GOAL = { rows: 100_000, seconds: 5, peakRssMb: 200 };

export interface ExportFigures {
  rows: number;
  seconds: number;
  peakRssMb: number;
  fileMb: number;
}

/** Runs the export measurement in a fresh process (its peak RSS is the export's alone). */
export async function excelExportRun(rows = EXPORT_GOAL.rows): Promise<ExportFigures> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'scripts/bench/reports-run.ts', String(rows)],
    {
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as ExportFigures;
}

export function excelExportLine(f: ExportFigures): string {
  return (
    `Excel export of ${f.rows} report rows (exceljs streaming writer, ${f.fileMb.toFixed(1)} MB workbook): ` +
    `${f.seconds.toFixed(2)} s (goal ≤ ${EXPORT_GOAL.seconds} s), peak RSS ${f.peakRssMb.toFixed(0)} MB ` +
    `(goal ≤ ${EXPORT_GOAL.peakRssMb} MB)`
  );
}
