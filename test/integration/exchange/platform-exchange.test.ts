import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoDocumentStore } from '../../../functions/modules/documents';
import { acceptEnvelope, buildEnvelope } from '../../../functions/modules/exchange';
import { DynamoAggregateStore } from '../../../functions/platform/adapters/dynamodb/aggregate-store.adapter';
import { createObjectStore } from '../../../functions/platform/adapters/s3/object-store.adapter';
import { TABLE_NAME } from '../../../infra/local/embedded';
import { LOCAL_AWS_CREDENTIALS } from '../../../infra/local/services/common';
import { DEFAULT_BUCKETS } from '../../../infra/local/services/s3';
import type { Api } from '../../support/api';
import { signThroughRoute } from '../../support/approval';
import { eventually } from '../../support/eventually';
import { tableClientOf } from '../../support/table';
import {
  as,
  lookups,
  unique,
  uploadContent,
  type Doc,
  type Lookups,
  type Problem,
} from '../documents/helpers';

// The exchange between agencies on the platform (Decree 935 §141–§149) on the shared embedded
// default: demo1 sends a signed letter with the delivery form edms to demo2 (a counterpart with
// its VÖEN), the stream consumer delivers it to demo2's queue verified, demo2 registers it and the
// signed receipt notice flows back to demo1's delivery; an envelope altered in transit is flagged
// and cannot be registered; a refusal flows back.
const baseUrl = inject('baseUrl');
let clerkA: Api;
let headA: Api;
let clerkB: Api;
let refA: Lookups;

type Delivery = {
  id: string;
  state: string;
  recipientTenantId: string;
  receiptDueAt?: string;
  deliveredAt?: string;
  registration?: { number: string; date: string };
  refusal?: { reason: string };
  evidence?: { sentSha256: string; receiptKey?: string; receiptSha256?: string };
};
type Outgoing = Doc & { outgoing: { deliveries?: Delivery[]; dispatches: Array<{ channel: string }> } };
type Received = {
  id: string;
  version: number;
  state: string;
  source: string;
  sender: { organizationName: string; voen?: string; tenantId?: string };
  requisites: { number?: string; date?: string; summary: string };
  verification?: { valid: boolean; problems: string[]; signatures: Array<{ valid: boolean }> };
  openedAt?: string;
  registration?: { number: string; date: string; documentId: string };
  refusal?: { reason: string };
  receipt?: { sha256: string };
};
const pdf = new TextEncoder().encode(
  '%PDF-1.4\n% Mübadilə sınağı\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n',
);

const demo2Voen = '1900000021';

beforeAll(async () => {
  clerkA = await as(baseUrl, 'clerk');
  headA = await as(baseUrl, 'head');
  clerkB = await as(baseUrl, 'admin2');
  refA = await lookups(clerkA);
});

/** A letter of demo1 to demo2 by edms, signed by the head, sent; answers the sent document. */
async function sendSignedLetter(summary: string): Promise<Outgoing> {
  const counterpart = refA.counterparts.find((c) => c.voen === demo2Voen);
  expect(counterpart, 'the seed has demo2 as a counterpart of demo1').toBeDefined();
  const created = await clerkA.post<Doc>('/api/v1/documents/outgoing', {
    summary,
    signatoryId: refA.employee.get('head'),
    recipients: [{ counterpartId: counterpart!.id }],
    deliveryFormId: refA.deliveryForms.get('edms'),
    receiptDays: 5,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const { complete } = await uploadContent(clerkA, created.body.id, pdf, { fileName: 'mektub.pdf' });
  expect(complete.status).toBe(200);
  const signed = await signThroughRoute(clerkA, headA, created.body.id, refA.employee.get('head')!);
  const sent = await clerkA.post<Outgoing>(`/api/v1/documents/${created.body.id}/send`, {
    version: signed.version,
  });
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  return sent.body;
}

/** demo2's waiting item with this summary, once the consumer delivered it. */
function waitingItem(summary: string): Promise<Received> {
  return eventually(async () => {
    const page = await clerkB.get<{ items: Received[] }>('/api/v1/exchange/received?state=waiting&limit=100');
    return page.body.items.find((i) => i.requisites.summary === summary);
  }, `the delivery of "${summary}"`);
}

function deliveryOf(id: string, state: string): Promise<Delivery> {
  return eventually(async () => {
    const doc = (await clerkA.get<Outgoing>(`/api/v1/documents/${id}`)).body;
    const d = doc.outgoing.deliveries?.[0];
    return d?.state === state ? d : undefined;
  }, `the delivery ${state}`);
}

describe('exchange between agencies on the platform', () => {
  it('delivers a signed letter verified, registers it, and brings the receipt notice back to the sender', async () => {
    const summary = unique('Platforma məktubu');
    const sent = await sendSignedLetter(summary);
    expect(sent.outgoing.dispatches.at(-1)?.channel).toBe('edms');
    expect(sent.outgoing.deliveries).toEqual([
      expect.objectContaining({ state: 'sending', recipientTenantId: 'demo2' }),
    ]);

    const item = await waitingItem(summary);
    expect(item.source).toBe('platform');
    expect(item.sender).toMatchObject({ tenantId: 'demo1', voen: '1900000011' });
    expect(item.requisites.number).toBe(sent.registration?.number);
    expect(item.verification).toMatchObject({ valid: true, problems: [] });
    const delivered = await deliveryOf(sent.id, 'delivered');
    expect(delivered.receiptDueAt).toBeDefined();
    expect(delivered.evidence?.sentSha256).toMatch(/^[0-9a-f]{64}$/);

    // Verified again on demo2's request, as stored now, without reading demo1's data.
    const reverified = await clerkB.post<Received>(`/api/v1/exchange/received/${item.id}/verify`, {});
    expect(reverified.status, JSON.stringify(reverified.body)).toBe(200);
    expect(reverified.body.verification).toMatchObject({ valid: true, problems: [] });

    // The first opening by demo2's clerk is reported back as received.
    const opened = await clerkB.get<Received>(`/api/v1/exchange/received/${item.id}`);
    expect(opened.body.openedAt).toBeDefined();
    await deliveryOf(sent.id, 'received');

    const registered = await clerkB.post<{ item: Received; documentId: string }>(
      `/api/v1/exchange/received/${item.id}/register`,
      { version: opened.body.version },
    );
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    expect(registered.body.item.state).toBe('registered');
    const incoming = await clerkB.get<Doc & { documentNumber?: string; contents: unknown[] }>(
      `/api/v1/documents/${registered.body.documentId}`,
    );
    expect(incoming.body.documentNumber).toBe(sent.registration?.number);
    expect(incoming.body.contents).toHaveLength(1);

    const back = await deliveryOf(sent.id, 'registered');
    expect(back.registration).toEqual(
      expect.objectContaining({
        number: registered.body.item.registration!.number,
        date: registered.body.item.registration!.date,
      }),
    );
    expect(back.evidence?.receiptSha256).toBe(registered.body.item.receipt?.sha256);

    // Both sides export their evidence; the receipt notice is intact on both.
    const senderEvidence = await clerkA.get<{
      side: string;
      deliveries: Array<{ receipt?: { intact: boolean } }>;
    }>(`/api/v1/exchange/evidence/${sent.id}`);
    expect(senderEvidence.status).toBe(200);
    expect(senderEvidence.body.deliveries[0]?.receipt?.intact).toBe(true);
    const recipientEvidence = await clerkB.get<{ side: string; envelope: { intact: boolean } }>(
      `/api/v1/exchange/evidence/${registered.body.documentId}`,
    );
    expect(recipientEvidence.body).toMatchObject({ side: 'recipient', envelope: { intact: true } });

    // A second register is refused (the item no longer waits); the other agency sees nothing.
    const again = await clerkB.post<Problem>(`/api/v1/exchange/received/${item.id}/register`, {
      version: registered.body.item.version,
    });
    expect(again.status).toBe(409);
    expect((await clerkA.get(`/api/v1/exchange/received/${item.id}`)).status).toBe(404);
    expect((await clerkB.get(`/api/v1/exchange/evidence/${sent.id}`)).status).toBe(404);
    expect((await clerkA.get(`/api/v1/exchange/evidence/${registered.body.documentId}`)).status).toBe(404);
  });

  it('refuses to send by edms to a recipient that is not an agency on the platform', async () => {
    const created = await clerkA.post<Doc>('/api/v1/documents/outgoing', {
      summary: unique('Platformada olmayan alıcı'),
      signatoryId: refA.employee.get('head'),
      recipients: [{ name: 'Kənar təşkilat' }],
      deliveryFormId: refA.deliveryForms.get('edms'),
    });
    expect(created.status).toBe(201);
    await uploadContent(clerkA, created.body.id, pdf, { fileName: 'mektub.pdf' });
    const signed = await signThroughRoute(clerkA, headA, created.body.id, refA.employee.get('head')!);
    const res = await clerkA.post<Problem>(`/api/v1/documents/${created.body.id}/send`, {
      version: signed.version,
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('recipient_not_on_platform');
    expect(JSON.stringify(res.body)).toContain('recipients.0');
  });

  it('flags an envelope altered in transit: not verified, cannot be registered, only refused', async () => {
    const summary = unique('Dəyişdirilmiş zərf');
    const sent = await sendSignedLetter(summary);
    await waitingItem(summary);
    const port = Number(new URL(baseUrl).port);
    const deps = {
      store: new DynamoAggregateStore(tableClientOf(baseUrl), TABLE_NAME),
      documents: new DynamoDocumentStore(tableClientOf(baseUrl), TABLE_NAME),
      clock: { now: () => new Date() },
      objects: createObjectStore({
        region: 'eu-central-1',
        endpoint: `http://127.0.0.1:${port + 2}`,
        credentials: LOCAL_AWS_CREDENTIALS,
        buckets: DEFAULT_BUCKETS,
      }),
    };
    const doc = (await deps.documents.get('demo1', sent.id))!;
    const envelope = await buildEnvelope(deps, doc, { ...doc.outgoing!.deliveries![0]!, id: randomUUID() });
    const altered = new Uint8Array(envelope.file);
    altered[Math.floor(altered.length / 3)]! ^= 0x01;
    const tampered = {
      manifest: {
        ...envelope.manifest,
        requisites: { ...envelope.manifest.requisites, summary: `${summary} (dəyişdirilmiş)` },
      },
      file: altered,
    };

    const item = await acceptEnvelope(deps, tampered);
    const again = await acceptEnvelope(deps, tampered);

    expect(again.id).toBe(item.id);
    expect(item.verification?.valid).toBe(false);
    expect(item.verification?.problems).toContain('integrity');
    const register = await clerkB.post<Problem>(`/api/v1/exchange/received/${item.id}/register`, {
      version: item.version,
    });
    expect(register.status).toBe(422);
    expect(register.body.code).toBe('received_not_verified');
    const refused = await clerkB.post<Received>(`/api/v1/exchange/received/${item.id}/refuse`, {
      version: item.version,
      reason: 'Fayl yoxlamadan keçmədi',
    });
    expect(refused.status).toBe(200);
    expect(refused.body.state).toBe('refused');
  });

  it('brings a refusal back to the sender with its reason', async () => {
    const summary = unique('İmtina ediləcək məktub');
    const sent = await sendSignedLetter(summary);
    const item = await waitingItem(summary);

    const refused = await clerkB.post<Received>(`/api/v1/exchange/received/${item.id}/refuse`, {
      version: item.version,
      reason: 'Bizə aid deyil',
    });

    expect(refused.status, JSON.stringify(refused.body)).toBe(200);
    const back = await deliveryOf(sent.id, 'refused');
    expect(back.refusal?.reason).toBe('Bizə aid deyil');
    const ops = await clerkA.get<{ items: Array<{ action: string }> }>(
      `/api/v1/documents/${sent.id}/operations`,
    );
    expect(ops.body.items.map((o) => o.action)).toEqual(
      expect.arrayContaining(['send', 'exchange-delivered', 'exchange-refused']),
    );
  });

  it('keeps the settings: intake address, receipt days, admin only, optimistic version', async () => {
    const current = await clerkB.get<{ version: number; intakeAddress: string; receiptDays: number }>(
      '/api/v1/exchange/settings',
    );
    expect(current.body.intakeAddress).toMatch(/^demo2@/);
    const put = await clerkB.put<{ version: number; receiptDays: number }>('/api/v1/exchange/settings', {
      version: current.body.version,
      receiptDays: current.body.receiptDays === 4 ? 3 : 4,
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.version).toBe(current.body.version + 1);
    const stale = await clerkB.put<Problem>('/api/v1/exchange/settings', {
      version: current.body.version,
      receiptDays: 3,
    });
    expect(stale.status).toBe(409);
    const notAdmin = await clerkA.put<Problem>('/api/v1/exchange/settings', { version: 0, receiptDays: 3 });
    expect(notAdmin.status).toBe(403);
  });
});
