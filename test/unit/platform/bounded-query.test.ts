import type { DynamoDBDocumentClient, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { boundedPage } from '../../../functions/platform/adapters/dynamodb/bounded-query';
import { BadRequestError } from '../../../functions/platform/kernel/errors';

type Item = { pk: string; sk: string; gsi1pk: string; gsi1sk: string; match: boolean };

const PARTITION = '$karguzar#tenantId_t1#kind_incoming';

/** One gsi1 partition queried as DynamoDB does: in key order, at most Limit items evaluated. */
function partitionClient(items: Item[]) {
  const sorted = [...items].sort((a, b) => (a.gsi1sk < b.gsi1sk ? -1 : 1));
  const calls: Array<{ Limit: number; scanned: number }> = [];
  const client = {
    send: async (command: { input: QueryCommandInput }) => {
      const input = command.input;
      const start = input.ExclusiveStartKey as Item | undefined;
      const rest = start ? sorted.filter((i) => i.gsi1sk > start.gsi1sk) : sorted;
      const read = rest.slice(0, input.Limit);
      calls.push({ Limit: input.Limit!, scanned: read.length });
      const last = read.at(-1);
      return {
        Items: read.filter((i) => i.match),
        ScannedCount: read.length,
        ...(last && read.length === input.Limit ? { LastEvaluatedKey: keyOf(last) } : {}),
      };
    },
  };
  return { client: client as unknown as DynamoDBDocumentClient, calls };
}

const keyOf = (i: Item) => ({ pk: i.pk, sk: i.sk, gsi1pk: i.gsi1pk, gsi1sk: i.gsi1sk });
const items = (n: number, match: (i: number) => boolean): Item[] =>
  Array.from({ length: n }, (_, i) => {
    const id = String(i).padStart(6, '0');
    return { pk: `doc_${id}`, sk: 'd', gsi1pk: PARTITION, gsi1sk: `s_${id}`, match: match(i) };
  });
const params: QueryCommandInput = {
  TableName: 't',
  IndexName: 'gsi1',
  KeyConditionExpression: '#pk = :pk',
  ExpressionAttributeNames: { '#pk': 'gsi1pk' },
  ExpressionAttributeValues: { ':pk': PARTITION },
};
const parse = (item: Record<string, unknown>) => item.pk as string;

async function follow(client: DynamoDBDocumentClient, limit: number, budget?: number) {
  const pages: Array<{ ids: string[]; read: number; cursor?: string }> = [];
  let cursor: string | undefined;
  do {
    const page = await boundedPage(
      client,
      params,
      { limit, ...(cursor ? { cursor } : {}), ...(budget ? { budget } : {}) },
      parse,
    );
    pages.push({
      ids: page.items,
      read: page.cost.read,
      ...(page.nextCursor ? { cursor: page.nextCursor } : {}),
    });
    cursor = page.nextCursor;
  } while (cursor && pages.length < 1000);
  return pages;
}

describe('boundedPage', () => {
  it('reads no more than the budget when the filter matches one item in 5,000, and the cursors find it once', async () => {
    // Arrange
    const { client } = partitionClient(items(5000, (i) => i === 3210));

    // Act
    const pages = await follow(client, 50);

    // Assert
    expect(pages.every((p) => p.read <= 1000)).toBe(true);
    expect(pages[0]).toMatchObject({ ids: [], read: 1000 });
    expect(pages[0]!.cursor).toBeDefined();
    expect(pages.flatMap((p) => p.ids)).toEqual(['doc_003210']);
    expect(pages.reduce((n, p) => n + p.read, 0)).toBe(5000);
  });

  it('asks for what the page lacks first, so an unfiltered page reads one page of items', async () => {
    // Arrange
    const { client, calls } = partitionClient(items(500, () => true));

    // Act
    const page = await boundedPage(client, params, { limit: 20 }, parse);

    // Assert
    expect(page.items).toHaveLength(20);
    expect(calls).toEqual([{ Limit: 20, scanned: 20 }]);
  });

  it('cuts a page that matched more than it holds after the last item shown, skipping none', async () => {
    // Arrange: one in three matches, pages of 7.
    const all = items(300, (i) => i % 3 === 0);
    const { client } = partitionClient(all);

    // Act
    const pages = await follow(client, 7, 40);

    // Assert
    const found = pages.flatMap((p) => p.ids);
    expect(found).toEqual(all.filter((i) => i.match).map((i) => i.pk));
    expect(new Set(found).size).toBe(found.length);
    expect(pages.every((p) => p.read <= 40 && p.ids.length <= 7)).toBe(true);
  });

  it('refuses a cursor of another partition or shape with 400 invalid_cursor', async () => {
    // Arrange
    const { client } = partitionClient(items(10, () => true));
    const other = Buffer.from(
      JSON.stringify({ pk: 'x', sk: 'y', gsi1pk: '$karguzar#tenantId_t2#kind_incoming', gsi1sk: 'z' }),
    ).toString('base64url');
    const extra = Buffer.from(
      JSON.stringify({ pk: 'x', sk: 'y', gsi1pk: PARTITION, gsi1sk: 'z', gsi2pk: 'w' }),
    ).toString('base64url');

    // Act / Assert
    for (const cursor of [other, extra, 'not-a-cursor', Buffer.from('[1]').toString('base64url')])
      await expect(boundedPage(client, params, { limit: 5, cursor }, parse)).rejects.toBeInstanceOf(
        BadRequestError,
      );
  });
});
