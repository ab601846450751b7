import { describe, expect, it } from 'vitest';
import { apiClient, tokenFor } from '../../support/api';
import { eventually } from '../../support/eventually';
import { ownEmbedded } from '../../support/own-embedded';

type Doc = { id: string; registration?: { seq: number; number: string; journalId: string } };

const embedded = ownEmbedded();

describe('registration under a crash', () => {
  it('after kill -9 under load, every acknowledged registration exists with its number and the journal has no gap', async () => {
    const token = await tokenFor(embedded.baseUrl, 'clerk');
    const api = apiClient(embedded.baseUrl, token);
    const acknowledged: Doc[] = [];
    let stop = false;
    const client = async (c: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const res = await api.post<Doc>('/api/v1/documents/incoming', {
            sender: { kind: 'citizen', name: `Vətəndaş ${c}-${i}` },
            summary: `Qəza sınağı ${c}-${i}`,
          });
          if (res.status === 201) acknowledged.push(res.body);
        } catch {
          // The connection died with the process: not acknowledged.
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    };
    const clients = Array.from({ length: 8 }, (_, c) => client(c));
    await eventually(
      async () => (acknowledged.length >= 60 ? true : undefined),
      '60 acknowledged registrations',
      50_000,
    );

    await embedded.kill9();
    stop = true;
    await Promise.all(clients);
    await embedded.restart();

    const after = apiClient(embedded.baseUrl, token);
    const missing: number[] = [];
    for (const [i, doc] of acknowledged.entries()) {
      const res = await after.get<Doc>(`/api/v1/documents/${doc.id}`);
      if (res.status !== 200) missing.push(i);
    }
    expect(missing, `of ${acknowledged.length}`).toEqual([]);
    for (const doc of acknowledged) {
      const res = await after.get<Doc>(`/api/v1/documents/${doc.id}`);
      expect(res.status).toBe(200);
      expect(res.body.registration?.number).toBe(doc.registration?.number);
    }
    const journalId = acknowledged[0]!.registration!.journalId;
    const seqs: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await after.get<{ items: Doc[]; nextCursor?: string }>(
        `/api/v1/documents?kind=incoming&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.status).toBe(200);
      for (const d of page.body.items)
        if (d.registration?.journalId === journalId) seqs.push(d.registration.seq);
      cursor = page.body.nextCursor;
    } while (cursor);
    seqs.sort((a, b) => a - b);
    expect(seqs.length).toBeGreaterThanOrEqual(acknowledged.length);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));

    // Numbering goes on from the last number after the restart.
    const next = await after.post<Doc>('/api/v1/documents/incoming', {
      sender: { kind: 'citizen', name: 'Sonrakı' },
      summary: 'Bərpadan sonra',
    });
    expect(next.status).toBe(201);
    expect(next.body.registration?.seq).toBe(seqs.length + 1);
  }, 300_000);
});
