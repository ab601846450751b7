import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Api } from '../../support/api';
import { as, citizenIncoming, lookups, unique, type Doc, type Lookups, type Problem } from './helpers';

const baseUrl = inject('baseUrl');
let clerk: Api;
let ref: Lookups;

beforeAll(async () => {
  clerk = await as(baseUrl, 'clerk');
  ref = await lookups(clerk);
});

describe('incoming registration', () => {
  it("numbers a citizen's appeal from the citizens' appeals journal (the agency's rules) and logs the registration", async () => {
    const res = await clerk.post<Doc>(
      '/api/v1/documents/incoming',
      citizenIncoming(unique('Torpaq sahəsi barədə ərizə')),
    );

    expect(res.status).toBe(201);
    const doc = res.body;
    expect(doc.status).toBe('registered');
    expect(doc.registration?.journalId).toBe(ref.journals.get('citizens'));
    expect(doc.registration?.number).toMatch(/^Ə-\d+\/\d{2}$/);
    const card = await clerk.get<Doc>(`/api/v1/documents/${doc.id}`);
    expect(card.body.allowedOperations).toContain('update');
    expect(card.body.allowedOperations).not.toContain('send');
    const ops = await clerk.get<{ items: Array<{ action: string; actorId: string; changes: unknown[] }> }>(
      `/api/v1/documents/${doc.id}/operations`,
    );
    expect(ops.body.items.map((o) => o.action)).toEqual(['register']);
    expect(ops.body.items[0]?.actorId).toBe(ref.employee.get('clerk'));
  });

  it('logs the changed values of an update and refuses a stale version with 409', async () => {
    const created = (await clerk.post<Doc>('/api/v1/documents/incoming', citizenIncoming(unique('Ərizə'))))
      .body;
    const body = { ...citizenIncoming('Dəyişdirilmiş məzmun'), version: created.version, note: 'qeyd' };

    const updated = await clerk.put<Doc>(`/api/v1/documents/incoming/${created.id}`, body);
    const stale = await clerk.put<Problem>(`/api/v1/documents/incoming/${created.id}`, {
      ...body,
      summary: 'X',
    });

    expect(updated.status).toBe(200);
    expect(updated.body.version).toBe(created.version + 1);
    expect(updated.body.registration?.number).toBe(created.registration?.number);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    const ops = await clerk.get<{
      items: Array<{ action: string; changes: Array<{ field: string; before?: unknown; after?: unknown }> }>;
    }>(`/api/v1/documents/${created.id}/operations`);
    const update = ops.body.items.find((o) => o.action === 'update');
    expect(update?.changes).toEqual(
      expect.arrayContaining([
        { field: 'summary', before: created.summary, after: 'Dəyişdirilmiş məzmun' },
        { field: 'note', after: 'qeyd' },
      ]),
    );
    expect((await clerk.get<Doc>(`/api/v1/documents/${created.id}`)).body.summary).toBe(
      'Dəyişdirilmiş məzmun',
    );
  });

  it('refuses an operation the status forbids with 409 naming the status, and changes nothing', async () => {
    const doc = (await clerk.post<Doc>('/api/v1/documents/incoming', citizenIncoming(unique('Şikayət'))))
      .body;
    const cancelled = await clerk.post<Doc>(`/api/v1/documents/${doc.id}/operations/cancel`, {
      version: doc.version,
    });
    expect(cancelled.status).toBe(200);

    const archive = await clerk.post<Problem>(`/api/v1/documents/${doc.id}/operations/archive`, {
      version: cancelled.body.version,
    });
    const edit = await clerk.put<Problem>(`/api/v1/documents/incoming/${doc.id}`, {
      ...citizenIncoming('Yeni'),
      version: cancelled.body.version,
    });
    const en = await (
      await as(baseUrl, 'clerk', 'en')
    ).post<Problem>(`/api/v1/documents/${doc.id}/operations/archive`, { version: cancelled.body.version });

    expect(archive.status).toBe(409);
    expect(archive.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(archive.body.code).toBe('operation_not_allowed');
    expect(archive.body.status).toBe(409);
    expect(JSON.stringify(archive.body)).toContain('cancelled');
    expect(edit.status).toBe(409);
    expect(en.body.title).not.toBe(archive.body.title);
    const after = await clerk.get<Doc>(`/api/v1/documents/${doc.id}`);
    expect(after.body.version).toBe(cancelled.body.version);
    expect(after.body.status).toBe('cancelled');
    expect(after.body.summary).toBe(doc.summary);
  });

  it('shows a reply link on both cards', async () => {
    const incoming = (await clerk.post<Doc>('/api/v1/documents/incoming', citizenIncoming(unique('Sorğu'))))
      .body;
    const outgoing = await clerk.post<Doc>('/api/v1/documents/outgoing', {
      summary: 'Sorğuya cavab',
      signatoryId: ref.employee.get('head'),
      recipients: [{ name: 'Aysel Məmmədova', email: 'aysel@example.com' }],
      inReplyTo: incoming.id,
    });
    expect(outgoing.status).toBe(201);

    const fromReply = await clerk.get<{
      items: Array<{ type: string; direction: string; document: { id: string } }>;
    }>(`/api/v1/documents/${outgoing.body.id}/links`);
    const fromOriginal = await clerk.get<{
      items: Array<{ type: string; direction: string; document: { id: string } }>;
    }>(`/api/v1/documents/${incoming.id}/links`);
    expect(fromReply.body.items).toEqual([
      expect.objectContaining({
        type: 'reply',
        direction: 'out',
        document: expect.objectContaining({ id: incoming.id }),
      }),
    ]);
    expect(fromOriginal.body.items).toEqual([
      expect.objectContaining({
        type: 'reply',
        direction: 'in',
        document: expect.objectContaining({ id: outgoing.body.id }),
      }),
    ]);
    const originalOps = await clerk.get<{ items: Array<{ action: string }> }>(
      `/api/v1/documents/${incoming.id}/operations`,
    );
    expect(originalOps.body.items.map((o) => o.action)).toContain('link');
  });

  it('offers earlier appeals of the same applicant as repeat candidates', async () => {
    const summary = unique('Mənzil növbəsinə yazılma barədə ərizə');
    const first = (await clerk.post<Doc>('/api/v1/documents/incoming', citizenIncoming(summary))).body;

    const res = await clerk.post<{ items: Array<{ document: { id: string }; reasons: string[] }> }>(
      '/api/v1/documents/incoming/repeat-candidates',
      { sender: { kind: 'citizen', name: 'Aysel Məmmədova', fin: '5ZK7QH2' }, summary },
    );

    expect(res.status).toBe(200);
    const hit = res.body.items.find((i) => i.document.id === first.id);
    expect(hit?.reasons).toEqual(expect.arrayContaining(['same_fin', 'similar_summary']));
    const repeat = await clerk.post<Doc>(
      '/api/v1/documents/incoming',
      citizenIncoming(summary, { repeatOf: first.id }),
    );
    expect(repeat.status).toBe(201);
    const links = await clerk.get<{ items: Array<{ type: string; document: { id: string } }> }>(
      `/api/v1/documents/${first.id}/links`,
    );
    expect(links.body.items).toContainEqual(
      expect.objectContaining({ type: 'repeat', document: expect.objectContaining({ id: repeat.body.id }) }),
    );
  });

  it('hides a document from an employee who takes no part in it (404)', async () => {
    const doc = (await clerk.post<Doc>('/api/v1/documents/incoming', citizenIncoming(unique('Məxfi')))).body;
    const executor = await as(baseUrl, 'executor2');

    const res = await executor.get<Problem>(`/api/v1/documents/${doc.id}`);

    expect(res.status).toBe(404);
  });
});

describe('internal documents and orders', () => {
  it('an internal document is numbered when registered and then signed', async () => {
    const author = await as(baseUrl, 'executor1');
    const draft = await author.post<Doc>('/api/v1/documents/internal', {
      summary: unique('Xidməti qeyd'),
      executionCharacter: 'information',
      signatoryId: ref.employee.get('head'),
    });
    expect(draft.status).toBe(201);
    expect(draft.body.status).toBe('draft');
    expect(draft.body.registration).toBeUndefined();

    const registered = await author.post<Doc>(`/api/v1/documents/${draft.body.id}/operations/register`, {
      version: draft.body.version,
    });
    const authorCard = await author.get<Doc>(`/api/v1/documents/${draft.body.id}`);
    const headCard = await (await as(baseUrl, 'head')).get<Doc>(`/api/v1/documents/${draft.body.id}`);
    const bySomeoneElse = await author.post<Problem>(`/api/v1/documents/${draft.body.id}/operations/sign`, {
      version: registered.body.version,
    });
    const signed = await (
      await as(baseUrl, 'head')
    ).post<Doc>(`/api/v1/documents/${draft.body.id}/operations/sign`, { version: registered.body.version });

    expect(authorCard.body.allowedOperations).not.toContain('sign');
    expect(headCard.body.allowedOperations).toContain('sign');
    expect(registered.status).toBe(200);
    expect(registered.body.status).toBe('registered');
    expect(registered.body.registration?.journalId).toBe(ref.journals.get('internal'));
    expect(bySomeoneElse.status).toBe(403);
    expect(signed.status).toBe(200);
    expect(signed.body.status).toBe('signed');
  });

  it('an order goes draft → agreement → agreed → signed (numbered) → in force → cancelled', async () => {
    const author = await as(baseUrl, 'clerk');
    const head = await as(baseUrl, 'head');
    const draft = (
      await author.post<Doc>('/api/v1/documents/order', {
        summary: unique('Əmr'),
        category: 'order',
        signatoryId: ref.employee.get('head'),
        journalId: ref.journals.get('orders-main'),
      })
    ).body;
    const step = async (api: Api, op: string, version: number, extra: Record<string, unknown> = {}) => {
      const res = await api.post<Doc>(`/api/v1/documents/${draft.id}/operations/${op}`, {
        version,
        ...extra,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };
    const submitted = await step(author, 'submit', draft.version);
    const agreed = await step(head, 'agree', submitted.version);
    const signed = await step(head, 'sign', agreed.version);
    const inForce = await step(author, 'enact', signed.version, { effectiveDate: '2026-12-01' });
    const noReason = await author.post<Problem>(`/api/v1/documents/${draft.id}/operations/cancel`, {
      version: inForce.version,
    });
    const cancelled = await step(author, 'cancel', inForce.version, { comment: 'Yeni əmrlə əvəz olunub' });

    expect(submitted.status).toBe('in-agreement');
    expect(signed.registration?.number).toMatch(/^\d+$/);
    expect(inForce.status).toBe('in-force');
    expect(noReason.status).toBe(422);
    expect(cancelled.status).toBe('cancelled');
  });

  it('lists filter on signatory, author and order category', async () => {
    const author = await as(baseUrl, 'executor3');
    const mine = (await author.post<Doc>('/api/v1/documents/internal', { summary: unique('Müəllif filtri') }))
      .body;
    const directive = (
      await clerk.post<Doc>('/api/v1/documents/order', { summary: unique('Sərəncam'), category: 'directive' })
    ).body;
    const ids = async (query: string) =>
      (await clerk.get<{ items: Doc[] }>(`/api/v1/documents?${query}&limit=100`)).body.items.map((d) => d.id);

    expect(await ids(`kind=internal&authorId=${ref.employee.get('executor3')}`)).toEqual([mine.id]);
    expect(await ids('kind=order&category=directive')).toContain(directive.id);
    expect(await ids('kind=order&category=alco')).not.toContain(directive.id);
    const signed = await ids(`kind=outgoing&signatoryId=${ref.employee.get('head')}`);
    const other = await ids(`kind=outgoing&signatoryId=${ref.employee.get('deputy')}`);
    expect(signed.length).toBeGreaterThan(0);
    expect(other.filter((id) => signed.includes(id))).toEqual([]);
  });
});
