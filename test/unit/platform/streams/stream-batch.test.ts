import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  createStreamHandler,
  type StreamConsumer,
} from '../../../../functions/platform/streams/stream-batch';
import type { Metrics } from '../../../../functions/platform/ports/metrics.port';
import { captureOutput } from '../../../support/output';

const record = (key: string, sequence: string): DynamoDBRecord => ({
  eventID: `e-${key}`,
  eventName: 'MODIFY',
  eventSource: 'aws:dynamodb',
  dynamodb: { Keys: { sk: { S: key } }, SequenceNumber: sequence },
});
const batch = (...records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records });
const context = { functionName: 'karguzar-stream', awsRequestId: 'r-1' } as Context;
const keyOf = (r: DynamoDBRecord) => String(r.dynamodb?.Keys?.sk?.S);

function setup(failOn: Record<string, string[]>) {
  const seen: Array<[string, string]> = [];
  const counted: Array<[string, unknown]> = [];
  const metrics: Metrics = { count: (name, dimension) => void counted.push([name, dimension]) };
  const consumer =
    (name: string): StreamConsumer =>
    async (r) => {
      seen.push([name, keyOf(r)]);
      if (failOn[name]?.includes(keyOf(r))) throw new Error(`${name} failed on ${keyOf(r)}`);
    };
  const handler = createStreamHandler({ first: consumer('first'), second: consumer('second') }, { metrics });
  return { handler, seen, counted };
}

describe('the table-stream handler', () => {
  it('reports only the records a consumer failed on, by sequence number', async () => {
    // Arrange
    const { handler, seen, counted } = setup({ first: ['b'], second: ['d'] });

    // Act
    let result: unknown;
    const { lines } = await captureOutput(async () => {
      result = await handler(
        batch(record('a', '100'), record('b', '200'), record('c', '300'), record('d', '400')),
        context,
      );
    });

    // Assert
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: '200' }, { itemIdentifier: '400' }] });
    expect(counted).toEqual([
      ['StreamRecordFailure', { consumer: 'first' }],
      ['StreamRecordFailure', { consumer: 'second' }],
    ]);
    expect(lines.filter((l) => l.message === 'stream_record_failed')).toEqual([
      expect.objectContaining({ level: 'warn', consumer: 'first', sequenceNumber: '200' }),
      expect.objectContaining({ level: 'warn', consumer: 'second', sequenceNumber: '400' }),
    ]);
    // Every consumer sees every record, even one another consumer failed on, in consumer order.
    for (const key of ['a', 'b', 'c', 'd'])
      expect(seen.filter(([, k]) => k === key)).toEqual([
        ['first', key],
        ['second', key],
      ]);
  });

  it("keeps one item's records in stream order and holds back those after a failed one", async () => {
    // Arrange: two writes of item a, then one of b; the first consumer fails on a's first write.
    const seen: string[] = [];
    const handler = createStreamHandler(
      {
        only: async (r) => {
          seen.push(String(r.dynamodb?.SequenceNumber));
          if (r.dynamodb?.SequenceNumber === '100') throw new Error('not yet');
        },
      },
      { metrics: { count: () => undefined } },
    );

    // Act
    let result: unknown;
    await captureOutput(async () => {
      result = await handler(batch(record('a', '100'), record('a', '200'), record('b', '300')), context);
    });

    // Assert: a's second write waits for the retry (which starts at 100); b went through.
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: '100' }, { itemIdentifier: '200' }] });
    expect(seen.sort()).toEqual(['100', '300']);
  });

  it('handles different items side by side, never more at once than its bound', async () => {
    let active = 0;
    let most = 0;
    const order: string[] = [];
    const handler = createStreamHandler(
      {
        slow: async (r) => {
          active += 1;
          most = Math.max(most, active);
          // a's first write takes longest: handled without regard to items, a's second would pass it.
          const turns = r.dynamodb?.SequenceNumber === '1' ? 6 : 1;
          for (let turn = 0; turn < turns; turn++) await new Promise((resolve) => setImmediate(resolve));
          order.push(String(r.dynamodb?.SequenceNumber));
          active -= 1;
        },
      },
      { metrics: { count: () => undefined }, concurrency: 3 },
    );
    const records = ['a', 'b', 'c', 'd', 'e', 'a', 'b'].map((key, i) => record(key, String(i + 1)));

    await expect(handler(batch(...records), context)).resolves.toEqual({ batchItemFailures: [] });

    expect(most).toBe(3);
    expect([...order].sort()).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    // a's and b's second writes come after their first ones.
    expect(order.indexOf('6')).toBeGreaterThan(order.indexOf('1'));
    expect(order.indexOf('7')).toBeGreaterThan(order.indexOf('2'));
  });

  it('answers an empty failure list when every record went through', async () => {
    const { handler, counted } = setup({});
    await expect(handler(batch(record('a', '1'), record('b', '2')), context)).resolves.toEqual({
      batchItemFailures: [],
    });
    expect(counted).toEqual([]);
  });

  it('reports a batch whose every record failed record by record instead of throwing', async () => {
    const { handler } = setup({ first: ['a', 'b'] });
    let result: unknown;
    await captureOutput(async () => {
      result = await handler(batch(record('a', '10'), record('b', '20')), context);
    });
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: '10' }, { itemIdentifier: '20' }] });
  });
});
