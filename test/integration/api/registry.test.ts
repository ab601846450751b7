import { beforeAll, describe, expect, inject, it } from 'vitest';
import { registryPersons } from '../../../infra/local/seed/data/registry';
import { apiClient, tokenFor, type Problem } from '../../support/api';

const baseUrl = inject('baseUrl');
const PERSON = '/api/v1/citizen-registries/persons';
const ORG = '/api/v1/citizen-registries/organizations';
const tokens: Record<string, string> = {};

beforeAll(async () => {
  for (const user of ['clerk', 'head', 'admin', 'controller', 'executor1', 'admin2'])
    tokens[user] = await tokenFor(baseUrl, user);
});

describe('registry look-ups (FİN / VÖEN)', () => {
  it('finds a person by FİN, in any case', async () => {
    const api = apiClient(baseUrl, tokens.clerk);

    const res = await api.get(`${PERSON}/5ZK7QH2`);
    const lower = await api.get(`${PERSON}/${encodeURIComponent(' 5zk7qh2 ')}`);

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    // The seeded record, every field as loaded into the embedded registry.
    expect(res.body).toEqual(registryPersons.find((p) => p.fin === '5ZK7QH2'));
    expect(res.body).toMatchObject({ surname: 'Məmmədova', name: 'Aysel' });
    expect(lower.status).toBe(200);
    expect(lower.body).toEqual(res.body);
  });

  it('finds an organization by VÖEN', async () => {
    const res = await apiClient(baseUrl, tokens.clerk).get(`${ORG}/1400057421`);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      voen: '1400057421',
      name: '"Xəzər Logistika" MMC',
      legalForm: 'llc',
      address: 'Bakı şəhəri, Xətai rayonu, Nobel prospekti, ev 61',
      director: 'Məmmədova Aysel Elçin qızı',
      phone: '+994120003001',
      email: 'info@xazar-logistika.example.com',
      registeredAt: '2014-03-12',
    });
  });

  it('omits absent optional fields (an individual entrepreneur without e-mail)', async () => {
    const res = await apiClient(baseUrl, tokens.clerk).get(`${ORG}/1810332392`);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ legalForm: 'individual-entrepreneur', name: 'Quliyev Ramil Əli oğlu' });
    expect(res.body).not.toHaveProperty('email');
  });

  it('answers a malformed FİN or VÖEN with a localized 400 problem on the field', async () => {
    const expected = {
      az: ['Sorğu parametrləri yanlışdır', 'Dəyərin formatı yanlışdır'],
      en: ['The request parameters are not valid', 'The value has the wrong format'],
      ru: ['Параметры запроса неверны', 'Неверный формат значения'],
    };
    for (const [lang, [title, message]] of Object.entries(expected)) {
      const api = apiClient(baseUrl, tokens.clerk, lang);
      for (const [path, field] of [
        [`${PERSON}/5ZK7QH`, 'fin'],
        [`${PERSON}/5ZK-QH2`, 'fin'],
        [`${ORG}/140005742`, 'voen'],
        [`${ORG}/14000574X1`, 'voen'],
      ] as const) {
        const res = await api.get<Problem>(path);
        expect(res.status, path).toBe(400);
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(res.body).toMatchObject({ status: 400, code: 'invalid_request', title });
        expect(res.body.errors, path).toEqual([{ path: field, code: 'invalid_format', message }]);
      }
    }
  });

  it('answers 404 for identifiers that are well formed but unknown', async () => {
    const api = apiClient(baseUrl, tokens.clerk, 'en');

    const person = await api.get<Problem>(`${PERSON}/ZZZZZZ9`);
    const org = await api.get<Problem>(`${ORG}/9999999991`);

    for (const res of [person, org]) {
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'not_found', title: 'The requested object was not found' });
    }
  });

  it('lets clerks, heads, admins and controllers look up; others get 403; no token 401', async () => {
    for (const user of ['clerk', 'head', 'admin', 'controller']) {
      const api = apiClient(baseUrl, tokens[user]);
      expect((await api.get(`${PERSON}/5ZK7QH2`)).status, user).toBe(200);
      expect((await api.get(`${ORG}/1400057421`)).status, user).toBe(200);
    }

    const executor = apiClient(baseUrl, tokens.executor1, 'en');
    const person = await executor.get<Problem>(`${PERSON}/5ZK7QH2`);
    const org = await executor.get<Problem>(`${ORG}/1400057421`);
    const anonymous = await apiClient(baseUrl).get<Problem>(`${PERSON}/5ZK7QH2`);

    for (const res of [person, org]) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden');
      expect(JSON.stringify(res.body)).not.toContain('Məmmədova');
    }
    expect(anonymous.status).toBe(401);
  });

  it('serves the same global registry to every tenant', async () => {
    const a = await apiClient(baseUrl, tokens.clerk).get(`${ORG}/1400057421`);
    const b = await apiClient(baseUrl, tokens.admin2).get(`${ORG}/1400057421`);

    expect(b.status).toBe(200);
    expect(b.body).toEqual(a.body);
  });
});
