import { beforeAll, describe, expect, inject, it } from 'vitest';
import { routes } from '../../../functions/api/routes';
import { documentKinds } from '../../../functions/modules/documents/domain/document';
import { inboxBoxes } from '../../../functions/modules/documents/domain/tasks';
import { apiClient, tokenFor, type Api } from '../../support/api';
import { documentCases, documentRouteKeys, type DocCase } from '../../support/document-routes';

// The need-to-know counterpart of the tenant-isolation guard: people of the SAME tenant outside a
// document's participation (the legal department's head, an IT consultant: neither registry, nor
// agency head, nor above the participants' departments) get 404 on every route that addresses the
// document, and nothing changes. The documents are the finance head's (`accountant`, dept 06),
// the incoming one registered by the clerk and addressed to him.
type Item = { id: string; version: number; status: string } & Record<string, unknown>;

const baseUrl = inject('baseUrl');
let owner: Api;
let clerk: Api;
const docs: Item[] = [];
const cases: DocCase[] = [];
const outsiders = ['approver', 'executor2'];

async function employeeId(api: Api, username: string): Promise<string> {
  const res = await api.get<{ items: Array<{ id: string; username: string }> }>(
    '/api/v1/employees?limit=100',
  );
  return res.body.items.find((e) => e.username === username)!.id;
}

const operationsOf = async (doc: Item) =>
  (await owner.get<{ items: unknown[] }>(`/api/v1/documents/${doc.id}/operations?limit=100`)).body.items;

beforeAll(async () => {
  owner = apiClient(baseUrl, await tokenFor(baseUrl, 'accountant'));
  clerk = apiClient(baseUrl, await tokenFor(baseUrl, 'clerk'));
  const me = await employeeId(clerk, 'accountant');
  const tag = Math.random().toString(36).slice(2, 8);
  const bodies: Array<[string, Api, Record<string, unknown>]> = [
    [
      'incoming',
      clerk,
      { sender: { kind: 'citizen', name: 'Vətəndaş' }, summary: `NK ərizə ${tag}`, addresseeId: me },
    ],
    ['outgoing', owner, { summary: `NK məktub ${tag}`, signatoryId: me, recipients: [{ name: 'Alıcı' }] }],
    ['internal', owner, { summary: `NK qeyd ${tag}` }],
    ['order', owner, { summary: `NK əmr ${tag}`, category: 'order' }],
  ];
  const byKind: Parameters<typeof documentCases>[0]['byKind'] = [];
  for (const [kind, api, body] of bodies) {
    const res = await api.post<Item>(`/api/v1/documents/${kind}`, body);
    expect(res.status, `create ${kind}: ${JSON.stringify(res.body)}`).toBe(201);
    docs.push(res.body);
    byKind.push({ kind, item: res.body, body });
  }
  cases.push(...documentCases({ byKind, doc: docs[2]!, other: docs[3]!, employeeId: me }));
});

describe('need-to-know guard', () => {
  it('covers every route that addresses a document', () => {
    const covered = new Set(cases.map((c) => `${c.method} ${c.template}`));
    expect(documentRouteKeys(routes).filter((k) => !covered.has(k))).toEqual([]);
  });

  it('answers 404 to people of the tenant outside the participation, on every route, and changes nothing', async () => {
    const logs = await Promise.all(docs.map(operationsOf));
    for (const name of outsiders) {
      const outsider = apiClient(baseUrl, await tokenFor(baseUrl, name));
      for (const c of cases) {
        const res = await outsider.call(c.method, c.path, c.body);
        expect(res.status, `${name}: ${c.method} ${c.path}`).toBe(404);
        expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      }
    }
    for (const [i, doc] of docs.entries()) {
      const again = await owner.get<Item>(`/api/v1/documents/${doc.id}`);
      expect(again.status).toBe(200);
      expect(again.body.version).toBe(doc.version);
      expect(again.body.status).toBe(doc.status);
      expect(await operationsOf(doc)).toEqual(logs[i]);
    }
  });

  it('never lists the documents to them, in the document lists or the personal lists', async () => {
    const ids = new Set(docs.map((d) => d.id));
    for (const name of outsiders) {
      const outsider = apiClient(baseUrl, await tokenFor(baseUrl, name));
      const paths = [
        ...documentKinds.map((k) => `/api/v1/documents?kind=${k}&summary=NK&limit=100`),
        ...inboxBoxes.map((box) => `/api/v1/inbox/${box}?limit=100`),
      ];
      for (const path of paths) {
        const res = await outsider.get<{ items: Array<{ id?: string; document?: { id: string } }> }>(path);
        expect(res.status, path).toBe(200);
        const listed = res.body.items.map((i) => i.id ?? i.document?.id);
        expect(
          listed.filter((id) => id && ids.has(id)),
          `${name}: ${path}`,
        ).toEqual([]);
      }
    }
  });
});
