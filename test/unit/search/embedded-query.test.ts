import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchQuery, SearchViewer } from '../../../functions/modules/search';
import {
  createEmbeddedSearchIndex,
  type EmbeddedSearchIndex,
} from '../../../functions/modules/search/embedded';
import { BadRequestError } from '../../../functions/platform/kernel/errors';
import { registryViewer, searchDoc, searchQuery } from '../../support/search-docs';

let dir: string;
let index: EmbeddedSearchIndex;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'karguzar-search-'));
  index = createEmbeddedSearchIndex({ dir: join(dir, 'search') });
});
afterEach(async () => {
  await index.close();
  rmSync(dir, { recursive: true, force: true });
});

const ids = async (over: Partial<SearchQuery>) =>
  (await index.search(searchQuery(over))).hits.map((h) => h.id);

describe('embedded search: text', () => {
  beforeEach(async () => {
    await index.upsert([
      searchDoc({
        id: 'a',
        summary: 'Torpaq sahəsinin ayrılması haqqında ərizə',
        parties: ['Məmmədova Aygün'],
        registrationNumber: 'D-1/26',
        senderNumber: 'NK-1234/05',
        identifiers: ['5ZK3T7R'],
      }),
      searchDoc({
        id: 'b',
        summary: 'İSTANBUL səfəri barədə məktub',
        note: 'Təcili <baxılsın> & cavab',
        resolutions: ['İcraya götürülsün, IĞDIR şöbəsinə'],
        registrationNumber: 'D-10/26',
      }),
      searchDoc({
        id: 'c',
        summary: 'Hesabat',
        contentText: `${'giriş '.repeat(60)}yanğın təhlükəsizliyi ${'son '.repeat(60)}`,
      }),
    ]);
  });

  it('finds words of every searched field, with Turkic case and folding', async () => {
    expect(await ids({ text: 'ərizə' })).toEqual(['a']);
    expect(await ids({ text: 'mammadova' })).toEqual(['a']); // ə typed as a (the analysis's vowel class)
    expect(await ids({ text: 'hesabatlar' })).toEqual(['c']); // plural stemmed
    expect(await ids({ text: 'yanğınsöndürən' })).toEqual([]);
    expect(await ids({ text: 'MƏMMƏDOVA' })).toEqual(['a']);
    expect(await ids({ text: 'memmedova' })).toEqual(['a']);
    expect(await ids({ text: 'istanbul' })).toEqual(['b']);
    expect(await ids({ text: 'ığdır' })).toEqual(['b']);
    expect(await ids({ text: 'təcili' })).toEqual(['b']);
    expect(await ids({ text: 'yanğın' })).toEqual(['c']);
  });

  it('needs every word; the last one, while typed, is a prefix', async () => {
    expect(await ids({ text: 'torpaq ərizə' })).toEqual(['a']);
    expect(await ids({ text: 'torpaq məktub' })).toEqual([]);
    expect(await ids({ text: 'torp' })).toEqual(['a']);
    expect(await ids({ text: 'torp ' })).toEqual([]);
    expect(await ids({ text: 'torp ərizə' })).toEqual([]);
  });

  it('finds numbers by a prefix typed with any case and separators', async () => {
    expect(await ids({ text: 'D-1/26' })).toEqual(['a']);
    expect((await ids({ text: 'D-1' })).sort()).toEqual(['a', 'b']);
    expect((await ids({ text: 'd-1/' })).sort()).toEqual(['a', 'b']);
    expect(await ids({ text: 'D-10' })).toEqual(['b']);
    expect(await ids({ text: 'nk-1234' })).toEqual(['a']);
    expect(await ids({ text: 'NK 1234/05' })).toEqual(['a']);
    expect(await ids({ text: '5zk3t7r' })).toEqual(['a']);
  });

  it('ranks a number match first and marks its typed part', async () => {
    const result = await index.search(searchQuery({ text: 'D-1' }));
    const a = result.hits.find((h) => h.id === 'a');
    expect(a?.highlights).toContainEqual({ field: 'registrationNumber', fragments: ['<mark>D-1</mark>/26'] });
    const b = await index.search(searchQuery({ text: 'nk-1234' }));
    expect(b.hits[0]?.highlights).toContainEqual({
      field: 'senderNumber',
      fragments: ['<mark>NK-1234</mark>/05'],
    });
  });

  it('highlights the matched words in the original text, HTML-escaped', async () => {
    const a = (await index.search(searchQuery({ text: 'memmedova erize' }))).hits[0];
    expect(a?.highlights).toEqual(
      expect.arrayContaining([
        { field: 'parties', fragments: ['<mark>Məmmədova</mark> Aygün'] },
        { field: 'summary', fragments: ['Torpaq sahəsinin ayrılması haqqında <mark>ərizə</mark>'] },
      ]),
    );
    const b = (await index.search(searchQuery({ text: 'tecili igdir' }))).hits[0];
    expect(b?.highlights).toEqual(
      expect.arrayContaining([
        { field: 'note', fragments: ['<mark>Təcili</mark> &lt;baxılsın&gt; &amp; cavab'] },
        { field: 'resolutions', fragments: ['İcraya götürülsün, <mark>IĞDIR</mark> şöbəsinə'] },
      ]),
    );
  });

  it('cuts a short fragment around a match in a long text', async () => {
    const c = (await index.search(searchQuery({ text: 'yanğın' }))).hits[0];
    const content = c?.highlights.find((h) => h.field === 'contentText');
    expect(content?.fragments).toHaveLength(1);
    const fragment = content?.fragments[0] ?? '';
    expect(fragment).toContain('<mark>yanğın</mark> təhlükəsizliyi');
    expect(fragment.startsWith('… giriş')).toBe(true);
    expect(fragment.endsWith('son …')).toBe(true);
    expect(fragment.length).toBeLessThan(220);
  });

  it('treats a text without words as an empty search', async () => {
    const result = await index.search(searchQuery({ text: ' -/ ' }));
    expect(result.total).toBe(3);
    expect(result.hits.every((h) => h.highlights.length === 0)).toBe(true);
  });
});

describe('embedded search: filters, facets, order and pages', () => {
  beforeEach(async () => {
    await index.upsert([
      searchDoc({
        id: 'd1',
        kind: 'incoming',
        status: 'registered',
        departmentId: 'x',
        summary: 'məktub bir',
        registeredAt: '2026-01-10T05:00:00.000Z',
      }),
      searchDoc({
        id: 'd2',
        kind: 'incoming',
        status: 'done',
        departmentId: 'y',
        summary: 'məktub iki',
        registeredAt: '2026-01-11T05:00:00.000Z',
      }),
      searchDoc({
        id: 'd3',
        kind: 'outgoing',
        status: 'registered',
        departmentId: 'x',
        summary: 'məktub üç',
        registeredAt: '2026-01-12T05:00:00.000Z',
      }),
      searchDoc({
        id: 'd4',
        kind: 'internal',
        status: 'registered',
        summary: 'arayış',
        registeredAt: '2025-12-31T21:30:00.000Z',
        year: 2026,
      }),
      searchDoc({
        id: 'd5',
        source: 'application',
        kind: 'application',
        status: 'new',
        summary: 'məktub müraciət',
        registeredAt: '2025-06-01T05:00:00.000Z',
        year: 2025,
      }),
    ]);
  });

  it('shows everything visible, newest first, for an empty text', async () => {
    expect(await ids({})).toEqual(['d3', 'd2', 'd1', 'd4', 'd5']);
    await index.upsert([searchDoc({ id: 'd1', version: '2', registeredAt: '2026-02-01T05:00:00.000Z' })]);
    await index.remove([{ tenantId: 't1', id: 'd3', version: '2' }]);
    await index.upsert([searchDoc({ id: 'd6', registeredAt: '2025-01-01T05:00:00.000Z' })]);
    expect(await ids({})).toEqual(['d1', 'd2', 'd4', 'd5', 'd6']);
  });

  it('combines facet values with OR within a facet and AND between facets', async () => {
    expect((await ids({ filters: { kind: ['incoming', 'outgoing'] } })).sort()).toEqual(['d1', 'd2', 'd3']);
    expect(
      (await ids({ filters: { kind: ['incoming', 'outgoing'], status: ['registered'] } })).sort(),
    ).toEqual(['d1', 'd3']);
    expect(await ids({ filters: { departmentId: ['x'], kind: ['outgoing'] } })).toEqual(['d3']);
    expect(await ids({ filters: { year: ['2025'] } })).toEqual(['d5']);
    expect((await ids({ filters: { kind: [] } })).length).toBe(5);
    expect(await ids({ text: 'məktub', sources: ['application'] })).toEqual(['d5']);
  });

  it('counts facet values over all matches, not only the page', async () => {
    const result = await index.search(searchQuery({ text: 'məktub', size: 1, facets: true }));
    expect(result.total).toBe(4);
    expect(result.hits).toHaveLength(1);
    expect(result.facets.kind).toEqual([
      { value: 'incoming', count: 2 },
      { value: 'application', count: 1 },
      { value: 'outgoing', count: 1 },
    ]);
    expect(result.facets.departmentId).toEqual([
      { value: 'x', count: 2 },
      { value: 'y', count: 1 },
    ]);
    expect(result.facets.year).toEqual([
      { value: '2026', count: 3 },
      { value: '2025', count: 1 },
    ]);
    expect((await index.search(searchQuery({ text: 'məktub' }))).facets).toEqual({});
  });

  it('filters on Baku-local registration days, both ends included', async () => {
    // d4: 31.12.2025 21:30 UTC is 01.01.2026 01:30 in Baku.
    expect(await ids({ registeredFrom: '2026-01-01', registeredTo: '2026-01-01' })).toEqual(['d4']);
    expect(await ids({ registeredTo: '2025-12-31' })).toEqual(['d5']);
    expect(await ids({ registeredFrom: '2026-01-11', registeredTo: '2026-01-12' })).toEqual(['d3', 'd2']);
  });

  it('searches within results: every earlier text must match too', async () => {
    expect((await ids({ text: 'məktub' })).length).toBe(4);
    expect(await ids({ text: 'iki', within: ['məktub'] })).toEqual(['d2']);
    expect(await ids({ text: '', within: ['məktub', 'üç'] })).toEqual(['d3']);
    expect(await ids({ text: 'arayış', within: ['məktub'] })).toEqual([]);
    const hit = (await index.search(searchQuery({ text: 'iki', within: ['məktub'] }))).hits[0];
    expect(hit?.highlights).toEqual([
      { field: 'summary', fragments: ['<mark>məktub</mark> <mark>iki</mark>'] },
    ]);
  });

  it('pages with an opaque cursor through every match once', async () => {
    for (const text of ['', 'məktub']) {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await index.search(searchQuery({ text, size: 2, ...(cursor ? { cursor } : {}) }));
        expect(page.total).toBe(text ? 4 : 5);
        seen.push(...page.hits.map((h) => h.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(text ? 2 : 3);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(text ? 4 : 5);
    }
  });

  it('refuses a cursor it did not make', async () => {
    await expect(index.search(searchQuery({ cursor: 'nonsense' }))).rejects.toBeInstanceOf(BadRequestError);
    const scored = (await index.search(searchQuery({ text: 'məktub', size: 1 }))).nextCursor;
    await expect(index.search(searchQuery({ cursor: scored ?? '' }))).rejects.toBeInstanceOf(BadRequestError);
  });
});

describe('embedded search: tenants and need-to-know', () => {
  const viewer = (over: Partial<SearchViewer>): SearchViewer => ({
    employeeId: 'v',
    seesAll: false,
    actingFor: [],
    headOf: [],
    ...over,
  });

  it('never returns another tenant’s items', async () => {
    await index.upsert([
      searchDoc({ id: 'same', tenantId: 't1', summary: 'gizli plan' }),
      searchDoc({ id: 'same', tenantId: 't2', summary: 'açıq plan' }),
      searchDoc({ id: 'other', tenantId: 't2', summary: 'gizli plan' }),
    ]);
    const t1 = await index.search(searchQuery({ tenantId: 't1', text: 'plan', facets: true }));
    expect(t1.hits.map((h) => [h.id, h.summary])).toEqual([['same', 'gizli plan']]);
    expect(t1.total).toBe(1);
    expect(t1.facets.kind).toEqual([{ value: 'incoming', count: 1 }]);
    expect(await ids({ tenantId: 't3', text: 'plan' })).toEqual([]);
    expect(await ids({ tenantId: 't3' })).toEqual([]);
    expect(await index.count('t1')).toBe(1);
    expect(await index.count('t2')).toBe(2);
    await index.remove([{ tenantId: 't2', id: 'same', version: '5' }]);
    expect(await ids({ tenantId: 't1', text: 'plan' })).toEqual(['same']);
  });

  it('applies the rule of documents/domain/visibility', async () => {
    await index.upsert([
      searchDoc({ id: 'mine', participants: ['v'], summary: 'plan' }),
      searchDoc({ id: 'boss', participants: ['boss'], participantUnits: ['u1', 'u0'], summary: 'plan' }),
      searchDoc({ id: 'far', participants: ['x'], participantUnits: ['u9'], summary: 'plan' }),
      searchDoc({
        id: 'secret',
        participants: ['boss'],
        participantUnits: ['u1'],
        confidential: true,
        accessList: ['listed'],
        summary: 'plan',
      }),
      searchDoc({ id: 'my-secret', participants: ['v'], confidential: true, summary: 'plan' }),
    ]);
    const seen = async (v: SearchViewer) => (await ids({ text: 'plan', viewer: v })).sort();
    expect(await seen(viewer({}))).toEqual(['mine', 'my-secret']);
    expect(await seen(viewer({ actingFor: ['boss'] }))).toEqual(['boss', 'mine', 'my-secret']);
    expect(await seen(viewer({ headOf: ['u0'] }))).toEqual(['boss', 'mine', 'my-secret']);
    expect(await seen(viewer({ seesAll: true }))).toEqual(['boss', 'far', 'mine', 'my-secret']);
    expect(await seen(viewer({ employeeId: 'listed' }))).toEqual(['secret']);
    expect(await seen(viewer({ employeeId: 'boss' }))).toEqual(['boss', 'secret']);
    expect(await seen({ ...registryViewer, employeeId: 'listed' })).toEqual([
      'boss',
      'far',
      'mine',
      'secret',
    ]);
    const counted = await index.search(searchQuery({ viewer: viewer({}), facets: true }));
    expect(counted.total).toBe(2);
    expect(counted.facets.kind).toEqual([{ value: 'incoming', count: 2 }]);
  });
});
