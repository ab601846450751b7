import { randomUUID } from 'node:crypto';
import { setTimeout as wait } from 'node:timers/promises';
import { percentile } from './registration';

/** Issue 16: "the index lags the table by at most seconds under the registration benchmark". */
export const INDEX_LAG_GOAL_MS = 5_000;

export interface IndexLag {
  registered: number;
  followed: number;
  p50: number;
  p99: number;
  max: number;
  /** Followed registrations the search had not found two minutes after their acknowledgement. */
  missing: number;
}

/**
 * Registrations over HTTP from `clients` loops for `seconds` (the registration benchmark's load);
 * every `sampleEvery`-th acknowledged one is followed by the header's number search until it
 * answers with that document: the time from the acknowledgement to the first answer that has it.
 */
export async function indexLagRun(
  baseUrl: string,
  token: string,
  options: { clients: number; seconds: number; sampleEvery?: number },
): Promise<IndexLag> {
  const headers = { authorization: `Bearer ${token}` };
  const followed = new Map<string, { number: string; ackAt: number }>();
  const lags: number[] = [];
  let missing = 0;
  let registering = true;
  let registered = 0;

  const watcher = (async () => {
    while (registering || followed.size > 0) {
      for (const [id, doc] of [...followed]) {
        const res = await fetch(`${baseUrl}/api/v1/search/quick?q=${encodeURIComponent(doc.number)}`, {
          headers,
        });
        const body = (await res.json()) as { items?: { id: string }[] };
        if (body.items?.some((hit) => hit.id === id)) {
          lags.push(performance.now() - doc.ackAt);
          followed.delete(id);
        } else if (performance.now() - doc.ackAt > 120_000) {
          missing++;
          followed.delete(id);
        }
      }
      await wait(50);
    }
  })();

  const end = performance.now() + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.clients }, async (_, c) => {
      for (let i = 0; performance.now() < end; i++) {
        const res = await fetch(`${baseUrl}/api/v1/documents/incoming`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          body: JSON.stringify({
            sender: { kind: 'citizen', name: `Axtarış ölçüsü ${c}`, fin: '5ZK7QH2' },
            summary: `İndeks gecikməsinin ölçüsü ${c}-${i}`,
          }),
        }).catch(() => undefined);
        if (res?.status !== 201) continue;
        const doc = (await res.json()) as { id: string; registration?: { number: string } };
        registered++;
        if (doc.registration && registered % (options.sampleEvery ?? 10) === 0)
          followed.set(doc.id, { number: doc.registration.number, ackAt: performance.now() });
      }
    }),
  );
  registering = false;
  await watcher;
  const sorted = lags.sort((a, b) => a - b);
  return {
    registered,
    followed: sorted.length + missing,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? 0,
    missing,
  };
}

export function indexLagLine(lag: IndexLag): string {
  const met = lag.missing === 0 && lag.p99 <= INDEX_LAG_GOAL_MS;
  return (
    `search index lag under registrations (${lag.registered} registered, ${lag.followed} followed): ` +
    `p50 ${lag.p50.toFixed(0)} ms, p99 ${lag.p99.toFixed(0)} ms, max ${lag.max.toFixed(0)} ms, ` +
    `${lag.missing} not found after 2 min (goal p99 ≤ ${INDEX_LAG_GOAL_MS} ms: ${met ? 'met' : 'not met'})`
  );
}
