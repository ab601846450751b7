import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall as unmarshallImage } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import type { DocumentData, DocumentRecord } from '../../domain/documents/document';
import type { AssignmentRecord } from '../../domain/execution/assignment';
import type { Substitution } from '../../domain/org/org';

/**
 * DynamoDB Local's stream images carry an empty map as `{}` (no type): read it as `{ M: {} }`,
 * as the table itself does, before unmarshalling.
 */
function typed(value: AttributeValue): AttributeValue {
  if (value.M) return { M: Object.fromEntries(Object.entries(value.M).map(([k, v]) => [k, typed(v)])) };
  if (value.L) return { L: value.L.map(typed) };
  return Object.keys(value).length === 0 ? { M: {} } : value;
}

const unmarshall = (image: Record<string, AttributeValue>) => unmarshallImage(typed({ M: image }).M!);

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

/** Agencies where an employee written in a stream batch asked for the daily digest. */
export function digestTenantsInStream(
  event: DynamoDBStreamEvent,
): Array<{ sequence: string; tenantId: string }> {
  const out: Array<{ sequence: string; tenantId: string }> = [];
  for (const r of event.Records) {
    const image = r.dynamodb?.NewImage;
    if (!image || image.__edb_e__?.S !== 'aggregate' || image.type?.S !== 'employee') continue;
    if (image.data?.M?.notifications?.M?.digest?.BOOL !== true || !image.tenantId?.S) continue;
    out.push({ sequence: r.dynamodb?.SequenceNumber ?? '', tenantId: image.tenantId.S });
  }
  return out;
}

/** Substitutions written in a stream batch (new images of `aggregate` rows of that type). */
export function substitutionsInStream(
  event: DynamoDBStreamEvent,
): Array<{ sequence: string; record: Substitution }> {
  const out: Array<{ sequence: string; record: Substitution }> = [];
  for (const r of event.Records) {
    const image = r.dynamodb?.NewImage;
    if (!image || image.__edb_e__?.S !== 'aggregate' || image.type?.S !== 'substitution') continue;
    // Only the attributes needed (other columns of the row are not this consumer's business).
    const picked = Object.fromEntries(
      ['data', 'id', 'tenantId', 'version', 'createdAt', 'updatedAt'].map((k) => [k, image[k]]),
    );
    const row = unmarshall(picked as Record<string, AttributeValue>) as Pick<
      Substitution,
      'id' | 'tenantId' | 'version' | 'createdAt' | 'updatedAt'
    > & { data: Substitution };
    const { data, id, tenantId, version, createdAt, updatedAt } = row;
    out.push({
      sequence: r.dynamodb?.SequenceNumber ?? '',
      record: { ...data, id, tenantId, version, createdAt, updatedAt },
    });
  }
  return out;
}
