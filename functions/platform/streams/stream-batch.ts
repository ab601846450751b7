/**
 * The table-stream Lambda: Powertools' batch processor hands each record, in stream order, to
 * every consumer; a record that any consumer failed on is reported in `batchItemFailures` (the
 * event source mapping has ReportBatchItemFailures), so only it and the records after it come
 * back, not the whole batch. Consumers must be idempotent: a retried record meets them all again.
 *
 * Each failure is logged (consumer, sequence number, the error scrubbed of personal data) and
 * counted (StreamRecordFailure by consumer). Even a batch whose every record failed is reported
 * record by record rather than thrown, so retries always start at the first failed record.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import middy from '@middy/core';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { metrics as defaultMetrics } from '../observability/emf-metrics';
import { lambdaObservability } from '../observability/lambda-middleware';
import { logger } from '../observability/logger';
import type { Metrics } from '../ports/metrics.port';

/** One consumer of the table stream: looks at a record and acts when it is one of its own. */
export type StreamConsumer = (record: DynamoDBRecord) => Promise<void>;

export type StreamHandler = (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse>;

/** A record that one or more consumers failed on (the first error is the cause). */
export class StreamRecordFailed extends Error {
  override readonly name = 'StreamRecordFailed';
  constructor(
    readonly consumers: string[],
    cause: unknown,
  ) {
    super(`Stream consumers failed: ${consumers.join(', ')}`, { cause });
  }
}

export function createStreamHandler(
  consumers: Record<string, StreamConsumer>,
  options: { metrics?: Metrics } = {},
): StreamHandler {
  const metrics = options.metrics ?? defaultMetrics;

  // Every consumer sees the record, even after another one failed on it.
  const consume = async (record: DynamoDBRecord): Promise<void> => {
    const failed: string[] = [];
    let first: unknown;
    for (const [name, consumer] of Object.entries(consumers)) {
      try {
        await consumer(record);
      } catch (error) {
        failed.push(name);
        first ??= error;
        metrics.count('StreamRecordFailure', { consumer: name });
        logger.warn('stream_record_failed', {
          consumer: name,
          sequenceNumber: record.dynamodb?.SequenceNumber,
          eventName: record.eventName,
          error,
        });
      }
    }
    if (failed.length > 0) throw new StreamRecordFailed(failed, first);
  };

  const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
    .use(lambdaObservability())
    .handler(async (event, context) => {
      // A processor per batch: its state is that batch's alone.
      const processor = new BatchProcessor(EventType.DynamoDBStreams);
      return processPartialResponse(event, consume, processor, {
        context,
        processInParallel: false,
        throwOnFullBatchFailure: false,
      });
    });
  return (event, context) => handler(event, context);
}
