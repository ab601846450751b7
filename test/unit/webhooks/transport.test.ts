import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookTransport } from '../../../functions/modules/webhooks/outbound/transport.adapter';

// The transport against a real listener on 127.0.0.1, with the DNS look-up given by the test.
let server: Server;
let port: number;
const seen: Array<{ url: string; headers: IncomingHttpHeaders; body: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() });
      if (req.url === '/hang') return; // never answers
      if (req.url === '/redirect') res.writeHead(302, { location: 'http://127.0.0.1/elsewhere' }).end();
      else res.writeHead(202).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const post = (url: string) => ({ url, headers: { 'webhook-id': 'evt_1' }, body: '{"a":1}' });

describe('webhook transport', () => {
  it('in AWS refuses a host whose addresses include a private one, before connecting', async () => {
    const lookups: string[] = [];
    const transport = createWebhookTransport({
      allowPrivate: false,
      resolve: async (host) => {
        lookups.push(host);
        return [
          { address: '93.184.216.34', family: 4 },
          { address: '127.0.0.1', family: 4 },
        ];
      },
    });
    const before = seen.length;
    expect(await transport.post(post(`https://hooks.example.az:${port}/x`))).toMatchObject({
      error: 'refused_address',
    });
    expect(await transport.post(post(`https://[::ffff:7f00:1]:${port}/x`))).toMatchObject({
      error: 'refused_address',
    });
    expect(await transport.post(post(`https://169.254.169.254/latest`))).toMatchObject({
      error: 'refused_address',
    });
    expect(await transport.post(post(`http://hooks.example.az:${port}/x`))).toMatchObject({
      error: 'refused_url',
    });
    expect(lookups).toEqual(['hooks.example.az']);
    expect(seen.length).toBe(before);
  });

  it('connects to the address it checked, once resolved, with the host name kept in Host', async () => {
    let calls = 0;
    const transport = createWebhookTransport({
      allowPrivate: true,
      // A rebinding resolver: the first answer is the listener, later ones elsewhere.
      resolve: async () =>
        calls++ === 0 ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '10.9.9.9', family: 4 }],
    });
    const result = await transport.post(post(`http://receiver.test:${port}/in?q=1`));
    expect(result.status).toBe(202);
    expect(calls).toBe(1);
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ url: '/in?q=1', body: '{"a":1}' });
    expect(last.headers.host).toBe(`receiver.test:${port}`);
    expect(last.headers['webhook-id']).toBe('evt_1');
    expect(last.headers['content-type']).toBe('application/json');
  });

  it('follows no redirect and gives up after its timeout', async () => {
    const transport = createWebhookTransport({ allowPrivate: true, timeoutMs: 300 });
    expect((await transport.post(post(`http://127.0.0.1:${port}/redirect`))).status).toBe(302);
    const hung = await transport.post(post(`http://127.0.0.1:${port}/hang`));
    expect(hung.error).toBe('timeout');
    expect(hung.durationMs).toBeGreaterThanOrEqual(250);
  });

  it('names a refused connection', async () => {
    const transport = createWebhookTransport({ allowPrivate: true, timeoutMs: 2000 });
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const free = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    expect((await transport.post(post(`http://127.0.0.1:${free}/`))).error).toBe('connection_refused');
  });
});
