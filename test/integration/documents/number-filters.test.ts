import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoDocumentStore } from '../../../functions/modules/documents/dynamodb/document-store.adapter';
import { createDocumentModel } from '../../../functions/modules/documents/dynamodb/document.entities';
import { TABLE_NAME } from '../../../infra/local/embedded';
import type { Api } from '../../support/api';
import { tableClientOf } from '../../support/table';
import { as, citizenIncoming, storedRow, type Doc } from './helpers';

// The number columns of the filter row on the shared embedded default: prefixes, any case, any
// separators, through the API and DynamoDB; and rows stored before the folded keys existed.
const baseUrl = inject('baseUrl');
let clerk: Api;
let admin: Api;

const tag = Date.now().toString(36).toUpperCase();

async function ids(query: string): Promise<string[]> {
  const res = await clerk.get<{ items: Doc[] }>(`/api/v1/documents?kind=incoming&limit=100&${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items.map((d) => d.id);
}

beforeAll(async () => {
  clerk = await as(baseUrl, 'clerk');
  admin = await as(baseUrl, 'admin');
});

describe('number filters', () => {
  it('match the registration and the sender’s numbers by prefix, ignoring case and separators', async () => {
    const journal = await admin.post<{ id: string }>('/api/v1/reference/journals', {
      name: { az: `Süzgəc jurnalı ${tag}` },
      code: `F${tag}`,
      pattern: `F${tag}-{seq}/{yy}`,
      documentKind: 'incoming',
    });
    expect(journal.status, JSON.stringify(journal.body)).toBe(201);
    const register = async (documentNumber: string) => {
      const res = await clerk.post<Doc>(
        '/api/v1/documents/incoming',
        citizenIncoming(`Nömrə süzgəci ${documentNumber}`, { journalId: journal.body.id, documentNumber }),
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };
    const first = await register(`NK-${tag}/05`);
    const second = await register(`AB ${tag}.77`);
    const yy = first.registration!.number.split('/')[1];
    expect(first.registration!.number).toBe(`F${tag}-1/${yy}`);

    // The registration number: a prefix, typed in any case, with or without the separators.
    const f = `f${tag.toLowerCase()}`;
    expect((await ids(`number=${encodeURIComponent(`F${tag}-1`)}`)).sort()).toEqual([first.id].sort());
    expect(await ids(`number=${encodeURIComponent(`${f}-1/${yy}`)}`)).toEqual([first.id]);
    expect(await ids(`number=${encodeURIComponent(`${f} 2`)}`)).toEqual([second.id]);
    expect((await ids(`number=${encodeURIComponent(`${f}-`)}`)).sort()).toEqual([first.id, second.id].sort());
    // The sender's number likewise.
    expect(await ids(`documentNumber=${encodeURIComponent(`nk-${tag.toLowerCase()}/05`)}`)).toEqual([
      first.id,
    ]);
    expect(await ids(`documentNumber=${encodeURIComponent(`NK ${tag}`)}`)).toEqual([first.id]);
    expect(await ids(`documentNumber=${encodeURIComponent(`ab-${tag}-77`)}`)).toEqual([second.id]);
    expect(await ids(`documentNumber=${encodeURIComponent(`${tag}`)}`)).toEqual([]);
  });

  it('a row stored before the folded keys existed is found once the start-up backfill has run', async () => {
    const client = tableClientOf(baseUrl);
    const store = new DynamoDocumentStore(client, TABLE_NAME);
    const model = createDocumentModel(client, TABLE_NAME);
    const tenantId = `number-keys-${randomUUID()}`;
    const doc = storedRow(tenantId, {
      kind: 'incoming',
      summary: 'Köhnə yazı',
      documentNumber: 'NK-1234/05',
      registration: { journalId: 'j', year: 2026, seq: 1, number: 'D-1/26', at: new Date().toISOString() },
    });
    await store.commit({ document: doc, operation: { actorId: 'system', action: 'register', changes: [] } });
    // As an earlier version stored it: the same row without the folded keys.
    await model.document.patch({ tenantId, id: doc.id }).remove(['numberKey', 'documentNumberKey']).go();
    const registry = { employeeId: 'system', seesAll: true, actingFor: [], headOf: [] };
    const list = (q: { numberPrefix?: string; documentNumberPrefix?: string }) =>
      store.list(tenantId, { kind: 'incoming', order: 'desc', limit: 10, viewer: registry, ...q });
    expect((await list({ numberPrefix: 'd1' })).items).toEqual([]);

    // The start-up backfill (run again here: its marker from this embedded default's start is cleared).
    await model.unique
      .delete({ tenantId: '_migrations', scope: 'migration', value: 'document-number-keys' })
      .go();
    const backfilled = await store.backfillNumberKeys();
    expect(backfilled.updated).toBeGreaterThanOrEqual(1);
    expect((await list({ numberPrefix: 'd1' })).items.map((d) => d.id)).toEqual([doc.id]);
    expect((await list({ documentNumberPrefix: 'nk1234' })).items.map((d) => d.id)).toEqual([doc.id]);
    // The row itself is unchanged otherwise, and the marker makes the next start skip the scan.
    expect(await store.get(tenantId, doc.id)).toEqual(doc);
    expect(await store.backfillNumberKeys()).toEqual({ updated: 0 });
  });
});
