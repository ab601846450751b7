import { beforeAll, describe, expect, inject, it } from 'vitest';
import { apiClient, tokenFor, type Problem } from '../../support/api';

type Item = { id: string; version: number; code?: string } & Record<string, unknown>;

const baseUrl = inject('baseUrl');
let token: string;
let clerkToken: string;

const uniq = () => Math.random().toString(36).slice(2, 8);

async function departmentCodes(): Promise<string[]> {
  const codes: string[] = [];
  let cursor: string | undefined;
  const api = apiClient(baseUrl, token);
  do {
    const res = await api.get<{ items: Item[]; nextCursor?: string }>(
      `/api/v1/departments?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    codes.push(...res.body.items.map((d) => String(d.code)));
    cursor = res.body.nextCursor;
  } while (cursor);
  return codes;
}

beforeAll(async () => {
  token = await tokenFor(baseUrl, 'admin');
  clerkToken = await tokenFor(baseUrl, 'clerk');
});

describe('bad input gets localized problem+json and writes nothing', () => {
  it('malformed JSON → 400 in the requested language', async () => {
    const before = await departmentCodes();
    const titles: Record<string, string> = {};
    for (const lang of ['az', 'en', 'ru']) {
      const res = await apiClient(baseUrl, token, lang).post<Problem>(
        '/api/v1/departments',
        '{"name": {"az": "x"',
      );
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('malformed_json');
      expect(res.body.status).toBe(400);
      titles[lang] = res.body.title;
    }
    expect(titles.az).toBe('Sorğunun mətni düzgün JSON deyil');
    expect(titles.en).toBe('The request body is not valid JSON');
    expect(titles.ru).toBe('Тело запроса не является корректным JSON');
    expect(await departmentCodes()).toEqual(before);
  });

  it('invalid fields → 422 with localized field errors, nothing written', async () => {
    const before = await departmentCodes();
    const code = `V${uniq()}`;
    const res = await apiClient(baseUrl, token, 'en').post<Problem>('/api/v1/departments', {
      name: { az: '   ' },
      code,
      parentId: 'not-a-uuid',
      colour: 'red',
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('validation_failed');
    const byPath = Object.fromEntries((res.body.errors ?? []).map((e) => [e.path, e]));
    expect(byPath['name.az']?.code).toBe('required');
    expect(byPath['name.az']?.message).toBe('This field is required');
    expect(byPath.parentId?.code).toBe('invalid_format');
    expect(byPath.colour?.code).toBe('unrecognized_keys');
    expect(await departmentCodes()).toEqual(before);
    expect(before).not.toContain(code);
  });

  it('Accept-Language with q-values picks the best supported language; unknown falls back to az', async () => {
    const ru = await apiClient(baseUrl, token, 'de-DE, ru;q=0.8, en;q=0.5').get<Problem>(
      '/api/v1/departments/00000000-0000-4000-8000-000000000000',
    );
    expect(ru.status).toBe(404);
    expect(ru.body.title).toBe('Запрошенный объект не найден');
    const az = await apiClient(baseUrl, token, 'fr').get<Problem>(
      '/api/v1/departments/00000000-0000-4000-8000-000000000000',
    );
    expect(az.body.title).toBe('Axtarılan obyekt tapılmadı');
  });

  it('bad path and query parameters → 400', async () => {
    const api = apiClient(baseUrl, token, 'en');
    expect((await api.get<Problem>('/api/v1/departments/123')).status).toBe(400);
    expect((await api.get<Problem>('/api/v1/departments?limit=0')).status).toBe(400);
    expect((await api.get<Problem>('/api/v1/departments?limit=abc')).status).toBe(400);
    expect((await api.get<Problem>('/api/v1/reference/unknown-list')).status).toBe(400);
    const forged = await api.get<Problem>('/api/v1/departments?cursor=eyJwayI6Im5vcGUifQ');
    expect(forged.status).toBe(400);
  });

  it('a reference list item is validated by its own list and its numbering pattern', async () => {
    const api = apiClient(baseUrl, token, 'az');
    const res = await api.post<Problem>('/api/v1/reference/journals', {
      name: { az: 'Jurnal' },
      code: `j-${uniq()}`,
      pattern: 'N-{year}',
      documentKind: 'incoming',
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('invalid_journal_pattern');
    expect(res.body.errors?.[0]?.path).toBe('pattern');
    const missing = await api.post<Problem>('/api/v1/reference/nomenclature', { name: { az: 'İş' } });
    expect(missing.status).toBe(422);
    expect(missing.body.errors?.map((e) => e.path).sort()).toEqual(['index', 'retentionYears']);
  });

  it('no token → 401; a clerk on an admin route → 403; both problem+json', async () => {
    const anon = await apiClient(baseUrl, undefined, 'en').get<Problem>('/api/v1/departments');
    expect(anon.status).toBe(401);
    expect(anon.body.code).toBe('unauthenticated');
    const garbage = await apiClient(baseUrl, 'abc.def.ghi', 'en').get<Problem>('/api/v1/departments');
    expect(garbage.status).toBe(401);
    const clerk = await apiClient(baseUrl, clerkToken, 'en').post<Problem>('/api/v1/departments', {
      name: { az: 'X' },
      code: `C${uniq()}`,
    });
    expect(clerk.status).toBe(403);
    expect((await apiClient(baseUrl, clerkToken).get('/api/v1/departments')).status).toBe(200);
  });
});

describe('concurrency and retries', () => {
  it('a stale version → 409 and the newer write stays', async () => {
    const api = apiClient(baseUrl, token, 'en');
    const created = await api.post<Item>('/api/v1/departments', {
      name: { az: 'Versiya' },
      code: `S${uniq()}`,
    });
    expect(created.status).toBe(201);
    const path = `/api/v1/departments/${created.body.id}`;
    const first = await api.put<Item>(path, { name: { az: 'Birinci' }, code: created.body.code, version: 1 });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await api.put<Problem>(path, {
      name: { az: 'Köhnə' },
      code: created.body.code,
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    const now = await api.get<{ name: { az: string }; version: number }>(path);
    expect(now.body.name.az).toBe('Birinci');
    expect(now.body.version).toBe(2);
  });

  it('a duplicate code → 409 naming the field', async () => {
    const api = apiClient(baseUrl, token, 'en');
    const code = `D${uniq()}`;
    expect((await api.post('/api/v1/departments', { name: { az: 'Bir' }, code })).status).toBe(201);
    const dup = await api.post<Problem>('/api/v1/departments', {
      name: { az: 'İki' },
      code: code.toLowerCase(),
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('duplicate_value');
    expect(dup.body.errors?.[0]?.path).toBe('code');
    expect((await departmentCodes()).filter((c) => c.toLowerCase() === code.toLowerCase())).toHaveLength(1);
  });

  it('the same Idempotency-Key replays the first create; another body with it → 409', async () => {
    const api = apiClient(baseUrl, token, 'en');
    const key = `key-${uniq()}-${uniq()}`;
    const body = { name: { az: 'Təkrar' }, code: `I${uniq()}` };
    const [one, two] = await Promise.all([
      api.post<Item>('/api/v1/departments', body, { 'idempotency-key': key }),
      api.post<Item>('/api/v1/departments', body, { 'idempotency-key': key }),
    ]);
    const ok = [one, two].filter((r) => r.status === 201);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    const three = await api.post<Item>('/api/v1/departments', body, { 'idempotency-key': key });
    expect(three.status).toBe(201);
    expect(three.body.id).toBe(ok[0]?.body.id);
    expect((await departmentCodes()).filter((c) => c === body.code)).toHaveLength(1);
    const other = await api.post<Problem>(
      '/api/v1/departments',
      { ...body, code: `O${uniq()}` },
      { 'idempotency-key': key },
    );
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('idempotency_key_reused');
  });

  it('a department cannot become its own ancestor', async () => {
    const api = apiClient(baseUrl, token, 'en');
    const parent = await api.post<Item>('/api/v1/departments', { name: { az: 'Ata' }, code: `P${uniq()}` });
    const child = await api.post<Item>('/api/v1/departments', {
      name: { az: 'Övlad' },
      code: `K${uniq()}`,
      parentId: parent.body.id,
    });
    const cycle = await api.put<Problem>(`/api/v1/departments/${parent.body.id}`, {
      name: { az: 'Ata' },
      code: parent.body.code,
      parentId: child.body.id,
      version: parent.body.version,
    });
    expect(cycle.status).toBe(422);
    expect(cycle.body.code).toBe('tree_cycle');
  });
});

describe('contract', () => {
  it('serves the OpenAPI 3.1 document', async () => {
    const res = await apiClient(baseUrl).get<{ openapi: string; paths: Record<string, unknown> }>(
      '/api/openapi.json',
    );
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toContain('/api/v1/departments/{id}');
  });

  it('unknown API paths are problem+json 404', async () => {
    const res = await apiClient(baseUrl, undefined, 'en').get<Problem>('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('route_not_found');
  });
});
