import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { LIST_READ_BUDGET, type Page } from '../../kernel/aggregate';
import { BadRequestError } from '../../kernel/errors';
import { withCursor } from './cursor';

/** What one bounded page cost: the items DynamoDB evaluated (ScannedCount) and the queries sent. */
export interface ReadCost {
  read: number;
  queries: number;
}

const invalidCursor = () => new BadRequestError([{ path: 'cursor', code: 'invalid_cursor' }]);

/** The key attributes an item of the query's index is found by (the table's and the index's). */
function keyNames(params: QueryCommandInput): string[] {
  return params.IndexName ? ['pk', 'sk', `${params.IndexName}pk`, `${params.IndexName}sk`] : ['pk', 'sk'];
}

/**
 * A cursor is the start key of the next read (ElectroDB's format: base64url of its JSON). It must
 * name exactly the index's key attributes, and the partition the query reads: a cursor of another
 * tenant, list or index is a 400, whatever DynamoDB would make of it.
 */
function startKey(cursor: string, names: string[], partition: unknown): Record<string, string> {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (typeof key !== 'object' || key === null || Array.isArray(key)) throw invalidCursor();
  const entries = Object.entries(key);
  const fits =
    entries.length === names.length &&
    entries.every(([k, v]) => names.includes(k) && typeof v === 'string' && v.length > 0) &&
    (key as Record<string, string>)[names[names.length - 2]!] === partition;
  if (!fits) throw invalidCursor();
  return key as Record<string, string>;
}

const cursorOf = (key: Record<string, unknown>) => Buffer.from(JSON.stringify(key)).toString('base64url');
const keyOf = (names: string[], item: Record<string, unknown>) =>
  Object.fromEntries(names.map((n) => [n, item[n]]));

/**
 * One page of a query whose filter drops items, read under a budget: at most `budget` items are
 * evaluated whatever the filter matches. The page ends when it holds `limit` items, when the
 * partition ends, or when the budget is spent — then it is a partial page (fewer items, possibly
 * none) whose cursor starts after the last item evaluated, so following the cursors finds every
 * matching item exactly once.
 *
 * Each read asks for what the page still lacks; while the filter matches little, the next read
 * asks for more (up to the budget left), so a filter that matches nothing costs a few queries.
 */
export async function boundedPage<T>(
  client: DynamoDBDocumentClient,
  params: QueryCommandInput,
  options: { limit: number; cursor?: string; budget?: number },
  parse: (item: Record<string, unknown>) => T | undefined,
): Promise<Page<T> & { cost: ReadCost }> {
  const budget = options.budget ?? LIST_READ_BUDGET;
  const names = keyNames(params);
  const partition = params.ExpressionAttributeValues?.[':pk'];
  let start = options.cursor ? startKey(options.cursor, names, partition) : undefined;
  const items: T[] = [];
  const cost: ReadCost = { read: 0, queries: 0 };
  let lastShown: Record<string, unknown> | undefined;
  while (items.length < options.limit && cost.read < budget) {
    const wanted = options.limit - items.length;
    // First what the page lacks; then, from the share the filter kept so far, what should fill
    // it (four times more while it kept nothing), within the budget left.
    const ask =
      cost.read === 0
        ? wanted
        : items.length === 0
          ? cost.read * 4
          : Math.ceil((wanted * cost.read * 1.25) / items.length);
    const limit = Math.max(1, Math.min(budget - cost.read, Math.max(wanted, ask)));
    const res = await withCursor(() =>
      client.send(
        new QueryCommand({ ...params, Limit: limit, ...(start ? { ExclusiveStartKey: start } : {}) }),
      ),
    );
    cost.queries += 1;
    cost.read += res.ScannedCount ?? 0;
    for (const item of (res.Items ?? []) as Record<string, unknown>[]) {
      const parsed = parse(item);
      if (parsed === undefined) continue;
      if (items.length === options.limit) {
        // More matched than the page holds: the next page starts after the last item shown.
        return { items, nextCursor: cursorOf(keyOf(names, lastShown!)), cost };
      }
      items.push(parsed);
      lastShown = item;
    }
    start = res.LastEvaluatedKey as Record<string, string> | undefined;
    if (!start) return { items, cost };
  }
  return { items, ...(start ? { nextCursor: cursorOf(start) } : {}), cost };
}
