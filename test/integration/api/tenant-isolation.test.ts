import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { socialAssistanceDefinition } from '../../../functions/modules/eservices';
import { routes } from '../../../functions/api/routes';
import { inboxBoxes } from '../../../functions/modules/documents/domain/tasks';
import { documentKinds } from '../../../functions/modules/documents/domain/document';
import { referenceLists } from '../../../functions/modules/reference/domain/lists';
import { receivedWriteOptions } from '../../../functions/modules/exchange';
import { DynamoAggregateStore } from '../../../functions/platform/adapters/dynamodb/aggregate-store.adapter';
import { TABLE_NAME } from '../../../infra/local/embedded';
import { apiClient, tokenFor, type Api } from '../../support/api';
import { tableClientOf } from '../../support/table';
import { documentCases, type DocCase } from '../../support/document-routes';
import { eventually } from '../../support/eventually';

type Item = { id: string; version: number } & Record<string, unknown>;

const baseUrl = inject('baseUrl');
let a: Api;
let b: Api;
/** One object of tenant B per concrete path ({list} filled in), keyed by the route's path template. */
const bObjects: { template: string; path: string; item: Item }[] = [];

/** Tenant-B documents and, per route template of the documents group, a request that addresses one. */
const bDocs: Item[] = [];
const docCases: DocCase[] = [];
/** Requests on tenant-B objects of admin-only routes beyond GET and PUT, made by tenant A's admin. */
const adminCases: DocCase[] = [];
/** The archive's routes on a tenant-B document, made by tenant A's archivist (the role they need). */
const archivistCases: DocCase[] = [];
/** Tenant B's archive records (a disposal act), which no list of tenant A may show. */
const bArchive: string[] = [];

const uniq = () => Math.random().toString(36).slice(2, 8);
/** Tenant B's e-service: a code tenant A does not have. */
const bServiceCode = `b-only-${uniq()}`;
/**
 * A day counted from today, far enough ahead that tenant B's substitution and absence are never
 * in force while the test runs, whatever the date.
 */
const dayAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

function bodyOf(item: Item): Record<string, unknown> {
  // What the server keeps itself (an absence's status and substitution) is no part of a body.
  const {
    id: _i,
    tenantId: _t,
    createdAt: _c,
    updatedAt: _u,
    list: _l,
    status: _s,
    substitutionId: _sub,
    ...rest
  } = item;
  return rest;
}

/** Every id a list answers, page by page (`paged`: the route takes limit and cursor). */
async function allIds(api: Api, path: string, paged = true): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: string | undefined;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await api.get<{ items: Item[]; nextCursor?: string }>(
      paged ? `${path}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}` : path,
    );
    expect(res.status, path).toBe(200);
    // Personal lists answer rows of { line, document }; reports rows name their document.
    for (const item of res.body.items)
      ids.add(
        item.id ??
          (item as unknown as { documentId?: string }).documentId ??
          (item as unknown as { document: Item }).document.id,
      );
    cursor = res.body.nextCursor;
  } while (cursor);
  return ids;
}

/** Every document id a search answers, page by page. */
async function searchIds(api: Api, query: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: string | undefined;
  do {
    const res = await api.get<{ hits: Item[]; nextCursor?: string }>(
      `/api/v1/search?${query}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(res.status, query).toBe(200);
    for (const hit of res.body.hits) ids.add(hit.id);
    cursor = res.body.nextCursor;
  } while (cursor);
  return ids;
}

beforeAll(async () => {
  a = apiClient(baseUrl, await tokenFor(baseUrl, 'admin'));
  b = apiClient(baseUrl, await tokenFor(baseUrl, 'admin2'));

  const dept = await b.post<Item>('/api/v1/departments', {
    name: { az: `B şöbə ${uniq()}` },
    code: `B${uniq()}`,
  });
  expect(dept.status).toBe(201);
  const pos = await b.post<Item>('/api/v1/positions', {
    title: { az: 'B vəzifə' },
    departmentId: dept.body.id,
    kind: 'specialist',
    roles: ['executor'],
  });
  expect(pos.status).toBe(201);
  const emp1 = await b.post<Item>('/api/v1/employees', {
    fullName: 'B İşçi Bir',
    username: `b1-${uniq()}`,
    email: 'b1@example.az',
    positionIds: [pos.body.id],
  });
  const emp2 = await b.post<Item>('/api/v1/employees', {
    fullName: 'B İşçi İki',
    username: `b2-${uniq()}`,
    email: 'b2@example.az',
    positionIds: [pos.body.id],
  });
  expect(emp1.status).toBe(201);
  expect(emp2.status).toBe(201);
  const sub = await b.post<Item>('/api/v1/substitutions', {
    employeeId: emp1.body.id,
    substituteId: emp2.body.id,
    from: dayAhead(60),
    to: dayAhead(70),
  });
  expect(sub.status).toBe(201);
  const absence = await b.post<Item>('/api/v1/absences', {
    employeeId: emp2.body.id,
    kind: 'sick-leave',
    from: dayAhead(60),
    to: dayAhead(62),
    substituteId: emp1.body.id,
  });
  expect(absence.status).toBe(201);
  adminCases.push({
    template: '/api/v1/absences/{id}/cancel',
    method: 'POST',
    path: `/api/v1/absences/${absence.body.id}/cancel`,
    body: { version: absence.body.version },
  });
  const template = await b.post<Item>('/api/v1/approval-route-templates', {
    name: `B marşrut ${uniq()}`,
    kinds: ['internal'],
    classificationIds: [],
    stages: [{ kind: 'signing', mode: 'sequential', participants: [{ employeeId: emp1.body.id }] }],
  });
  expect(template.status).toBe(201);
  bObjects.push(
    {
      template: '/api/v1/approval-route-templates/{id}',
      path: `/api/v1/approval-route-templates/${template.body.id}`,
      item: template.body,
    },
    { template: '/api/v1/departments/{id}', path: `/api/v1/departments/${dept.body.id}`, item: dept.body },
    { template: '/api/v1/positions/{id}', path: `/api/v1/positions/${pos.body.id}`, item: pos.body },
    { template: '/api/v1/employees/{id}', path: `/api/v1/employees/${emp1.body.id}`, item: emp1.body },
    { template: '/api/v1/substitutions/{id}', path: `/api/v1/substitutions/${sub.body.id}`, item: sub.body },
    { template: '/api/v1/absences/{id}', path: `/api/v1/absences/${absence.body.id}`, item: absence.body },
  );

  const docBodies: Record<string, Record<string, unknown>> = {
    incoming: { sender: { kind: 'citizen', name: 'B vətəndaş' }, summary: 'B ərizə' },
    outgoing: { summary: 'B məktub', signatoryId: emp1.body.id, recipients: [{ name: 'B alıcı' }] },
    internal: { summary: 'B xidməti qeyd' },
    order: { summary: 'B əmr', category: 'order' },
  };
  const byKind: Parameters<typeof documentCases>[0]['byKind'] = [];
  for (const [kind, body] of Object.entries(docBodies)) {
    const res = await b.post<Item>(`/api/v1/documents/${kind}`, body);
    expect(res.status, `create ${kind}`).toBe(201);
    bDocs.push(res.body);
    byKind.push({ kind, item: res.body, body });
  }
  docCases.push(...documentCases({ byKind, doc: bDocs[1]!, other: bDocs[0]!, employeeId: emp1.body.id }));
  const archived = `/api/v1/archive/documents/${bDocs[1]!.id}`;
  archivistCases.push(
    { template: '/api/v1/archive/documents/{id}/verify', method: 'GET', path: `${archived}/verify` },
    {
      template: '/api/v1/archive/documents/{id}/single-file',
      method: 'GET',
      path: `${archived}/single-file`,
    },
    {
      template: '/api/v1/archive/documents/{id}/contents/{contentId}',
      method: 'GET',
      path: `${archived}/contents/${bDocs[0]!.id}`,
    },
    {
      template: '/api/v1/archive/documents/{id}/legal-hold',
      method: 'POST',
      path: `${archived}/legal-hold`,
      body: { version: bDocs[1]!.version, on: true, reason: 'B sənədinə məhkəmə qadağası' },
    },
  );
  // A ready transfer package of tenant B, as the transfer machine leaves it (tenant B has no
  // archivist to ask for one through the API).
  const transferId = randomUUID();
  const at = new Date().toISOString();
  const year = Number(at.slice(0, 4));
  const bStore = new DynamoAggregateStore(tableClientOf(baseUrl), TABLE_NAME);
  await bStore.create(
    'archive-transfer',
    {
      id: transferId,
      tenantId: 'demo2',
      version: 1,
      createdAt: at,
      updatedAt: at,
      nomenclatureId: 'b-case',
      caseIndex: '01-01',
      caseName: { az: 'B işi' },
      year,
      status: 'ready',
      requestedBy: 'b',
      requestedAt: at,
      name: `karguzar-01-01-${year}-b`,
      documentIds: [bDocs[1]!.id],
      progress: { done: 1, total: 1 },
      key: `demo2/archive/transfers/${transferId}/karguzar-01-01-${year}-b.tar`,
      size: 10240,
      sha256: '0'.repeat(64),
    },
    { actorId: 'system', parentKey: 'b-case', sortKey: `0#${transferId}` },
  );
  archivistCases.push(
    {
      template: '/api/v1/archive/transfers/{id}',
      method: 'GET',
      path: `/api/v1/archive/transfers/${transferId}`,
    },
    {
      template: '/api/v1/archive/transfers/{id}/package',
      method: 'GET',
      path: `/api/v1/archive/transfers/${transferId}/package`,
    },
  );
  bArchive.push(transferId);
  // A ready report export of tenant B (the export machine's record), addressed by tenant A.
  const exportId = randomUUID();
  await bStore.create(
    'report-export',
    {
      id: exportId,
      tenantId: 'demo2',
      version: 1,
      createdAt: at,
      updatedAt: at,
      requestedBy: 'b',
      requestedAt: at,
      viewer: { employeeId: 'b', seesAll: true, actingFor: [], headOf: [] },
      lang: 'az',
      source: { report: 'overdue' },
      status: 'ready',
      progress: { done: 1, total: 1 },
      fileName: 'b.xlsx',
      key: `demo2/reports/${exportId}/b.xlsx`,
      size: 100,
    },
    { actorId: 'system', parentKey: 'b', sortKey: `0#${exportId}` },
  );
  archivistCases.push(
    { template: '/api/v1/reports/exports/{id}', method: 'GET', path: `/api/v1/reports/exports/${exportId}` },
    {
      template: '/api/v1/reports/exports/{id}/file',
      method: 'GET',
      path: `/api/v1/reports/exports/${exportId}/file`,
    },
  );
  bArchive.push(exportId);
  // A received item in tenant B's exchange queue (it arrives from a delivery: written to the
  // table), addressed by tenant A's registry clerk; and B's evidence of one of its documents.
  const receivedId = randomUUID();
  const receivedItem = {
    id: receivedId,
    tenantId: 'demo2',
    version: 1,
    createdAt: at,
    updatedAt: at,
    source: 'platform' as const,
    state: 'waiting' as const,
    deliveryKey: randomUUID(),
    receivedAt: at,
    sender: { organizationName: 'B göndərən' },
    requisites: { summary: 'B alınmış sənəd' },
    files: [
      {
        name: 'b.pdf',
        contentType: 'application/pdf',
        size: 10,
        sha256: 'a'.repeat(64),
        key: `demo2/exchange/received/${receivedId}/b.pdf`,
        singleFile: true,
      },
    ],
    verification: { checkedAt: at, valid: true, signed: true, problems: [], signatures: [] },
    evidence: { envelopeSha256: 'b'.repeat(64), key: `demo2/exchange/received/${receivedId}/e.json` },
  };
  await bStore.create('exchange-received', receivedItem, receivedWriteOptions(receivedItem, 'system', true));
  bArchive.push(receivedId);
  const received = `/api/v1/exchange/received/${receivedId}`;
  docCases.push(
    { template: '/api/v1/exchange/received/{id}', method: 'GET', path: received },
    { template: '/api/v1/exchange/received/{id}/verify', method: 'POST', path: `${received}/verify` },
    { template: '/api/v1/exchange/received/{id}/files/{index}', method: 'GET', path: `${received}/files/0` },
    {
      template: '/api/v1/exchange/received/{id}/register',
      method: 'POST',
      path: `${received}/register`,
      body: { version: 1 },
    },
    {
      template: '/api/v1/exchange/received/{id}/refuse',
      method: 'POST',
      path: `${received}/refuse`,
      body: { version: 1, reason: 'B imtina' },
    },
    {
      template: '/api/v1/exchange/evidence/{id}',
      method: 'GET',
      path: `/api/v1/exchange/evidence/${bDocs[0]!.id}`,
    },
  );
  // A disposal act of tenant B (drawing one up needs years to pass: it is written to the table).
  const actB = {
    id: randomUUID(),
    tenantId: 'demo2',
    version: 1,
    createdAt: at,
    updatedAt: at,
    status: 'approval',
    drawnUpBy: 'b-archivist',
    cutoff: at,
    cases: [],
    documentIds: [bDocs[1]!.id],
    more: false,
    listing: 'B akt',
    documentId: bDocs[2]!.id,
  };
  await bStore.create('archive-disposal', actB, {
    actorId: 'test',
    sortKey: `${at}#${actB.id}`,
  });
  bArchive.push(actB.id);
  archivistCases.push(
    {
      template: '/api/v1/archive/disposal-acts/{id}',
      method: 'GET',
      path: `/api/v1/archive/disposal-acts/${actB.id}`,
    },
    {
      template: '/api/v1/archive/disposal-acts/{id}/cancel',
      method: 'POST',
      path: `/api/v1/archive/disposal-acts/${actB.id}/cancel`,
      body: { version: 1, reason: 'B aktını ləğv et' },
    },
  );

  // A webhook subscription of tenant B (its admin's), addressed by tenant A's admin.
  const hook = await b.post<{ subscription: Item }>('/api/v1/webhooks/subscriptions', {
    url: 'http://127.0.0.1:9/b-hook',
    events: ['document.registered'],
    // Off: nothing is delivered to it while other files register documents.
    active: false,
  });
  expect(hook.status, 'create B webhook subscription').toBe(201);
  const hookPath = `/api/v1/webhooks/subscriptions/${hook.body.subscription.id}`;
  adminCases.push(
    { template: '/api/v1/webhooks/subscriptions/{id}', method: 'GET', path: hookPath },
    {
      template: '/api/v1/webhooks/subscriptions/{id}',
      method: 'PATCH',
      path: hookPath,
      body: { version: 1, url: 'http://127.0.0.1:9/a-takes-over' },
    },
    {
      template: '/api/v1/webhooks/subscriptions/{id}',
      method: 'DELETE',
      path: hookPath,
      body: { version: 1 },
    },
    {
      template: '/api/v1/webhooks/subscriptions/{id}/secret',
      method: 'POST',
      path: `${hookPath}/secret`,
      body: { version: 1 },
    },
    {
      template: '/api/v1/webhooks/subscriptions/{id}/deliveries',
      method: 'GET',
      path: `${hookPath}/deliveries`,
    },
  );
  bArchive.push(hook.body.subscription.id);

  // An integrator key of tenant B (its admin's), which tenant A's admin cannot revoke.
  const keyB = await b.post<{ integratorKey: Item }>(
    '/api/v1/integrator-keys',
    { name: 'B portalı', requestsPerMinute: 600 },
    { 'Idempotency-Key': randomUUID() },
  );
  expect(keyB.status, 'create B integrator key').toBe(201);
  adminCases.push({
    template: '/api/v1/integrator-keys/{id}/revoke',
    method: 'POST',
    path: `/api/v1/integrator-keys/${keyB.body.integratorKey.id}/revoke`,
    body: { version: 1 },
  });
  bArchive.push(keyB.body.integratorKey.id);

  // An e-service of tenant B (addressed by its code, unique per agency only): A never lists it and
  // its code names nothing in A.
  const bService = await b.post<Item>(
    '/api/v1/eservices',
    { ...socialAssistanceDefinition({ routeTemplateId: 'b-route' }), code: bServiceCode },
    { 'Idempotency-Key': `b-eservice-${bServiceCode}` },
  );
  expect(bService.status, 'create B e-service').toBe(201);
  bArchive.push(bService.body.id);

  const createdIn = new Map<string, string>();
  const extra = (list: string): Record<string, unknown> =>
    ({
      nomenclature: { index: `B-${uniq()}`, retentionYears: 5 },
      journals: { code: `bj-${uniq()}`, pattern: 'B-{seq}', documentKind: 'incoming' },
      counterparts: { kind: 'organization' },
      regions: { kind: 'settlement' },
      'journal-rules': { journalId: createdIn.get('journals'), documentKind: 'incoming' },
    })[list] ?? {};
  for (const list of referenceLists) {
    const res = await b.post<Item>(`/api/v1/reference/${list}`, {
      name: { az: `B ${list} ${uniq()}` },
      ...extra(list),
    });
    createdIn.set(list, res.body.id);
    expect(res.status, `create ${list}`).toBe(201);
    bObjects.push({
      template: '/api/v1/reference/{list}/{id}',
      path: `/api/v1/reference/${list}/${res.body.id}`,
      item: res.body,
    });
  }
});

/** The platform operator's routes on one agency: no tenant's token reaches them (403). */
const operatorCases = [
  { template: '/api/v1/platform/tenants/{id}', method: 'GET', path: '/api/v1/platform/tenants/demo2' },
  {
    template: '/api/v1/platform/tenants/{id}/invitation',
    method: 'POST',
    path: '/api/v1/platform/tenants/demo2/invitation',
  },
];

describe('tenant isolation', () => {
  it("keeps every tenant's token off the platform operator's routes", async () => {
    for (const c of operatorCases) {
      const res = await a.call(c.method, c.path);
      expect(res.status, `${c.method} ${c.path}`).toBe(403);
    }
  });

  it('covers every route that addresses one object', () => {
    const templates = new Set(routes.filter((r) => r.path.includes('{id}')).map((r) => r.path));
    const covered = [
      ...bObjects.map((o) => o.template),
      ...docCases.map((c) => c.template),
      ...adminCases.map((c) => c.template),
      ...archivistCases.map((c) => c.template),
      ...operatorCases.map((c) => c.template),
    ];
    expect(new Set(covered)).toEqual(templates);
    const keys = new Set(routes.filter((r) => r.path.includes('{id}')).map((r) => `${r.method} ${r.path}`));
    for (const c of [...docCases, ...adminCases, ...archivistCases, ...operatorCases])
      keys.delete(`${c.method} ${c.template}`);
    for (const o of bObjects) {
      keys.delete(`GET ${o.template}`);
      keys.delete(`PUT ${o.template}`);
    }
    expect([...keys]).toEqual([]);
  });

  it("answers 404 to a tenant-A clerk for every route on a tenant-B document, and B's document stays", async () => {
    const clerkA = apiClient(baseUrl, await tokenFor(baseUrl, 'clerk'));
    for (const c of docCases) {
      const res = await clerkA.call(c.method, c.path, c.body);
      expect(res.status, `${c.method} ${c.path}`).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    }
    for (const doc of bDocs) {
      const again = await b.get<Item>(`/api/v1/documents/${doc.id}`);
      expect(again.status).toBe(200);
      expect(again.body.version).toBe(doc.version);
      expect(again.body.status).toBe(doc.status);
    }
  });

  it("answers 404 to tenant A's admin on tenant-B objects' admin routes, and B's objects stay", async () => {
    for (const c of adminCases) {
      const res = await a.call(c.method, c.path, c.body);
      expect(res.status, `${c.method} ${c.path}`).toBe(404);
    }
    const absence = bObjects.find((o) => o.template === '/api/v1/absences/{id}')!;
    const again = await b.get<Item>(absence.path);
    expect(again.body.status).toBe('recorded');
    expect(again.body.version).toBe(absence.item.version);
  });

  it("answers 404 to tenant A's archivist on a tenant-B document's archive routes, and B's document stays", async () => {
    const archivistA = apiClient(baseUrl, await tokenFor(baseUrl, 'archivist'));
    for (const c of archivistCases) {
      const res = await archivistA.call(c.method, c.path, c.body);
      expect(res.status, `${c.method} ${c.path}`).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    }
    const again = await b.get<Item>(`/api/v1/documents/${bDocs[1]!.id}`);
    expect(again.body.version).toBe(bDocs[1]!.version);
    expect(again.body.archive).toBeUndefined();
  });

  it('answers 404 to a tenant-A token for every tenant-B object, on GET and PUT, and changes nothing', async () => {
    for (const { path, item } of bObjects) {
      const get = await a.get(path);
      expect(get.status, `GET ${path}`).toBe(404);
      expect(get.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(JSON.stringify(get.body)).not.toContain(item.id);

      const put = await a.put(path, { ...bodyOf(item), version: item.version });
      expect(put.status, `PUT ${path}`).toBe(404);

      const again = await b.get<Item>(path);
      expect(again.status).toBe(200);
      expect(again.body.version).toBe(item.version);
    }
  });

  it('never lists tenant-B objects to tenant A', async () => {
    const archivistA = apiClient(baseUrl, await tokenFor(baseUrl, 'archivist'));
    for (const route of routes.filter(
      (r) =>
        r.method === 'GET' &&
        r.auth === 'jwt' &&
        !r.path.includes('{id}') &&
        r.path.startsWith('/api/v1/') &&
        r.response !== undefined,
    )) {
      const paths = route.path.includes('{list}')
        ? referenceLists.map((l) => route.path.replace('{list}', l))
        : route.path === '/api/v1/documents' || route.path === '/api/v1/reports/journal'
          ? documentKinds.map((k) => `${route.path}?kind=${k}`)
          : route.path === '/api/v1/inbox/{box}'
            ? inboxBoxes.map((box) => `/api/v1/inbox/${box}`)
            : [route.path];
      for (const path of paths) {
        // Search: everything A may see, and B's numbers in the header's jump (once B finds them).
        if (path === '/api/v1/search') {
          const indexed = await eventually(async () => {
            const own = await searchIds(b, 'q=');
            return bDocs.every((d) => own.has(d.id)) ? own : undefined;
          }, "tenant B's documents in its search");
          expect(indexed.size).toBeGreaterThan(0);
          const ids = await searchIds(a, 'q=');
          for (const d of bDocs) expect(ids.has(d.id), `search finds B document ${d.id}`).toBe(false);
          continue;
        }
        if (path === '/api/v1/search/quick') {
          for (const d of bDocs) {
            const number = (d.registration as { number?: string } | undefined)?.number;
            if (!number) continue;
            const quick = await a.get<{ items: Item[] }>(`${path}?q=${encodeURIComponent(number)}`);
            expect(quick.status).toBe(200);
            expect(quick.body.items.map((h) => h.id)).not.toContain(d.id);
          }
          continue;
        }
        // Single objects of the caller, not lists (the calendar is one per tenant, read by year).
        if (
          [
            '/api/v1/me',
            '/api/v1/tenant',
            '/api/v1/tenant/sms',
            '/api/v1/client-config',
            '/api/v1/me/notifications',
            '/api/v1/me/mfa',
            '/api/v1/calendar',
            '/api/v1/calendar/years',
            '/api/v1/calendar/years/{year}',
            '/api/v1/exchange/settings',
          ].includes(path)
        )
          continue;
        // One e-service by its code: tenant B's code is unknown to tenant A.
        if (path === '/api/v1/eservices/{code}' || path === '/api/v1/eservices/{code}/applications') {
          expect((await a.get(path.replace('{code}', bServiceCode))).status).toBe(404);
          continue;
        }
        // One application by its number: read in the caller's agency only (none of A's has it).
        if (path === '/api/v1/eservices/applications/{number}') {
          expect((await a.get(path.replace('{number}', '0W3G-E1R7-0W3G-E1RS'))).status).toBe(404);
          continue;
        }
        // Registry look-ups return global state-registry records (by FİN/VÖEN), not tenant data.
        if (path.startsWith('/api/v1/citizen-registries/')) continue;
        // What a disposal act drawn up now would list: one answer, not a page.
        if (path === '/api/v1/archive/disposal-acts/due') {
          const due = await archivistA.get(path);
          expect(due.status).toBe(200);
          for (const d of bDocs) expect(JSON.stringify(due.body)).not.toContain(d.id);
          continue;
        }
        // The dashboards: one answer of figures, not a page.
        if (path === '/api/v1/reports/dashboard') {
          const figures = await a.get(path);
          expect(figures.status).toBe(200);
          for (const d of bDocs) expect(JSON.stringify(figures.body)).not.toContain(d.id);
          continue;
        }
        // Every control report, not only the default (overdue) one.
        if (path === '/api/v1/reports/control') {
          for (const report of ['all', 'on-time', 'late']) {
            const ids = await allIds(a, `${path}?report=${report}`);
            for (const d of bDocs) expect(ids.has(d.id), `${path} lists B document ${d.id}`).toBe(false);
          }
        }
        // The archive's lists are the archivist's.
        const reader = path.startsWith('/api/v1/archive/') ? archivistA : a;
        const ids = await allIds(reader, path, route.query?.shape.limit !== undefined);
        for (const o of bObjects) expect(ids.has(o.item.id), `${path} lists ${o.path}`).toBe(false);
        for (const d of bDocs) expect(ids.has(d.id), `${path} lists B document ${d.id}`).toBe(false);
        for (const id of bArchive) expect(ids.has(id), `${path} lists B archive record ${id}`).toBe(false);
      }
    }
  });

  it('does not let a tenant-B page cursor reach tenant-B data', async () => {
    const page = await b.get<{ items: Item[]; nextCursor?: string }>('/api/v1/reference/regions?limit=1');
    expect(page.body.nextCursor).toBeDefined();
    const res = await a.get<{ items: Item[] }>(
      `/api/v1/reference/regions?limit=5&cursor=${encodeURIComponent(page.body.nextCursor ?? '')}`,
    );
    if (res.status === 200) {
      const bIds = await allIds(b, '/api/v1/reference/regions');
      const aIds = await allIds(a, '/api/v1/reference/regions');
      for (const item of res.body.items) {
        expect(aIds.has(item.id)).toBe(true);
        expect(bIds.has(item.id)).toBe(false);
      }
    } else {
      expect(res.status).toBe(400);
    }
  });

  it('refuses links from tenant A to tenant-B objects (422 unknown_reference) and writes nothing', async () => {
    const [dept, pos, emp1] = bObjects.map((o) => o.item);
    const bItem = (list: string) =>
      bObjects.find((o) => o.path.startsWith(`/api/v1/reference/${list}/`))?.item;
    const before = await allIds(a, '/api/v1/positions');
    const cases: [string, Record<string, unknown>, string][] = [
      ['/api/v1/departments', { name: { az: 'X' }, code: `X${uniq()}`, parentId: dept?.id }, 'parentId'],
      [
        '/api/v1/positions',
        { title: { az: 'X' }, departmentId: dept?.id, kind: 'other', roles: [] },
        'departmentId',
      ],
      [
        '/api/v1/employees',
        { fullName: 'X', username: `x-${uniq()}`, email: 'x@example.az', positionIds: [pos?.id] },
        'positionIds.0',
      ],
      [
        '/api/v1/substitutions',
        { employeeId: emp1?.id, substituteId: emp1?.id, from: dayAhead(60), to: dayAhead(61) },
        '',
      ],
      [
        '/api/v1/counterparts',
        { name: { az: 'X' }, kind: 'organization', regionId: bItem('regions')?.id },
        'regionId',
      ],
      [
        '/api/v1/counterparts',
        { name: { az: 'X' }, kind: 'organization', parentBodyId: bItem('counterparts')?.id },
        'parentBodyId',
      ],
      [
        '/api/v1/reference/journal-rules',
        { name: { az: 'X' }, documentKind: 'incoming', journalId: bItem('journals')?.id },
        'journalId',
      ],
      [
        '/api/v1/absences',
        { employeeId: emp1?.id, kind: 'leave', from: dayAhead(60), to: dayAhead(61) },
        'employeeId',
      ],
    ];
    for (const [path, body, field] of cases) {
      const res = await a.post<{ code: string; errors?: { path: string }[] }>(path, body);
      expect(res.status, path).toBe(422);
      if (field) {
        expect(res.body.code).toBe('unknown_reference');
        expect(res.body.errors?.[0]?.path).toBe(field);
      }
    }
    expect(await allIds(a, '/api/v1/positions')).toEqual(before);
  });

  it("keeps each tenant's profile to itself", async () => {
    const ta = await a.get<Item>('/api/v1/tenant');
    const tb = await b.get<Item>('/api/v1/tenant');
    expect(ta.body.id).toBe('demo1');
    expect(tb.body.id).toBe('demo2');
    const updated = await a.put<Item>('/api/v1/tenant', {
      ...bodyOf(ta.body),
      phone: '+994120000199',
      version: ta.body.version,
    });
    expect(updated.status).toBe(200);
    const tbAfter = await b.get<Item>('/api/v1/tenant');
    expect(tbAfter.body).toEqual(tb.body);
  });
});
