import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HostedPaymentGateway } from '../../../functions/platform/adapters/payment/hosted-payment.adapter';
import { FileMerchantSecrets } from '../../../functions/platform/adapters/payment/merchant-secrets.adapter';
import type {
  PaymentCallback,
  PaymentGateway,
  PaymentRequest,
  PaymentTerms,
} from '../../../functions/platform/ports/payment.port';
import { start, type PaymentService } from '../../../infra/local/services/payment';
import { eventually } from '../../support/eventually';
import { serviceOnTempDir, tempDataDir } from './helpers';

/** The merchant's side: a loopback receiver of callbacks, answering with `answer`. */
interface Receiver {
  url: string;
  answer: number;
  received: PaymentCallback[];
  close(): Promise<void>;
}

async function receiver(): Promise<Receiver> {
  const state = { answer: 204, received: [] as PaymentCallback[] };
  const read = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  };
  const server: Server = createServer((req, res) => {
    void read(req).then((body) => {
      state.received.push({ body, headers: req.headers });
      res.writeHead(state.answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(state, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/public/v1/payments/callback`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}

const RETRY = { firstMs: 50, maxMs: 200 };
/** Both sides' clock: the instant the tests happen at. */
const AT = '2026-03-10T08:00:00.000Z';
const now = () => new Date(AT);

/** The merchant's side: the adapter, and its record of what it created (the `created` look-up). */
function merchantSide(acquirer: { endpoint: string; secretFile: string }) {
  const created = new Map<string, PaymentTerms>();
  const gateway: PaymentGateway = new HostedPaymentGateway({
    endpoint: acquirer.endpoint,
    merchantId: 'karguzar',
    secrets: new FileMerchantSecrets(acquirer.secretFile),
    now,
  });
  return {
    gateway,
    async create(request: PaymentRequest) {
      const made = await gateway.create(request);
      created.set(made.paymentId, {
        orderId: request.orderId,
        amount: request.amount,
        currency: request.currency,
      });
      return made;
    },
    verify: (callback: PaymentCallback) =>
      gateway.verifyCallback(callback, async (paymentId) => created.get(paymentId)),
  };
}

const visaFee = (callbackUrl: string, overrides: Partial<PaymentRequest> = {}): PaymentRequest => ({
  orderId: 'app-0001',
  amount: 2000,
  currency: 'USD',
  description: 'E-viza (standart)',
  language: 'az',
  returnUrl: 'http://127.0.0.1:3000/apply/evisa/return?step=payment',
  callbackUrl,
  ...overrides,
});

/** The browser's click on the page: the form as a browser posts it, redirects not followed. */
const click = (redirectUrl: string, decision: 'pay' | 'decline' | 'abandon') =>
  fetch(redirectUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ decision }).toString(),
    redirect: 'manual',
  });

const callbacksOf = (r: Receiver, paymentId: string) =>
  r.received.filter((c) => (JSON.parse(c.body) as { paymentId: string }).paymentId === paymentId);

describe('the local payment page (the acquirer of the embedded default)', () => {
  let service: PaymentService;
  let merchant: ReturnType<typeof merchantSide>;
  let callbacks: Receiver;

  beforeAll(async () => {
    callbacks = await receiver();
  });
  afterAll(async () => {
    await callbacks.close();
  });
  serviceOnTempDir('payment', async (dataDir) => {
    service = await start({ dataDir, port: 0, retry: RETRY, now });
    merchant = merchantSide({ endpoint: service.endpoint, secretFile: service.merchant.secretFile });
    return service;
  });

  it('shows the payment in its language, and Pay sends a verifiable callback and the browser back', async () => {
    // Arrange
    const made = await merchant.create(visaFee(callbacks.url));

    // Act
    const page = await fetch(made.redirectUrl);
    const html = await page.text();
    const paid = await click(made.redirectUrl, 'pay');
    const delivered = await eventually(
      async () => callbacksOf(callbacks, made.paymentId)[0],
      'the callback of the paid payment',
    );
    const verdict = await merchant.verify(delivered);

    // Assert
    expect(made.redirectUrl).toBe(`${service.endpoint}/pay/${made.paymentId}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html).toContain('<html lang="az">');
    expect(html).toContain('<h1>Ödəniş</h1>');
    expect(html).toContain('E-viza (standart)');
    expect(html).toContain('20,00 USD');
    expect(html).toContain(`<form method="post" action="/pay/${made.paymentId}">`);
    expect(html).toContain('<button type="submit" name="decision" value="pay">Ödə</button>');
    expect(html).toContain('value="decline">Ödənişi rədd et</button>');
    expect(html).toContain('value="abandon">İmtina et və qayıt</button>');
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(
      `http://127.0.0.1:3000/apply/evisa/return?step=payment&paymentId=${made.paymentId}`,
    );
    expect(verdict).toEqual({
      ok: true,
      payment: expect.objectContaining({
        paymentId: made.paymentId,
        orderId: 'app-0001',
        amount: 2000,
        currency: 'USD',
        status: 'paid',
      }),
    });
    await eventually(
      async () => (service.undelivered().length === 0 ? true : undefined),
      'the callback marked delivered',
    );
  });

  it('answers a status look-up with the decision the callback carried', async () => {
    // Arrange
    const made = await merchant.create(visaFee(callbacks.url, { orderId: 'app-0002' }));
    const before = await merchant.gateway.status(made.paymentId);
    await click(made.redirectUrl, 'pay');
    const delivered = await eventually(async () => callbacksOf(callbacks, made.paymentId)[0], 'the callback');

    // Act
    const after = await merchant.gateway.status(made.paymentId);
    const unknown = await merchant.gateway.status('pay_000000000000000000000000');

    // Assert
    const verdict = await merchant.verify(delivered);
    expect(before).toEqual({
      state: 'pending',
      paymentId: made.paymentId,
      orderId: 'app-0002',
      amount: 2000,
      currency: 'USD',
    });
    expect(verdict.ok && after?.state === 'decided' && after.payment).toEqual(verdict.ok && verdict.payment);
    expect(unknown).toBeUndefined();
  });

  it('Decline on an English page sends a declined callback and the browser back', async () => {
    // Arrange
    const made = await merchant.create(
      visaFee(callbacks.url, { orderId: 'app-0003', language: 'en', amount: 6000 }),
    );

    // Act
    const html = await (await fetch(made.redirectUrl)).text();
    const declined = await click(made.redirectUrl, 'decline');
    const delivered = await eventually(
      async () => callbacksOf(callbacks, made.paymentId)[0],
      'the callback of the declined payment',
    );

    // Assert
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('60.00 USD');
    expect(html).toContain('value="pay">Pay</button>');
    expect(declined.status).toBe(303);
    expect(declined.headers.get('location')).toContain(`paymentId=${made.paymentId}`);
    expect(await merchant.verify(delivered)).toMatchObject({ ok: true, payment: { status: 'declined' } });
  });

  it('Abandon sends the browser back with no payment (a cancelled callback)', async () => {
    // Arrange
    const made = await merchant.create(visaFee(callbacks.url, { orderId: 'app-0004', language: 'ru' }));

    // Act
    const html = await (await fetch(made.redirectUrl)).text();
    const abandoned = await click(made.redirectUrl, 'abandon');
    const delivered = await eventually(
      async () => callbacksOf(callbacks, made.paymentId)[0],
      'the callback of the abandoned payment',
    );

    // Assert
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('value="abandon">Отказаться и вернуться</button>');
    expect(abandoned.status).toBe(303);
    expect(abandoned.headers.get('location')).toContain(`paymentId=${made.paymentId}`);
    expect(await merchant.verify(delivered)).toMatchObject({ ok: true, payment: { status: 'cancelled' } });
    expect(await merchant.gateway.status(made.paymentId)).toMatchObject({
      state: 'decided',
      payment: { status: 'cancelled' },
    });
  });

  it('takes a decision once: a second click shows the first outcome and changes nothing', async () => {
    // Arrange
    const made = await merchant.create(visaFee(callbacks.url, { orderId: 'app-0005' }));
    await click(made.redirectUrl, 'pay');
    const first = await eventually(async () => callbacksOf(callbacks, made.paymentId)[0], 'the callback');
    await eventually(
      async () => (service.undelivered().length === 0 ? true : undefined),
      'the callback marked delivered',
    );

    // Act
    const again = await click(made.redirectUrl, 'decline');
    const html = await again.text();
    const page = await (await fetch(made.redirectUrl)).text();
    const status = await merchant.gateway.status(made.paymentId);

    // Assert
    const verdict = await merchant.verify(first);
    expect(again.status).toBe(409);
    expect(html).toContain('Bu ödəniş barədə qərar artıq verilib. Ödəniş qəbul edildi.');
    expect(page).toContain('<p role="status">Ödəniş qəbul edildi.</p>');
    expect(page).not.toContain('<form');
    expect(status).toEqual({ state: 'decided', payment: verdict.ok && verdict.payment });
    expect(service.undelivered()).toEqual([]);
  });

  it('keeps sending a refused callback until the merchant answers 2xx, with the same callback id', async () => {
    // Arrange
    callbacks.answer = 503;
    const made = await merchant.create(visaFee(callbacks.url, { orderId: 'app-0006' }));
    await click(made.redirectUrl, 'pay');
    await eventually(
      async () => (callbacksOf(callbacks, made.paymentId).length >= 2 ? true : undefined),
      'two refused attempts',
    );

    // Act
    callbacks.answer = 204;
    await eventually(
      async () => (service.undelivered().length === 0 ? true : undefined),
      'the callback delivered',
    );

    // Assert
    const verdicts = await Promise.all(callbacksOf(callbacks, made.paymentId).map((c) => merchant.verify(c)));
    const ids = new Set(verdicts.map((v) => (v.ok ? v.payment.callbackId : v.reason)));
    expect(ids.size).toBe(1);
    expect(verdicts.every((v) => v.ok)).toBe(true);
  });

  it('refuses API requests not signed with the merchant secret', async () => {
    // Arrange
    const body = JSON.stringify({
      ...visaFee(callbacks.url),
      merchantId: service.merchant.id,
      timestamp: AT,
    });

    // Act
    const unsigned = await fetch(`${service.endpoint}/v1/payments`, { method: 'POST', body });
    const forged = await fetch(`${service.endpoint}/v1/payments`, {
      method: 'POST',
      body,
      headers: { 'payment-signature': `v1=${'0'.repeat(64)}` },
    });

    // Assert
    expect([unsigned.status, forged.status]).toEqual([401, 401]);
  });
});

/**
 * The acquirer in a process of its own on `dataDir`, as `npm start` runs it (so that it can be
 * killed with -9); resolves once it listens, with its port.
 */
async function acquirerProcess(dataDir: string): Promise<{ child: ChildProcess; port: number }> {
  const module = pathToFileURL(join(import.meta.dirname, '../../../infra/local/services/payment.ts')).href;
  const code =
    `const { start } = await import(${JSON.stringify(module)});` +
    `const s = await start({ dataDir: ${JSON.stringify(dataDir)}, port: 0, retry: ${JSON.stringify(RETRY)},` +
    ` now: () => new Date(${JSON.stringify(AT)}) });` +
    `process.stdout.write('listening ' + s.port + '\\n');`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`the acquirer process ended (${code})`)));
  });
  return { child, port };
}

describe('the local payment page after kill -9', () => {
  it('sends the callback of a decision taken before the kill once it starts again', async () => {
    // Arrange: the merchant is down when the payer clicks Pay; then the acquirer is killed
    const data = await tempDataDir('payment-kill');
    const callbacks = await receiver();
    callbacks.answer = 503;
    const { child, port } = await acquirerProcess(data.dir);
    let restarted: PaymentService | undefined;
    try {
      const merchant = merchantSide({
        endpoint: `http://127.0.0.1:${port}`,
        secretFile: join(data.dir, 'payment', 'merchant.json'),
      });
      const made = await merchant.create(visaFee(callbacks.url, { orderId: 'app-0100' }));
      const paid = await click(made.redirectUrl, 'pay');
      await eventually(async () => callbacksOf(callbacks, made.paymentId)[0], 'a refused attempt');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
      callbacks.received.length = 0;
      callbacks.answer = 204;

      // Act
      restarted = await start({ dataDir: data.dir, port: 0, retry: RETRY, now });
      await eventually(
        async () => (restarted!.undelivered().length === 0 ? true : undefined),
        'the callback delivered after the restart',
      );

      // Assert
      expect(paid.status).toBe(303);
      const delivered = callbacksOf(callbacks, made.paymentId);
      expect(delivered.length).toBeGreaterThanOrEqual(1);
      expect(await merchant.verify(delivered.at(-1)!)).toMatchObject({
        ok: true,
        payment: { paymentId: made.paymentId, orderId: 'app-0100', status: 'paid' },
      });
    } finally {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
      await restarted?.close();
      await callbacks.close();
      await data.remove();
    }
  });
});

describe('the embedded default', () => {
  it('runs the local payment page on PORT+11 and reports it in its health', async () => {
    // Arrange
    const baseUrl = inject('baseUrl');
    const pagePort = Number(new URL(baseUrl).port) + 11;

    // Act
    const health = (await (await fetch(`${baseUrl}/api/health`)).json()) as {
      components: Record<string, { ok: boolean }>;
    };
    const unknown = await fetch(`http://127.0.0.1:${pagePort}/pay/pay_000000000000000000000000`);

    // Assert
    expect(health.components.payment).toEqual({ ok: true });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Ödəniş tapılmadı');
  });
});
