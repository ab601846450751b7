import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  arrivedItemsInStream,
  registeredDocumentsInStream,
  writtenResolutionsInStream,
} from '../../../functions/wiring/stream-images';

type Image = Record<string, unknown>;
const batch = (...records: Array<{ seq: string; newImage: Image; oldImage?: Image }>): DynamoDBStreamEvent =>
  ({
    Records: records.map((r) => ({
      dynamodb: {
        SequenceNumber: r.seq,
        NewImage: r.newImage,
        ...(r.oldImage ? { OldImage: r.oldImage } : {}),
      },
    })),
  }) as unknown as DynamoDBStreamEvent;

const doc = (version: number, registration?: { number: string; at: string }): Image => ({
  __edb_e__: { S: 'document' },
  id: { S: 'd1' },
  tenantId: { S: 't1' },
  version: { N: String(version) },
  createdAt: { S: '2026-11-23T10:00:00.000Z' },
  updatedAt: { S: `2026-11-23T1${version}:00:00.000Z` },
  data: {
    M: {
      kind: { S: 'incoming' },
      summary: { S: 'Gizli məzmun' },
      ...(registration
        ? { registration: { M: { number: { S: registration.number }, at: { S: registration.at } } } }
        : {}),
    },
  },
});

describe('webhook events in the table stream', () => {
  const reg = { number: 'Ə-5/26', at: '2026-11-23T10:00:00.000Z' };

  it('sees a registration once: on the write that gave the number, not on later edits', () => {
    const events = registeredDocumentsInStream(
      batch(
        { seq: '1', newImage: doc(1) },
        { seq: '2', newImage: doc(2, reg), oldImage: doc(1) },
        { seq: '3', newImage: doc(3, reg), oldImage: doc(2, reg) },
      ),
    );
    expect(events).toEqual([
      { sequence: '2', tenantId: 't1', documentId: 'd1', number: 'Ə-5/26', at: reg.at },
    ]);
    // Registered at creation (an INSERT) counts too.
    expect(registeredDocumentsInStream(batch({ seq: '9', newImage: doc(1, reg) }))).toHaveLength(1);
  });

  it('sees a received item arrive in the queue on its creation only, not when quarantined', () => {
    const item = (state: string): Image => ({
      __edb_e__: { S: 'aggregate' },
      type: { S: 'exchange-received' },
      id: { S: 'r1' },
      tenantId: { S: 't2' },
      version: { N: '1' },
      createdAt: { S: '2026-11-23T10:00:00.000Z' },
      updatedAt: { S: '2026-11-23T10:00:00.000Z' },
      data: { M: { state: { S: state }, receivedAt: { S: '2026-11-23T09:59:00.000Z' } } },
    });
    expect(arrivedItemsInStream(batch({ seq: '1', newImage: item('waiting') }))).toEqual([
      { sequence: '1', tenantId: 't2', receivedId: 'r1', receivedAt: '2026-11-23T09:59:00.000Z' },
    ]);
    expect(arrivedItemsInStream(batch({ seq: '2', newImage: item('quarantined') }))).toEqual([]);
    expect(
      arrivedItemsInStream(batch({ seq: '3', newImage: item('registered'), oldImage: item('waiting') })),
    ).toEqual([]);
  });

  it('sees a resolution written on its insert only', () => {
    const row = (version: number): Image => ({
      __edb_e__: { S: 'assignment' },
      kind: { S: 'resolution' },
      tenantId: { S: 't1' },
      documentId: { S: 'd1' },
      version: { N: String(version) },
      data: {
        M: {
          id: { S: 'a1' },
          tenantId: { S: 't1' },
          documentId: { S: 'd1' },
          kind: { S: 'resolution' },
          createdAt: { S: '2026-11-23T10:00:00.000Z' },
          text: { S: 'İcra edin' },
        },
      },
    });
    expect(writtenResolutionsInStream(batch({ seq: '1', newImage: row(1) }))).toEqual([
      { sequence: '1', tenantId: 't1', documentId: 'd1', resolutionId: 'a1', at: '2026-11-23T10:00:00.000Z' },
    ]);
    expect(writtenResolutionsInStream(batch({ seq: '2', newImage: row(2), oldImage: row(1) }))).toEqual([]);
  });
});
