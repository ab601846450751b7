import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyWebhook } from '../../../functions/modules/webhooks';
import type { Api } from '../../support/api';
import { eventually } from '../../support/eventually';
import { as, citizenIncoming, lookups, unique, type Doc, type Lookups } from '../documents/helpers';

// Webhooks against the shared embedded default (WEBHOOKS_ALLOW_PRIVATE=true there): a receiver on
// 127.0.0.1 gets each event once, signed; a failing receiver is retried with the attempts visible.
// Other files register documents in the same agency at the same time: every check picks its own
// document's event out of what the receiver got.
const baseUrl = inject('baseUrl');

type Received = { path: string; headers: IncomingHttpHeaders; body: string; json: Event };
type Event = { id: string; type: string; timestamp: string; data: Record<string, string> };
type Subscription = { id: string; version: number; url: string; events: string[]; active: boolean };
type Delivery = {
  id: string;
  eventId: string;
  eventType: string;
  state: string;
  attempts: Array<{ at: string; durationMs: number; status?: number; error?: string }>;
};

const received: Received[] = [];
/** Answers per webhook-id on /flaky: 500, 500, then 200. */
const flakyCalls = new Map<string, number>();
let server: Server;
let receiverUrl: string;
let admin: Api;
let clerk: Api;
let head: Api;
let ref: Lookups;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ path: req.url ?? '', headers: req.headers, body, json: JSON.parse(body) as Event });
      if (req.url === '/flaky') {
        const id = String(req.headers['webhook-id']);
        const n = (flakyCalls.get(id) ?? 0) + 1;
        flakyCalls.set(id, n);
        res.writeHead(n <= 2 ? 500 : 200).end();
      } else res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  admin = await as(baseUrl, 'admin');
  clerk = await as(baseUrl, 'clerk');
  head = await as(baseUrl, 'head');
  ref = await lookups(clerk);
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function subscribe(path: string, events: string[]) {
  const res = await admin.post<{ subscription: Subscription; secret: string }>(
    '/api/v1/webhooks/subscriptions',
    { url: `${receiverUrl}${path}`, events, description: unique('Test') },
    { 'Idempotency-Key': crypto.randomUUID() },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const deliveriesOf = async (subscriptionId: string) =>
  (
    await admin.get<{ items: Delivery[] }>(
      `/api/v1/webhooks/subscriptions/${subscriptionId}/deliveries?limit=100`,
    )
  ).body.items;

const requestsFor = (path: string, match: (e: Event) => boolean) =>
  received.filter((r) => r.path === path && match(r.json));

describe('webhook subscriptions', () => {
  let main: { subscription: Subscription; secret: string };

  beforeAll(async () => {
    main = await subscribe('/ok', ['document.registered', 'resolution.written']);
  });

  it('shows the secret once: the subscription is listed and read without it', async () => {
    expect(main.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const got = await admin.get<Record<string, unknown>>(
      `/api/v1/webhooks/subscriptions/${main.subscription.id}`,
    );
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ url: `${receiverUrl}/ok`, active: true });
    expect(got.body).not.toHaveProperty('secret');
    const listed = await admin.get<{ items: Array<Record<string, unknown>> }>(
      '/api/v1/webhooks/subscriptions?limit=100',
    );
    expect(listed.body.items.find((s) => s.id === main.subscription.id)).toBeDefined();
    expect(JSON.stringify(listed.body)).not.toContain('whsec_');
  });

  it('is for admins only', async () => {
    const res = await clerk.get('/api/v1/webhooks/subscriptions');
    expect(res.status).toBe(403);
  });

  it('refuses a URL that is not one', async () => {
    const res = await admin.post<{ code: string; errors: Array<{ path: string }> }>(
      '/api/v1/webhooks/subscriptions',
      {
        url: 'ftp://127.0.0.1/x',
        events: ['document.registered'],
      },
    );
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('webhook_target_refused');
    expect(res.body.errors[0]!.path).toBe('url');
  });

  it('delivers document.registered and resolution.written once each, signed with the secret', async () => {
    const created = await clerk.post<Doc>('/api/v1/documents/incoming', citizenIncoming(unique('Vebhuk')));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const doc = created.body;
    const registered = await eventually(
      async () =>
        requestsFor('/ok', (e) => e.type === 'document.registered' && e.data.documentId === doc.id)[0],
      'document.registered at the receiver',
      60_000,
    );
    expect(registered.json.data).toEqual({
      documentId: doc.id,
      registrationNumber: doc.registration!.number,
      registeredAt: doc.registration!.at,
    });
    const verdict = verifyWebhook({
      secret: main.secret,
      headers: registered.headers,
      body: registered.body,
      now: new Date(),
    });
    expect(verdict).toEqual({ ok: true, id: registered.json.id });
    expect(registered.headers['webhook-id']).toBe(registered.json.id);

    // What a receiver rejects: a body changed on the way, a signature made with another secret.
    expect(
      verifyWebhook({
        secret: main.secret,
        headers: registered.headers,
        body: registered.body.replace(doc.id, crypto.randomUUID()),
        now: new Date(),
      }),
    ).toEqual({ ok: false, reason: 'signature_mismatch' });
    const forged = {
      ...registered.headers,
      'webhook-signature': `v1,${Buffer.alloc(32, 7).toString('base64')}`,
    };
    expect(
      verifyWebhook({ secret: main.secret, headers: forged, body: registered.body, now: new Date() }),
    ).toEqual({
      ok: false,
      reason: 'signature_mismatch',
    });

    const resolved = await head.post<Doc>(`/api/v1/documents/${doc.id}/resolutions`, {
      version: doc.version,
      text: 'İcra edin',
      executors: [{ employeeId: ref.employee.get('executor1')!, responsible: true }],
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(201);
    const written = await eventually(
      async () =>
        requestsFor('/ok', (e) => e.type === 'resolution.written' && e.data.documentId === doc.id)[0],
      'resolution.written at the receiver',
      60_000,
    );
    expect(Object.keys(written.json.data).sort()).toEqual(['documentId', 'resolutionId']);
    expect(
      verifyWebhook({ secret: main.secret, headers: written.headers, body: written.body, now: new Date() })
        .ok,
    ).toBe(true);

    // Both deliveries are recorded as delivered, with one attempt each; the receiver got each once.
    const deliveries = await eventually(async () => {
      const all = await deliveriesOf(main.subscription.id);
      const mine = all.filter((d) => [registered.json.id, written.json.id].includes(d.eventId));
      return mine.length === 2 && mine.every((d) => d.state === 'delivered') ? mine : undefined;
    }, 'both deliveries recorded');
    for (const d of deliveries) {
      expect(d.attempts).toHaveLength(1);
      expect(d.attempts[0]).toMatchObject({ status: 204 });
    }
    expect(requestsFor('/ok', (e) => e.id === registered.json.id)).toHaveLength(1);
    expect(requestsFor('/ok', (e) => e.id === written.json.id)).toHaveLength(1);
    // Only ids and numbers go out: never the summary.
    expect(registered.body).not.toContain('Vebhuk');
  }, 120_000);

  it('retries a failing receiver with backoff, every attempt visible', async () => {
    const flaky = await subscribe('/flaky', ['document.registered']);
    const created = await clerk.post<Doc>('/api/v1/documents/incoming', citizenIncoming(unique('Təkrar')));
    expect(created.status).toBe(201);
    const first = await eventually(
      async () => requestsFor('/flaky', (e) => e.data.documentId === created.body.id)[0],
      'the first attempt',
      60_000,
    );
    const delivery = await eventually(
      async () =>
        (await deliveriesOf(flaky.subscription.id)).find(
          (d) => d.eventId === first.json.id && d.state === 'delivered',
        ),
      'the delivery after two failures',
      120_000,
    );
    expect(delivery.attempts.map((a) => a.status)).toEqual([500, 500, 200]);
    const times = delivery.attempts.map((a) => Date.parse(a.at));
    expect(times[1]!).toBeGreaterThanOrEqual(times[0]!);
    expect(times[2]!).toBeGreaterThanOrEqual(times[1]!);
    const sent = requestsFor('/flaky', (e) => e.id === first.json.id);
    expect(sent).toHaveLength(3);
    // Every attempt is signed anew (its own timestamp) with the same id.
    for (const r of sent)
      expect(
        verifyWebhook({ secret: flaky.secret, headers: r.headers, body: r.body, now: new Date() }).ok,
      ).toBe(true);
  }, 180_000);

  it('switches off, rotates the secret, and deletes', async () => {
    const s = await subscribe('/ok', ['document.received']);
    const off = await admin.call<Subscription>(
      'PATCH',
      `/api/v1/webhooks/subscriptions/${s.subscription.id}`,
      {
        version: s.subscription.version,
        active: false,
      },
    );
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body.active).toBe(false);
    const rotated = await admin.post<{ subscription: Subscription; secret: string }>(
      `/api/v1/webhooks/subscriptions/${s.subscription.id}/secret`,
      { version: off.body.version },
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(s.secret);
    const stale = await admin.call('PATCH', `/api/v1/webhooks/subscriptions/${s.subscription.id}`, {
      version: s.subscription.version,
      active: true,
    });
    expect(stale.status).toBe(409);
    const unversioned = await admin.call('DELETE', `/api/v1/webhooks/subscriptions/${s.subscription.id}`);
    expect(unversioned.status).toBe(422);
    const deleted = await admin.call('DELETE', `/api/v1/webhooks/subscriptions/${s.subscription.id}`, {
      version: rotated.body.subscription.version,
    });
    expect(deleted.status).toBe(204);
    expect((await admin.get(`/api/v1/webhooks/subscriptions/${s.subscription.id}`)).status).toBe(404);
  });

  it('replays a create under the same Idempotency-Key', async () => {
    const key = crypto.randomUUID();
    const body = { url: `${receiverUrl}/ok`, events: ['execution.overdue'] };
    const one = await admin.post<{ subscription: Subscription; secret: string }>(
      '/api/v1/webhooks/subscriptions',
      body,
      {
        'Idempotency-Key': key,
      },
    );
    const two = await admin.post<{ subscription: Subscription; secret: string }>(
      '/api/v1/webhooks/subscriptions',
      body,
      {
        'Idempotency-Key': key,
      },
    );
    expect(one.status).toBe(201);
    expect(two.body.subscription.id).toBe(one.body.subscription.id);
    expect(two.body.secret).toBe(one.body.secret);
    await admin.call('DELETE', `/api/v1/webhooks/subscriptions/${one.body.subscription.id}`, {
      version: one.body.subscription.version,
    });
  });
});
