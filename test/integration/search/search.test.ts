import { beforeAll, describe, expect, inject, it } from 'vitest';
import { as, citizenIncoming, lookups, type Doc, type Lookups } from '../documents/helpers';
import { found, foundEventually, marker, search, type Hit } from './helpers';

// Search against the embedded default's engine, fed by the table stream (issue 16).
const baseUrl = inject('baseUrl');
let ref: Lookups;
const emp = (username: string) => ref.employee.get(username)!;

beforeAll(async () => {
  ref = await lookups(await as(baseUrl, 'clerk'));
});

async function register(user: string, summary: string, extra: Record<string, unknown> = {}): Promise<Doc> {
  const res = await (
    await as(baseUrl, user)
  ).post<Doc>('/api/v1/documents/incoming', citizenIncoming(summary, extra));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('search', () => {
  it('finds a registered letter by a word of its summary, with the word highlighted and facets counted', async () => {
    // Arrange
    const clerk = await as(baseUrl, 'clerk');
    const word = marker();
    const doc = await register('clerk', `Torpaq sahəsi barədə ${word} müraciət`);

    // Act
    await foundEventually(clerk, [['q', word]], doc.id, 'the letter in the index');
    const result = await search(clerk, [['q', word]]);

    // Assert
    const hit = result.hits.find((h) => h.id === doc.id)!;
    expect(hit).toMatchObject({ kind: 'incoming', registrationNumber: doc.registration!.number });
    const summary = hit.highlights.find((h) => h.field === 'summary');
    expect(summary?.fragments.join(' ')).toContain(`<mark>${word}</mark>`);
    expect(result.facets.kind).toEqual([{ value: 'incoming', count: result.total }]);
    // Facets combine with the text: another kind finds nothing.
    expect(
      await found(clerk, [
        ['q', word],
        ['kind', 'outgoing'],
      ]),
    ).toEqual([]);
    expect(
      await found(clerk, [
        ['q', word],
        ['kind', 'outgoing'],
        ['kind', 'incoming'],
      ]),
    ).toContain(doc.id);
  });

  it('finds by a registration-number prefix, without case or separators, and in the header’s jump', async () => {
    const clerk = await as(baseUrl, 'clerk');
    const doc = await register('clerk', `Nömrə ilə ${marker()}`);
    const number = doc.registration!.number;
    await foundEventually(clerk, [['q', number]], doc.id, 'the letter by its number');

    const prefix = number.slice(0, number.indexOf('/'));
    expect(await found(clerk, [['q', prefix.toLowerCase()]])).toContain(doc.id);
    const quick = await clerk.get<{ items: Hit[] }>(`/api/v1/search/quick?q=${encodeURIComponent(number)}`);
    expect(quick.status).toBe(200);
    expect(quick.body.items.map((h) => h.id)).toContain(doc.id);
    expect(
      quick.body.items.every((h) => h.registrationNumber?.toLowerCase().startsWith(number.toLowerCase())),
    ).toBe(true);
  });

  it('shows a change once the stream delivers it: an edited summary and a resolution’s text', async () => {
    // Arrange
    const clerk = await as(baseUrl, 'clerk');
    const before = marker('old');
    const after = marker('new');
    const doc = await register('clerk', `Dəyişən ${before}`, { addresseeId: emp('head') });
    await foundEventually(clerk, [['q', before]], doc.id, 'the first summary');

    // Act
    const edited = await clerk.put<Doc>(`/api/v1/documents/incoming/${doc.id}`, {
      ...citizenIncoming(`Dəyişən ${after}`, { addresseeId: emp('head') }),
      version: doc.version,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);

    // Assert
    await foundEventually(clerk, [['q', after]], doc.id, 'the edited summary');
    expect(await found(clerk, [['q', before]])).not.toContain(doc.id);

    const head = await as(baseUrl, 'head');
    const instruction = marker('res');
    const resolved = await head.post(`/api/v1/documents/${doc.id}/resolutions`, {
      version: edited.body.version,
      text: `İcra edilsin ${instruction}`,
      executors: [{ employeeId: emp('lawyer') }],
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(201);
    await foundEventually(head, [['q', instruction]], doc.id, 'the resolution’s text');
  });

  it('keeps a confidential letter from those it does not name, clerks included', async () => {
    const word = marker('sec');
    const doc = await register('clerk', `Məxfi ${word}`, {
      addresseeId: emp('head'),
      confidential: true,
      accessList: [emp('executor2')],
    });
    for (const who of ['clerk', 'head', 'executor2'])
      await foundEventually(
        await as(baseUrl, who),
        [['q', word]],
        doc.id,
        `${who} finds the confidential letter`,
      );
    for (const who of ['recordshead', 'lawyer', 'ithead'])
      expect(await found(await as(baseUrl, who), [['q', word]]), who).toEqual([]);
  });

  it('never shows another agency’s documents', async () => {
    const word = marker('b');
    const b = await as(baseUrl, 'admin2');
    const res = await b.post<Doc>('/api/v1/documents/internal', { summary: `B agentliyi ${word}` });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await foundEventually(b, [['q', word]], res.body.id, 'tenant B finds its own');

    for (const who of ['clerk', 'admin', 'head'])
      expect(await found(await as(baseUrl, who), [['q', word]])).toEqual([]);
  });

  it('narrows with “search within results” and a registration period', async () => {
    const clerk = await as(baseUrl, 'clerk');
    const common = marker('wi');
    const one = await register('clerk', `${common} alma`);
    const two = await register('clerk', `${common} armud`);
    await foundEventually(clerk, [['q', common]], two.id, 'the second letter');
    await foundEventually(clerk, [['q', common]], one.id, 'the first letter');

    expect(
      await found(clerk, [
        ['q', 'armud'],
        ['within', common],
      ]),
    ).toEqual([two.id]);
    const next = new Date(Date.parse(one.registration!.at) + 3 * 86_400_000).toISOString().slice(0, 10);
    expect(
      (
        await found(clerk, [
          ['q', common],
          ['from', next],
        ])
      ).length,
    ).toBe(0);
    expect(
      (
        await found(clerk, [
          ['q', common],
          ['from', '2000-01-01'],
          ['to', next],
        ])
      ).sort(),
    ).toEqual([one.id, two.id].sort());
  });

  it('answers bad parameters with a localized problem', async () => {
    const clerk = await as(baseUrl, 'clerk', 'en');
    const res = await clerk.get<{ code: string; title: string }>(
      '/api/v1/search?from=2026-03-02&to=2026-03-01',
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_request');
    const quick = await clerk.get<{ code: string }>('/api/v1/search/quick');
    expect(quick.status).toBe(400);
  });
});
