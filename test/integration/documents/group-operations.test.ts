import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { exportHeaders } from '../../../functions/modules/documents/api/export.sheet';
import { bakuLocalDate } from '../../../functions/modules/documents/domain/date-filter';
import { tokenFor, type Api } from '../../support/api';
import { clockNow } from '../../support/clock';
import { as, citizenIncoming, lookups, unique, type Doc, type Lookups } from './helpers';

/** Group operations on a selection of the lists: a result per document, refusals with their reason. */
const baseUrl = inject('baseUrl');
let clerk: Api;
let head: Api;
let ref: Lookups;

type Results = {
  results: Array<{ id: string; ok: boolean; version?: number; code?: string; title?: string }>;
};
type Item = { kind: string; status: string; text?: string; ownerId: string; role?: string };

const emp = (username: string) => ref.employee.get(username)!;
const register = async (summary: string) =>
  (await clerk.post<Doc>('/api/v1/documents/incoming', citizenIncoming(unique(summary)))).body;
const cancelled = async (summary: string) => {
  const doc = await register(summary);
  return (await clerk.post<Doc>(`/api/v1/documents/${doc.id}/operations/cancel`, { version: doc.version }))
    .body;
};

beforeAll(async () => {
  clerk = await as(baseUrl, 'clerk');
  head = await as(baseUrl, 'head');
  ref = await lookups(clerk);
});

describe('send to execution with one resolution', () => {
  it('writes the same resolution on each document, refuses the others with the reason, and a retry writes nothing twice', async () => {
    const due = bakuLocalDate(new Date(Date.parse(await clockNow(baseUrl)) + 30 * 86_400_000).toISOString());
    const a = await register('Qrup dərkənarı A');
    const b = await cancelled('Qrup dərkənarı B');
    const c = await register('Qrup dərkənarı C');
    const stale = await register('Qrup dərkənarı köhnə');
    await clerk.put(`/api/v1/documents/incoming/${stale.id}`, {
      ...citizenIncoming(stale.summary),
      note: 'Dəyişdi',
      version: stale.version,
    });
    const body = {
      documents: [a, b, c, stale].map((d) => ({ id: d.id, version: d.version })),
      text: 'Araşdırıb cavab hazırlayın',
      executors: [{ employeeId: emp('executor1'), responsible: true }, { employeeId: emp('executor2') }],
      controllerId: emp('controller'),
      dueDate: due,
    };
    const key = { 'idempotency-key': `group-res-${unique('k').replace(/\W/g, '')}` };

    const first = await head.post<Results>('/api/v1/documents/group-resolution', body, key);
    const retried = await head.post<Results>('/api/v1/documents/group-resolution', body, key);

    expect(first.status).toBe(200);
    expect(first.body.results).toEqual([
      { id: a.id, ok: true, version: a.version + 1 },
      expect.objectContaining({ id: b.id, ok: false, code: 'operation_not_allowed' }),
      { id: c.id, ok: true, version: c.version + 1 },
      expect.objectContaining({ id: stale.id, ok: false, code: 'stale_version' }),
    ]);
    expect(first.body.results[1]?.title).toContain('Ləğv edilib');
    expect(retried.body.results.map((r) => r.ok)).toEqual([true, false, true, false]);
    for (const doc of [a, c]) {
      const tree = await head.get<{ assignments: Item[] }>(`/api/v1/documents/${doc.id}/execution`);
      expect(tree.body.assignments.filter((x) => x.kind === 'resolution')).toEqual([
        expect.objectContaining({ text: body.text }),
      ]);
      const executions = tree.body.assignments.filter((x) => x.kind === 'execution');
      expect(new Map(executions.map((x) => [x.ownerId, x.role]))).toEqual(
        new Map([
          [emp('executor1'), 'responsible'],
          [emp('executor2'), 'co-executor'],
        ]),
      );
      const card = await head.get<Doc>(`/api/v1/documents/${doc.id}`);
      expect(card.body).toMatchObject({ status: 'in-execution', controlled: true, dueDate: due });
    }
  });

  it('refuses a bad resolution for the whole selection, localized, writing nothing', async () => {
    const a = await register('Qrup dərkənarı səhv');
    const en = await as(baseUrl, 'head', 'en');
    const res = await en.post<{ code: string; title: string; errors: Array<{ path: string }> }>(
      '/api/v1/documents/group-resolution',
      {
        documents: [{ id: a.id, version: a.version }],
        text: 'Baxın',
        executors: [{ employeeId: emp('executor1') }],
        controllerId: emp('controller'),
      },
    );
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ path: 'dueDate' });
    expect((await clerk.get<Doc>(`/api/v1/documents/${a.id}`)).body.status).toBe('registered');
  });
});

describe('archive into a case file', () => {
  it('files and archives each document it may, with the reason for the others', async () => {
    const nomenclatureId = [...ref.nomenclature.values()][0]!;
    const a = await register('Qrup arxiv A');
    const b = await cancelled('Qrup arxiv B');
    const ru = await as(baseUrl, 'clerk', 'ru');

    const res = await ru.post<Results>(
      '/api/v1/documents/group-archive',
      { documents: [a, b].map((d) => ({ id: d.id, version: d.version })), nomenclatureId },
      { 'idempotency-key': `group-arc-${unique('k').replace(/\W/g, '')}` },
    );

    expect(res.status).toBe(200);
    expect(res.body.results[0]).toEqual({ id: a.id, ok: true, version: a.version + 1 });
    expect(res.body.results[1]).toMatchObject({ id: b.id, ok: false, code: 'operation_not_allowed' });
    expect(res.body.results[1]?.title).toContain('Отменён');
    expect((await clerk.get<Doc>(`/api/v1/documents/${a.id}`)).body).toMatchObject({
      status: 'archived',
      nomenclatureId,
    });
    const ops = await clerk.get<{ items: Array<{ action: string }> }>(`/api/v1/documents/${a.id}/operations`);
    // (The archive copy's own entries may follow it: the table stream writes the copy.)
    expect(ops.body.items.filter((o) => o.action === 'archive')).toHaveLength(1);
    const unknown = await clerk.post<{ errors: Array<{ path: string }> }>('/api/v1/documents/group-archive', {
      documents: [{ id: '00000000-0000-4000-8000-000000000000', version: 1 }],
      nomenclatureId,
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0]).toMatchObject({ path: 'documents.0.id' });
    const byHead = await head.post('/api/v1/documents/group-archive', {
      documents: [{ id: a.id, version: 2 }],
      nomenclatureId,
    });
    expect(byHead.status).toBe(403);
  });
});

describe('export to Excel', () => {
  it('answers an .xlsx of the selection with English headers, in the order selected', async () => {
    const a = await register('Qrup ixrac A');
    const b = await register('Qrup ixrac B');
    const token = await tokenFor(baseUrl, 'clerk');

    const res = await fetch(`${baseUrl}/api/v1/documents/export`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'accept-language': 'en',
      },
      body: JSON.stringify({ ids: [b.id, a.id] }),
    });

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="documents-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    const rows: string[][] = [];
    workbook.worksheets[0]!.eachRow((r) =>
      rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))),
    );
    expect(rows[0]).toEqual(exportHeaders('en'));
    expect(rows[0]?.[0]).toBe('Registration number');
    expect(rows.slice(1).map((r) => r[4])).toEqual([b.summary, a.summary]);
    expect(rows[1]?.[0]).toBe(b.registration?.number);
    expect(rows[1]?.[1]).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    expect(rows[1]?.[5]).toBe('Registered');
  });

  it('refuses an empty selection, or an id the caller cannot see, with a localized problem', async () => {
    const empty = await clerk.post<{ code: string }>('/api/v1/documents/export', { ids: [] });
    const a = await register('Qrup ixrac görünməz');
    const executor = await as(baseUrl, 'executor1', 'ru');
    const hidden = await executor.post<{ code: string; errors: Array<{ path: string; message: string }> }>(
      '/api/v1/documents/export',
      { ids: [a.id] },
    );
    expect(empty.status).toBe(422);
    expect(empty.body.code).toBe('validation_failed');
    expect(hidden.status).toBe(422);
    expect(hidden.body.errors[0]).toMatchObject({ path: 'ids.0' });
  });
});
