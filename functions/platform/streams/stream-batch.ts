/**
 * The table-stream Lambda: the records of a batch are grouped by item (their table keys); the
 * groups run side by side, a few at a time, and each group's records meet every consumer in stream
 * order, so that two writes of one item are never handled out of order while a batch of writes to
 * different items does not wait on each record's round trips one after the other. A record that
 * any consumer failed on is reported in `batchItemFailures` (the event source mapping has
 * ReportBatchItemFailures), with the records of the same item after it, which are not handled in
 * this delivery: the retry starts at the lowest of them, so nothing is skipped. Consumers must be
 * idempotent: a retried record meets them all again, and records of other items after it too.
 *
 * Each failure is logged (consumer, sequence number, the error scrubbed of personal data) and
 * counted (StreamRecordFailure by consumer). Even a batch whose every record failed is reported
 * record by record rather than thrown, so retries always start at the first failed record.
 */
import middy from '@middy/core';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { metrics as defaultMetrics } from '../observability/emf-metrics';
import { lambdaObservability } from '../observability/lambda-middleware';
import { logger } from '../observability/logger';
import type { Metrics } from '../ports/metrics.port';
import { inRequestScope } from '../kernel/request-scope';

/** How many items' records are handled at once in a batch, unless the caller says otherwise. */
export const STREAM_ITEM_CONCURRENCY = 8;

/** One consumer of the table stream: looks at a record and acts when it is one of its own. */
export type StreamConsumer = (record: DynamoDBRecord) => Promise<void>;

export type StreamHandler = (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse>;

export function createStreamHandler(
  consumers: Record<string, StreamConsumer>,
  options: { metrics?: Metrics; concurrency?: number } = {},
): StreamHandler {
  const metrics = options.metrics ?? defaultMetrics;
  const concurrency = options.concurrency ?? STREAM_ITEM_CONCURRENCY;

  // Every consumer sees the record, even after another one failed on it; true when none failed.
  const consume = async (record: DynamoDBRecord): Promise<boolean> => {
    let ok = true;
    for (const [name, consumer] of Object.entries(consumers)) {
      try {
        await consumer(record);
      } catch (error) {
        ok = false;
        metrics.count('StreamRecordFailure', { consumer: name });
        logger.warn('stream_record_failed', {
          consumer: name,
          sequenceNumber: record.dynamodb?.SequenceNumber,
          eventName: record.eventName,
          error,
        });
      }
    }
    return ok;
  };

  /** Handles one item's records in order; answers those not done (the failed one and the rest). */
  const consumeInOrder = async (records: readonly DynamoDBRecord[]): Promise<DynamoDBRecord[]> => {
    for (const [index, record] of records.entries())
      if (!(await consume(record))) return records.slice(index);
    return [];
  };

  const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
    .use(lambdaObservability())
    // One scope per batch, like a request: reads that its records repeat (the agency's webhook
    // subscriptions, its people) are done once for the batch (platform/kernel/request-scope.ts).
    .handler((event) => inRequestScope(() => handleBatch(event)));
  return (event, context) => handler(event, context);

  async function handleBatch(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
    const groups = [...byItem(event.Records).values()];
    const notDone = new Set<DynamoDBRecord>();
    const worker = async () => {
      for (let group = groups.shift(); group; group = groups.shift())
        for (const record of await consumeInOrder(group)) notDone.add(record);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, groups.length) }, worker));
    return {
      batchItemFailures: event.Records.filter((r) => notDone.has(r)).map((r) => ({
        itemIdentifier: r.dynamodb?.SequenceNumber ?? '',
      })),
    };
  }
}

/** The records of a batch by the item they wrote (its table keys), each group in stream order. */
function byItem(records: readonly DynamoDBRecord[]): Map<string, DynamoDBRecord[]> {
  const groups = new Map<string, DynamoDBRecord[]>();
  for (const [index, record] of records.entries()) {
    const keys = record.dynamodb?.Keys;
    const key = keys
      ? JSON.stringify(Object.entries(keys).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : `#${index}`;
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  return groups;
}
