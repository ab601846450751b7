import { describe, expect, it } from 'vitest';
import { apiClient, tokenFor, type Api } from '../../support/api';
import { signThroughRoute } from '../../support/approval';
import { eventually } from '../../support/eventually';
import { ownEmbedded } from '../../support/own-embedded';
import { lookups, unique, uploadContent, type Doc } from '../documents/helpers';

// The exchange under kill -9 of the embedded default (its own process): letters sent by edms
// whose deliveries are under way when the process dies are all delivered after the restart,
// each exactly once; a registration after the restart flows back to the sender.
const embedded = ownEmbedded();

type Delivery = { state: string; registration?: { number: string } };
type Outgoing = Doc & { outgoing: { deliveries?: Delivery[] } };
type Received = { id: string; version: number; requisites: { summary: string } };
const pdf = new TextEncoder().encode('%PDF-1.4\n% Qəza sınağı\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

async function receivedPages(api: Api, state: string): Promise<Received[]> {
  const all: Received[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.get<{ items: Received[]; nextCursor?: string }>(
      `/api/v1/exchange/received?state=${state}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(page.status).toBe(200);
    all.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return all;
}

describe('exchange under a crash', () => {
  it('after kill -9 between delivery and registration, every letter arrives once and its registration flows back', async () => {
    const base = embedded.baseUrl;
    const clerkA = apiClient(base, await tokenFor(base, 'clerk'));
    const headA = apiClient(base, await tokenFor(base, 'head'));
    const ref = await lookups(clerkA);
    const counterpart = ref.counterparts.find((c) => c.voen === '1900000021')!;
    const letters: Array<{ id: string; summary: string }> = [];
    for (let i = 0; i < 3; i++) {
      const summary = unique(`Qəza məktubu ${i}`);
      const created = await clerkA.post<Doc>('/api/v1/documents/outgoing', {
        summary,
        signatoryId: ref.employee.get('head'),
        recipients: [{ counterpartId: counterpart.id }],
        deliveryFormId: ref.deliveryForms.get('edms'),
      });
      expect(created.status).toBe(201);
      await uploadContent(clerkA, created.body.id, pdf, { fileName: 'mektub.pdf' });
      const signed = await signThroughRoute(clerkA, headA, created.body.id, ref.employee.get('head')!);
      letters.push({ id: created.body.id, summary });
      // The last letter is sent right before the kill: its delivery is under way or not begun.
      const sent = await clerkA.post(`/api/v1/documents/${created.body.id}/send`, {
        version: signed.version,
      });
      expect(sent.status).toBe(200);
    }

    await embedded.kill9();
    await embedded.restart();

    const after = apiClient(embedded.baseUrl, await tokenFor(embedded.baseUrl, 'clerk'));
    const clerkB = apiClient(embedded.baseUrl, await tokenFor(embedded.baseUrl, 'admin2'));
    for (const letter of letters)
      await eventually(async () => {
        const doc = (await after.get<Outgoing>(`/api/v1/documents/${letter.id}`)).body;
        return doc.outgoing.deliveries?.[0]?.state === 'delivered' ? true : undefined;
      }, `the delivery of ${letter.summary}`);
    const waiting = await receivedPages(clerkB, 'waiting');
    for (const letter of letters)
      expect(
        waiting.filter((r) => r.requisites.summary === letter.summary),
        letter.summary,
      ).toHaveLength(1);

    const item = waiting.find((r) => r.requisites.summary === letters[0]!.summary)!;
    const registered = await clerkB.post<{ item: { registration: { number: string } } }>(
      `/api/v1/exchange/received/${item.id}/register`,
      { version: item.version },
    );
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    const back = await eventually(async () => {
      const d = (await after.get<Outgoing>(`/api/v1/documents/${letters[0]!.id}`)).body.outgoing
        .deliveries?.[0];
      return d?.state === 'registered' ? d : undefined;
    }, 'the receipt back at the sender');
    expect(back.registration?.number).toBe(registered.body.item.registration.number);
  }, 300_000);
});
