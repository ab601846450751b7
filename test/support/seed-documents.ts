import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DocumentRecord } from '../../functions/modules/documents/domain/document';
import { documentRow } from '../../functions/modules/documents/dynamodb/document-store.adapter';
import { createDocumentModel } from '../../functions/modules/documents/dynamodb/document.entities';
import { TABLE_NAME } from '../../infra/local/embedded';
import { tableClientOf } from './table';

/**
 * Many documents of one tenant written straight into the embedded default's table, fast (batches
 * of 25 rows, several at once), as the store would store them: for tests and benches of lists,
 * which then read them through the API. Only the document rows: no journal entry, operations log
 * or look-up keys (lists read none of them).
 */
export async function seedDocuments(
  baseUrl: string,
  count: number,
  make: (i: number) => DocumentRecord,
  options: { chunk?: number; concurrent?: number } = {},
): Promise<void> {
  const model = createDocumentModel(tableClientOf(baseUrl), TABLE_NAME);
  const chunk = options.chunk ?? 500;
  for (let from = 0; from < count; from += chunk) {
    const rows = Array.from({ length: Math.min(chunk, count - from) }, (_, k) => documentRow(make(from + k)));
    const res = await model.document.put(rows).go({ concurrent: options.concurrent ?? 4 });
    if (res.unprocessed.length > 0) throw new Error(`${res.unprocessed.length} rows were not written`);
  }
}

/**
 * A registered document like `base` (one the API registered, as the store reads it), as the i-th
 * of a series: its own id, summary, times and registration (`at`).
 */
export function likeDocument(
  base: DocumentRecord,
  i: number,
  overrides: { at: string; summary: string } & Partial<DocumentRecord>,
): DocumentRecord {
  const { at, ...rest } = overrides;
  return {
    ...base,
    id: randomUUID(),
    createdAt: at,
    updatedAt: at,
    ...(base.registration
      ? { registration: { ...base.registration, seq: i + 1, number: `SEED-${i + 1}`, at } }
      : {}),
    ...rest,
  };
}

/** A document client on the embedded default's table that counts the items its queries evaluate. */
export function countingTableClient(baseUrl: string): { client: DynamoDBDocumentClient; read: () => number } {
  const client = tableClientOf(baseUrl);
  let read = 0;
  client.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const scanned = (result.output as { ScannedCount?: number }).ScannedCount;
      if (typeof scanned === 'number') read += scanned;
      return result;
    },
    { step: 'initialize', name: 'countScanned' },
  );
  return { client, read: () => read };
}
