import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import type { DocumentData, DocumentRecord } from '../../domain/documents/document';
import type { AssignmentRecord } from '../../domain/execution/assignment';

/** Resolutions written in a stream batch (new images of the `assignment` entity), with their record ids. */
export function resolutionsInStream(
  event: DynamoDBStreamEvent,
): Array<{ sequence: string; record: AssignmentRecord }> {
  const out: Array<{ sequence: string; record: AssignmentRecord }> = [];
  for (const r of event.Records) {
    const image = r.dynamodb?.NewImage;
    if (!image || image.__edb_e__?.S !== 'assignment' || image.kind?.S !== 'resolution') continue;
    const row = unmarshall(image as Record<string, AttributeValue>) as {
      data: AssignmentRecord;
      version: number;
    };
    out.push({ sequence: r.dynamodb?.SequenceNumber ?? '', record: { ...row.data, version: row.version } });
  }
  return out;
}

/** Documents with a route written in a stream batch (new images of the `document` entity). */
export function routedDocumentsInStream(
  event: DynamoDBStreamEvent,
): Array<{ sequence: string; record: DocumentRecord }> {
  const out: Array<{ sequence: string; record: DocumentRecord }> = [];
  for (const r of event.Records) {
    const image = r.dynamodb?.NewImage;
    if (!image || image.__edb_e__?.S !== 'document' || !image.data?.M?.route) continue;
    const row = unmarshall(image as Record<string, AttributeValue>) as {
      data: DocumentData;
      id: string;
      tenantId: string;
      version: number;
      createdAt: string;
      updatedAt: string;
    };
    out.push({
      sequence: r.dynamodb?.SequenceNumber ?? '',
      record: {
        ...row.data,
        id: row.id,
        tenantId: row.tenantId,
        version: row.version,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
      },
    });
  }
  return out;
}
