import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { obtainToken } from '../../infra/local/oidc/token-flow';
import { addDays, bakuDate } from '../../functions/modules/eservices';
import { clockNow } from '../../test/support/clock';
import { percentile } from './registration';

/**
 * Issue 15's figures: e-visa submits over the public API (each with its passport scan uploaded to
 * a presigned URL first), and the time from the citizen's payment to the officer's task on the
 * registered application. The issue sets no numeric goal for either.
 *
 * The public API throttles anonymous routes per client address (`RATE_LIMIT_ANONYMOUS_PER_MINUTE`
 * of the group handler, 6000 by default; the local gateway takes the socket's address and trusts
 * no X-Forwarded-For): every simulated citizen here comes from 127.0.0.1, so the bench's embedded
 * default is started with the limit raised (`BENCH_ANONYMOUS_LIMIT_PER_MINUTE`), as it is for the tenant quota.
 */
export const BENCH_ANONYMOUS_LIMIT_PER_MINUTE = '100000000';

const AGENCY = '/api/public/v1/agencies/demo1';
const SCAN_BYTES = 200 * 1024;

const wallNow = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Span {
  p50: number;
  p99: number;
}

const spanOf = (values: number[]): Span => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
};

/** A fake passport scan of ~200 KB (a PDF header, random filler, the trailer), fresh per call. */
function scan(): Uint8Array<ArrayBuffer> {
  const head = new TextEncoder().encode(`%PDF-1.4\n% passport scan ${randomUUID()}\n%`);
  const tail = new TextEncoder().encode('\n%%EOF\n');
  const bytes = new Uint8Array(SCAN_BYTES);
  bytes.set(head);
  bytes.set(randomBytes(SCAN_BYTES - head.length - tail.length), head.length);
  bytes.set(tail, SCAN_BYTES - tail.length);
  return bytes;
}

/** A JSON call without a token (the citizen's) or with one; answers status and parsed body. */
async function call<T>(
  baseUrl: string,
  method: string,
  path: string,
  options: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      'accept-language': 'en',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

class Refused extends Error {
  constructor(
    readonly step: string,
    readonly status: number,
  ) {
    super(`${step}: ${status}`);
  }
}

/** Asks for an upload, PUTs a fresh scan to its presigned URL; the scan's reference for the form. */
async function uploadedScan(baseUrl: string) {
  const bytes = scan();
  const ticket = await call<{ ref: string; upload: { url: string; signedHeaders: Record<string, string> } }>(
    baseUrl,
    'POST',
    `${AGENCY}/services/e-visa/uploads`,
    {
      body: {
        field: 'passportScan',
        name: 'passport.pdf',
        mediaType: 'application/pdf',
        bytes: bytes.byteLength,
        sha256: createHash('sha256').update(bytes).digest('base64'),
      },
    },
  );
  if (ticket.status !== 201) throw new Refused('upload ticket', ticket.status);
  const put = await fetch(ticket.body.upload.url, {
    method: 'PUT',
    headers: ticket.body.upload.signedHeaders,
    body: bytes,
  });
  await put.arrayBuffer();
  if (put.status !== 200) throw new Refused('scan PUT', put.status);
  return {
    ref: ticket.body.ref,
    name: 'passport.pdf',
    mediaType: 'application/pdf',
    bytes: bytes.byteLength,
  };
}

/** One standard e-visa application of one applicant (arrival: `arrival`, a Baku date). */
function application(email: string, passport: string, arrival: string, passportScan: unknown) {
  return {
    language: 'en',
    variant: 'standard',
    common: { email, phone: '+49 30 901820' },
    applicants: [
      {
        surname: 'Schneider',
        givenNames: 'Jonas',
        sex: 'male',
        birthDate: '1985-05-06',
        nationality: 'DEU',
        passportNumber: passport,
        passportIssueDate: '2021-02-03',
        passportExpiryDate: '2035-02-02',
        purpose: 'tourism',
        arrivalDate: arrival,
        addressInAzerbaijan: 'Bakı, Neftçilər pr. 1',
        passportScan: [passportScan],
      },
    ],
  };
}

const newPassport = () => `B${randomUUID().replaceAll('-', '').slice(0, 8).toUpperCase()}`;

/** Uploads a scan and submits one application with it; the number and both durations (ms). */
async function submitOne(baseUrl: string, email: string, passport: string, arrival: string) {
  const t0 = performance.now();
  const passportScan = await uploadedScan(baseUrl);
  const t1 = performance.now();
  const res = await call<{ number: string }>(baseUrl, 'POST', `${AGENCY}/services/e-visa/applications`, {
    body: application(email, passport, arrival, passportScan),
    headers: { 'idempotency-key': randomUUID() },
  });
  const t2 = performance.now();
  if (res.status !== 201) throw new Refused('submit', res.status);
  return { number: res.body.number, whole: t2 - t0, submit: t2 - t1 };
}

/** Distinct refusals (step and status) with their counts, for the printed line. */
function refusalCounts(errors: unknown[]): string {
  const counts = new Map<string, number>();
  for (const error of errors) {
    const key = error instanceof Refused ? `${error.step} ${error.status}` : String(error).slice(0, 80);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${n} × ${key}`).join(', ');
}

export interface SubmitFigures {
  clients: number;
  count: number;
  seconds: number;
  perSecond: number;
  /** Upload ticket + scan PUT + submit. */
  whole: Span;
  /** The submit request alone. */
  submit: Span;
  errors: number;
  refusals: string;
}

/** `clients` citizens, each submitting e-visa applications with a fresh scan for `seconds`. */
export async function submitRun(
  baseUrl: string,
  options: { clients: number; seconds: number },
): Promise<SubmitFigures> {
  const arrival = addDays(bakuDate(await clockNow(baseUrl)), 10);
  // Warm-up: connections, JIT, the service's definition read once.
  await Promise.all(
    Array.from({ length: Math.min(4, options.clients) }, () =>
      submitOne(baseUrl, 'bench-warm@example.de', newPassport(), arrival),
    ),
  );
  const whole: number[] = [];
  const submit: number[] = [];
  const errors: unknown[] = [];
  const start = performance.now();
  const end = start + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.clients }, async (_, c) => {
      while (performance.now() < end) {
        try {
          const one = await submitOne(baseUrl, `bench-citizen-${c}@example.de`, newPassport(), arrival);
          whole.push(one.whole);
          submit.push(one.submit);
        } catch (error) {
          errors.push(error);
        }
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  return {
    clients: options.clients,
    count: whole.length,
    seconds,
    perSecond: whole.length / seconds,
    whole: spanOf(whole),
    submit: spanOf(submit),
    errors: errors.length,
    refusals: refusalCounts(errors),
  };
}

export interface PaymentFigures {
  applications: number;
  measured: number;
  inFlight: number;
  pollMs: number;
  seconds: number;
  /** Pay click sent → the officer's pending approve task seen. */
  total: Span;
  stages: Array<{ name: string } & Span>;
  /** Polls answered 429 (retried after the interval). */
  throttled: number;
  errors: number;
  refusals: string;
}

interface Prepared {
  number: string;
  redirectUrl: string;
}

/**
 * `applications` e-visas submitted and confirmed (the link from the e-mail in maildev), their
 * payment started; then paid on the local payment page `inFlight` at a time. For each: the pay
 * click sent → the application seen in review (the admin's view) → registered (its `documentId`)
 * → the officer's pending approve task on that document (`appealshead`), each seen by polling
 * every `pollMs` (so each instant is late by up to one interval plus one request).
 */
export async function paymentToTaskRun(
  embedded: { baseUrl: string; port: number },
  tokens: { admin: string; officer: string },
  options: { applications: number; inFlight: number; pollMs: number },
): Promise<PaymentFigures> {
  const { baseUrl } = embedded;
  const maildev = `http://127.0.0.1:${embedded.port + 6}`;
  const arrival = addDays(bakuDate(await clockNow(baseUrl)), 10);
  const run = randomUUID().slice(0, 8);
  let throttled = 0;
  const errors: unknown[] = [];
  const poll = async <T>(
    what: string,
    read: () => Promise<{ status: number; body: T }>,
    done: (b: T) => boolean,
  ) => {
    for (const deadline = performance.now() + 120_000; performance.now() < deadline;) {
      const res = await read();
      if (res.status === 429) throttled++;
      else if (res.status === 200 && done(res.body)) return res.body;
      await sleep(options.pollMs);
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  const pool = async <T>(items: T[], work: (item: T, i: number) => Promise<void>) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: options.inFlight }, async () => {
        while (next < items.length) {
          const i = next++;
          try {
            await work(items[i]!, i);
          } catch (error) {
            errors.push(error);
          }
        }
      }),
    );
  };

  // Submitted, confirmed, the payment page opened: nothing of this is measured.
  const prepared: Prepared[] = [];
  await pool(
    Array.from({ length: options.applications }, (_, i) => i),
    async (i) => {
      const email = `bench-pay-${run}-${i}@example.de`;
      const passport = newPassport();
      const { number } = await submitOne(baseUrl, email, passport, arrival);
      const token = await poll(
        'the confirmation e-mail',
        async () => {
          const res = await fetch(`${maildev}/api/email?to.address=${encodeURIComponent(email)}`);
          return { status: res.status, body: (await res.json()) as Array<{ subject: string; text: string }> };
        },
        (mails) => mails.some((m) => m.subject.includes(number)),
      ).then(
        (mails) => /token=([A-Za-z0-9_-]+)/.exec(mails.find((m) => m.subject.includes(number))!.text)?.[1],
      );
      const confirmed = await call(baseUrl, 'POST', `${AGENCY}/applications/confirm`, {
        body: { number, token },
      });
      if (confirmed.status !== 200) throw new Refused('confirm', confirmed.status);
      const payment = await poll(
        'the payment to start',
        () =>
          call<{ redirectUrl: string }>(baseUrl, 'POST', `${AGENCY}/applications/payment`, {
            body: { number, secondFactor: passport },
          }),
        () => true,
      );
      prepared.push({ number, redirectUrl: payment.redirectUrl });
    },
  );

  // Paid, `inFlight` at a time; each followed to the officer's task.
  const spans = {
    total: [] as number[],
    review: [] as number[],
    registered: [] as number[],
    task: [] as number[],
  };
  type View = { state: string; documentId?: string };
  type Execution = { assignments?: Array<{ status: string; actions: string[] }> };
  const start = performance.now();
  await pool(prepared, async ({ number, redirectUrl }) => {
    const paidAt = wallNow();
    const paid = await fetch(redirectUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ decision: 'pay' }).toString(),
      redirect: 'manual',
    });
    await paid.arrayBuffer();
    if (paid.status !== 303) throw new Refused('pay', paid.status);
    let inReviewAt: number | undefined;
    const view = await poll(
      'the registered document',
      () => call<View>(baseUrl, 'GET', `/api/v1/eservices/applications/${number}`, { token: tokens.admin }),
      (v) => {
        if (v.state !== 'awaiting-payment') inReviewAt ??= wallNow();
        return v.documentId !== undefined;
      },
    );
    const registeredAt = wallNow();
    await poll(
      'the officer’s task',
      () =>
        call<Execution>(baseUrl, 'GET', `/api/v1/documents/${view.documentId}/execution`, {
          token: tokens.officer,
        }),
      (e) => e.assignments?.some((a) => a.status === 'pending' && a.actions.includes('approve')) ?? false,
    );
    const taskAt = wallNow();
    spans.total.push(taskAt - paidAt);
    spans.review.push((inReviewAt ?? registeredAt) - paidAt);
    spans.registered.push(registeredAt - (inReviewAt ?? registeredAt));
    spans.task.push(taskAt - registeredAt);
  });
  return {
    applications: options.applications,
    measured: spans.total.length,
    inFlight: options.inFlight,
    pollMs: options.pollMs,
    seconds: (performance.now() - start) / 1000,
    total: spanOf(spans.total),
    stages: [
      { name: 'pay → in review', ...spanOf(spans.review) },
      { name: 'in review → registered (documentId)', ...spanOf(spans.registered) },
      { name: 'registered → officer’s task visible', ...spanOf(spans.task) },
    ],
    throttled,
    errors: errors.length,
    refusals: refusalCounts(errors),
  };
}

const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;

/** The figures as the bench prints them. */
export function eservicesLines(submits: SubmitFigures, payment: PaymentFigures): string[] {
  return [
    `e-visa submits over HTTP with a ${SCAN_BYTES / 1024} KB scan each (ticket, presigned PUT, submit with an Idempotency-Key), ` +
      `${submits.clients} citizens: ${submits.perSecond.toFixed(1)} submits/s (${submits.count} in ${submits.seconds.toFixed(1)} s, ` +
      `${submits.errors} errors${submits.refusals ? `: ${submits.refusals}` : ''}) (no goal set)`,
    `  whole submit (upload included)       p50 ${ms(submits.whole.p50)}   p99 ${ms(submits.whole.p99)}`,
    `  the submit request alone             p50 ${ms(submits.submit.p50)}   p99 ${ms(submits.submit.p99)}`,

    `payment → officer's task: ${payment.measured} of ${payment.applications} paid e-visas, ${payment.inFlight} in flight, ` +
      `polled every ${payment.pollMs} ms (${payment.throttled} polls throttled, ${payment.errors} errors` +
      `${payment.refusals ? `: ${payment.refusals}` : ''}) (no goal set)`,
    `  pay click → officer's pending task   p50 ${ms(payment.total.p50)}   p99 ${ms(payment.total.p99)}`,
    ...payment.stages.map(
      (stage) => `    ${stage.name.padEnd(36)} p50 ${ms(stage.p50)}   p99 ${ms(stage.p99)}`,
    ),
  ];
}

/**
 * Issue 15's block of `npm run bench` on a running embedded default (started with the anonymous
 * limit raised: `BENCH_ANONYMOUS_LIMIT_PER_MINUTE`). BENCH_ESERVICE_APPLICATIONS (default 200),
 * BENCH_ESERVICE_IN_FLIGHT (16) and BENCH_ESERVICE_POLL_MS (25) shape the payment part.
 */
export async function eservicesBlock(
  embedded: { baseUrl: string; port: number },
  options: { clients: number; seconds: number },
  out: (text: string) => void,
): Promise<void> {
  const token = (username: string) =>
    obtainToken({
      issuer: `${embedded.baseUrl}/oidc`,
      clientId: 'karguzar-web',
      redirectUri: `${embedded.baseUrl}/auth/callback/`,
      username,
      password: 'Demo2026!',
    });
  const submits = await submitRun(embedded.baseUrl, options);
  const payment = await paymentToTaskRun(
    embedded,
    { admin: await token('admin'), officer: await token('appealshead') },
    {
      applications: Number(process.env.BENCH_ESERVICE_APPLICATIONS ?? 200),
      inFlight: Number(process.env.BENCH_ESERVICE_IN_FLIGHT ?? 16),
      pollMs: Number(process.env.BENCH_ESERVICE_POLL_MS ?? 25),
    },
  );
  for (const text of eservicesLines(submits, payment)) out(text);
}
