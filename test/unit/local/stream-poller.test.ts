import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { firstFailure } from '../../../infra/local/stream-poller';

const records = ['10', '20', '30', '40'].map(
  (seq) => ({ dynamodb: { SequenceNumber: seq } }) as DynamoDBRecord,
);
const failures = (...ids: string[]) => ids.map((itemIdentifier) => ({ itemIdentifier }));

describe('where the local stream poller resumes after reported failures', () => {
  it('at the lowest failed record, whatever the order of the reported failures', () => {
    expect(firstFailure(records, failures('30'))).toBe(2);
    expect(firstFailure(records, failures('40', '20'))).toBe(1);
  });

  it('at the start of the batch when a failure names no record of it (Lambda retries it whole)', () => {
    expect(firstFailure(records, failures('20', '99'))).toBe(0);
    expect(firstFailure(records, failures(''))).toBe(0);
  });

  it('past the batch when nothing failed', () => {
    expect(firstFailure(records, [])).toBe(4);
  });
});
