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

describe('the table-stream handler (Powertools batch processor)', () => {
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
    // In stream order, every consumer sees every record, even one another consumer failed on.
    expect(seen).toEqual([
      ['first', 'a'],
      ['second', 'a'],
      ['first', 'b'],
      ['second', 'b'],
      ['first', 'c'],
      ['second', 'c'],
      ['first', 'd'],
      ['second', 'd'],
    ]);
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
