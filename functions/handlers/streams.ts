import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { resolutionsInStream } from '../wiring/stream-records';
import { ensureDeadline } from '../usecases/execution/resolution.usecase';
import { getContainer } from '../wiring/container';

/**
 * Starts the deadline machine of every controlled resolution written to the table. The use case
 * starts it right after its transaction too; this consumer makes the start certain when that
 * process died in between (starts are idempotent by execution name).
 */
async function deadlineWatch(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const failures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const { sequence, record } of resolutionsInStream(event)) {
    try {
      await ensureDeadline(getContainer(), record);
    } catch {
      failures.push({ itemIdentifier: sequence });
    }
  }
  return { batchItemFailures: failures };
}

/**
 * The table-stream consumers: in AWS each gets an event source mapping on the table's stream; in the
 * embedded default the stream poller calls the same functions. The search indexer and the
 * notification fan-out register here as they arrive.
 */
export const streamHandlers: Record<
  string,
  (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | void>
> = { deadlineWatch };
