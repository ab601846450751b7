import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { newApplicationsInStream } from '../../../../functions/wiring/stream-records';

const image = (type: string, extra: Record<string, unknown> = {}) =>
  marshall({
    __edb_e__: 'aggregate',
    type,
    tenantId: 't1',
    id: 'AAAA-BBBB-CCCC-DDDD',
    version: 1,
    ...extra,
  }) as never;

describe('new applications in the table stream', () => {
  it('are the inserts of e-service applications only', () => {
    const event: DynamoDBStreamEvent = {
      Records: [
        { eventName: 'INSERT', dynamodb: { SequenceNumber: '1', NewImage: image('eservice-application') } },
        {
          eventName: 'MODIFY',
          dynamodb: {
            SequenceNumber: '2',
            NewImage: image('eservice-application', { version: 2 }),
            OldImage: image('eservice-application'),
          },
        },
        { eventName: 'INSERT', dynamodb: { SequenceNumber: '3', NewImage: image('eservice') } },
      ],
    };
    expect(newApplicationsInStream(event)).toEqual([
      { sequence: '1', tenantId: 't1', id: 'AAAA-BBBB-CCCC-DDDD' },
    ]);
  });
});
