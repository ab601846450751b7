import { beforeAll, describe, expect, inject, it } from 'vitest';
import { as, citizenIncoming, type Doc } from '../documents/helpers';
import { found, foundEventually, marker } from './helpers';

// The Turkic probes of issue 16 through the API: each finds its document and not the others.
const baseUrl = inject('baseUrl');
const run = marker('tk');
const docs = new Map<string, Doc>();
const other = { kind: 'citizen', name: 'Orxan Quliyev', fin: '6AB7CD8' };

const letters: Array<[name: string, summary: string, sender?: Record<string, unknown>]> = [
  ['istanbul', `İSTANBUL şəhərinə ezamiyyət ${run}`],
  ['igdir', `IĞDIR rayonundan məktub ${run}`],
  ['mammadova', `Şikayət ${run}`, { kind: 'citizen', name: 'Ləman Məmmədova', fin: '5ZK7QH3' }],
  ['erize', `Torpaq barədə ərizə ${run}`],
  ['russian', `Заявление о выдаче справки ${run}`],
];

beforeAll(async () => {
  const clerk = await as(baseUrl, 'clerk');
  for (const [name, summary, sender] of letters) {
    const res = await clerk.post<Doc>('/api/v1/documents/incoming', {
      ...citizenIncoming(summary),
      sender: sender ?? other,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    docs.set(name, res.body);
  }
  for (const [name] of letters)
    await foundEventually(clerk, [['q', run]], docs.get(name)!.id, `the ${name} letter in the index`);
}, 120_000);

const probes: Array<[query: string, expected: string]> = [
  ['istanbul', 'istanbul'],
  ['İstanbul', 'istanbul'],
  ['ISTANBUL', 'istanbul'],
  ['ığdır', 'igdir'],
  ['IĞDIR', 'igdir'],
  ['igdir', 'igdir'],
  ['Məmmədova', 'mammadova'],
  ['MAMMADOVA', 'mammadova'],
  ['memmedova', 'mammadova'],
  ['ərizələrin', 'erize'],
  ['ərizəni', 'erize'],
  ['справку', 'russian'],
  ['заявлений', 'russian'],
];

describe('Azerbaijani and Russian analysis, through the API', () => {
  it.each(probes)('“%s” finds the %s letter and no other', async (query, expected) => {
    const clerk = await as(baseUrl, 'clerk');
    const ids = await found(clerk, [
      ['q', query],
      ['within', run],
    ]);
    expect(ids).toEqual([docs.get(expected)!.id]);
  });
});
