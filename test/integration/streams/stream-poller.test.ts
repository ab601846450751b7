import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutItemCommand, TransactWriteItemsCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamoLocal, type DynamoLocal } from '../../../infra/local/dynamodb';
import { startStreamPoller } from '../../../infra/local/stream-poller';
import { createStreamHandler } from '../../../functions/platform/streams/stream-batch';
import type { Metrics } from '../../../functions/platform/ports/metrics.port';
import { freePortBase } from '../../support/embedded';

let dynamo: DynamoLocal;
const dataDir = mkdtempSync(join(tmpdir(), 'karguzar-streams-'));
const table = 'karguzar';

beforeAll(async () => {
  dynamo = await startDynamoLocal({
    dataDir,
    port: await freePortBase(1),
    table,
    webOrigin: 'http://127.0.0.1:1',
  });
});

afterAll(async () => {
  await dynamo?.close();
});

const key = (id: string) => ({ pk: { S: 't#poller' }, sk: { S: id } });

type Handlers = Parameters<typeof startStreamPoller>[0]['handlers'];

/** A poller on the test table that polls only when told; a fresh checkpoint folder unless given. */
const pollerWith = (handlers: Handlers, folder = mkdtempSync(join(tmpdir(), 'karguzar-streams-'))) =>
  startStreamPoller({
    dynamo: dynamo.client,
    endpoint: dynamo.endpoint,
    table,
    dataDir: folder,
    handlers,
    intervalMs: 60_000,
  });

describe('the local DynamoDB Streams poller', () => {
  it('delivers INSERT and MODIFY records (transactional writes too) in the Lambda event shape, once, and resumes from its checkpoint', async () => {
    const seen: DynamoDBStreamEvent['Records'] = [];
    const handler = async (event: DynamoDBStreamEvent) => {
      seen.push(...event.Records);
    };
    const poller = pollerWith({ test: handler }, dataDir);

    await dynamo.client.send(new PutItemCommand({ TableName: table, Item: { ...key('a'), v: { N: '1' } } }));
    await dynamo.client.send(
      new UpdateItemCommand({
        TableName: table,
        Key: key('a'),
        UpdateExpression: 'SET v = :v',
        ExpressionAttributeValues: { ':v': { N: '2' } },
      }),
    );
    await dynamo.client.send(
      new TransactWriteItemsCommand({
        TransactItems: [{ Put: { TableName: table, Item: { ...key('b'), v: { N: '7' } } } }],
      }),
    );
    await poller.pollOnce();

    expect(seen.map((r) => [r.eventName, r.dynamodb?.Keys?.sk?.S])).toEqual([
      ['INSERT', 'a'],
      ['MODIFY', 'a'],
      ['INSERT', 'b'],
    ]);
    const modify = seen[1];
    expect(modify?.eventSource).toBe('aws:dynamodb');
    expect(modify?.dynamodb?.OldImage?.v?.N).toBe('1');
    expect(modify?.dynamodb?.NewImage?.v?.N).toBe('2');
    expect(typeof modify?.dynamodb?.ApproximateCreationDateTime).toBe('number');

    expect(await poller.pollOnce()).toBe(0);
    await poller.close();

    // A new poller on the same data folder (a restart) starts after the checkpoint.
    const later: string[] = [];
    const again = pollerWith(
      { test: async (e) => void later.push(...e.Records.map((r) => String(r.dynamodb?.Keys?.sk?.S))) },
      dataDir,
    );
    await dynamo.client.send(new PutItemCommand({ TableName: table, Item: { ...key('c'), v: { N: '1' } } }));
    await again.pollOnce();
    expect(later).toEqual(['c']);
    await again.close();
  });

  it('retries from the first failed record that a handler reports', async () => {
    const attempts: string[] = [];
    let failOnce = true;
    const poller = pollerWith({
      flaky: async (event) => {
        attempts.push(...event.Records.map((r) => String(r.dynamodb?.Keys?.sk?.S)));
        const bad = event.Records.find((r) => r.dynamodb?.Keys?.sk?.S === 'b');
        if (bad && failOnce) {
          failOnce = false;
          return { batchItemFailures: [{ itemIdentifier: String(bad.dynamodb?.SequenceNumber) }] };
        }
      },
    });
    await poller.pollOnce();
    await poller.pollOnce();
    await poller.close();
    const firstB = attempts.indexOf('b');
    expect(firstB).toBeGreaterThan(0);
    expect(attempts.slice(firstB + 1)).toContain('b');
    expect(attempts.filter((k) => k === 'a')).toHaveLength(2);
  });

  it('resumes at the lowest failed record when failures are reported out of order', async () => {
    const rounds: string[][] = [];
    const poller = pollerWith({
      flaky: async (event) => {
        const keys = event.Records.map((r) => String(r.dynamodb?.Keys?.sk?.S));
        rounds.push(keys);
        if (rounds.length > 1) return;
        // The later record first: the poller must still come back from the earlier one.
        const seq = (k: string) => String(event.Records[keys.indexOf(k)]?.dynamodb?.SequenceNumber);
        return { batchItemFailures: [{ itemIdentifier: seq('c') }, { itemIdentifier: seq('b') }] };
      },
    });
    await poller.pollOnce();
    await poller.pollOnce();
    await poller.close();
    // The table holds a, a, b, c (earlier tests): the second round starts at b.
    expect(rounds[0]).toEqual(['a', 'a', 'b', 'c']);
    expect(rounds[1]).toEqual(['b', 'c']);
    expect(rounds).toHaveLength(2);
  });

  it('drives the Lambda entry: only the failed record and those after it come back', async () => {
    // Arrange: the same handler factory as functions/api/stream.handler.ts, with a consumer that
    // fails once on record b.
    const calls: Array<[string, string]> = [];
    let failed = false;
    const metrics: Metrics = { count: () => undefined };
    const handler = createStreamHandler(
      {
        flaky: async (r) => {
          const key = String(r.dynamodb?.Keys?.sk?.S);
          calls.push(['flaky', key]);
          if (key === 'b' && !failed) {
            failed = true;
            throw new Error('not yet');
          }
        },
        steady: async (r) => void calls.push(['steady', String(r.dynamodb?.Keys?.sk?.S)]),
      },
      { metrics },
    );
    const poller = pollerWith({ table: handler });

    // Act
    const first = await poller.pollOnce();
    const second = await poller.pollOnce();
    const third = await poller.pollOnce();
    await poller.close();

    // Assert: a a b c once each (items side by side, so in no given order between items), then
    // b c again (every consumer sees them again), then nothing.
    expect([first, second, third]).toEqual([2, 2, 0]);
    const keys = (name: string) => calls.filter(([n]) => n === name).map(([, k]) => k);
    for (const name of ['flaky', 'steady']) {
      expect(keys(name).slice(0, 4).sort()).toEqual(['a', 'a', 'b', 'c']);
      expect(keys(name).slice(4).sort()).toEqual(['b', 'c']);
    }
  });
});
