import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@opensearch-project/opensearch';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SearchDocument, SearchQuery } from '../../../functions/modules/search';
import {
  createOpenSearchClient,
  createOpenSearchIndex,
  indexBody,
  OpenSearchWriteError,
  versionKey,
} from '../../../functions/modules/search/opensearch';

/**
 * The adapter over the real client against a fake OpenSearch on 127.0.0.1: it records each request
 * and answers what the test queued (real OpenSearch does not run on this machine).
 */
interface Recorded {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}
type Reply = { status: number; body?: unknown };

let server: Server;
let endpoint: string;
const recorded: Recorded[] = [];
const replies = new Map<string, Reply[]>();

/** Queues an answer for `METHOD /path` (without the query string). */
function reply(route: string, ...answers: Reply[]) {
  replies.set(route, [...(replies.get(route) ?? []), ...answers]);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      recorded.push({
        method: req.method ?? '',
        path,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const queue = replies.get(`${req.method} ${path}`) ?? [];
      const answer = queue.shift() ?? {
        status: 500,
        body: { error: { type: 'unexpected', reason: `${req.method} ${path}` } },
      };
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
afterEach(() => {
  recorded.length = 0;
  replies.clear();
});

const doc = (id: string, version: string): SearchDocument => ({
  tenantId: 't1',
  id,
  source: 'document',
  version,
  kind: 'incoming',
  status: 'registered',
  registrationNumber: 'D-1/26',
  registeredAt: '2026-01-05T08:00:00.000Z',
  year: 2026,
  parties: ['Məmmədova Aysel'],
  identifiers: [],
  summary: 'Ərizə',
  resolutions: [],
  contentText: '',
  participants: ['e1'],
  participantUnits: [],
  confidential: false,
  accessList: [],
});

const query: SearchQuery = {
  tenantId: 't1',
  viewer: { employeeId: 'e1', seesAll: false, actingFor: [], headOf: [] },
  text: 'Məmmədova',
  within: [],
  filters: {},
  size: 1,
  facets: false,
};

const ndjson = (body: string) =>
  body
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

function adapter() {
  return createOpenSearchIndex({
    endpoint,
    region: 'eu-central-1',
    indexName: 'kargus',
    client: new Client({ node: endpoint }),
  });
}

describe('OpenSearch adapter', () => {
  it('creates the index with the generated settings once, at first use, then writes versioned updates', async () => {
    reply('HEAD /kargus', { status: 404 });
    reply('PUT /kargus', { status: 200, body: { acknowledged: true } });
    reply(
      'POST /_bulk',
      { status: 200, body: { errors: false, items: [] } },
      { status: 200, body: { errors: false, items: [] } },
    );
    const index = adapter();
    await index.upsert([doc('d1', '2026-01-05T08:00:00.000Z'), doc('d2', '7')]);
    await index.remove([{ tenantId: 't1', id: 'd3', version: '2026-01-06T00:00:00.000Z' }]);

    expect(recorded.map((r) => `${r.method} ${r.path}`)).toEqual([
      'HEAD /kargus',
      'PUT /kargus',
      'POST /_bulk',
      'POST /_bulk',
    ]);
    expect(JSON.parse(recorded[1]?.body ?? '')).toEqual(JSON.parse(JSON.stringify(indexBody())));

    const upserts = ndjson(recorded[2]?.body ?? '');
    expect(upserts).toHaveLength(4);
    expect(upserts[0]).toEqual({ update: { _index: 'kargus', _id: 't1:d1', retry_on_conflict: 5 } });
    expect(upserts[1]).toMatchObject({
      scripted_upsert: true,
      upsert: {},
      script: {
        lang: 'painless',
        params: { doc: { id: 'd1', tenantId: 't1', deleted: false, version: '2026-01-05T08:00:00.000Z' } },
      },
    });
    // Counters sort as text once padded.
    expect(upserts[3]).toMatchObject({ script: { params: { doc: { version: '00000000000000000007' } } } });

    const removes = ndjson(recorded[3]?.body ?? '');
    expect(removes[0]).toEqual({ update: { _index: 'kargus', _id: 't1:d3', retry_on_conflict: 5 } });
    expect(removes[1]).toMatchObject({
      scripted_upsert: true,
      script: { params: { tenantId: 't1', id: 'd3' } },
    });
    expect(String((removes[1]?.script as { source: string }).source)).toContain('deleted = true');
  });

  it('takes an index another writer just created', async () => {
    reply('HEAD /kargus', { status: 404 });
    reply('PUT /kargus', {
      status: 400,
      body: { error: { type: 'resource_already_exists_exception', reason: 'exists' } },
    });
    reply('POST /kargus/_count', { status: 200, body: { count: 3 } });
    expect(await adapter().count('t1')).toBe(3);
    const countRequest = recorded.find((r) => r.path === '/kargus/_count');
    expect(JSON.parse(countRequest?.body ?? '')).toEqual({
      query: { bool: { filter: [{ term: { tenantId: 't1' } }], must_not: [{ term: { deleted: true } }] } },
    });
  });

  it('fails the write when OpenSearch refuses an item, naming it', async () => {
    reply('HEAD /kargus', { status: 200 });
    reply('POST /_bulk', {
      status: 200,
      body: {
        errors: true,
        items: [
          { update: { _id: 't1:d1', status: 200 } },
          {
            update: {
              _id: 't1:d2',
              status: 400,
              error: { type: 'strict_dynamic_mapping_exception', reason: 'no field x' },
            },
          },
        ],
      },
    });
    const err = await adapter()
      .upsert([doc('d1', '1'), doc('d2', '1')])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenSearchWriteError);
    expect((err as OpenSearchWriteError).failures).toEqual([
      't1:d2: 400 strict_dynamic_mapping_exception no field x',
    ]);
  });

  it('searches with the built body and maps the answer', async () => {
    reply('HEAD /kargus', { status: 200 });
    reply('POST /kargus/_search', {
      status: 200,
      body: {
        hits: {
          total: { value: 5, relation: 'eq' },
          hits: [
            {
              _id: 't1:d1',
              _score: 2,
              _source: {
                id: 'd1',
                source: 'document',
                kind: 'incoming',
                status: 'registered',
                registeredAt: '2026-01-05T08:00:00.000Z',
                summary: 'Ərizə',
                parties: ['Məmmədova Aysel'],
              },
              highlight: { 'parties.strict': ['<mark>Məmmədova</mark> Aysel'] },
              sort: [2, 1767600000000, 'd1'],
            },
          ],
        },
      },
    });
    const result = await adapter().search(query);
    const sent = JSON.parse(recorded.find((r) => r.path === '/kargus/_search')?.body ?? '') as {
      query: unknown;
    };
    expect(JSON.stringify(sent.query)).toContain('"tenantId":"t1"');
    expect(result.total).toBe(5);
    expect(result.hits[0]?.highlights).toEqual([
      { field: 'parties', fragments: ['<mark>Məmmədova</mark> Aysel'] },
    ]);
    expect(result.nextCursor).toBeDefined();
  });

  it('signs requests with SigV4 for OpenSearch Serverless', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_SESSION_TOKEN: 'token',
    });
    try {
      reply('HEAD /kargus', { status: 200 });
      reply('POST /kargus/_count', { status: 200, body: { count: 0 } });
      const client = createOpenSearchClient({ endpoint, region: 'eu-central-1' });
      await createOpenSearchIndex({ endpoint, region: 'eu-central-1', indexName: 'kargus', client }).count(
        't1',
      );
      const auth = String(recorded.at(-1)?.headers.authorization);
      expect(auth).toMatch(
        /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-central-1\/aoss\/aws4_request/,
      );
      expect(recorded.at(-1)?.headers['x-amz-security-token']).toBe('token');
      expect(recorded.at(-1)?.headers['x-amz-content-sha256']).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      process.env = saved;
    }
  });
});

describe('versions as sortable text', () => {
  it('pads counters and writes instants one way', () => {
    expect(versionKey('7') < versionKey('10')).toBe(true);
    expect(versionKey('2026-01-05T08:00:00Z')).toBe('2026-01-05T08:00:00.000Z');
    expect(versionKey('2026-01-05T12:00:00+04:00')).toBe('2026-01-05T08:00:00.000Z');
    expect(versionKey('2026-01-05T08:00:00Z') < versionKey('2026-01-05T08:00:00.001Z')).toBe(true);
    expect(versionKey('v3')).toBe('v3');
  });
});
