import { beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../support/api';
import { advanceClock } from '../../support/clock';
import { eventually } from '../../support/eventually';
import { ownEmbedded } from '../../support/own-embedded';
import { as, citizenIncoming, lookups, unique, type Doc, type Lookups } from '../documents/helpers';

// Dərkənar gözləyənlər on an embedded default of its own (the test moves its clock): letters
// addressed to the agency head wait in the head's list, held by the deputy on the head's behalf
// while the demo substitution (head → deputy, from 7 days before the seed day to 14 days after)
// lasts, and back with the head after it; a resolution, a cancellation or a new addressee takes
// a letter out of the list.
const embedded = ownEmbedded();
let clerk: Api;
let head: Api;
let deputy: Api;
let approver: Api;
let ref: Lookups;

type Page = {
  items: Array<{ document: Doc; line: { box: string; onBehalfOf?: string; open: boolean } }>;
};
type Operation = { action: string; actorId: string; onBehalfOf?: string };

const emp = (username: string) => ref.employee.get(username)!;

async function waiting(api: Api, query = ''): Promise<Page['items']> {
  const res = await api.get<Page>(`/api/v1/inbox/awaiting-resolution?limit=100${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items;
}
const has = (items: Page['items'], id: string) => items.find((i) => i.document.id === id);

async function register(summary: string, addressee = 'head'): Promise<Doc> {
  const res = await clerk.post<Doc>(
    '/api/v1/documents/incoming',
    citizenIncoming(summary, { addresseeId: emp(addressee) }),
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function resolve(api: Api, doc: Doc) {
  const current = await api.get<Doc>(`/api/v1/documents/${doc.id}`);
  const res = await api.post<Doc>(`/api/v1/documents/${doc.id}/resolutions`, {
    version: current.body.version,
    text: 'Cavab hazırlansın',
    executors: [{ employeeId: emp('executor1') }],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

beforeAll(async () => {
  clerk = await as(embedded.baseUrl, 'clerk');
  head = await as(embedded.baseUrl, 'head');
  deputy = await as(embedded.baseUrl, 'deputy');
  approver = await as(embedded.baseUrl, 'approver');
  ref = await lookups(clerk);
});

describe('the head’s letters awaiting resolution', () => {
  it('the head’s substitute sees the waiting documents during the substitution and not after', async () => {
    // During the substitution: the deputy holds the letters on the head's behalf.
    const kept = await register(unique('Dərkənar gözləyən'));
    const resolved = await register(unique('Dərkənar gözləyən'));
    const cancelled = await register(unique('Dərkənar gözləyən'));
    const readdressed = await register(unique('Dərkənar gözləyən'));
    const held = await waiting(deputy);
    for (const doc of [kept, resolved, cancelled, readdressed])
      expect(has(held, doc.id)?.line.onBehalfOf).toBe(emp('head'));
    expect(has(await waiting(head), kept.id)).toBeUndefined();
    // Etdiklərim promises everything addressed to the head: it is there from registration.
    const mine = await head.get<Page>('/api/v1/inbox/mine?limit=100');
    expect(has(mine.body.items, kept.id)).toBeDefined();
    // The filter row of the registration lists applies.
    const bySummary = await waiting(deputy, `&summary=${encodeURIComponent(kept.summary)}`);
    expect(bySummary.map((i) => i.document.id)).toEqual([kept.id]);

    // A resolution (by the substitute, logged on the head's behalf), a cancellation and a new
    // addressee take letters out of the list.
    await resolve(deputy, resolved);
    const cancel = await clerk.post<Doc>(`/api/v1/documents/${cancelled.id}/operations/cancel`, {
      version: cancelled.version,
    });
    expect(cancel.status, JSON.stringify(cancel.body)).toBe(200);
    const moved = await clerk.put<Doc>(`/api/v1/documents/incoming/${readdressed.id}`, {
      ...citizenIncoming(readdressed.summary, { addresseeId: emp('approver') }),
      version: readdressed.version,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const after = await waiting(deputy);
    expect(has(after, kept.id)).toBeDefined();
    for (const doc of [resolved, cancelled, readdressed]) expect(has(after, doc.id)).toBeUndefined();
    expect(has(await waiting(approver), readdressed.id)?.line.onBehalfOf).toBeUndefined();
    const log = await clerk.get<{ items: Operation[] }>(
      `/api/v1/documents/${resolved.id}/operations?limit=50`,
    );
    expect(log.body.items.find((o) => o.action === 'resolution')).toMatchObject({
      actorId: emp('deputy'),
      onBehalfOf: emp('head'),
    });

    // After the substitution's last day the waiting letter is the head's again, and not the deputy's.
    await advanceClock(embedded.baseUrl, 16 * 86_400_000);
    const back = await eventually(async () => {
      const line = has(await waiting(head), kept.id);
      return line && !line.line.onBehalfOf ? line : undefined;
    }, 'the waiting letter back with the head');
    expect(back.line.open).toBe(true);
    expect(has(await waiting(deputy), kept.id)).toBeUndefined();
    // A letter registered now goes to the head directly.
    const later = await register(unique('Dərkənar gözləyən'));
    expect(has(await waiting(head), later.id)?.line.onBehalfOf).toBeUndefined();
    expect(has(await waiting(deputy), later.id)).toBeUndefined();

    // The head's own resolution ends the wait.
    await resolve(head, kept);
    expect(has(await waiting(head), kept.id)).toBeUndefined();
    expect(has(await waiting(head), later.id)).toBeDefined();
  });
});
