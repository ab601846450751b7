import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  receivedItemsInStream,
  routedDocumentsInStream,
  sendingDocumentsInStream,
  substitutionsInStream,
} from '../../../functions/wiring/stream-images';

const event = (image: Record<string, unknown>): DynamoDBStreamEvent =>
  ({ Records: [{ dynamodb: { SequenceNumber: '7', NewImage: image } }] }) as unknown as DynamoDBStreamEvent;

describe('stream images', () => {
  it("reads DynamoDB Local's untyped empty map as an empty map", () => {
    const [doc] = routedDocumentsInStream(
      event({
        __edb_e__: { S: 'document' },
        id: { S: 'd1' },
        tenantId: { S: 't1' },
        version: { N: '3' },
        createdAt: { S: '2026-11-23T10:00:00.000Z' },
        updatedAt: { S: '2026-11-23T11:00:00.000Z' },
        data: {
          M: {
            kind: { S: 'internal' },
            internal: {},
            route: { M: { state: { S: 'running' }, round: { N: '1' }, steps: { L: [] }, stages: { L: [] } } },
          },
        },
      }),
    );
    expect(doc?.sequence).toBe('7');
    expect(doc?.record).toMatchObject({
      id: 'd1',
      version: 3,
      internal: {},
      route: { state: 'running', round: 1 },
    });
  });

  it('picks substitutions among aggregate rows, with their keys and version', () => {
    const rows = substitutionsInStream(
      event({
        __edb_e__: { S: 'aggregate' },
        type: { S: 'substitution' },
        id: { S: 's1' },
        tenantId: { S: 't1' },
        version: { N: '2' },
        createdAt: { S: '2026-11-01T10:00:00.000Z' },
        updatedAt: { S: '2026-11-23T10:00:00.000Z' },
        data: {
          M: {
            employeeId: { S: 'e1' },
            substituteId: { S: 'e2' },
            from: { S: '2026-11-23' },
            to: { S: '2026-11-30' },
            active: { BOOL: true },
          },
        },
      }),
    );
    expect(rows.map((r) => r.record)).toEqual([
      expect.objectContaining({
        id: 's1',
        tenantId: 't1',
        version: 2,
        employeeId: 'e1',
        substituteId: 'e2',
        active: true,
      }),
    ]);
    expect(substitutionsInStream(event({ __edb_e__: { S: 'aggregate' }, type: { S: 'employee' } }))).toEqual(
      [],
    );
  });

  it('picks outgoing documents with a delivery still sending, and received items of the exchange', () => {
    const outgoing = (state: string) =>
      event({
        __edb_e__: { S: 'document' },
        kind: { S: 'outgoing' },
        id: { S: 'o1' },
        tenantId: { S: 't1' },
        data: { M: { outgoing: { M: { deliveries: { L: [{ M: { state: { S: state } } }] } } } } },
      });
    expect(sendingDocumentsInStream(outgoing('sending'))).toEqual([
      { sequence: '7', tenantId: 't1', id: 'o1' },
    ]);
    expect(sendingDocumentsInStream(outgoing('delivered'))).toEqual([]);
    const items = receivedItemsInStream<{ state: string }>(
      event({
        __edb_e__: { S: 'aggregate' },
        type: { S: 'exchange-received' },
        id: { S: 'r1' },
        tenantId: { S: 't2' },
        version: { N: '2' },
        data: { M: { state: { S: 'registered' } } },
      }),
    );
    expect(items.map((r) => r.record)).toEqual([
      expect.objectContaining({ id: 'r1', tenantId: 't2', state: 'registered', version: 2 }),
    ]);
  });
});
