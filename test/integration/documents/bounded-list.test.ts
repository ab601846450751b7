import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoDocumentStore } from '../../../functions/modules/documents/dynamodb/document-store.adapter';
import { createDocumentModel } from '../../../functions/modules/documents/dynamodb/document.entities';
import type { DocumentRecord } from '../../../functions/modules/documents/domain/document';
import { LIST_READ_BUDGET } from '../../../functions/platform/kernel/aggregate';
import { TABLE_NAME } from '../../../infra/local/embedded';
import type { Api } from '../../support/api';
import { ownEmbedded } from '../../support/own-embedded';
import { tableClientOf } from '../../support/table';
import { countingTableClient, likeDocument, seedDocuments } from '../../support/seed-documents';
import { as, citizenIncoming, type Doc } from './helpers';

// The bounded read (issue 17): 5,000 incoming documents of the demo agency, one of which matches a
// summary filter (a filter that is not a key condition). Its own embedded default: the rows are many.
const embedded = ownEmbedded();
const COUNT = 5000;
const NEEDLE = 3210;
const tag = randomUUID().slice(0, 8);
let clerk: Api;
let template: DocumentRecord;
const DEMO_TENANT = 'demo1';
const ids: string[] = [];

beforeAll(async () => {
  clerk = await as(embedded.baseUrl, 'clerk');
  const res = await clerk.post<Doc>('/api/v1/documents/incoming', citizenIncoming('Nümunə müraciət'));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  // The stored record (the answer carries no tenant): the demo agency's, whose clerk registered it.
  template = (await new DynamoDocumentStore(tableClientOf(embedded.baseUrl), TABLE_NAME).get(
    DEMO_TENANT,
    res.body.id,
  ))!;
  const start = Date.parse('2025-03-03T05:00:00Z');
  await seedDocuments(embedded.baseUrl, COUNT, (i) => {
    const doc = likeDocument(template, i, {
      at: new Date(start + i * 60_000).toISOString(),
      summary: i === NEEDLE ? `Nadir müraciət ${tag}` : `Adi məktub ${i}`,
      ...(i % 500 === 7 ? { status: 'cancelled' } : {}),
    });
    ids.push(doc.id);
    return doc;
  });
}, 300_000);

type Page = { items: Doc[]; nextCursor?: string };

async function page(query: string, cursor?: string): Promise<Page> {
  const res = await clerk.get<Page>(
    `/api/v1/documents?kind=incoming&limit=50&${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

describe('a list over 5,000 documents with a filter that is not a key condition', () => {
  it('answers partial pages with cursors, reads at most the budget per page, and the cursors find the one match once', async () => {
    // Arrange: the same pages read again through the store, on a client that counts the items read.
    const { client, read } = countingTableClient(embedded.baseUrl);
    const store = new DynamoDocumentStore(client, TABLE_NAME);
    const viewer = { employeeId: template.authorId ?? 'clerk', seesAll: true, actingFor: [], headOf: [] };

    // Act: follow the cursors over HTTP.
    const pages: Array<{ items: string[]; cursor?: string; read: number }> = [];
    let cursor: string | undefined;
    do {
      const answer = await page(`summary=${tag}`, cursor);
      const before = read();
      const again = await store.list(template.tenantId, {
        kind: 'incoming',
        order: 'desc',
        limit: 50,
        summaryContains: tag,
        viewer,
        ...(cursor ? { cursor } : {}),
      });
      pages.push({
        items: answer.items.map((d) => d.id),
        ...(answer.nextCursor ? { cursor: answer.nextCursor } : {}),
        read: read() - before,
      });
      expect(again.items.map((d) => d.id)).toEqual(answer.items.map((d) => d.id));
      expect(again.nextCursor).toEqual(answer.nextCursor);
      cursor = answer.nextCursor;
    } while (cursor && pages.length < 50);

    // Assert
    expect(pages[0]!.items).toEqual([]);
    expect(pages[0]!.cursor).toBeDefined();
    expect(pages[0]!.read).toBe(LIST_READ_BUDGET);
    expect(pages.every((p) => p.read <= LIST_READ_BUDGET)).toBe(true);
    expect(pages.flatMap((p) => p.items)).toEqual([ids[NEEDLE]]);
    // Every document was read once on the way: none skipped, none twice (5,000 seeded + the template).
    expect(pages.reduce((n, p) => n + p.read, 0)).toBeGreaterThanOrEqual(COUNT + 1);
    expect(pages.reduce((n, p) => n + p.read, 0)).toBeLessThanOrEqual(COUNT + 1 + pages.length);
  });

  it('follows the cursors of an unfiltered list through every document once, a page at a time', async () => {
    // Arrange
    const { client, read } = countingTableClient(embedded.baseUrl);
    const store = new DynamoDocumentStore(client, TABLE_NAME);
    const viewer = { employeeId: 'clerk', seesAll: true, actingFor: [], headOf: [] };

    // Act: the first page over HTTP, then every page through the store.
    const first = await page('');
    const seen = first.items.map((d) => d.id);
    const reads: number[] = [];
    let cursor = first.nextCursor;
    while (cursor) {
      const before = read();
      const next = await store.list(DEMO_TENANT, {
        kind: 'incoming',
        order: 'desc',
        limit: 100,
        viewer,
        cursor,
      });
      reads.push(read() - before);
      seen.push(...next.items.map((d) => d.id));
      cursor = next.nextCursor;
    }

    // Assert
    expect(first.items).toHaveLength(50);
    expect(Math.max(...reads)).toBe(100);
    expect(seen).toHaveLength(COUNT + 1);
    expect(new Set(seen).size).toBe(COUNT + 1);
  });

  it('reads a status from its own index: only the documents of that status', async () => {
    // Arrange: ten of the 5,000 are cancelled, and one row as stored before gsi2 (no status keys).
    const client = tableClientOf(embedded.baseUrl);
    const store = new DynamoDocumentStore(client, TABLE_NAME);
    const old = likeDocument(template, COUNT, {
      at: '2025-03-02T05:00:00.000Z',
      summary: 'Köhnə ləğv',
      status: 'cancelled',
    });
    await seedDocuments(embedded.baseUrl, 1, () => old);
    await client.send(
      new UpdateCommand({
        TableName: TABLE_NAME,
        Key: { pk: `$karguzar#tenantId_${DEMO_TENANT}#id_${old.id}`, sk: '$document_1' },
        UpdateExpression: 'REMOVE gsi2pk, gsi2sk',
      }),
    );
    await createDocumentModel(client, TABLE_NAME)
      .unique.delete({ tenantId: '_migrations', scope: 'migration', value: 'document-status-keys' })
      .go();
    const before = await page('status=cancelled');

    // Act
    const backfilled = await store.backfillStatusKeys();
    const { client: counting, read } = countingTableClient(embedded.baseUrl);
    const after = await page('status=cancelled');
    await new DynamoDocumentStore(counting, TABLE_NAME).list(DEMO_TENANT, {
      kind: 'incoming',
      order: 'desc',
      limit: 50,
      status: ['cancelled'],
      viewer: { employeeId: 'clerk', seesAll: true, actingFor: [], headOf: [] },
    });

    // Assert
    const cancelled = ids.filter((_, i) => i % 500 === 7);
    expect(before.items.map((d) => d.id).sort()).toEqual([...cancelled].sort());
    expect(backfilled.updated).toBe(1);
    expect(after.items.map((d) => d.id).sort()).toEqual([...cancelled, old.id].sort());
    expect(after.nextCursor).toBeUndefined();
    expect(read()).toBe(cancelled.length + 1);
  });

  it('refuses a cursor of another list with 400', async () => {
    // Arrange
    const other = await page('summary=adi');

    // Act
    const res = await clerk.get(
      `/api/v1/documents?kind=outgoing&limit=50&cursor=${encodeURIComponent(other.nextCursor!)}`,
    );

    // Assert
    expect(res.status).toBe(400);
  });
});
