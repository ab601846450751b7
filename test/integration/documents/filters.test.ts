import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient, tokenFor, type Api } from '../../support/api';
import { advanceClockTo, clockNow } from '../../support/clock';
import { ownEmbedded } from '../../support/own-embedded';
import type { Doc, Problem } from './helpers';

// Registrations placed around Baku midnights (UTC+4): one minute before and after a month's end and
// a year's end. A filter that used UTC, or months counted from 0, would put them on the wrong side.
// The year is the one after the embedded clock's (whatever date the suite runs on, or the clock
// starts at), so every instant lies ahead of the clock, which only moves forward.
const embedded = ownEmbedded();
let clerk: Api;
const docs: Record<string, Doc> = {};
let Y = 0;
let Y1 = 0;

async function moveClockTo(iso: string) {
  expect(Date.parse(iso)).toBeGreaterThan(Date.parse(await clockNow(embedded.baseUrl)));
  await advanceClockTo(embedded.baseUrl, iso);
}

async function register(name: string, at: string, extra: Record<string, unknown> = {}) {
  await moveClockTo(at);
  const res = await clerk.post<Doc>('/api/v1/documents/incoming', {
    sender: { kind: 'citizen', name: `Vətəndaş ${name}` },
    summary: `Sınaq ${name}`,
    ...extra,
  });
  expect(res.status).toBe(201);
  docs[name] = res.body;
}

async function ids(query: string): Promise<string[]> {
  const res = await clerk.get<{ items: Doc[] }>(`/api/v1/documents?kind=incoming&limit=100&${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const names = Object.entries(docs)
    .filter(([, d]) => res.body.items.some((i) => i.id === d.id))
    .map(([n]) => n);
  return names.sort();
}

beforeAll(async () => {
  clerk = apiClient(embedded.baseUrl, await tokenFor(embedded.baseUrl, 'clerk'));
  // The Baku year of the clock's now, plus one.
  Y = new Date(Date.parse(await clockNow(embedded.baseUrl)) + 4 * 3600_000).getUTCFullYear() + 1;
  Y1 = Y + 1;
  await register('nov30', `${Y}-11-30T19:59:00Z`, {
    documentDate: `${Y}-11-30`,
    documentNumber: 'AB-77',
    summary: 'Torpaq sahəsi barədə ƏRİZƏ',
  });
  await register('dec01', `${Y}-11-30T20:01:00Z`, { documentDate: `${Y}-12-01` });
  await register('dec31', `${Y}-12-31T19:59:00Z`);
  await register('jan01', `${Y}-12-31T20:01:00Z`);
});

describe('the filter row of the incoming list (Asia/Baku)', () => {
  it('exact day dd.MM.yyyy', async () => {
    expect(await ids(`registered=30.11.${Y}`)).toEqual(['nov30']);
    expect(await ids(`registered=01.12.${Y}`)).toEqual(['dec01']);
    expect(await ids(`registered=1.12.${Y}`)).toEqual(['dec01']);
  });

  it('month MM.yyyy and *.MM.yyyy and the brochure form *dd.MM.yyyy', async () => {
    expect(await ids(`registered=11.${Y}`)).toEqual(['nov30']);
    expect(await ids(`registered=12.${Y}`)).toEqual(['dec01', 'dec31']);
    expect(await ids(`registered=${encodeURIComponent(`*.12.${Y}`)}`)).toEqual(['dec01', 'dec31']);
    expect(await ids(`registered=${encodeURIComponent(`*03.11.${Y}`)}`)).toEqual(['nov30']);
    expect(await ids(`registered=01.${Y1}`)).toEqual(['jan01']);
  });

  it('year yyyy and ranges', async () => {
    expect(await ids(`registered=${Y}`)).toEqual(['dec01', 'dec31', 'nov30']);
    expect(await ids(`registered=${Y1}`)).toEqual(['jan01']);
    expect(await ids(`registered=${encodeURIComponent(`30.11.${Y}-01.12.${Y}`)}`)).toEqual([
      'dec01',
      'nov30',
    ]);
    expect(await ids(`registered=${encodeURIComponent(`12.${Y}-`)}`)).toEqual(['dec01', 'dec31', 'jan01']);
  });

  it('numbers restart with the Baku year, not the UTC one', async () => {
    expect(docs.jan01?.registration?.year).toBe(Y1);
    expect(docs.jan01?.registration?.seq).toBe(1);
    expect(docs.dec31?.registration?.year).toBe(Y);
    expect(docs.dec31?.registration?.seq).toBe(3);
  });

  it('sorts by registration time both ways', async () => {
    const asc = await clerk.get<{ items: Doc[] }>('/api/v1/documents?kind=incoming&order=asc');
    const desc = await clerk.get<{ items: Doc[] }>('/api/v1/documents?kind=incoming&order=desc');
    expect(asc.body.items.map((d) => d.id)).toEqual(
      [docs.nov30, docs.dec01, docs.dec31, docs.jan01].map((d) => d?.id),
    );
    expect(desc.body.items.map((d) => d.id)).toEqual(asc.body.items.map((d) => d.id).reverse());
  });

  it('pages with a cursor, never repeating or skipping a row', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await clerk.get<{ items: Doc[]; nextCursor?: string }>(
        `/api/v1/documents?kind=incoming&limit=1&order=asc${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      seen.push(...res.body.items.map((d) => d.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([docs.nov30, docs.dec01, docs.dec31, docs.jan01].map((d) => d?.id));
  });

  it("the sender's document date, number, text contains (Azerbaijani letters folded) and status", async () => {
    expect(await ids(`documentDate=11.${Y}`)).toEqual(['nov30']);
    expect(await ids(`documentDate=01.12.${Y}`)).toEqual(['dec01']);
    expect(await ids('documentNumber=AB-77')).toEqual(['nov30']);
    expect(await ids(`summary=${encodeURIComponent('ərizə')}`)).toEqual(['nov30']);
    expect(await ids(`summary=${encodeURIComponent('TORPAQ SAHƏSİ')}`)).toEqual(['nov30']);
    expect(await ids(`party=${encodeURIComponent('vətəndaş dec')}`)).toEqual(['dec01', 'dec31']);
    expect(await ids(`number=${encodeURIComponent(docs.dec01!.registration!.number)}`)).toEqual(['dec01']);
    expect(await ids('status=registered')).toEqual(['dec01', 'dec31', 'jan01', 'nov30']);
    expect(await ids('status=archived,cancelled')).toEqual([]);
  });

  it('refuses a malformed date with a localized 400 naming the field', async () => {
    for (const value of [`31.02.${Y}`, `13.${Y}`, 'noyabr', `${Y}-11-01`]) {
      const res = await clerk.get<Problem>(
        `/api/v1/documents?kind=incoming&registered=${encodeURIComponent(value)}`,
      );
      expect(res.status, value).toBe(400);
      expect(res.body.errors?.[0]).toMatchObject({ path: 'registered', code: 'invalid_date_filter' });
    }
    const unknownStatus = await clerk.get<Problem>('/api/v1/documents?kind=incoming&status=lost');
    expect(unknownStatus.status).toBe(400);
  });
});
