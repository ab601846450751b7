/**
 * The local acquirer: plays the card acquirer's part of the hosted-payment-page protocol
 * (functions/platform/adapters/payment/protocol.ts) on 127.0.0.1 for the embedded default.
 *
 * - `POST /v1/payments` and `POST /v1/payments/status`: the merchant's signed API.
 * - `GET /pay/<id>`: the hosted page (az/en/ru by the payment's language) with Pay, Decline and
 *   Abandon; `POST /pay/<id>` takes the decision once (a second one shows the first's outcome).
 *
 * State lives in `<dataDir>/payment/`: `merchant.json` (the merchant id and its secret, made on
 * first start, mode 0600) and one file per payment, replaced atomically. A decision is written,
 * with its callback marked undelivered, before the browser is answered; the callback is then sent
 * (signed) until a 2xx, with growing pauses, and marked delivered. Undelivered callbacks are the
 * outbox: a start sends those an earlier run (even one killed with -9) left behind.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import {
  createRequest,
  headerOf,
  openSigned,
  SIGNATURE_HEADER,
  signedMessage,
  statusRequest,
  type CallbackBody,
  type CreateRequest,
  type StatusResponse,
} from '../../../functions/platform/adapters/payment/protocol';
import type { PaymentOutcome } from '../../../functions/platform/ports/payment.port';
import {
  closeServer,
  HttpError,
  KeyedMutex,
  listenLoopback,
  LOCAL_HOST,
  readBody,
  requirePort,
  writeFileAtomic,
  type LocalService,
} from './common';
import { paymentPage, unknownPaymentPage } from './payment-page';

export const LOCAL_MERCHANT_ID = 'karguzar';

export interface PaymentStartOptions {
  /** The state is kept in `<dataDir>/payment/`. */
  dataDir: string;
  /** Port on 127.0.0.1 (0 = any free port). */
  port: number;
  /** The clock of timestamps and of the freshness check (the embedded default's controllable clock). */
  now?: () => Date;
  /** Pause before the first new attempt of a callback, doubling up to `maxMs`. Default 500 ms … 30 s. */
  retry?: { firstMs: number; maxMs: number };
  log?: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
}

export interface PaymentService extends LocalService {
  /** The merchant the embedded default's adapter is: its id and the file holding its secret. */
  merchant: { id: string; secretFile: string };
  /** Decided payments whose callback no 2xx has acknowledged yet. */
  undelivered(): string[];
}

interface PaymentRecord extends Omit<CreateRequest, 'timestamp'> {
  paymentId: string;
  createdAt: string;
  decision?: { status: PaymentOutcome; decidedAt: string; callbackId: string };
  /** Present once decided; `deliveredAt` once a 2xx acknowledged it. */
  callback?: { deliveredAt?: string };
}

const DECISIONS: Record<string, PaymentOutcome> = { pay: 'paid', decline: 'declined', abandon: 'cancelled' };

async function merchantOf(dir: string): Promise<{ id: string; secret: string; file: string }> {
  const file = join(dir, 'merchant.json');
  try {
    const kept = JSON.parse(await readFile(file, 'utf8')) as { merchantId: string; secret: string };
    return { id: kept.merchantId, secret: kept.secret, file };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const made = { merchantId: LOCAL_MERCHANT_ID, secret: randomBytes(32).toString('base64url') };
  await writeFileAtomic(file, JSON.stringify(made), 0o600);
  return { id: made.merchantId, secret: made.secret, file };
}

export async function start(opts: PaymentStartOptions): Promise<PaymentService> {
  const port = requirePort(opts.port, 'payment.port');
  const now = opts.now ?? (() => new Date());
  const retry = opts.retry ?? { firstMs: 500, maxMs: 30_000 };
  const log = opts.log ?? (() => undefined);
  const dir = join(opts.dataDir, 'payment');
  const paymentsDir = join(dir, 'payments');
  await mkdir(paymentsDir, { recursive: true });
  const merchant = await merchantOf(dir);

  const payments = new Map<string, PaymentRecord>();
  for (const name of await readdir(paymentsDir)) {
    // Leftover temp files of a write a crash interrupted are not payments.
    if (!/^pay_[0-9a-f]{24}\.json$/.test(name)) continue;
    const record = JSON.parse(await readFile(join(paymentsDir, name), 'utf8')) as PaymentRecord;
    payments.set(record.paymentId, record);
  }
  const mutex = new KeyedMutex();
  const save = (record: PaymentRecord) =>
    writeFileAtomic(join(paymentsDir, `${record.paymentId}.json`), JSON.stringify(record));

  let closed = false;
  const timers = new Set<NodeJS.Timeout>();
  const sending = new Map<string, Promise<void>>();
  const stop = new AbortController();
  let publicBase = '';

  const returnUrlOf = (record: PaymentRecord) => {
    const url = new URL(record.returnUrl);
    url.searchParams.set('paymentId', record.paymentId);
    return url.toString();
  };

  /** One attempt to deliver a decided payment's callback; true once acknowledged. */
  async function attempt(record: PaymentRecord): Promise<boolean> {
    const decision = record.decision!;
    const message: CallbackBody = {
      type: 'payment.decided',
      merchantId: record.merchantId,
      paymentId: record.paymentId,
      orderId: record.orderId,
      amount: record.amount,
      currency: record.currency,
      status: decision.status,
      decidedAt: decision.decidedAt,
      callbackId: decision.callbackId,
      timestamp: now().toISOString(),
    };
    const signed = signedMessage(merchant.secret, message);
    try {
      const answer = await fetch(record.callbackUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signed.signature },
        body: signed.body,
        redirect: 'manual',
        signal: AbortSignal.any([stop.signal, AbortSignal.timeout(10_000)]),
      });
      await answer.body?.cancel();
      if (answer.status >= 200 && answer.status < 300) return true;
      log('warn', 'payment callback refused', { paymentId: record.paymentId, status: answer.status });
    } catch (error) {
      if (!closed)
        log('warn', 'payment callback failed', {
          paymentId: record.paymentId,
          error: error instanceof Error ? error.message : String(error),
        });
    }
    return false;
  }

  /** Sends the callback until a 2xx (one sender per payment), then marks it delivered. */
  function deliver(paymentId: string, pause = retry.firstMs): void {
    if (closed || sending.has(paymentId)) return;
    const record = payments.get(paymentId);
    if (!record?.decision || record.callback?.deliveredAt) return;
    const run = (async () => {
      if (await attempt(record)) {
        await mutex.run(paymentId, async () => {
          record.callback = { deliveredAt: now().toISOString() };
          await save(record);
        });
        return;
      }
      if (closed) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        deliver(paymentId, Math.min(pause * 2, retry.maxMs));
      }, pause);
      timers.add(timer);
    })()
      .catch((error: unknown) =>
        log('error', 'payment callback not recorded', {
          paymentId,
          error: error instanceof Error ? error.message : String(error),
        }),
      )
      .finally(() => sending.delete(paymentId));
    sending.set(paymentId, run);
  }

  /** Reads and checks a signed request of the merchant. */
  async function signedRequest<T extends { merchantId: string; timestamp: string }>(
    req: IncomingMessage,
    schema: Parameters<typeof openSigned<T>>[0],
  ): Promise<T> {
    const body = (await readBody(req, 64 * 1024)).toString('utf8');
    const opened = openSigned(schema, {
      secrets: [merchant.secret],
      body,
      signature: headerOf(req.headers, SIGNATURE_HEADER),
      now: now(),
    });
    if (!opened.ok)
      throw opened.reason === 'malformed'
        ? new HttpError(400, 'malformed', 'The request is not a payment protocol message')
        : new HttpError(401, opened.reason, 'The request is not signed by the merchant, or not fresh');
    if (opened.message.merchantId !== merchant.id)
      throw new HttpError(401, 'unknown_merchant', 'Unknown merchant');
    return opened.message;
  }

  const sendSigned = (res: ServerResponse, status: number, message: object) => {
    const signed = signedMessage(merchant.secret, { ...message, timestamp: now().toISOString() });
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      [SIGNATURE_HEADER]: signed.signature,
    });
    res.end(signed.body);
  };

  const sendPage = (res: ServerResponse, status: number, html: string, formTarget?: string) => {
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      // The form posts here and is then redirected to the return URL (form-action covers both).
      'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'${formTarget ? ` ${formTarget}` : ''}`,
    });
    res.end(html);
  };

  const view = (record: PaymentRecord, again = false) => ({
    paymentId: record.paymentId,
    orderId: record.orderId,
    amount: record.amount,
    currency: record.currency,
    description: record.description,
    language: record.language,
    ...(record.decision ? { outcome: record.decision.status, backUrl: returnUrlOf(record), again } : {}),
  });

  async function create(req: IncomingMessage, res: ServerResponse) {
    const { timestamp: _sent, ...request } = await signedRequest(req, createRequest);
    const record: PaymentRecord = {
      ...request,
      paymentId: `pay_${randomBytes(12).toString('hex')}`,
      createdAt: now().toISOString(),
    };
    await save(record);
    payments.set(record.paymentId, record);
    sendSigned(res, 201, {
      paymentId: record.paymentId,
      redirectUrl: `${publicBase}/pay/${record.paymentId}`,
    });
  }

  async function status(req: IncomingMessage, res: ServerResponse) {
    const asked = await signedRequest(req, statusRequest);
    const record = payments.get(asked.paymentId);
    if (!record || record.merchantId !== asked.merchantId)
      throw new HttpError(404, 'not_found', 'No such payment');
    const terms = {
      merchantId: record.merchantId,
      paymentId: record.paymentId,
      orderId: record.orderId,
      amount: record.amount,
      currency: record.currency,
    };
    const answer: Omit<StatusResponse, 'timestamp'> = record.decision
      ? { state: 'decided', ...terms, ...record.decision }
      : { state: 'pending', ...terms };
    sendSigned(res, 200, answer);
  }

  async function decide(req: IncomingMessage, res: ServerResponse, record: PaymentRecord) {
    const form = new URLSearchParams((await readBody(req, 4096)).toString('utf8'));
    const outcome = DECISIONS[form.get('decision') ?? ''];
    if (!outcome) throw new HttpError(400, 'bad_decision', 'decision must be pay, decline or abandon');
    const first = await mutex.run(record.paymentId, async () => {
      if (record.decision) return false;
      const decided: PaymentRecord = {
        ...record,
        decision: { status: outcome, decidedAt: now().toISOString(), callbackId: randomUUID() },
        callback: {},
      };
      // Written before the browser hears of it: a crash from here on still sends the callback.
      await save(decided);
      Object.assign(record, decided);
      return true;
    });
    if (!first) {
      sendPage(res, 409, paymentPage(view(record, true)));
      return;
    }
    log('info', 'payment decided', { paymentId: record.paymentId, status: outcome });
    deliver(record.paymentId);
    res.writeHead(303, { location: returnUrlOf(record), 'cache-control': 'no-store' });
    res.end();
  }

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const path = new URL(req.url ?? '/', 'http://local').pathname;
      if (req.method === 'POST' && path === '/v1/payments') return await create(req, res);
      if (req.method === 'POST' && path === '/v1/payments/status') return await status(req, res);
      const page = /^\/pay\/([A-Za-z0-9_]{1,64})$/.exec(path);
      if (page && (req.method === 'GET' || req.method === 'POST')) {
        const record = payments.get(page[1]!);
        if (!record) return sendPage(res, 404, unknownPaymentPage());
        if (req.method === 'GET')
          return sendPage(res, 200, paymentPage(view(record)), new URL(record.returnUrl).origin);
        return await decide(req, res, record);
      }
      throw new HttpError(404, 'not_found', 'Not found');
    } catch (err) {
      const e = err instanceof HttpError ? err : new HttpError(500, 'internal', 'Internal error');
      if (e.status === 500) log('error', 'payment service', { error: String(err) });
      if (res.headersSent) return void res.end();
      res.writeHead(e.status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: e.code, message: e.message }));
    }
  };

  const { server, port: bound } = await listenLoopback((req, res) => void handler(req, res), port);
  publicBase = `http://${LOCAL_HOST}:${bound}`;
  // The outbox an earlier run left: callbacks decided and never acknowledged.
  for (const record of payments.values()) deliver(record.paymentId);

  const undelivered = () =>
    [...payments.values()].filter((p) => p.decision && !p.callback?.deliveredAt).map((p) => p.paymentId);
  return {
    port: bound,
    endpoint: publicBase,
    merchant: { id: merchant.id, secretFile: merchant.file },
    undelivered,
    async health() {
      if (!server.listening) return { ok: false, detail: 'not listening' };
      const waiting = undelivered().length;
      return { ok: true, ...(waiting > 0 ? { detail: `${waiting} callbacks waiting` } : {}) };
    },
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      stop.abort();
      await Promise.all(sending.values());
      await closeServer(server);
    },
  };
}
