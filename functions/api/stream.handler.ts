/** The AWS entry of the table-stream consumers (one event source mapping): every consumer sees each batch. */
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { streamHandlers } from './streams';

export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const failed = new Set<string>();
  for (const consume of Object.values(streamHandlers)) {
    const result = await consume(event);
    for (const f of result?.batchItemFailures ?? []) failed.add(f.itemIdentifier);
  }
  return { batchItemFailures: [...failed].map((itemIdentifier) => ({ itemIdentifier })) };
}
