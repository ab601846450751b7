import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { socialAssistanceDefinition, type ServiceDefinition } from '../../../functions/modules/eservices';
import { apiClient, tokenFor, type Api, type Problem } from '../../support/api';

// E-service definitions and the public catalogue against the shared embedded default: an admin of
// demo1 defines services with codes of their own (other files use the same agency), the catalogue
// is read without a token. The seeded e-visa and social assistance are only read.
const baseUrl = inject('baseUrl');

type Version = { version: number; state: string; definition: ServiceDefinition };
type Service = {
  id: string;
  code: string;
  version: number;
  draftVersion?: number;
  latestVersion: number;
  published?: { version: number };
  versions: Version[];
};
type Entry = {
  agency: string;
  code: string;
  version: number;
  name: Record<string, string>;
  variants: Array<{
    code: string;
    fee: { amount: number; currency: string };
    level: Record<string, unknown>;
  }>;
};
type Detail = Entry & { form: { common: Array<{ code: string }>; applicant: Array<{ code: string }> } };

const ADMIN = '/api/v1/eservices';
const CATALOGUE = '/api/public/v1/agencies';

let admin: Api;
let adminEn: Api;
let adminRu: Api;
let clerk: Api;
/** A route template of the demo agency for incoming documents: publishing checks the one a definition names. */
let templateId: string;
const visitor = apiClient(baseUrl);

beforeAll(async () => {
  const token = await tokenFor(baseUrl, 'admin');
  admin = apiClient(baseUrl, token);
  adminEn = apiClient(baseUrl, token, 'en');
  adminRu = apiClient(baseUrl, token, 'ru');
  clerk = apiClient(baseUrl, await tokenFor(baseUrl, 'clerk'));
  const templates = await admin.get<{ items: Array<{ id: string; kinds: string[] }> }>(
    '/api/v1/approval-route-templates',
  );
  expect(templates.status).toBe(200);
  templateId = templates.body.items.find((t) => t.kinds.includes('incoming'))!.id;
}, 120_000);

/** A valid definition with a code of its own, named `label` in every language. */
function definition(code: string, label: string): ServiceDefinition {
  const base = socialAssistanceDefinition({ routeTemplateId: templateId });
  return { ...base, code, name: { az: `${label} az`, en: `${label} en`, ru: `${label} ru` } };
}

const newCode = () => `test-${randomUUID().slice(0, 8)}`;

async function create(code: string, label = 'Birinci'): Promise<Service> {
  const res = await admin.post<Service>(ADMIN, definition(code, label), { 'Idempotency-Key': randomUUID() });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('e-service definitions', () => {
  it('creates, edits under its version, publishes; the catalogue shows the published version, never a later draft', async () => {
    const code = newCode();
    const created = await create(code);
    expect(created).toMatchObject({ code, draftVersion: 1, latestVersion: 1 });
    expect(created.published).toBeUndefined();
    expect(created.versions.map((v) => [v.version, v.state])).toEqual([[1, 'draft']]);

    // Not published yet: the catalogue does not know it.
    expect((await visitor.get(`${CATALOGUE}/demo1/services/${code}`)).status).toBe(404);

    const edited = await admin.put<Service>(`${ADMIN}/${code}/draft`, {
      version: created.version,
      definition: definition(code, 'İkinci'),
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.version).toBe(created.version + 1);
    expect(edited.body.versions[0]!.definition.name.en).toBe('İkinci en');

    // The version seen before the edit is stale: 409, and the draft keeps the edit.
    const stale = await admin.put<Problem>(`${ADMIN}/${code}/draft`, {
      version: created.version,
      definition: definition(code, 'Üçüncü'),
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    const stalePublish = await admin.post<Problem>(`${ADMIN}/${code}/draft/publish`, {
      version: created.version,
    });
    expect(stalePublish.status).toBe(409);
    expect(stalePublish.body.code).toBe('stale_version');

    const published = await admin.post<Service>(`${ADMIN}/${code}/draft/publish`, {
      version: edited.body.version,
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.draftVersion).toBeUndefined();
    expect(published.body.published?.version).toBe(1);
    expect(published.body.versions.map((v) => v.state)).toEqual(['published']);

    // A published version is never edited; there is no draft to publish.
    const noDraft = await adminEn.put<Problem>(`${ADMIN}/${code}/draft`, {
      version: published.body.version,
      definition: definition(code, 'Dördüncü'),
    });
    expect(noDraft.status).toBe(409);
    expect(noDraft.body).toMatchObject({
      code: 'service_no_draft',
      title: 'The service has no draft: start a new draft first',
    });

    // A new draft from the published version, then edited: the catalogue still shows version 1.
    const next = await admin.post<Service>(`${ADMIN}/${code}/drafts`, { version: published.body.version });
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    expect(next.body).toMatchObject({ draftVersion: 2, latestVersion: 2, published: { version: 1 } });
    expect(next.body.versions[1]!.definition.name.en).toBe('İkinci en');
    const second = await admin.post<Problem>(`${ADMIN}/${code}/drafts`, { version: next.body.version });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('service_draft_exists');
    const draft2 = await admin.put<Service>(`${ADMIN}/${code}/draft`, {
      version: next.body.version,
      definition: definition(code, 'Beşinci'),
    });
    expect(draft2.status).toBe(200);

    const shown = await visitor.get<Detail>(`${CATALOGUE}/demo1/services/${code}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ agency: 'demo1', code, version: 1, name: { en: 'İkinci en' } });
    const listed = await allCatalogue('demo1');
    expect(listed.find((e) => e.code === code)).toMatchObject({ version: 1, name: { az: 'İkinci az' } });

    // Published again: now version 2 is what the catalogue shows.
    const v2 = await admin.post<Service>(`${ADMIN}/${code}/draft/publish`, { version: draft2.body.version });
    expect(v2.status).toBe(200);
    expect((await visitor.get<Detail>(`${CATALOGUE}/demo1/services/${code}`)).body).toMatchObject({
      version: 2,
      name: { ru: 'Beşinci ru' },
    });
  });

  it('replays a create under the same Idempotency-Key and refuses a second service with the code', async () => {
    const code = newCode();
    const key = randomUUID();
    const first = await admin.post<Service>(ADMIN, definition(code, 'Bir'), { 'Idempotency-Key': key });
    const again = await admin.post<Service>(ADMIN, definition(code, 'Bir'), { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const duplicate = await admin.post<Problem>(ADMIN, definition(code, 'İki'), {
      'Idempotency-Key': randomUUID(),
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('duplicate_value');
    const listed = await admin.get<{ items: Service[] }>(`${ADMIN}?limit=100`);
    expect(listed.status).toBe(200);
  });

  it('refuses everyone but an admin', async () => {
    const code = newCode();
    expect(
      (await clerk.post<Problem>(ADMIN, definition(code, 'X'), { 'Idempotency-Key': randomUUID() })).status,
    ).toBe(403);
    expect((await clerk.get(ADMIN)).status).toBe(403);
    expect((await visitor.get(ADMIN)).status).toBe(401);
    expect((await admin.get(`${ADMIN}/${code}`)).status).toBe(404);
  });

  it('refuses to publish a draft naming a route template the agency does not have, and changes nothing', async () => {
    const code = newCode();
    const draft = { ...definition(code, 'Marşrutsuz'), route: { templateId: `missing-${randomUUID()}` } };
    const created = await admin.post<Service>(ADMIN, draft, { 'Idempotency-Key': randomUUID() });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const refused = await adminEn.post<Problem>(`${ADMIN}/${code}/draft/publish`, {
      version: created.body.version,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('unknown_reference');
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ path: 'definition.route.templateId', code: 'unknown_reference' }),
    ]);
    const after = await admin.get<Service>(`${ADMIN}/${code}`);
    expect(after.body).toMatchObject({ version: created.body.version, draftVersion: 1 });
    expect(after.body.published).toBeUndefined();
    expect((await visitor.get(`${CATALOGUE}/demo1/services/${code}`)).status).toBe(404);
  });

  it('keeps a service to its agency: another agency’s admin reaches nothing by its code', async () => {
    const code = newCode();
    const service = await create(code);
    const other = apiClient(baseUrl, await tokenFor(baseUrl, 'admin2'));
    expect((await other.get(`${ADMIN}/${code}`)).status).toBe(404);
    const v = { version: service.version };
    expect(
      (await other.put(`${ADMIN}/${code}/draft`, { ...v, definition: definition(code, 'B') })).status,
    ).toBe(404);
    expect((await other.post(`${ADMIN}/${code}/draft/publish`, v)).status).toBe(404);
    expect((await other.post(`${ADMIN}/${code}/drafts`, v)).status).toBe(404);
    const after = await admin.get<Service>(`${ADMIN}/${code}`);
    expect(after.body).toMatchObject({ version: service.version, draftVersion: 1 });
    expect(after.body.published).toBeUndefined();
  });

  it('answers a definition whose parts do not fit with a localized 422 and changes nothing', async () => {
    const code = newCode();
    const bad = { ...definition(code, 'Pis'), lookup: { field: 'noSuchField' } };
    const refused = await Promise.all(
      [admin, adminEn, adminRu].map((api) =>
        api.post<Problem>(ADMIN, bad, { 'Idempotency-Key': randomUUID() }),
      ),
    );
    for (const r of refused) {
      expect(r.status).toBe(422);
      expect(r.body.code).toBe('validation_failed');
      expect(r.body.errors?.some((e) => e.path === 'lookup.field')).toBe(true);
    }
    expect(new Set(refused.map((r) => r.body.title)).size).toBe(3);
    expect((await admin.get(`${ADMIN}/${code}`)).status).toBe(404);

    const service = await create(code);
    const badEdit = await adminEn.put<Problem>(`${ADMIN}/${code}/draft`, {
      version: service.version,
      definition: { ...definition(code, 'Pis'), variants: [] },
    });
    expect(badEdit.status).toBe(422);
    expect(badEdit.body.errors?.some((e) => e.path.startsWith('definition.variants'))).toBe(true);
    const renamed = await adminRu.put<Problem>(`${ADMIN}/${code}/draft`, {
      version: service.version,
      definition: definition(newCode(), 'Başqa'),
    });
    expect(renamed.status).toBe(422);
    expect(renamed.body).toMatchObject({
      code: 'service_code_mismatch',
      title: 'Код услуги не может меняться от версии к версии',
    });
    const after = await admin.get<Service>(`${ADMIN}/${code}`);
    expect(after.body.version).toBe(service.version);
    expect(after.body.versions).toEqual(service.versions);
  });
});

async function allCatalogue(agency: string): Promise<Entry[]> {
  const items: Entry[] = [];
  let cursor: string | undefined;
  do {
    const res = await visitor.get<{ items: Entry[]; nextCursor?: string }>(
      `${CATALOGUE}/${agency}/services?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

describe('the public catalogue', () => {
  it('shows the seeded e-visa and social assistance with their forms, variants and fees, nothing internal', async () => {
    const entries = await allCatalogue('demo1');
    const visa = entries.find((e) => e.code === 'e-visa');
    expect(visa?.variants.map((v) => [v.code, v.fee.amount, v.fee.currency])).toEqual([
      ['standard', 2000, 'USD'],
      ['urgent', 6000, 'USD'],
    ]);
    expect(entries.some((e) => e.code === 'social-assistance')).toBe(true);

    const detail = await visitor.get<Detail>(`${CATALOGUE}/demo1/services/e-visa`);
    expect(detail.status).toBe(200);
    expect(detail.body.form.applicant.map((f) => f.code)).toContain('passportNumber');
    expect(detail.body.name).toMatchObject({
      az: expect.any(String),
      en: expect.any(String),
      ru: expect.any(String),
    });
    const text = JSON.stringify(detail.body);
    for (const internal of ['templateId', 'route', 'draft', 'tenantId', 'decisionNotice', 'result'])
      expect(text).not.toContain(`"${internal}`);
    const social = await visitor.get<Detail>(`${CATALOGUE}/demo1/services/social-assistance`);
    expect(social.body.form.applicant.map((f) => f.code)).toContain('fin');

    // The seed is demo1's: the other demo agency has none.
    expect(await allCatalogue('demo2')).toEqual([]);
  });

  it('answers the same 404 for an unknown agency, an unknown service and an unpublished one', async () => {
    const code = newCode();
    await create(code);
    const answers = await Promise.all(
      [
        `${CATALOGUE}/demo1/services/${code}`,
        `${CATALOGUE}/demo1/services/no-such-service`,
        `${CATALOGUE}/no-such-agency/services/e-visa`,
        `${CATALOGUE}/no-such-agency/services`,
      ].map((path) => visitor.get<Problem>(path)),
    );
    for (const a of answers) expect(a.status).toBe(404);
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect((await allCatalogue('demo1')).some((e) => e.code === code)).toBe(false);
  });
});
