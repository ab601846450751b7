import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';

/**
 * The table-stream consumers: in AWS each gets an event source mapping on the table's stream; in the
 * embedded default the stream poller calls the same functions. The search indexer and the
 * notification fan-out register here as they arrive.
 */
export const streamHandlers: Record<
  string,
  (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | void>
> = {};
