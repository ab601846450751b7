import { randomUUID } from 'node:crypto';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { TABLE_NAME } from '../../infra/local/embedded';

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
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    count: latencies.length,
    seconds: elapsed,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
  } satisfies Figures;
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
