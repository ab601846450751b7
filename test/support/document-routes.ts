/** One request per route that addresses a document by id, as the isolation guards send them. */
export type DocCase = { template: string; method: string; path: string; body?: unknown };
type Item = { id: string; version: number };

/**
 * A request for every route on one document (`doc`), and the PUT of each kind's own document
 * (`byKind`, with the body it was created with): enough to call each route once with a body
 * that would pass validation. `other` is another document for links, `employeeId` someone to name.
 */
export function documentCases(input: {
  byKind: Array<{ kind: string; item: Item; body: Record<string, unknown> }>;
  doc: Item;
  other: Item;
  employeeId: string;
}): DocCase[] {
  const { doc, other, employeeId } = input;
  const fileId = '00000000-0000-4000-8000-000000000000';
  const docs = `/api/v1/documents/${doc.id}`;
  const stages = [{ kind: 'signing', mode: 'sequential', participants: [{ employeeId }] }];
  return [
    ...input.byKind.map(({ kind, item, body }) => ({
      template: `/api/v1/documents/${kind}/{id}`,
      method: 'PUT',
      path: `/api/v1/documents/${kind}/${item.id}`,
      body: { ...body, version: item.version },
    })),
    { template: '/api/v1/documents/{id}', method: 'GET', path: docs },
    { template: '/api/v1/documents/{id}/execution', method: 'GET', path: `${docs}/execution` },
    {
      template: '/api/v1/documents/{id}/resolutions',
      method: 'POST',
      path: `${docs}/resolutions`,
      body: { version: doc.version, text: 'x', executors: [{ employeeId: fileId }] },
    },
    { template: '/api/v1/documents/{id}/approval-route', method: 'GET', path: `${docs}/approval-route` },
    {
      template: '/api/v1/documents/{id}/approval-route',
      method: 'PUT',
      path: `${docs}/approval-route`,
      body: { version: doc.version, stages },
    },
    {
      template: '/api/v1/documents/{id}/approval-route/start',
      method: 'POST',
      path: `${docs}/approval-route/start`,
      body: { version: doc.version },
    },
    {
      template: '/api/v1/documents/{id}/assignments/{assignmentId}/{action}',
      method: 'POST',
      path: `${docs}/assignments/${fileId}/report`,
      body: { version: doc.version, text: 'x' },
    },
    {
      template: '/api/v1/documents/{id}/operations/{operation}',
      method: 'POST',
      path: `${docs}/operations/cancel`,
      body: { version: doc.version },
    },
    { template: '/api/v1/documents/{id}/operations', method: 'GET', path: `${docs}/operations` },
    {
      template: '/api/v1/documents/{id}/send',
      method: 'POST',
      path: `${docs}/send`,
      body: { version: doc.version },
    },
    { template: '/api/v1/documents/{id}/links', method: 'GET', path: `${docs}/links` },
    {
      template: '/api/v1/documents/{id}/links',
      method: 'POST',
      path: `${docs}/links`,
      body: { otherId: other.id, type: 'related' },
    },
    {
      template: '/api/v1/documents/{id}/contents',
      method: 'POST',
      path: `${docs}/contents`,
      body: { fileName: 'a.pdf', contentType: 'application/pdf', size: 10, sha256: 'a'.repeat(64) },
    },
    {
      template: '/api/v1/documents/{id}/contents/{contentId}/complete',
      method: 'POST',
      path: `${docs}/contents/${fileId}/complete`,
    },
    {
      template: '/api/v1/documents/{id}/contents/{contentId}/url',
      method: 'GET',
      path: `${docs}/contents/${fileId}/url`,
    },
    { template: '/api/v1/documents/{id}/single-file', method: 'GET', path: `${docs}/single-file` },
    {
      template: '/api/v1/documents/{id}/single-file',
      method: 'POST',
      path: `${docs}/single-file`,
      body: { version: doc.version },
    },
    {
      template: '/api/v1/documents/{id}/single-file/print',
      method: 'GET',
      path: `${docs}/single-file/print`,
    },
    {
      template: '/api/v1/documents/{id}/single-file/verification',
      method: 'GET',
      path: `${docs}/single-file/verification`,
    },
  ];
}

/** The routes whose path names a document: what a guard over `cases` must cover, method and path. */
export function documentRouteKeys(routes: ReadonlyArray<{ method: string; path: string }>): string[] {
  return routes
    .filter((r) => /^\/api\/v1\/documents\/(\{id\}|[a-z]+\/\{id\})/.test(r.path))
    .map((r) => `${r.method} ${r.path}`)
    .sort();
}
