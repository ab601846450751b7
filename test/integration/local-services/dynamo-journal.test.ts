import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BatchWriteItemCommand,
  DeleteItemCommand,
  DynamoDBClient,
  ExecuteStatementCommand,
  GetItemCommand,
  PutItemCommand,
  ScanCommand,
  TransactWriteItemsCommand,
  TransactionCanceledException,
  UpdateItemCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand as DocQuery,
} from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoWriteJournal, WRITE_STAMP } from '../../../infra/local/dynamo-journal';
import { startDynamoLocal, type DynamoLocal } from '../../../infra/local/dynamodb';
import { isAlive } from '../../../infra/local/process-alive';
import { freePortBase } from '../../support/embedded';
import { eventually } from '../../support/eventually';

const table = 'karguzar';
const ROUNDS = Number(process.env.JOURNAL_TEST_ROUNDS ?? 1);
type Item = Record<string, AttributeValue>;

const running: DynamoLocal[] = [];
afterEach(async () => {
  for (const d of running.splice(0)) await d.close();
});

async function dynamoLocal(dataDir: string, port: number): Promise<DynamoLocal> {
  const d = await startDynamoLocal({ dataDir, port, table, webOrigin: 'http://127.0.0.1:1' });
  running.push(d);
  return d;
}

/** A client of its own with the journal on it (the raw `DynamoLocal.client` is left for replay). */
function journaled(d: DynamoLocal, journal: DynamoWriteJournal): DynamoDBClient {
  const client = new DynamoDBClient({
    endpoint: d.endpoint,
    region: 'eu-central-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  journal.attach(client);
  return client;
}

const key = (id: string): Item => ({ pk: { S: id }, sk: { S: '-' } });

/** Every item of the table, as DynamoDB Local holds it, without the journal's stamp. */
async function tableState(client: DynamoDBClient): Promise<Map<string, Item>> {
  const state = new Map<string, Item>();
  let start: Item | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: table,
        ConsistentRead: true,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    for (const item of page.Items ?? []) {
      const copy = { ...item };
      delete copy[WRITE_STAMP];
      state.set(item.pk!.S!, sorted(copy));
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return state;
}

/**
 * Random writes of every kind, each key written by one worker only (so a key's acknowledged state
 * is known exactly): standalone PutItem, DeleteItem, UpdateItem, BatchWriteItem, and transactions
 * with Put, Delete, Update and ConditionCheck. Returns the acknowledged state (null: deleted) and,
 * per worker, the write in flight when DynamoDB Local died (a transaction may be there whole or not
 * at all; the items of a batch each on their own).
 */
function writeLoad(client: DynamoDBClient, round: number) {
  const acknowledged = new Map<string, Item | null>();
  const inFlight: Array<{ atomic: boolean; after: Map<string, Item | null> }> = [];
  let count = 0;
  let stop = false;
  let alive = 0;
  const worker = async (w: number) => {
    const ids = Array.from({ length: 12 }, (_, i) => `r${round}-w${w}-k${i}`);
    const pickIds = (n: number) => [...ids].sort(() => Math.random() - 0.5).slice(0, n);
    for (let i = 0; !stop; i++) {
      const image = (id: string): Item => ({ ...key(id), v: { N: String(i) }, by: { S: `w${w}` } });
      const next = new Map<string, Item | null>();
      const op = i % 6;
      let send: () => Promise<unknown>;
      if (op === 0) {
        const [id] = pickIds(1) as [string];
        next.set(id, image(id));
        send = () => client.send(new PutItemCommand({ TableName: table, Item: image(id) }));
      } else if (op === 1) {
        const [id] = pickIds(1) as [string];
        next.set(id, null);
        send = () => client.send(new DeleteItemCommand({ TableName: table, Key: key(id) }));
      } else if (op === 2) {
        const [id] = pickIds(1) as [string];
        next.set(id, { ...(acknowledged.get(id) ?? key(id)), u: { N: String(i) } });
        send = () =>
          client.send(
            new UpdateItemCommand({
              TableName: table,
              Key: key(id),
              UpdateExpression: 'SET u = :u',
              ExpressionAttributeValues: { ':u': { N: String(i) } },
            }),
          );
      } else if (op === 3) {
        const [a, b, c] = pickIds(3) as [string, string, string];
        next.set(a, image(a)).set(b, image(b)).set(c, null);
        send = async () => {
          const res = await client.send(
            new BatchWriteItemCommand({
              RequestItems: {
                [table]: [
                  { PutRequest: { Item: image(a) } },
                  { PutRequest: { Item: image(b) } },
                  { DeleteRequest: { Key: key(c) } },
                ],
              },
            }),
          );
          if (Object.keys(res.UnprocessedItems ?? {}).length > 0) throw new Error('unprocessed');
        };
      } else {
        const [a, b, c, d] = pickIds(4) as [string, string, string, string];
        next
          .set(a, image(a))
          .set(b, null)
          .set(c, { ...(acknowledged.get(c) ?? key(c)), u: { N: String(i) } });
        send = () =>
          client.send(
            new TransactWriteItemsCommand({
              TransactItems: [
                { Put: { TableName: table, Item: image(a) } },
                { Delete: { TableName: table, Key: key(b) } },
                {
                  Update: {
                    TableName: table,
                    Key: key(c),
                    UpdateExpression: 'SET u = :u',
                    ExpressionAttributeValues: { ':u': { N: String(i) } },
                  },
                },
                {
                  ConditionCheck: {
                    TableName: table,
                    Key: key(d),
                    ConditionExpression: 'attribute_not_exists(nothing)',
                  },
                },
              ],
            }),
          );
      }
      try {
        await send();
        for (const [id, item] of next) acknowledged.set(id, item);
        count++;
      } catch {
        inFlight.push({ atomic: op >= 4, after: next });
        return;
      }
    }
  };
  const workers = Array.from({ length: 8 }, async (_, w) => {
    alive++;
    await worker(w);
    alive--;
  });
  return {
    acknowledged,
    inFlight,
    count: () => count,
    alive: () => alive,
    done: async () => {
      stop = true;
      await Promise.allSettled(workers);
    },
  };
}

describe('the write journal in front of DynamoDB Local', () => {
  it(
    'brings back exactly the acknowledged state, deletes included, after DynamoDB Local is killed with SIGKILL under load',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'karguzar-journal-'));
      const port = await freePortBase(1);
      for (let round = 0; round < ROUNDS; round++) {
        // Arrange
        let dynamo = await dynamoLocal(dataDir, port);
        const journal = new DynamoWriteJournal(join(dataDir, 'journal'));
        await journal.replay(dynamo.client);
        const client = journaled(dynamo, journal);
        const load = writeLoad(client, round);
        while (load.count() < 400 && load.alive() > 0) await new Promise((r) => setTimeout(r, 5));
        expect(load.count(), 'the writes before the kill').toBeGreaterThanOrEqual(400);

        // Act
        const pid = Number(readFileSync(join(dataDir, 'dynamodb', 'dynamodb-local.pid'), 'utf8'));
        process.kill(pid, 'SIGKILL');
        await load.done();
        await journal.close();
        client.destroy();
        running.splice(running.indexOf(dynamo), 1);
        dynamo.client.destroy();
        await eventually(async () => (isAlive(pid) ? undefined : true), 'the killed DynamoDB Local to exit');
        dynamo = await dynamoLocal(dataDir, port);
        await new DynamoWriteJournal(join(dataDir, 'journal')).replay(dynamo.client);

        // Assert
        const state = await tableState(dynamo.client);
        const wrong: string[] = [];
        const matches = (id: string, expected: Item | null | undefined) =>
          expected === undefined || expected === null
            ? !state.has(id)
            : JSON.stringify(state.get(id)) === JSON.stringify(sorted(expected));
        const inFlight = new Map(load.inFlight.flatMap((f) => [...f.after]));
        for (const id of new Set([...load.acknowledged.keys(), ...inFlight.keys()])) {
          if (matches(id, load.acknowledged.get(id))) continue;
          if (inFlight.has(id) && matches(id, inFlight.get(id))) continue;
          wrong.push(
            `${id}: expected ${JSON.stringify(load.acknowledged.get(id))}, found ${JSON.stringify(state.get(id))}`,
          );
        }
        // A transaction in flight at the kill is there as a whole or not at all.
        for (const { after } of load.inFlight.filter((f) => f.atomic)) {
          const ids = [...after.keys()];
          const applied = ids.every((id) => matches(id, after.get(id)));
          const notApplied = ids.every((id) => matches(id, load.acknowledged.get(id)));
          if (!applied && !notApplied) wrong.push(`transaction in flight, partly applied: ${ids.join(', ')}`);
        }
        const known = new Set([...load.acknowledged.keys(), ...inFlight.keys()]);
        for (const id of state.keys())
          if (id.startsWith(`r${round}-`) && !known.has(id)) wrong.push(`${id}: unexpected`);
        expect(wrong, `round ${round}`).toEqual([]);
        expect(load.acknowledged.size).toBeGreaterThan(50);
      }
    },
    120_000 + ROUNDS * 120_000,
  );

  it('keeps a transaction DynamoDB applied whole when the process died before journaling it', async () => {
    // Arrange: a registration's counter and a document, then a transaction that moves an inbox line
    // (delete one, put another) and takes the next number, applied by DynamoDB, answer lost.
    const dataDir = mkdtempSync(join(tmpdir(), 'karguzar-journal-'));
    const dynamo = await dynamoLocal(dataDir, await freePortBase(1));
    const journal = new DynamoWriteJournal(join(dataDir, 'journal'));
    await journal.replay(dynamo.client);
    const client = journaled(dynamo, journal);
    let loseAnswer = false;
    client.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        if (loseAnswer) throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
        return result;
      },
      { step: 'finalizeRequest', name: 'loseTheAnswer' },
    );
    const counter = (seq: number): Item => ({ ...key('counter'), seq: { N: String(seq) } });
    await client.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          { Put: { TableName: table, Item: counter(1) } },
          { Put: { TableName: table, Item: { ...key('doc-1'), number: { N: '1' } } } },
          { Put: { TableName: table, Item: { ...key('line-deputy'), open: { BOOL: true } } } },
        ],
      }),
    );
    loseAnswer = true;
    const lost = await client
      .send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: table, Item: counter(2) } },
            { Put: { TableName: table, Item: { ...key('doc-2'), number: { N: '2' } } } },
            { Delete: { TableName: table, Key: key('line-deputy') } },
            { Put: { TableName: table, Item: { ...key('line-head'), open: { BOOL: true } } } },
          ],
        }),
      )
      .catch((e: unknown) => e);
    await journal.close();

    // Act
    const replayed = await new DynamoWriteJournal(join(dataDir, 'journal')).replay(dynamo.client);

    // Assert
    expect((lost as Error).message).toBe('socket hang up');
    expect(replayed.restored).toBe(0);
    const state = await tableState(dynamo.client);
    expect(state.get('counter')?.seq).toEqual({ N: '2' });
    expect(state.has('doc-2')).toBe(true);
    expect(state.has('line-deputy')).toBe(false);
    expect(state.has('line-head')).toBe(true);
  });

  it('puts back an item lost by DynamoDB when the later transaction deleting it was not kept either', async () => {
    // Arrange: a journaled line, then a transaction that would move it, cut off before DynamoDB
    // applied it (in doubt: no answer); then DynamoDB "loses" the line as well.
    const dataDir = mkdtempSync(join(tmpdir(), 'karguzar-journal-'));
    const dynamo = await dynamoLocal(dataDir, await freePortBase(1));
    const journal = new DynamoWriteJournal(join(dataDir, 'journal'));
    await journal.replay(dynamo.client);
    const client = journaled(dynamo, journal);
    let cutOff = false;
    client.middlewareStack.add(
      (next) => async (args) => {
        if (cutOff) throw Object.assign(new Error('connect ECONNRESET'), { name: 'TimeoutError' });
        return next(args);
      },
      { step: 'finalizeRequest', name: 'cutOffTheRequest' },
    );
    await client.send(
      new PutItemCommand({ TableName: table, Item: { ...key('line-deputy'), open: { BOOL: true } } }),
    );
    cutOff = true;
    const failed = await client
      .send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Delete: { TableName: table, Key: key('line-deputy') } },
            { Put: { TableName: table, Item: { ...key('line-head'), open: { BOOL: true } } } },
          ],
        }),
      )
      .catch((e: unknown) => e);
    await journal.close();
    await dynamo.client.send(new DeleteItemCommand({ TableName: table, Key: key('line-deputy') }));

    // Act
    const replayed = await new DynamoWriteJournal(join(dataDir, 'journal')).replay(dynamo.client);

    // Assert
    expect((failed as Error).message).toBe('connect ECONNRESET');
    expect(replayed.restored).toBe(1);
    const state = await tableState(dynamo.client);
    expect(state.get('line-deputy')?.open).toEqual({ BOOL: true });
    expect(state.has('line-head')).toBe(false);
  });

  it('puts back a lost image and deletes again an item whose delete was lost, but never rolls an item back', async () => {
    // Arrange: journaled writes, then DynamoDB "loses" some of them (older states written raw).
    const dataDir = mkdtempSync(join(tmpdir(), 'karguzar-journal-'));
    const dynamo = await dynamoLocal(dataDir, await freePortBase(1));
    const journal = new DynamoWriteJournal(join(dataDir, 'journal'));
    await journal.replay(dynamo.client);
    const client = journaled(dynamo, journal);
    const raw = dynamo.client;
    const put = (id: string, v: number) =>
      client.send(new PutItemCommand({ TableName: table, Item: { ...key(id), v: { N: String(v) } } }));
    await put('lost-put', 1);
    const olderImage = (await raw.send(new GetItemCommand({ TableName: table, Key: key('lost-put') }))).Item!;
    await put('lost-put', 2);
    await put('lost-delete', 1);
    const beforeDelete = (await raw.send(new GetItemCommand({ TableName: table, Key: key('lost-delete') })))
      .Item!;
    await client.send(new DeleteItemCommand({ TableName: table, Key: key('lost-delete') }));
    await put('lost-create', 1);
    await client.send(
      new UpdateItemCommand({
        TableName: table,
        Key: key('lost-update'),
        UpdateExpression: 'SET v = :v',
        ExpressionAttributeValues: { ':v': { N: '7' } },
      }),
    );
    await put('newer', 1);
    await journal.close();
    await raw.send(new PutItemCommand({ TableName: table, Item: olderImage }));
    await raw.send(new PutItemCommand({ TableName: table, Item: beforeDelete }));
    await raw.send(new DeleteItemCommand({ TableName: table, Key: key('lost-create') }));
    await raw.send(new DeleteItemCommand({ TableName: table, Key: key('lost-update') }));
    // Written later by a write the journal never saw (a higher stamp): must stay.
    await raw.send(
      new PutItemCommand({
        TableName: table,
        Item: { ...key('newer'), v: { N: '9' }, [WRITE_STAMP]: { N: String(Number.MAX_SAFE_INTEGER) } },
      }),
    );

    // Act
    const replayed = await new DynamoWriteJournal(join(dataDir, 'journal')).replay(raw);

    // Assert
    const state = await tableState(raw);
    expect(replayed.restored).toBe(4);
    expect(state.get('lost-put')?.v).toEqual({ N: '2' });
    expect(state.has('lost-delete')).toBe(false);
    expect(state.get('lost-create')?.v).toEqual({ N: '1' });
    expect(state.get('lost-update')?.v).toEqual({ N: '7' });
    expect(state.get('newer')?.v).toEqual({ N: '9' });
  });

  it('never shows the stamp to the caller, and refuses the writes it cannot journal', async () => {
    // Arrange
    const dataDir = mkdtempSync(join(tmpdir(), 'karguzar-journal-'));
    const dynamo = await dynamoLocal(dataDir, await freePortBase(1));
    const journal = new DynamoWriteJournal(join(dataDir, 'journal'));
    const client = journaled(dynamo, journal);
    const doc = DynamoDBDocumentClient.from(client);
    await doc.send(new PutCommand({ TableName: table, Item: { pk: 'p', sk: '1', v: 1 } }));

    // Act
    const answers: unknown[] = [
      (await doc.send(new GetCommand({ TableName: table, Key: { pk: 'p', sk: '1' } }))).Item,
      (
        await doc.send(
          new DocQuery({
            TableName: table,
            KeyConditionExpression: 'pk = :p',
            ExpressionAttributeValues: { ':p': 'p' },
          }),
        )
      ).Items,
      (await client.send(new ScanCommand({ TableName: table }))).Items,
      (
        await client.send(
          new UpdateItemCommand({
            TableName: table,
            Key: { pk: { S: 'p' }, sk: { S: '1' } },
            UpdateExpression: 'SET w = :w',
            ExpressionAttributeValues: { ':w': { N: '2' } },
            ReturnValues: 'ALL_NEW',
          }),
        )
      ).Attributes,
      (
        await client.send(
          new PutItemCommand({
            TableName: table,
            Item: { pk: { S: 'p' }, sk: { S: '1' } },
            ReturnValues: 'ALL_OLD',
          }),
        )
      ).Attributes,
    ];
    const canceled = await client
      .send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              Delete: {
                TableName: table,
                Key: { pk: { S: 'p' }, sk: { S: '1' } },
                ConditionExpression: 'attribute_exists(nothing)',
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            },
          ],
        }),
      )
      .catch((e: unknown) => e);
    const partiql = await client
      .send(new ExecuteStatementCommand({ Statement: `DELETE FROM "${table}" WHERE pk = 'p' AND sk = '1'` }))
      .catch((e: unknown) => e);
    await journal.close();

    // Assert
    expect(canceled).toBeInstanceOf(TransactionCanceledException);
    answers.push((canceled as TransactionCanceledException).CancellationReasons?.[0]?.Item);
    expect(JSON.stringify(answers)).not.toContain(WRITE_STAMP);
    expect(JSON.stringify(answers)).toContain('"w"');
    expect((partiql as Error).message).toMatch(/cannot journal PartiQL writes/);
    const stored = await dynamo.client.send(
      new GetItemCommand({ TableName: table, Key: { pk: { S: 'p' }, sk: { S: '1' } } }),
    );
    expect(stored.Item?.[WRITE_STAMP]?.N).toMatch(/^\d+$/);
  });
});

function sorted(item: Item): Item {
  return Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)));
}
