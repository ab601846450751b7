import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  APPLICATION,
  APPLICATION_MACHINE,
  applicationExecutionName,
  type ApplicationRecord,
} from '../../../functions/modules/eservices/usecases/application-records';
import type { ServiceDefinition } from '../../../functions/modules/eservices';
import { signedMessage, SIGNATURE_HEADER } from '../../../functions/platform/adapters/payment/protocol';
import { DynamoAggregateStore } from '../../../functions/platform/adapters/dynamodb/aggregate-store.adapter';
import { SfnWorkflowEngine } from '../../../functions/platform/adapters/sfn/workflow.adapter';
import { TABLE_NAME } from '../../../infra/local/embedded';
import { LOCAL_AWS_CREDENTIALS } from '../../../infra/local/services/common';
import { apiClient, type Api } from '../../support/api';
import { advanceClockTo, clockNow } from '../../support/clock';
import { eventually } from '../../support/eventually';
import { flowApplication, publishedService, storeApplication } from '../../support/eservices-flow';
import { ownEmbedded } from '../../support/own-embedded';
import { tableClientOf } from '../../support/table';
import { executionArn, executionHistory, machineArn } from '../../support/workflows';

// The application's flow on an embedded default of its own (the clock moves): the machine, the
// public confirmation and payment steps, the local payment page and its signed callbacks. The
// applications are written straight to the store (the public submit is another part of the work)
// and their executions started as the submit starts them.
const embedded = ownEmbedded();
const AGENCY = 'demo1';
const PATH = `/api/public/v1/agencies/${AGENCY}/applications`;
let store: DynamoAggregateStore;
let workflow: SfnWorkflowEngine;
let maildev: string;
let api: Api;
let service: { serviceId: string; version: number; definition: ServiceDefinition };

type Mail = { subject: string; to: Array<{ address: string }>; text: string };
const mailsTo = async (address: string) =>
  ((await (await fetch(`${maildev}/api/email`)).json()) as Mail[]).filter((m) =>
    m.to.some((t) => t.address === address),
  );
const stored = async (id: string) => (await store.get<ApplicationRecord>(APPLICATION, AGENCY, id))!;
const waitingOn = (id: string, on: string) =>
  eventually(
    async () => ((await stored(id)).waiting?.on === on ? true : undefined),
    `${id} waiting on ${on}`,
  );
let serial = 0;

/** An e-visa application submitted now (by the embedded default's clock), its execution started. */
async function submitted(): Promise<{ app: ApplicationRecord; email: string }> {
  const email = `flow-${Date.now()}-${serial++}@example.de`;
  const app = flowApplication({
    tenantId: AGENCY,
    serviceId: service.serviceId,
    serviceVersion: service.version,
    definition: service.definition,
    submittedAt: await clockNow(embedded.baseUrl),
    email,
  });
  await storeApplication(store, app);
  await workflow.start({
    machine: APPLICATION_MACHINE,
    name: applicationExecutionName(AGENCY, app.id),
    input: { tenantId: AGENCY, applicationId: app.id },
  });
  return { app, email };
}

beforeAll(async () => {
  const port = Number(new URL(embedded.baseUrl).port);
  maildev = `http://127.0.0.1:${port + 6}`;
  api = apiClient(embedded.baseUrl, undefined, 'en');
  store = new DynamoAggregateStore(tableClientOf(embedded.baseUrl), TABLE_NAME);
  workflow = new SfnWorkflowEngine({
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${port + 4}`,
    credentials: { ...LOCAL_AWS_CREDENTIALS },
    machines: { [APPLICATION_MACHINE]: machineArn(APPLICATION_MACHINE) },
  });
  service = await publishedService(store, AGENCY, 'e-visa');
});

describe('an application not confirmed in time', () => {
  it('is cancelled at one hour, not a minute before, and the applicant gets one e-mail about it', async () => {
    // Arrange
    const { app, email } = await submitted();
    const arn = executionArn(APPLICATION_MACHINE, applicationExecutionName(AGENCY, app.id));
    await waitingOn(app.id, 'confirmation');
    const link = await eventually(async () => (await mailsTo(email))[0], 'the confirmation link');
    const dueAt = app.confirmation!.dueAt;
    expect(Date.parse(dueAt) - Date.parse(app.submittedAt)).toBe(60 * 60_000);

    // Act
    await advanceClockTo(embedded.baseUrl, Date.parse(dueAt) - 60_000);
    const aMinuteBefore = (await stored(app.id)).state;
    const timedOutBefore = (await executionHistory(embedded.baseUrl, arn)).some(
      (h) => h.type === 'TaskTimedOut',
    );
    await advanceClockTo(embedded.baseUrl, dueAt);
    const cancelled = await eventually(async () => {
      const r = await stored(app.id);
      return r.state === 'cancelled' && r.notices.includes('cancelled:email') ? r : undefined;
    }, 'the cancellation and its notice');
    const late = await api.post(`${PATH}/confirm`, { number: app.id, token: app.confirmation!.token });

    // Assert
    expect([aMinuteBefore, timedOutBefore]).toEqual(['awaiting-confirmation', false]);
    expect(Date.parse(cancelled.cancelledAt!)).toBeGreaterThanOrEqual(Date.parse(dueAt));
    expect(Date.parse(cancelled.cancelledAt!) - Date.parse(dueAt)).toBeLessThan(30_000);
    expect(cancelled.cancelReason).toBe('not-confirmed');
    const mails = await eventually(async () => {
      const all = await mailsTo(email);
      return all.length >= 2 ? all : undefined;
    }, 'the cancellation e-mail');
    expect(mails.map((m) => m.subject).sort()).toEqual(
      [`Application cancelled: ${app.id}`, `Confirm your application: ${app.id}`].sort(),
    );
    expect(link.text).toContain(
      `/e/confirm/?agency=${AGENCY}&number=${app.id}&token=${app.confirmation!.token}`,
    );
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'application_confirmation_expired' });
  }, 120_000);
});

describe('a confirmed application paid on the local payment page', () => {
  it('is in review once paid, and forged or replayed callbacks change nothing', async () => {
    // Arrange
    const { app, email } = await submitted();
    await waitingOn(app.id, 'confirmation');

    // Act: the e-mail's link, then the payment page
    const wrong = await api.post(`${PATH}/confirm`, { number: app.id, token: 'not-the-token' });
    const unknown = await api.post(`${PATH}/confirm`, { number: '7K3M-9QX2-HT4B-W8RC', token: 'x' });
    const confirmed = await api.post<{ state: string }>(`${PATH}/confirm`, {
      number: app.id,
      token: app.confirmation!.token,
    });
    const again = await api.post<{ state: string }>(`${PATH}/confirm`, {
      number: app.id,
      token: app.confirmation!.token,
    });
    await waitingOn(app.id, 'payment');
    const otherPassport = await api.post(`${PATH}/payment`, { number: app.id, secondFactor: 'X9999999' });
    const pay = await api.post<{ redirectUrl: string; paymentId: string }>(`${PATH}/payment`, {
      number: app.id,
      secondFactor: 'c0123 4567',
    });
    const page = await (await fetch(pay.body.redirectUrl)).text();
    const clicked = await fetch(pay.body.redirectUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ decision: 'pay' }).toString(),
      redirect: 'manual',
    });
    const paid = await eventually(async () => {
      const r = await stored(app.id);
      return r.payment?.status === 'paid' ? r : undefined;
    }, 'the paid callback applied');

    // Assert
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrong.body).toEqual(unknown.body);
    expect([confirmed.status, confirmed.body.state, again.body.state]).toEqual([
      200,
      'awaiting-payment',
      'awaiting-payment',
    ]);
    expect(otherPassport.status).toBe(404);
    expect(otherPassport.body).toEqual(unknown.body);
    expect(page).toContain('20.00 USD');
    expect(clicked.status).toBe(303);
    expect(clicked.headers.get('location')).toBe(
      `${embedded.baseUrl}/e/status/?agency=${AGENCY}&number=${app.id}&paymentId=${pay.body.paymentId}`,
    );
    expect(paid.state).toBe('in-review');
    expect(paid.log.map((l) => l.event).slice(0, 5)).toEqual([
      'submitted',
      'notice-sent',
      'email-confirmed',
      'payment-created',
      'paid',
    ]);
    await eventually(
      async () =>
        (await mailsTo(email)).some((m) => m.subject === `Payment received: ${app.id}`) ? true : undefined,
      'the payment notice',
    );

    // Act: the acquirer's decision again, and forgeries of it
    const merchant = JSON.parse(readFileSync(join(embedded.dataDir, 'payment/merchant.json'), 'utf8')) as {
      merchantId: string;
      secret: string;
    };
    const acquired = JSON.parse(
      readFileSync(join(embedded.dataDir, `payment/payments/${pay.body.paymentId}.json`), 'utf8'),
    ) as { decision: { callbackId: string; decidedAt: string } };
    const now = await clockNow(embedded.baseUrl);
    const decision = {
      type: 'payment.decided',
      merchantId: merchant.merchantId,
      paymentId: pay.body.paymentId,
      orderId: `${AGENCY}:${app.id}`,
      amount: 2000,
      currency: 'USD',
      status: 'paid',
      decidedAt: acquired.decision.decidedAt,
      callbackId: acquired.decision.callbackId,
      timestamp: now,
    };
    const post = (secret: string, message: object) => {
      const signed = signedMessage(secret, message);
      return fetch(`${embedded.baseUrl}/api/public/v1/payments/callback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signed.signature },
        body: signed.body,
      });
    };
    const before = await stored(app.id);
    const replayed = await post(merchant.secret, decision);
    const forged = await post('not-the-secret', { ...decision, status: 'declined', callbackId: 'forged-1' });
    const mismatched = await post(merchant.secret, { ...decision, amount: 1, callbackId: 'cheap-1' });
    const stale = await post(merchant.secret, {
      ...decision,
      status: 'declined',
      callbackId: 'old-1',
      timestamp: new Date(Date.parse(now) - 10 * 60_000).toISOString(),
    });
    const after = await stored(app.id);

    // Assert
    expect(replayed.status).toBe(200);
    expect(await replayed.json()).toEqual({ received: true, applied: false });
    expect([forged.status, mismatched.status, stale.status]).toEqual([422, 422, 422]);
    expect(after.payment).toEqual(before.payment);
    expect(after.state).toBe('in-review');
    expect(after.log.filter((l) => l.event === 'paid')).toHaveLength(1);
  }, 120_000);
});
