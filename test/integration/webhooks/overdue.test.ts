import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { azerbaijanBuiltInCalendar } from '../../../functions/modules/execution/domain/calendar/azerbaijan';
import { addWorkingDays } from '../../../functions/modules/execution/domain/calendar/working-days';
import { bakuLocalDate } from '../../../functions/modules/documents/domain/date-filter';
import { verifyWebhook } from '../../../functions/modules/webhooks';
import { advanceClockTo, clockNow } from '../../support/clock';
import { eventually } from '../../support/eventually';
import { ownEmbedded } from '../../support/own-embedded';
import { as, citizenIncoming, lookups, unique, type Doc } from '../documents/helpers';

// The overdue event comes from the deadline machine (no table write marks a resolution overdue):
// an embedded default of this file's own, whose clock is moved past a controlled resolution's due date.
const embedded = ownEmbedded();

type Received = {
  headers: IncomingHttpHeaders;
  body: string;
  json: { id: string; type: string; data: Record<string, string> };
};
const received: Received[] = [];
let server: Server;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: req.headers, body, json: JSON.parse(body) as Received['json'] });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('execution.overdue', () => {
  it('reaches a subscriber once when a controlled resolution’s due date passes', async () => {
    const baseUrl = embedded.baseUrl;
    const [admin, clerk, head] = await Promise.all([
      as(baseUrl, 'admin'),
      as(baseUrl, 'clerk'),
      as(baseUrl, 'head'),
    ]);
    const ref = await lookups(clerk);
    const port = (server.address() as AddressInfo).port;
    const sub = await admin.post<{ subscription: { id: string }; secret: string }>(
      '/api/v1/webhooks/subscriptions',
      {
        url: `http://127.0.0.1:${port}/overdue`,
        events: ['execution.overdue'],
      },
    );
    expect(sub.status, JSON.stringify(sub.body)).toBe(201);

    const today = bakuLocalDate(await clockNow(baseUrl));
    const due = addWorkingDays(azerbaijanBuiltInCalendar, today, 2);
    const created = await clerk.post<Doc>('/api/v1/documents/incoming', citizenIncoming(unique('Gecikən')));
    expect(created.status).toBe(201);
    const resolved = await head.post<Doc>(`/api/v1/documents/${created.body.id}/resolutions`, {
      version: created.body.version,
      text: 'İcra edin',
      executors: [{ employeeId: ref.employee.get('executor1')!, responsible: true }],
      controllerId: ref.employee.get('controller')!,
      dueDate: due,
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(201);

    // The day after the due date, in Baku.
    await advanceClockTo(baseUrl, `${addWorkingDays(azerbaijanBuiltInCalendar, due, 2)}T10:00:00+04:00`);
    const overdue = await eventually(
      async () =>
        received.find(
          (r) => r.json.type === 'execution.overdue' && r.json.data.documentId === created.body.id,
        ),
      'execution.overdue at the receiver',
      120_000,
    );
    expect(overdue.json.data).toMatchObject({ documentId: created.body.id, dueDate: due });
    expect(Object.keys(overdue.json.data).sort()).toEqual(['documentId', 'dueDate', 'resolutionId']);
    const at = new Date(Number(overdue.headers['webhook-timestamp']) * 1000);
    expect(
      verifyWebhook({ secret: sub.body.secret, headers: overdue.headers, body: overdue.body, now: at }).ok,
    ).toBe(true);
    // Escalations later on are not overdue events: one event, one request.
    await eventually(async () => {
      const d = await admin.get<{ items: Array<{ eventId: string; state: string }> }>(
        `/api/v1/webhooks/subscriptions/${sub.body.subscription.id}/deliveries`,
      );
      return d.body.items.find((i) => i.eventId === overdue.json.id && i.state === 'delivered');
    }, 'the delivery recorded');
    expect(received.filter((r) => r.json.id === overdue.json.id)).toHaveLength(1);
  }, 300_000);
});
