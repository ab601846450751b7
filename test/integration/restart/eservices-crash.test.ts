import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, bakuDate } from '../../../functions/modules/eservices';
import {
  APPLICATION,
  APPLICATION_MACHINE,
  applicationExecutionName,
  type ApplicationRecord,
} from '../../../functions/modules/eservices/usecases/application-records';
import {
  VISA_COUNTER,
  type VisaCounter,
} from '../../../functions/modules/eservices/usecases/results/visa-numbers';
import { signedMessage, SIGNATURE_HEADER } from '../../../functions/platform/adapters/payment/protocol';
import { DynamoAggregateStore } from '../../../functions/platform/adapters/dynamodb/aggregate-store.adapter';
import { TABLE_NAME } from '../../../infra/local/embedded';
import { allItems, apiClient, type Api } from '../../support/api';
import { clockNow } from '../../support/clock';
import { mailsTo, uploadScan, type Mail } from '../../support/eservices-citizen';
import { eventually } from '../../support/eventually';
import { ownEmbedded } from '../../support/own-embedded';
import { tableClientOf } from '../../support/table';
import { executionArn, executionHistory, executionStatus } from '../../support/workflows';
import { as } from '../documents/helpers';

// kill -9 of the embedded default in the middle of the e-visa's payments, then in the middle of
// the officer's decisions: after the restart, and once the answers the clients did not get are
// sent again (as an acquirer and an officer's browser would), no application is lost or stuck,
// each is paid once, registered once, decided once per applicant with one gap-free visa number,
// and no notice reached the applicant twice. Mail persists in maildev's folder of the data
// directory, so the count in maildev covers the mail sent before the crash too.
const embedded = ownEmbedded();
const AGENCY = 'demo1';
const PUBLIC = `/api/public/v1/agencies/${AGENCY}`;
/** Applications, one or two applicants each; K answers arrive before each crash. */
const N = 8;
const K = 3;

interface Application {
  number: string;
  email: string;
  passports: string[];
  redirectUrl: string;
  paymentId: string;
}
type Assignment = { id: string; status: string; actions: string[] };
type Status = {
  state: string;
  payment?: { status: string };
  decisions: Array<{ applicant: number; outcome: string; resultUrl?: string }>;
};

let store: DynamoAggregateStore;
let citizen: Api;
let maildev: string;
let apps: Application[] = [];

const stored = async (id: string) => (await store.get<ApplicationRecord>(APPLICATION, AGENCY, id))!;
const count = <T>(items: readonly T[], keep: (t: T) => boolean) => items.filter(keep).length;
const events = (r: ApplicationRecord, event: string) => count(r.log, (l) => l.event === event);

interface AcquirerPayment {
  orderId: string;
  amount: number;
  currency: string;
  decision?: { status: string; callbackId: string; decidedAt: string };
}

/** The local acquirer's record of a payment (its files are in the data folder). */
const acquirerPayment = (paymentId: string): AcquirerPayment =>
  JSON.parse(
    readFileSync(join(embedded.dataDir, `payment/payments/${paymentId}.json`), 'utf8'),
  ) as AcquirerPayment;

/** The acquirer's signed callback of the application's decided payment, sent as its retry does. */
async function callback(app: Application): Promise<number> {
  const merchant = JSON.parse(readFileSync(join(embedded.dataDir, 'payment/merchant.json'), 'utf8')) as {
    merchantId: string;
    secret: string;
  };
  const acquired = acquirerPayment(app.paymentId);
  const decision = acquired.decision;
  if (!decision) throw new Error(`the payment of ${app.number} is not decided`);
  const signed = signedMessage(merchant.secret, {
    type: 'payment.decided',
    merchantId: merchant.merchantId,
    paymentId: app.paymentId,
    orderId: `${AGENCY}:${app.number}`,
    amount: acquired.amount,
    currency: acquired.currency,
    status: 'paid',
    decidedAt: decision.decidedAt,
    callbackId: decision.callbackId,
    timestamp: await clockNow(embedded.baseUrl),
  });
  const res = await fetch(`${embedded.baseUrl}/api/public/v1/payments/callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signed.signature },
    body: signed.body,
  });
  await res.body?.cancel();
  return res.status;
}

/** The hosted page's Pay button (303 once decided now, 409 when it was decided before). */
async function pay(app: Application): Promise<number> {
  const res = await fetch(app.redirectUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ decision: 'pay' }).toString(),
    redirect: 'manual',
  });
  await res.body?.cancel();
  return res.status;
}

/** Submitted through the public API with its scans, confirmed by the e-mail's link, the payment page opened. */
async function applied(arrival: string, i: number): Promise<Application> {
  const email = `crash-${randomUUID().slice(0, 8)}@example.de`;
  const passports = Array.from(
    { length: 1 + (i % 2) },
    () => `C${randomUUID().replaceAll('-', '').slice(0, 8).toUpperCase()}`,
  );
  const applicants = [];
  for (const [j, passportNumber] of passports.entries())
    applicants.push({
      surname: 'Schneider',
      givenNames: j === 0 ? 'Jonas' : 'Lea',
      sex: j === 0 ? 'male' : 'female',
      birthDate: '1985-05-06',
      nationality: 'DEU',
      passportNumber,
      passportIssueDate: '2021-02-03',
      passportExpiryDate: addDays(arrival, 3650),
      purpose: 'tourism',
      arrivalDate: arrival,
      addressInAzerbaijan: 'Bakı, Neftçilər pr. 1',
      passportScan: [await uploadScan(citizen, PUBLIC, 'e-visa')],
    });
  const submitted = await citizen.post<{ number: string }>(
    `${PUBLIC}/services/e-visa/applications`,
    { language: 'en', variant: 'standard', common: { email, phone: '+49 30 901820' }, applicants },
    { 'Idempotency-Key': randomUUID() },
  );
  if (submitted.status !== 201) throw new Error(`submit: ${JSON.stringify(submitted.body)}`);
  const number = submitted.body.number;
  const token = await eventually(async () => {
    const mail = (await mailsTo(maildev, email)).find((m) => m.subject.includes(number));
    return mail && /token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  }, 'the confirmation e-mail');
  const confirmed = await citizen.post(`${PUBLIC}/applications/confirm`, { number, token });
  if (confirmed.status !== 200) throw new Error(`confirm: ${JSON.stringify(confirmed.body)}`);
  const payment = await eventually(async () => {
    const res = await citizen.post<{ redirectUrl: string; paymentId: string }>(
      `${PUBLIC}/applications/payment`,
      { number, secondFactor: passports[0] },
    );
    return res.status === 200 ? res.body : undefined;
  }, 'the payment page');
  // The machine parks on the payment: the callback answers its wait (the common path).
  await eventually(
    async () => ((await stored(number)).waiting?.on === 'payment' ? true : undefined),
    `${number} waiting on its payment`,
  );
  return { number, email, passports, redirectUrl: payment.redirectUrl, paymentId: payment.paymentId };
}

/**
 * Runs `act` for every application at once and kills the embedded default as the K-th answer
 * arrives; gives the applications whose answer came and how many had answered at the kill.
 */
async function crashAmid(act: (app: Application) => Promise<boolean>) {
  const answered = new Set<string>();
  const unexpected: unknown[] = [];
  let killed: Promise<void> | undefined;
  let atKill = 0;
  await Promise.all(
    apps.map(async (app) => {
      try {
        if (!(await act(app))) return;
        answered.add(app.number);
        if (answered.size >= K && !killed) {
          atKill = answered.size;
          killed = embedded.kill9();
        }
      } catch (error) {
        // A connection that died with the process is no answer (fetch fails with a TypeError);
        // anything else is the test's failure.
        if (!(error instanceof TypeError)) unexpected.push(error);
      }
    }),
  );
  if (unexpected.length > 0) throw unexpected[0];
  if (!killed) throw new Error(`only ${answered.size} answers came: no crash`);
  await killed;
  await embedded.restart();
  return { answered, atKill };
}

/** Where an application stands, for a failure's message: its record's state and the machine's last steps. */
async function whereIs(number: string): Promise<string> {
  const r = await stored(number);
  const arn = executionArn(APPLICATION_MACHINE, applicationExecutionName(AGENCY, number));
  const history = await executionHistory(embedded.baseUrl, arn).catch((e: Error) => [{ type: e.message }]);
  return JSON.stringify({
    state: r.state,
    documentId: r.documentId,
    waiting: r.waiting?.on,
    payment: r.payment?.status,
    notices: r.notices,
    log: r.log.map((l) => l.event),
    machine: await executionStatus(embedded.baseUrl, arn),
    history: history.slice(-8),
  });
}

/** `eventually`, its timeout told with where the application stands. */
async function until<T>(number: string, probe: () => Promise<T | undefined>, what: string, ms = 60_000) {
  try {
    return await eventually(probe, `${number} ${what}`, ms);
  } catch (error) {
    throw new Error(`${(error as Error).message}: ${await whereIs(number)}`);
  }
}

/** Mails to the application's address by subject: no subject twice, each one of a notice key. */
function mailsBySubject(mails: Mail[]): Map<string, number> {
  const by = new Map<string, number>();
  for (const m of mails) by.set(m.subject, (by.get(m.subject) ?? 0) + 1);
  return by;
}

beforeAll(async () => {
  store = new DynamoAggregateStore(tableClientOf(embedded.baseUrl), TABLE_NAME);
  citizen = apiClient(embedded.baseUrl, undefined, 'en');
  maildev = `http://127.0.0.1:${embedded.port + 6}`;
  const arrival = addDays(bakuDate(await clockNow(embedded.baseUrl)), 10);
  apps = await Promise.all(Array.from({ length: N }, (_, i) => applied(arrival, i)));
}, 120_000);

describe('kill -9 amid e-visa payments and decisions', () => {
  it('loses no application and pays, registers and notifies each once', async () => {
    // Act: the Pay button and the acquirer's callback of every application at once; the crash
    // when K callbacks have been answered, the others (and the reviews) under way.
    const pageAnswered = new Set<string>();
    const { answered, atKill } = await crashAmid(async (app) => {
      expect(await pay(app)).toBe(303);
      pageAnswered.add(app.number);
      return (await callback(app)) === 200;
    });
    // What had no answer is sent again, as the applicant's browser and the acquirer do.
    for (const app of apps) {
      if (!pageAnswered.has(app.number))
        expect([303, 409]).toContain(await eventually(async () => pay(app), `${app.number}'s page again`));
      if (!answered.has(app.number))
        await eventually(
          async () => ((await callback(app)) === 200 ? true : undefined),
          `${app.number}'s callback again`,
        );
    }
    const reviewed = await Promise.all(
      apps.map((app) =>
        until(
          app.number,
          async () => {
            const r = await stored(app.number);
            return r.waiting?.on === 'decision' && r.notices.includes('payment-received:email')
              ? r
              : undefined;
          },
          'registered and waiting on the decision',
        ),
      ),
    );

    // Assert
    // Some answers never came: the crash fell amid the work.
    expect([atKill >= K, answered.size < N]).toEqual([true, true]);
    // The registry office sees every document.
    const clerk = await as(embedded.baseUrl, 'clerk');
    const payments = readdirSync(join(embedded.dataDir, 'payment/payments'))
      .filter((f) => /^pay_[0-9a-f]+\.json$/.test(f))
      .map((f) => acquirerPayment(f.slice(0, -'.json'.length)));
    for (const [i, app] of apps.entries()) {
      const r = reviewed[i]!;
      const status = await citizen.post<Status>(`${PUBLIC}/applications/status`, {
        number: app.number,
        secondFactor: app.passports[0],
      });
      expect(status.status, app.number).toBe(200);
      expect([status.body.state, status.body.payment?.status]).toEqual(['in-review', 'paid']);
      expect(r.payment).toMatchObject({ paymentId: app.paymentId, status: 'paid' });
      expect(r.payment!.callbackIds).toHaveLength(1);
      expect(
        ['payment-created', 'paid', 'registered', 'route-started'].map((e) => events(r, e)),
        app.number,
      ).toEqual([1, 1, 1, 1]);
      expect(
        count(payments, (p) => p.orderId === `${AGENCY}:${app.number}` && p.decision?.status === 'paid'),
      ).toBe(1);
      const documents = await allItems(clerk, `/api/v1/documents?kind=incoming&documentNumber=${app.number}`);
      expect(documents.map((d) => d.id)).toEqual([r.documentId]);
      expect(new Set(r.notices).size).toBe(r.notices.length);
      const mails = mailsBySubject(await mailsTo(maildev, app.email));
      expect(
        [...mails.values()].every((n) => n === 1),
        JSON.stringify([...mails]),
      ).toBe(true);
      expect(mails.size).toBeLessThanOrEqual(r.notices.length);
    }
  }, 150_000);

  it('decides each applicant once, numbers the visas without gap or duplicate, and tells each applicant once', async () => {
    // Arrange: each application's endorsement task of the officer.
    const officer = await as(embedded.baseUrl, 'appealshead');
    const tasks = new Map<string, { documentId: string; id: string; version: number }>();
    const pendingTask = async (app: Application) => {
      const documentId = (await stored(app.number)).documentId!;
      const res = await officer.get<{ documentVersion: number; assignments?: Assignment[] }>(
        `/api/v1/documents/${documentId}/execution`,
      );
      const task = res.body.assignments?.find((a) => a.status === 'pending' && a.actions.includes('approve'));
      return task && { documentId, id: task.id, version: res.body.documentVersion };
    };
    for (const app of apps)
      tasks.set(app.number, await until(app.number, () => pendingTask(app), 'has its officer task'));
    const approve = async (app: Application, task = tasks.get(app.number)!) =>
      (
        await officer.post(`/api/v1/documents/${task.documentId}/assignments/${task.id}/approve`, {
          version: task.version,
          comment: 'Viza verilsin',
        })
      ).status;

    // Act: every approval at once, the crash after K answers; then the unanswered ones again
    // (a task already approved before the crash is no longer pending and is not sent again).
    const { answered, atKill } = await crashAmid(async (app) => (await approve(app)) === 200);
    for (const app of apps.filter((a) => !answered.has(a.number))) {
      const task = await eventually(
        async () => {
          const r = await stored(app.number);
          if (r.routeOutcome) return 'decided' as const;
          const t = await pendingTask(app);
          return t && (await approve(app, t)) === 200 ? ('approved' as const) : undefined;
        },
        `${app.number}'s approval again`,
        60_000,
      );
      expect(task).toMatch(/decided|approved/);
    }
    const decided = await Promise.all(
      apps.map((app) =>
        until(
          app.number,
          async () => {
            const r = await stored(app.number);
            const arn = executionArn(APPLICATION_MACHINE, applicationExecutionName(AGENCY, app.number));
            return r.state === 'decided' && (await executionStatus(embedded.baseUrl, arn)) === 'SUCCEEDED'
              ? r
              : undefined;
          },
          'decided and its machine done',
        ),
      ),
    );

    // Assert
    // Some answers never came: the crash fell amid the work.
    expect([atKill >= K, answered.size < N]).toEqual([true, true]);
    const numbers: string[] = [];
    for (const [i, app] of apps.entries()) {
      const r = decided[i]!;
      const applicants = app.passports.map((_, a) => a);
      expect(r.decisions!.map((d) => [d.applicant, d.outcome])).toEqual(
        applicants.map((a) => [a, 'approved']),
      );
      expect(
        ['route-approved', 'result-issued', 'paid'].map((e) => events(r, e)),
        app.number,
      ).toEqual([1, applicants.length, 1]);
      expect(r.visaNumbers!.map((v) => v.applicant)).toEqual(applicants);
      expect(r.decisions!.map((d) => d.result?.number)).toEqual(r.visaNumbers!.map((v) => v.number));
      numbers.push(...r.visaNumbers!.map((v) => v.number));
      expect(r.notices.filter((k) => k.startsWith('decision:'))).toEqual(['decision:email']);
      const mails = mailsBySubject(await mailsTo(maildev, app.email));
      expect(
        [...mails.values()].every((n) => n === 1),
        JSON.stringify([...mails]),
      ).toBe(true);
      expect(mails.size).toBeLessThanOrEqual(r.notices.length);
      // The PDF the applicant downloads carries the number recorded for that applicant.
      const status = await citizen.post<Status>(`${PUBLIC}/applications/status`, {
        number: app.number,
        secondFactor: app.passports[0],
      });
      for (const d of status.body.decisions) {
        const pdf = new Uint8Array(await (await fetch(d.resultUrl!)).arrayBuffer());
        const code = (await PDFDocument.load(pdf, { updateMetadata: false })).getSubject()!;
        const verified = await citizen.post<{ visa: { visaNumber: string } }>('/api/public/v1/evisa/verify', {
          code,
        });
        expect(verified.body.visa.visaNumber).toBe(r.visaNumbers![d.applicant]!.number);
      }
    }
    // Gap-free and without duplicates: 1…M of the decisions' year, and the counter stops at M.
    const year = Number(bakuDate(decided[0]!.decisions![0]!.decidedAt).slice(0, 4));
    const total = apps.reduce((sum, a) => sum + a.passports.length, 0);
    expect([...numbers].sort()).toEqual(
      Array.from({ length: total }, (_, n) => `EV-${year}-${String(n + 1).padStart(6, '0')}`),
    );
    expect((await store.get<VisaCounter>(VISA_COUNTER, AGENCY, String(year)))?.last).toBe(total);
  }, 150_000);
});
