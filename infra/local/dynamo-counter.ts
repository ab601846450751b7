import type { AttributeValue, DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * The embedded default's count of DynamoDB requests (KARGUZAR_COUNT_DYNAMO=1; never in AWS): every
 * request of the shared client by operation and by the kind of key it names (the key with its
 * ids, numbers and instants replaced by placeholders), and the items of batch and transaction
 * requests one by one. GET /local/dynamo-counts answers the counts; `?reset=1` starts again.
 */
export interface DynamoCounts {
  requests: number;
  byOperation: Record<string, number>;
  /** `Operation item-kind key-kind` → count (a batch or transaction item counts as its own line). */
  byKey: Record<string, number>;
}

const counts: DynamoCounts = { requests: 0, byOperation: {}, byKey: {} };

export function dynamoCounts(reset = false): DynamoCounts {
  const copy = structuredClone(counts);
  if (reset) {
    counts.requests = 0;
    counts.byOperation = {};
    counts.byKey = {};
  }
  return copy;
}

/** A key value with its ids, numbers and instants replaced by placeholders. */
export function keyKind(value: string): string {
  return value
    .replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, '<t>')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
    .replace(/\d+/g, '<n>');
}

type Item = Record<string, AttributeValue> | undefined;
const s = (v: AttributeValue | undefined) => (v && 'S' in v ? (v.S ?? '') : '');
const ofKey = (key: Item) =>
  key ? `${keyKind(s(key.pk ?? key.gsi1pk ?? key.gsi2pk))} | ${keyKind(s(key.sk))}` : '?';

interface Input {
  TableName?: string;
  Key?: Item;
  Item?: Item;
  IndexName?: string;
  KeyConditionExpression?: string;
  ExpressionAttributeValues?: Item;
  ProjectionExpression?: string;
  RequestItems?: Record<
    string,
    { Keys?: Item[] } | Array<{ PutRequest?: { Item: Item }; DeleteRequest?: { Key: Item } }>
  >;
  TransactItems?: Array<Record<string, { Key?: Item; Item?: Item } | undefined>>;
}

function add(line: string) {
  counts.byKey[line] = (counts.byKey[line] ?? 0) + 1;
}

function record(command: string, input: Input) {
  const op = command.replace(/Command$/, '');
  counts.requests++;
  counts.byOperation[op] = (counts.byOperation[op] ?? 0) + 1;
  const projected = input.ProjectionExpression ? ' (projected)' : '';
  if (input.Key || input.Item) add(`${op} ${ofKey(input.Key ?? input.Item)}${projected}`);
  else if (input.KeyConditionExpression) {
    const first = Object.values(input.ExpressionAttributeValues ?? {})[0];
    add(`${op} ${input.IndexName ?? 'table'} ${keyKind(s(first))}${projected}`);
  } else if (input.RequestItems) {
    for (const request of Object.values(input.RequestItems)) {
      if (Array.isArray(request))
        for (const w of request) add(`${op}·item ${ofKey(w.PutRequest?.Item ?? w.DeleteRequest?.Key)}`);
      else for (const k of request.Keys ?? []) add(`${op}·item ${ofKey(k)}`);
    }
  } else if (input.TransactItems) {
    for (const t of input.TransactItems) {
      const [kind, body] = Object.entries(t).find(([, v]) => v) ?? ['?', undefined];
      add(`${op}·${kind} ${ofKey(body?.Key ?? body?.Item)}`);
    }
  } else add(`${op} -`);
}

/** Counts every request of `client` (at build, where the document clients' input is marshalled). */
export function attachDynamoCounter(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      record(context.commandName ?? '?', args.input as Input);
      return next(args);
    },
    { step: 'build', priority: 'low', name: 'karguzarDynamoCounter' },
  );
}
