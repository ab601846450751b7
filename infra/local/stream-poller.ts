import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListStreamsCommand,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import { randomUUID } from 'node:crypto';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent, DynamoDBBatchResponse } from 'aws-lambda';
import { logger } from '../../functions/platform/observability/logger';
import { withoutWriteStamp } from './dynamo-journal';
import { writeFileAtomicSync } from './fs-durable';

export type StreamHandler = (
  event: DynamoDBStreamEvent,
  context: Context,
) => Promise<DynamoDBBatchResponse | void>;

export interface StreamPoller {
  /** Runs one pass over every shard (tests); the loop does the same every interval. */
  pollOnce(): Promise<number>;
  health(): Promise<{ ok: boolean; detail?: string }>;
  close(): Promise<void>;
}

interface Checkpoints {
  streamArn?: string;
  shards: Record<string, string>;
}

/**
 * GetRecords returns dates as Date; Lambda events carry epoch seconds. The images lose the write
 * journal's hidden stamp, so the handlers see what they would see in AWS.
 */
function toLambdaRecord(record: _Record, streamArn: string, region: string): DynamoDBRecord {
  withoutWriteStamp(record.dynamodb?.NewImage);
  withoutWriteStamp(record.dynamodb?.OldImage);
  const created = record.dynamodb?.ApproximateCreationDateTime;
  return {
    eventID: record.eventID,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    eventSourceARN: streamArn,
    dynamodb: {
      ...(record.dynamodb as DynamoDBRecord['dynamodb']),
      ...(created ? { ApproximateCreationDateTime: Math.floor(new Date(created).getTime() / 1000) } : {}),
    },
  } as DynamoDBRecord;
}

/**
 * The index of the first record to deliver again: the lowest position among the reported
 * failures, or 0 when a failure names no record of the batch (Lambda then retries it whole).
 */
export function firstFailure(
  records: readonly DynamoDBRecord[],
  failures: DynamoDBBatchResponse['batchItemFailures'],
): number {
  let first = records.length;
  for (const { itemIdentifier } of failures) {
    const index = itemIdentifier
      ? records.findIndex((r) => r.dynamodb?.SequenceNumber === itemIdentifier)
      : -1;
    if (index < 0) return 0;
    first = Math.min(first, index);
  }
  return first;
}

/**
 * The local counterpart of a Lambda event source mapping on the table's stream: polls every shard,
 * hands batches to the same stream handlers as AWS, honours partial batch failures, and keeps a
 * durable checkpoint per shard (at-least-once, like AWS: a handler must be idempotent).
 */
export function startStreamPoller(opts: {
  /** Not called on each pass (see `latestStream`); kept so that callers need not change. */
  dynamo?: DynamoDBClient;
  endpoint: string;
  table: string;
  dataDir: string;
  handlers: Record<string, StreamHandler>;
  intervalMs?: number;
  batchSize?: number;
}): StreamPoller {
  const region = 'eu-central-1';
  const streams = new DynamoDBStreamsClient({
    endpoint: opts.endpoint,
    region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const dir = join(opts.dataDir, 'streams');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'checkpoints.json');
  let checkpoints: Checkpoints = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Checkpoints)
    : { shards: {} };
  let lastError: string | undefined;
  let running = false;
  let closed = false;

  const save = () => writeFileAtomicSync(file, JSON.stringify(checkpoints));

  /**
   * The table's current stream, from ListStreams (the newest label when the table had several).
   * Not DescribeTable: DynamoDB Local answers it with a COUNT over the whole table and each index
   * (its ItemCount figures), hundreds of milliseconds at 20,000 items, during which the requests
   * of the API wait on its database; one a second was the list bench's p95 (docs/decisions.md).
   */
  async function latestStream(): Promise<string | undefined> {
    let latest: { arn: string; label: string } | undefined;
    let start: string | undefined;
    do {
      const page = await streams.send(
        new ListStreamsCommand({
          TableName: opts.table,
          ...(start ? { ExclusiveStartStreamArn: start } : {}),
        }),
      );
      for (const s of page.Streams ?? [])
        if (s.StreamArn && (!latest || (s.StreamLabel ?? '') > latest.label))
          latest = { arn: s.StreamArn, label: s.StreamLabel ?? '' };
      start = page.LastEvaluatedStreamArn;
    } while (start);
    return latest?.arn;
  }

  /**
   * Hands a batch to a handler and says how many of its records are done. Like an event source
   * mapping with ReportBatchItemFailures: the batch comes back from the lowest failed sequence
   * number (whatever the order of the reported failures), and a failure that names no record of
   * the batch fails the whole batch. A handler that throws fails the whole batch too (the pass
   * stops; the next one retries).
   */
  async function deliver(name: string, handler: StreamHandler, records: DynamoDBRecord[]): Promise<number> {
    const context = { functionName: `karguzar-stream-${name}`, awsRequestId: randomUUID() } as Context;
    const failures = (await handler({ Records: records }, context))?.batchItemFailures ?? [];
    if (failures.length === 0) return records.length;
    const done = firstFailure(records, failures);
    logger.warn('stream batch reported failures', {
      handler: name,
      failures: failures.length,
      retryFrom: records[done]?.dynamodb?.SequenceNumber,
    });
    return done;
  }

  async function pollOnce(): Promise<number> {
    if (running) return 0;
    running = true;
    let delivered = 0;
    try {
      const streamArn = await latestStream();
      if (!streamArn) return 0;
      if (checkpoints.streamArn !== streamArn) checkpoints = { streamArn, shards: {} };
      const description = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
      for (const shard of description.StreamDescription?.Shards ?? []) {
        const shardId = shard.ShardId as string;
        const after = checkpoints.shards[shardId];
        const iterator = await streams.send(
          new GetShardIteratorCommand({
            StreamArn: streamArn,
            ShardId: shardId,
            ShardIteratorType: after ? 'AFTER_SEQUENCE_NUMBER' : 'TRIM_HORIZON',
            ...(after ? { SequenceNumber: after } : {}),
          }),
        );
        let it = iterator.ShardIterator;
        while (it && !closed) {
          const page = await streams.send(
            new GetRecordsCommand({ ShardIterator: it, Limit: opts.batchSize ?? 100 }),
          );
          const records = (page.Records ?? []).map((r) => toLambdaRecord(r, streamArn, region));
          if (records.length === 0) break;
          let upTo = records.length;
          for (const [name, handler] of Object.entries(opts.handlers))
            upTo = Math.min(upTo, await deliver(name, handler, records));
          if (upTo > 0) {
            checkpoints.shards[shardId] = records[upTo - 1]?.dynamodb?.SequenceNumber as string;
            save();
            delivered += upTo;
          }
          if (upTo < records.length) break;
          it = page.NextShardIterator;
        }
      }
      lastError = undefined;
    } catch (error) {
      lastError = (error as Error).name;
      logger.warn('stream poller', { error: (error as Error).message });
    } finally {
      running = false;
    }
    return delivered;
  }

  const timer = setInterval(() => void pollOnce(), opts.intervalMs ?? 500);
  timer.unref();
  return {
    pollOnce,
    health: async () => (lastError ? { ok: false, detail: lastError } : { ok: true }),
    close: async () => {
      closed = true;
      clearInterval(timer);
      streams.destroy();
    },
  };
}
