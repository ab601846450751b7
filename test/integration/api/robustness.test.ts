import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Api } from '../../support/api';
import { rawRequest } from '../../support/http';
import { as, type Doc, type Problem } from '../documents/helpers';

// Regression tests of findings from probing the running product as an outsider would.
const baseUrl = inject('baseUrl');
const port = Number(new URL(baseUrl).port);

const raw = (options: Omit<Parameters<typeof rawRequest>[0], 'port'>) => rawRequest({ port, ...options });

const isProblem = (r: { headers: Record<string, unknown>; text: string }) =>
  String(r.headers['content-type']).startsWith('application/problem+json') &&
  typeof (JSON.parse(r.text) as Problem).code === 'string';

describe('idempotency keys belong to their caller', () => {
  it("another user's retry with the same key and body makes their own document, never replays someone else's", async () => {
    const one: Api = await as(baseUrl, 'executor1');
    const two: Api = await as(baseUrl, 'executor2');
    const key = `robust-${Date.now().toString(36)}-idem`;
    const body = { summary: `Daxili xidməti qeyd ${key}` };

    const first = await one.post<Doc>('/api/v1/documents/internal', body, { 'idempotency-key': key });
    const again = await one.post<Doc>('/api/v1/documents/internal', body, { 'idempotency-key': key });
    const other = await two.post<Doc>('/api/v1/documents/internal', body, { 'idempotency-key': key });

    expect(first.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(first.body.id);
    expect(other.body.authorId).not.toBe(first.body.authorId);
    expect((await two.get(`/api/v1/documents/${first.body.id}`)).status).toBe(404);
  });
});

describe('hostile requests get problems, never a 5xx or a reset', () => {
  it('broken percent-encoding in a path is a 400 problem', async () => {
    for (const bad of ['%', '%E0%A4%A', '%C0%AF', '%FF', '%ED%A0%80']) {
      for (const path of [`/api/v1/documents/${bad}`, `/${bad}`]) {
        const res = await raw({ method: 'GET', path });
        expect(res.status, path).toBe(400);
        expect(isProblem(res), path).toBe(true);
      }
    }
  });

  it('a 10,000-deep JSON body with an Idempotency-Key is a 422 problem', async () => {
    const admin = await as(baseUrl, 'admin');
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const res = await admin.call<Problem>(
      'POST',
      '/api/v1/departments',
      `{"name":{"az":"a","en":"a","ru":"a"},"code":"D1","x":${deep}}`,
      { 'idempotency-key': `deep-${Date.now()}-key` },
    );
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('body_too_deep');
  });

  it('bodies over the limit get a 413 problem, read to the end, not a connection reset', async () => {
    const clerk = await as(baseUrl, 'clerk');
    for (const size of [2 * 1024 * 1024 + 10, 5 * 1024 * 1024]) {
      const res = await clerk.call<Problem>('POST', '/api/v1/documents/internal', `"${'a'.repeat(size)}"`);
      expect(res.status, String(size)).toBe(413);
      expect(res.body.code).toBe('payload_too_large');
    }
  });

  it('`__proto__`, `constructor` and `prototype` keys are refused on every body, reference items included', async () => {
    const admin = await as(baseUrl, 'admin');
    const item = '{"name":{"az":"a","en":"a","ru":"a"},"code":"PX1","__proto__":{"polluted":true}}';
    const nested = '{"name":{"az":"a","en":"a","ru":"a","constructor":{"prototype":{"x":1}}},"code":"PX2"}';
    for (const body of [item, nested]) {
      const res = await admin.call<Problem>('POST', '/api/v1/reference/document-types', body);
      expect(res.status, body).toBe(422);
      expect(res.body.errors?.[0]?.code, body).toBe('forbidden_key');
    }
    const list = await admin.get<{ items: Array<{ code?: string }> }>(
      '/api/v1/reference/document-types?limit=100',
    );
    expect(list.body.items.some((i) => i.code === 'PX1' || i.code === 'PX2')).toBe(false);
  });
});

describe('text and parameters', () => {
  it('a lone surrogate in any text is a 422 problem and nothing is stored', async () => {
    const clerk = await as(baseUrl, 'clerk');
    const summary = `Tək surroqat ${Date.now().toString(36)}`;
    const res = await clerk.call<Problem>(
      'POST',
      '/api/v1/documents/internal',
      `{"summary":"${summary} \\ud800"}`,
    );
    expect(res.status).toBe(422);
    expect(res.body.errors?.[0]).toMatchObject({ path: 'summary', code: 'invalid_text' });
    const list = await clerk.get<{ items: Doc[] }>(
      `/api/v1/documents?kind=internal&summary=${encodeURIComponent(summary)}`,
    );
    expect(list.body.items).toEqual([]);
  });

  it('a query parameter a route does not take is a 400 problem', async () => {
    const clerk = await as(baseUrl, 'clerk');
    const me = await clerk.get<Problem>('/api/v1/me?__proto__[x]=1');
    expect(me.status).toBe(400);
    expect(me.body.code).toBe('invalid_request');
  });
});

describe('rate limits', () => {
  it('a flood of made-up tokens from one address is throttled (429), other addresses are not', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 500; i += 25) {
      const batch = await Promise.all(
        Array.from({ length: 25 }, (_, j) =>
          raw({
            method: 'GET',
            path: '/api/v1/me',
            headers: { authorization: `Bearer made.up.${i + j}${Math.random().toString(36).slice(2)}` },
            localAddress: '127.0.0.3',
          }),
        ),
      );
      statuses.push(...batch.map((r) => r.status));
    }
    const fromElsewhere = await raw({
      method: 'GET',
      path: '/api/v1/me',
      headers: { authorization: 'Bearer x.y.z' },
    });

    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    expect(fromElsewhere.status).toBe(401);
  });
});

describe('ports that fetch refuses', () => {
  it('the embedded default refuses to start on one, with a clear message', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts'], {
      env: {
        ...process.env,
        PORT: '6000',
        KARGUZAR_DATA_DIR: join(tmpdir(), `karguzar-port6000-${process.pid}`),
        KARGUZAR_SKIP_WEB_BUILD: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));

    expect(code).not.toBe(0);
    expect(output).toContain('Port 6000 of the gateway service is one that fetch and browsers refuse');
  });
});
