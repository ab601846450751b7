import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { DynamoDocumentStore, type DocumentQuery } from '../../functions/modules/documents';
import { LIST_READ_BUDGET } from '../../functions/platform/kernel/aggregate';
import { TABLE_NAME } from '../../infra/local/embedded';
import { parseServerTiming } from '../../infra/local/request-timing';
import { countingTableClient, likeDocument, seedDocuments } from '../../test/support/seed-documents';
import { tableClientOf } from '../../test/support/table';
import { percentile } from './registration';

/** Issue 17's goal for a list request at 100,000 documents per tenant. */
export const LIST_GOAL = { p95Ms: 100, itemsRead: LIST_READ_BUDGET };

/** The demo agency, whose clerk the bench's token is. */
const TENANT = 'demo1';

export interface ListFigures {
  /** What the request asked for, as the filter row would. */
  name: string;
  query: string;
  requests: number;
  p50: number;
  p95: number;
  /**
   * Where the time went, from each answer's Server-Timing header: the API handler (`app`), the
   * DynamoDB calls made for it (`db`), and what lies outside the handler (`outside`: the client,
   * sockets, the gateway, compression, the API process's event loop) as client time minus `app`.
   */
  breakdown: Record<'app' | 'db' | 'outside', { p50: number; p95: number }>;
  /** DynamoDB calls per request (the median). */
  dbCalls: number;
  /** Items DynamoDB evaluated for the request (its first page). */
  itemsRead: number;
  items: number;
  more: boolean;
}

/**
 * The filter-row list at scale: `documents` incoming documents of the demo agency written straight
 * into the table (batches, not HTTP), then the first page of the incoming list over HTTP, timed,
 * with a filter that matches nothing (a text filter: read under the budget), with one status (a
 * key condition, 1 % of the documents) and with no filter. The items each request reads are
 * counted by reading the same page through the store on a client that sums ScannedCount.
 */
export async function listRun(
  baseUrl: string,
  token: string,
  documents: number,
  options: { dataDir?: string; requests?: number } = {},
): Promise<{ seeded: number; seedSeconds: number; drainSeconds?: number; figures: ListFigures[] }> {
  const requests = options.requests ?? 200;
  const get = (path: string, init: RequestInit = {}) =>
    fetch(`${baseUrl}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });
  const created = await get('/api/v1/documents/incoming', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sender: { kind: 'citizen', name: 'Bench Vətəndaş' }, summary: 'Nümunə' }),
  });
  if (created.status !== 201) throw new Error(`registration ${created.status}: ${await created.text()}`);
  const { id } = (await created.json()) as { id: string };
  const template = (await new DynamoDocumentStore(tableClientOf(baseUrl), TABLE_NAME).get(TENANT, id))!;

  const t0 = performance.now();
  const start = Date.parse('2024-01-01T05:00:00Z');
  const statuses = ['registered', 'in-execution', 'executed'];
  await seedDocuments(baseUrl, documents, (i) =>
    likeDocument(template, i, {
      // A few a minute over the months before; one in a hundred cancelled.
      at: new Date(start + i * 20_000).toISOString(),
      summary: `Məktub ${i}`,
      status: i % 100 === 50 ? 'cancelled' : statuses[i % 3]!,
    }),
  );
  const seedSeconds = (performance.now() - t0) / 1000;
  // The seeded rows pass through the table stream too: measure once the embedded default's stream
  // poller has delivered them all, not while it is still working through them.
  const t1 = performance.now();
  if (options.dataDir) await streamCaughtUp(baseUrl, options.dataDir);
  const drainSeconds = options.dataDir ? (performance.now() - t1) / 1000 : undefined;

  const nothing = `yoxdur${randomUUID().slice(0, 8)}`;
  const cases: Array<{ name: string; query: string; store: Partial<DocumentQuery> }> = [
    { name: 'filter that matches nothing', query: `summary=${nothing}`, store: { summaryContains: nothing } },
    { name: 'one status (1 %)', query: 'status=cancelled', store: { status: ['cancelled'] } },
    { name: 'no filter', query: '', store: {} },
  ];
  const { client, read } = countingTableClient(baseUrl);
  const store = new DynamoDocumentStore(client, TABLE_NAME);
  const viewer = { employeeId: template.authorId ?? 'clerk', seesAll: true, actingFor: [], headOf: [] };
  const figures: ListFigures[] = [];
  for (const c of cases) {
    const path = `/api/v1/documents?kind=incoming&limit=50${c.query ? `&${c.query}` : ''}`;
    let last: { items: unknown[]; nextCursor?: string } = { items: [] };
    for (let i = 0; i < 5; i++) await (await get(path)).arrayBuffer(); // warm-up
    const latencies: number[] = [];
    const parts = { app: [] as number[], db: [] as number[], outside: [] as number[], calls: [] as number[] };
    for (let i = 0; i < requests; i++) {
      const r0 = performance.now();
      const res = await get(path);
      last = (await res.json()) as typeof last;
      const ms = performance.now() - r0;
      latencies.push(ms);
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(last)}`);
      const timing = parseServerTiming(res.headers.get('server-timing'));
      parts.app.push(timing.app ?? 0);
      parts.db.push(timing.db ?? 0);
      parts.outside.push(Math.max(0, ms - (timing.app ?? 0)));
      parts.calls.push(
        Number(/db;desc="(\d+) calls"/.exec(res.headers.get('server-timing') ?? '')?.[1] ?? 0),
      );
    }
    latencies.sort((a, b) => a - b);
    const spread = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
    };
    const before = read();
    await store.list(TENANT, { kind: 'incoming', order: 'desc', limit: 50, viewer, ...c.store });
    figures.push({
      name: c.name,
      query: c.query,
      requests,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      breakdown: { app: spread(parts.app), db: spread(parts.db), outside: spread(parts.outside) },
      dbCalls: spread(parts.calls).p50,
      itemsRead: read() - before,
      items: last.items.length,
      more: last.nextCursor !== undefined,
    });
  }
  return { seeded: documents, seedSeconds, ...(drainSeconds !== undefined ? { drainSeconds } : {}), figures };
}

/** The bench's lines for a list run: each case's figures beside the goal, then where its time went. */
export function listLines(lists: Awaited<ReturnType<typeof listRun>>): string[] {
  const lines = [
    `incoming list over ${lists.seeded} documents of one agency (seeded in ${lists.seedSeconds.toFixed(0)} s, ` +
      `the stream delivered ${(lists.drainSeconds ?? 0).toFixed(0)} s later):`,
  ];
  const ms = (x: number) => `${x.toFixed(1).padStart(6)} ms`;
  for (const f of lists.figures) {
    const { app, db, outside } = f.breakdown;
    lines.push(
      `  ${f.name.padEnd(28)} p50 ${ms(f.p50)}   p95 ${ms(f.p95)} ` +
        `(goal ≤ ${LIST_GOAL.p95Ms} ms: ${f.p95 <= LIST_GOAL.p95Ms ? 'met' : 'not met'})   ` +
        `items read ${String(f.itemsRead).padStart(5)} (goal ≤ ${LIST_GOAL.itemsRead})` +
        `   ${f.items} shown${f.more ? ', cursor' : ''}`,
      `  ${''.padEnd(28)}   of which the API handler p50 ${ms(app.p50)} p95 ${ms(app.p95)}, ` +
        `its DynamoDB calls (${f.dbCalls}) p50 ${ms(db.p50)} p95 ${ms(db.p95)}, ` +
        `outside the handler (client, gateway, event loop) p50 ${ms(outside.p50)} p95 ${ms(outside.p95)}`,
    );
  }
  return lines;
}

/**
 * Waits until the embedded default's stream poller has delivered every record of the table's
 * stream: for each shard, nothing is readable after the checkpoint the poller keeps in its data
 * folder (`streams/checkpoints.json`).
 */
export async function streamCaughtUp(
  baseUrl: string,
  dataDir: string,
  withinMs = 10 * 60_000,
): Promise<void> {
  const endpoint = `http://127.0.0.1:${Number(new URL(baseUrl).port) + 1}`;
  const config = {
    endpoint,
    region: 'eu-central-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  };
  const dynamo = new DynamoDBClient(config);
  const streams = new DynamoDBStreamsClient(config);
  const file = join(dataDir, 'streams', 'checkpoints.json');
  try {
    const table = await dynamo.send(new DescribeTableCommand({ TableName: TABLE_NAME }));
    const streamArn = table.Table?.LatestStreamArn;
    if (!streamArn) return;
    const deadline = Date.now() + withinMs;
    for (;;) {
      const shards: Record<string, string> = existsSync(file)
        ? ((JSON.parse(readFileSync(file, 'utf8')) as { shards?: Record<string, string> }).shards ?? {})
        : {};
      const description = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
      let pending = false;
      for (const shard of description.StreamDescription?.Shards ?? []) {
        const after = shards[shard.ShardId!];
        const iterator = await streams.send(
          new GetShardIteratorCommand({
            StreamArn: streamArn,
            ShardId: shard.ShardId!,
            ShardIteratorType: after ? 'AFTER_SEQUENCE_NUMBER' : 'TRIM_HORIZON',
            ...(after ? { SequenceNumber: after } : {}),
          }),
        );
        const page = await streams.send(
          new GetRecordsCommand({ ShardIterator: iterator.ShardIterator!, Limit: 1 }),
        );
        if ((page.Records ?? []).length > 0) pending = true;
      }
      if (!pending) return;
      if (Date.now() > deadline)
        throw new Error(`the stream poller did not catch up within ${withinMs / 60_000} minutes`);
      await new Promise((r) => setTimeout(r, 1000)); // the poll interval of the wait, not a fixed wait
    }
  } finally {
    dynamo.destroy();
    streams.destroy();
  }
}
