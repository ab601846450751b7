import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoDocumentStore } from '../../../functions/modules/documents/dynamodb/document-store.adapter';
import { TABLE_NAME } from '../../../infra/local/embedded';
import type { Api } from '../../support/api';
import { tableClientOf } from '../../support/table';
import { as, citizenIncoming, storedRow, type Doc } from './helpers';

const baseUrl = inject('baseUrl');
let clerk: Api;
let admin: Api;

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

async function newJournal(code: string): Promise<string> {
  const res = await admin.post<{ id: string }>('/api/v1/reference/journals', {
    name: { az: `Sınaq jurnalı ${code}` },
    code,
    pattern: `${code}-{seq}`,
    documentKind: 'incoming',
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

beforeAll(async () => {
  clerk = await as(baseUrl, 'clerk');
  admin = await as(baseUrl, 'admin');
});

describe('registration numbers', () => {
  it('200 concurrent registrations into one journal get exactly 1..200, retries included', async () => {
    const journalId = await newJournal(`C${Date.now().toString(36)}`);
    const keys = range(200).map(() => randomUUID());

    // Every request is sent; 40 of them twice at once with the same Idempotency-Key (a client retry).
    const send = (i: number) =>
      clerk.post<Doc>(
        '/api/v1/documents/incoming',
        citizenIncoming(`Eyni vaxtda ərizə ${i}`, { journalId }),
        { 'idempotency-key': keys[i - 1]! },
      );
    const responses = await Promise.all([...range(200).map(send), ...range(40).map((i) => send(i * 5))]);

    expect(responses.map((r) => r.status).filter((s) => s !== 201 && s !== 200)).toEqual([]);
    const byKey = new Map<number, Set<number>>();
    const ids = new Set<string>();
    responses.forEach((r, index) => {
      const i = index < 200 ? index + 1 : (index - 199) * 5;
      const seqs = byKey.get(i) ?? new Set<number>();
      seqs.add(r.body.registration!.seq);
      byKey.set(i, seqs);
      ids.add(r.body.id);
    });
    // A retried request gets the first one's document and number back.
    for (const seqs of byKey.values()) expect(seqs.size).toBe(1);
    expect(ids.size).toBe(200);
    const seqs = [...byKey.values()].map((s) => [...s][0]!).sort((a, b) => a - b);
    expect(seqs).toEqual(range(200));
  }, 180_000);

  it('writers in separate processes (separate stores, no shared queue) still never skip or repeat a number', async () => {
    const client = tableClientOf(baseUrl);
    // Four stores stand for four Lambda instances; each writes 25 documents, 5 at a time.
    const stores = range(4).map(() => new DynamoDocumentStore(client, TABLE_NAME));
    const tenantId = `numbering-${randomUUID()}`;
    const journalId = randomUUID();
    const now = new Date().toISOString();
    const doc = () => storedRow(tenantId, { summary: 'Paralel', createdAt: now, updatedAt: now });
    const write = (store: DynamoDocumentStore) => {
      const d = doc();
      return store.commit({
        document: d,
        numbering: {
          journalId,
          year: 2026,
          apply: (seq) => ({
            ...d,
            registration: { journalId, year: 2026, seq, number: String(seq), at: now },
          }),
        },
        operation: { actorId: 'system', action: 'register', changes: [] },
      });
    };
    const results: number[] = [];
    await Promise.all(
      stores.map(async (store) => {
        for (let batch = 0; batch < 5; batch++) {
          const done = await Promise.all(range(5).map(() => write(store)));
          results.push(...done.map((r) => r.document.registration!.seq));
        }
      }),
    );

    expect(results.sort((a, b) => a - b)).toEqual(range(100));
    expect(await stores[0]!.lastNumber(tenantId, journalId, 2026)).toBe(100);
  }, 180_000);
});
