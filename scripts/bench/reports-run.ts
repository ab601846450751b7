/**
 * One measurement in a process of its own (so that its peak RSS is the export's): a 100,000-row
 * execution-control report written with the reports module's streaming workbook writer, row after
 * row as the export job does, into a sink that hashes the bytes as the multipart upload would take
 * them. Prints one JSON line.
 */
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { controlCells, controlSheet, streamWorkbook, type ControlRow } from '../../functions/modules/reports';

const ROWS = Number(process.argv[2] ?? 100_000);

function row(i: number): ControlRow {
  const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const late = i % 4 === 0;
  return {
    documentId: `doc-${i}`,
    resolutionId: `res-${i}`,
    kind: 'incoming',
    number: `D-${i}/26`,
    registeredOn: day(i % 300),
    classification: i % 2 ? 'Vətəndaş müraciəti' : 'Təşkilat məktubu',
    summary: `Ərizə №${i}: mənzil növbəsinə düşmək barədə Məmmədova Günel Əli qızının müraciəti`,
    party: `Şükürova Ülviyyə ${i}`,
    dueDate: day((i % 300) + 10),
    state: late ? 'late' : 'on-time',
    overdue: false,
    workingDays: late ? -((i % 9) + 1) : i % 7,
    department: 'Ümumi şöbə',
    executor: 'Əliyev Çingiz',
    executorId: 'e1',
    controller: 'İsmayılova Gülşən',
    controllerId: 'c1',
    actedBy: 'Əliyev Çingiz',
    actedAt: new Date(Date.UTC(2026, 0, 5) + i * 60_000).toISOString(),
    status: 'executed',
  };
}

async function main() {
  const hash = createHash('sha256');
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      hash.update(chunk);
      done();
    },
  });
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('finish', resolve);
    sink.on('error', reject);
  });
  async function* rows() {
    for (let i = 0; i < ROWS; i++) yield controlCells('az', row(i));
  }
  const start = performance.now();
  const written = await streamWorkbook(sink, 'Müddəti keçmiş', controlSheet('az'), rows());
  await finished;
  const seconds = (performance.now() - start) / 1000;
  hash.digest('hex');
  process.stdout.write(
    `${JSON.stringify({ rows: written, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, fileMb: bytes / 1e6 })}\n`,
  );
}

void main();
