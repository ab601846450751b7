import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DynamoDocumentStore } from '../../../functions/modules/documents/dynamodb/document-store.adapter';
import { emptyHead, entryHash } from '../../../functions/modules/documents/domain/chain';
import { TABLE_NAME } from '../../../infra/local/embedded';
import { eventually } from '../../support/eventually';
import { startWriters, type WriterProcess } from '../../support/numbering-writers';
import { tableClientOf } from '../../support/table';

// Writers of numbers in separate processes, as Lambda containers are: each its own store and
// DynamoDB client on the embedded default's table, all numbering into one journal.
const baseUrl = inject('baseUrl');
const endpoint = `http://127.0.0.1:${Number(new URL(baseUrl).port) + 1}`;
const client = tableClientOf(baseUrl);
const store = new DynamoDocumentStore(client, TABLE_NAME);
const YEAR = 2026;
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

afterAll(() => client.destroy());

async function run(writers: WriterProcess[]) {
  await Promise.all(writers.map((w) => w.ready));
  for (const w of writers) w.go();
}

/**
 * The journal as stored, checked whole: numbers 1..n, each entry chained to the one before, each
 * numbered document stored with its number and its operations-log entry, and the counter at n.
 */
async function expectWholeJournal(tenantId: string, journalId: string) {
  const entries = [];
  let cursor: string | undefined;
  do {
    const page = await store.journalChain(tenantId, journalId, YEAR, {
      limit: 500,
      ...(cursor ? { cursor } : {}),
    });
    entries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  expect(entries.map((e) => e.link.seq)).toEqual(range(entries.length));
  let prev = emptyHead.hash;
  for (const entry of entries) {
    expect(entry.link.prevHash).toBe(prev);
    expect(entry.chained && entry.hash).toBe(entryHash(entry.link));
    prev = entryHash(entry.link);
  }
  const docs = await store.getMany(
    tenantId,
    entries.map((e) => e.link.documentId),
  );
  expect(docs.length).toBe(entries.length);
  const seqOf = new Map(docs.map((d) => [d.id, d.registration?.seq]));
  for (const entry of entries) expect(seqOf.get(entry.link.documentId)).toBe(entry.link.seq);
  for (const entry of entries) {
    const log = await store.operations(tenantId, entry.link.documentId, { limit: 10 });
    expect(log.items.map((op) => op.action)).toEqual(['register']);
  }
  expect(await store.lastNumber(tenantId, journalId, YEAR)).toBe(entries.length);
  return entries.map((e) => ({ seq: e.link.seq, id: e.link.documentId }));
}

describe('numbering from separate processes', () => {
  it('200 concurrent registrations from 4 processes get exactly 1..200, each stored with its log entry', async () => {
    const tenantId = `processes-${randomUUID()}`;
    const journalId = randomUUID();
    const writers = startWriters({
      endpoint,
      tenantId,
      journalId,
      processes: 4,
      clientsPerProcess: 10,
      countPerProcess: 50,
    });
    await run(writers);
    const codes = await Promise.all(writers.map((w) => w.exited));
    expect(codes, writers.map((w) => w.errors()).join('\n')).toEqual([0, 0, 0, 0]);

    const acknowledged = writers.flatMap((w) => w.acknowledged);
    expect(acknowledged.map((a) => a.seq).sort((a, b) => a - b)).toEqual(range(200));
    const stored = await expectWholeJournal(tenantId, journalId);
    expect(stored.length).toBe(200);
    const storedSeq = new Map(stored.map((e) => [e.id, e.seq]));
    for (const a of acknowledged) expect(storedSeq.get(a.id)).toBe(a.seq);
  }, 300_000);

  it('kill -9 of writers under load leaves no gap and no duplicate, and numbering goes on after them', async () => {
    const tenantId = `processes-kill-${randomUUID()}`;
    const journalId = randomUUID();
    const options = { endpoint, tenantId, journalId, clientsPerProcess: 8 };
    const writers = startWriters({ ...options, processes: 4, countPerProcess: 60 });
    await run(writers);
    const total = () => writers.reduce((n, w) => n + w.acknowledged.length, 0);
    await eventually(
      async () => (total() >= 40 ? true : undefined),
      '40 acknowledged registrations',
      240_000,
    );
    // Two writers die mid-registration (transactions in flight); the other two go on.
    writers[0]!.child.kill('SIGKILL');
    writers[2]!.child.kill('SIGKILL');
    const codes = await Promise.all(writers.map((w) => w.exited));
    expect([codes[1], codes[3]], writers.map((w) => w.errors()).join('\n')).toEqual([0, 0]);

    // A container started afterwards numbers on from where the journal is.
    const later = startWriters({ ...options, processes: 1, countPerProcess: 10 });
    await run(later);
    expect(await later[0]!.exited).toBe(0);

    const acknowledged = [...writers, ...later].flatMap((w) => w.acknowledged);
    const stored = await expectWholeJournal(tenantId, journalId);
    const storedSeq = new Map(stored.map((e) => [e.id, e.seq]));
    for (const a of acknowledged) expect(storedSeq.get(a.id)).toBe(a.seq);
    expect(new Set(acknowledged.map((a) => a.seq)).size).toBe(acknowledged.length);
    // (At most the registrations in flight when their writer died are stored unacknowledged.)
    expect(stored.length - acknowledged.length).toBeLessThanOrEqual(16);
    expect(later[0]!.acknowledged.map((a) => a.seq).sort((a, b) => a - b)).toEqual(
      range(10).map((i) => stored.length - 10 + i),
    );
  }, 360_000);
});
