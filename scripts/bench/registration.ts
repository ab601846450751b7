import { randomUUID } from 'node:crypto';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { TABLE_NAME } from '../../infra/local/embedded';
import { journalNumbers, startWriters } from '../../test/support/numbering-writers';

export interface Figures {
  count: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Runs `work` from `clients` concurrent loops for `seconds`, timing each call. */
export async function load(
  clients: number,
  seconds: number,
  work: (c: number, i: number) => Promise<boolean>,
) {
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; performance.now() < end; i++) {
        const t0 = performance.now();
        const ok = await work(c, i).catch(() => false);
        if (ok) latencies.push(performance.now() - t0);
        else errors++;
      }
    }),
  );
  return figuresOf(latencies, (performance.now() - start) / 1000, errors);
}

/** Count, rate and percentiles of the latencies of `seconds` of work. */
function figuresOf(latencies: number[], seconds: number, errors: number): Figures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    count: sorted.length,
    seconds,
    perSecond: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    errors,
  };
}

/** Registrations of incoming documents over HTTP (all into the one default journal: the hot case). */
export async function registrations(baseUrl: string, token: string, clients: number, seconds: number) {
  return load(clients, seconds, async (c, i) => {
    const res = await fetch(`${baseUrl}/api/v1/documents/incoming`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify({
        sender: { kind: 'citizen', name: `Ölçü vətəndaşı ${c}`, fin: '5ZK7QH2' },
        documentNumber: `B-${c}-${i}`,
        summary: `Performans ölçüsü üçün ərizə ${c}-${i}`,
      }),
    });
    await res.arrayBuffer();
    return res.status === 201;
  });
}

/** Raw PutItem calls on the same DynamoDB Local, with an item the size of a registered document. */
export async function rawPutItems(dynamoEndpoint: string, clients: number, seconds: number) {
  const client = new DynamoDBClient({
    endpoint: dynamoEndpoint,
    region: 'eu-central-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const payload = 'x'.repeat(1500);
  try {
    return await load(clients, seconds, async () => {
      await client.send(
        new PutItemCommand({
          TableName: TABLE_NAME,
          Item: { pk: { S: `bench#${randomUUID()}` }, sk: { S: 'raw' }, data: { S: payload } },
        }),
      );
      return true;
    });
  } finally {
    client.destroy();
  }
}

export interface RegistrationRun {
  registrations: Figures;
  raw: Figures;
  /** registrations/s ÷ raw PutItem/s of the same run */
  ratio: number;
}

/**
 * `runs` runs, each of registrations over HTTP and raw PutItem right after on the same DynamoDB
 * Local (the ratio of one run compares figures of the same machine load).
 */
export async function registrationRuns(
  baseUrl: string,
  dynamoEndpoint: string,
  token: string,
  options: { clients: number; seconds: number; runs: number },
): Promise<RegistrationRun[]> {
  await registrations(baseUrl, token, 4, 2); // warm-up: JIT, connections, the journal counter
  const runs: RegistrationRun[] = [];
  for (let r = 0; r < options.runs; r++) {
    const reg = await registrations(baseUrl, token, options.clients, options.seconds);
    const raw = await rawPutItems(dynamoEndpoint, options.clients, Math.min(options.seconds, 10));
    runs.push({ registrations: reg, raw, ratio: reg.perSecond / raw.perSecond });
  }
  return runs;
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Registrations into one journal from `processes` separate Node processes (each its own store and
 * DynamoDB client, as Lambda containers are), then the journal read back: the numbers must be
 * 1..n with no gap and no duplicate, and every acknowledged registration among them.
 */
export async function multiProcessRegistrations(
  dynamoEndpoint: string,
  options: { processes: number; clientsPerProcess: number; seconds: number },
): Promise<
  Figures & { numbers: number; gapFree: boolean; duplicates: number; lost: number; refusals: string[] }
> {
  const tenantId = `bench-${randomUUID()}`;
  const journalId = randomUUID();
  const writers = startWriters({ endpoint: dynamoEndpoint, tenantId, journalId, ...options });
  await Promise.all(writers.map((w) => w.ready));
  const start = performance.now();
  for (const w of writers) w.go();
  const codes = await Promise.all(writers.map((w) => w.exited));
  const elapsed = (performance.now() - start) / 1000;
  const acknowledged = writers.flatMap((w) => w.acknowledged);
  const stored = await journalNumbers(dynamoEndpoint, tenantId, journalId);
  const seqs = new Set(stored);
  const ackSeqs = new Set(acknowledged.map((a) => a.seq));
  return {
    ...figuresOf(
      acknowledged.map((a) => a.ms),
      elapsed,
      codes.filter((c) => c !== 0).length,
    ),
    numbers: stored.length,
    gapFree: stored.every((seq, i) => seq === i + 1),
    duplicates: stored.length - seqs.size + (acknowledged.length - ackSeqs.size),
    lost: [...ackSeqs].filter((s) => !seqs.has(s)).length,
    // Why a writer ended non-zero: the refusals it printed (each distinct message once, with its count).
    refusals: refusalsOf(writers.map((w) => w.errors())),
  };
}

/** Distinct lines of the writers' stderr with how often each came. */
export function refusalsOf(outputs: string[]): string[] {
  const counts = new Map<string, number>();
  for (const line of outputs.flatMap((o) => o.split('\n')).filter((l) => l.startsWith('refused: ')))
    counts.set(line, (counts.get(line) ?? 0) + 1);
  return [...counts].map(([line, n]) => `${n} × ${line}`);
}

const line = (name: string, f: Figures) =>
  `${name.padEnd(40)} ${f.perSecond.toFixed(1).padStart(8)}/s   p50 ${f.p50.toFixed(1).padStart(7)} ms   p99 ${f.p99
    .toFixed(1)
    .padStart(7)} ms   (${f.count} in ${f.seconds.toFixed(1)} s, ${f.errors} errors)`;

/**
 * The registration block of `npm run bench`: three runs over HTTP against raw PutItem (each run's
 * ratio and p99 beside the goals, then the median ratio), and the case of separate processes
 * numbering into one journal. BENCH_REGISTRATION_RUNS and BENCH_PROCESSES shorten it.
 */
export async function registrationBlock(
  embedded: { baseUrl: string; port: number },
  token: string,
  options: { clients: number; seconds: number },
  out: (text: string) => void,
): Promise<void> {
  const dynamoEndpoint = `http://127.0.0.1:${embedded.port + 1}`;
  const runs = await registrationRuns(embedded.baseUrl, dynamoEndpoint, token, {
    ...options,
    runs: Number(process.env.BENCH_REGISTRATION_RUNS ?? 3),
  });
  runs.forEach((run, i) => {
    out(line(`run ${i + 1}: registrations over HTTP (1 journal)`, run.registrations));
    out(line(`run ${i + 1}: DynamoDB Local PutItem (raw)`, run.raw));
    const p99Goal = 3 * run.raw.p99;
    out(
      `run ${i + 1}: ratio registrations/PutItem ${run.ratio.toFixed(3)}; registration p99 ${run.registrations.p99.toFixed(0)} ms ` +
        `(goal ≤ 3 × raw p99 = ${p99Goal.toFixed(0)} ms: ${run.registrations.p99 <= p99Goal ? 'met' : 'not met'})`,
    );
  });
  const ratio = median(runs.map((r) => r.ratio));
  out(
    `median ratio registrations/PutItem of ${runs.length} runs: ${ratio.toFixed(3)} (goal ≥ 0.4: ${ratio >= 0.4 ? 'met' : 'not met'})`,
  );
  const processes = Number(process.env.BENCH_PROCESSES ?? 4);
  const multi = await multiProcessRegistrations(dynamoEndpoint, {
    processes,
    clientsPerProcess: Math.max(1, Math.round(options.clients / processes)),
    seconds: options.seconds,
  });
  out(line(`${processes} processes into 1 journal (store)`, multi));
  out(
    `  journal read back: ${multi.numbers} numbers, ${multi.gapFree ? 'gap-free' : 'WITH GAPS'}, ` +
      `${multi.duplicates} duplicates, ${multi.lost} acknowledged but missing (goal: gap-free, 0, 0)`,
  );
  for (const refusal of multi.refusals.slice(0, 5)) out(`  writer refusal: ${refusal}`);
}
