import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Api, Problem } from '../../support/api';
import { as } from '../documents/helpers';

// Tree lists (classifications, regions) load whole in one request; flat lists page by 100.
const baseUrl = inject('baseUrl');
let clerk: Api;

type Page = { items: Array<{ id: string; parentId?: string }>; nextCursor?: string };

async function pagedBy100(path: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const res = await clerk.get<Page>(
      `${path}?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(res.status).toBe(200);
    ids.push(...res.body.items.map((i) => i.id));
    cursor = res.body.nextCursor;
  } while (cursor);
  return ids;
}

beforeAll(async () => {
  clerk = await as(baseUrl, 'clerk');
});

describe('tree lists load whole', () => {
  it('GET /reference/regions?limit=1000 answers the whole tree in one page', async () => {
    const whole = await clerk.get<Page>('/api/v1/reference/regions?limit=1000');
    expect(whole.status, JSON.stringify(whole.body)).toBe(200);
    expect(whole.body.nextCursor).toBeUndefined();
    expect(whole.body.items.map((i) => i.id)).toEqual(await pagedBy100('/api/v1/reference/regions'));
    // A tree: children name parents of the same answer.
    const ids = new Set(whole.body.items.map((i) => i.id));
    expect(whole.body.items.some((i) => i.parentId)).toBe(true);
    expect(whole.body.items.every((i) => !i.parentId || ids.has(i.parentId))).toBe(true);
    const classifications = await clerk.get<Page>('/api/v1/reference/classifications?limit=2000');
    expect(classifications.status).toBe(200);
  });

  it('a flat list refuses a page over 100, localized, and the tree bound holds', async () => {
    const flat = await (
      await as(baseUrl, 'clerk', 'ru')
    ).get<Problem>('/api/v1/reference/counterparts?limit=1000');
    expect(flat.status).toBe(400);
    expect(flat.body.errors).toEqual([
      { path: 'limit', code: 'too_big', message: expect.stringMatching(/100/) },
    ]);
    expect(flat.body.errors?.[0]?.message).toMatch(/[А-Яа-я]/);
    const tooBig = await clerk.get<Problem>('/api/v1/reference/regions?limit=5000');
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.errors?.[0]).toMatchObject({ path: 'limit', code: 'too_big' });
  });
});
