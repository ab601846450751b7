/**
 * The application's payment (issue 15, item 4): the applicant asks to pay (number + second factor)
 * and is sent to the acquirer's hosted page; the acquirer's signed callback decides it. Only a
 * callback that verifies against the terms recorded for that payment changes anything, and each
 * decision (`callbackId`) is applied once: forged, stale, replayed or mismatched callbacks change
 * nothing. Declined or abandoned, the application stays awaiting payment and may be paid again.
 *
 * Reconciliation when no callback came: asking to pay again first asks the acquirer about the open
 * payment (a pending one sends the applicant back to the same page, never to a second payment),
 * and so does the machine before it cancels an application as not paid.
 */
import { BusinessRuleError, ConflictError } from '../../../../platform/kernel/errors';
import type { PaymentCallback, VerifiedPayment } from '../../../../platform/ports/payment.port';
import { secondFactorMatches } from '../../domain/application-number';
import type { ApplicationFlowDeps } from '../../ports';
import type { ApplicationRecord, ApplicationState } from '../application-records';
import { findApplication } from './lookup';
import { noticeLinks } from './notify';
import {
  changeApplication,
  definitionOf,
  loadApplication,
  logEntry,
  requireApplication,
  APPLICANT,
  SYSTEM,
} from './records';
import { signalRecorded } from './signal';

/** The path of the acquirer's callback (the public API, no agency in it: the order id names it). */
export const PAYMENT_CALLBACK_PATH = '/api/public/v1/payments/callback';

/** The merchant's order id of an application: its agency and number (`demo1:7K3M-9QX2-HT4B-W8RC`). */
export const paymentOrderId = (tenantId: string, applicationId: string): string =>
  `${tenantId}:${applicationId}`;

/** The agency and number an order id names; undefined for one of another shape. */
export function parseOrderId(orderId: string): { tenantId: string; applicationId: string } | undefined {
  const at = orderId.lastIndexOf(':');
  if (at <= 0 || at === orderId.length - 1) return undefined;
  return { tenantId: orderId.slice(0, at), applicationId: orderId.slice(at + 1) };
}

/** The order id a callback body carries, read before its signature is checked (only to find the record). */
export function orderIdOfCallback(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as unknown;
    const orderId = (parsed as { orderId?: unknown } | null)?.orderId;
    return typeof orderId === 'string' ? orderId : undefined;
  } catch {
    return undefined;
  }
}

const notAwaitingPayment = (state: ApplicationState) =>
  new ConflictError('application_not_awaiting_payment', 'The application is not waiting for a payment', {
    state,
  });

/**
 * Applies a verified decision to the application's current payment, once per `callbackId`: paid →
 * `in-review` (when it still awaited the payment), declined or abandoned → still awaiting payment.
 * Then answers the machine's payment wait (again for a repeated decision: its first answer may
 * have been lost). A decision of another payment, a repeated one, or a second decision of a
 * payment already decided changes nothing on the record.
 */
export async function applyPaymentDecision(
  deps: ApplicationFlowDeps,
  tenantId: string,
  applicationId: string,
  decided: VerifiedPayment,
  via: 'callback' | 'status',
): Promise<{ applied: boolean; record: ApplicationRecord }> {
  const at = deps.clock.now().toISOString();
  const { record, changed } = await changeApplication(deps, tenantId, applicationId, SYSTEM, (r) => {
    const p = r.payment;
    if (!p || p.paymentId !== decided.paymentId || p.status !== 'pending') return undefined;
    if (p.callbackIds.includes(decided.callbackId)) return undefined;
    const payment = {
      ...p,
      status: decided.status,
      decidedAt: decided.at.toISOString(),
      callbackIds: [...p.callbackIds, decided.callbackId],
    };
    const detail = { paymentId: p.paymentId, amount: p.amount, currency: p.currency, via };
    if (decided.status === 'paid')
      return {
        ...r,
        state: r.state === 'awaiting-payment' ? 'in-review' : r.state,
        payment,
        log: [...r.log, logEntry(at, 'paid', SYSTEM, detail)],
      };
    const event = decided.status === 'declined' ? 'payment-declined' : 'payment-cancelled';
    return { ...r, payment, log: [...r.log, logEntry(at, event, SYSTEM, detail)] };
  });
  // Applied now or by this same decision before: the machine's wait is answered either way. A
  // process killed (or an engine unreachable) between the record's write and the answer left the
  // wait open, and the acquirer sends the callback again until it is acknowledged; an answered
  // token is refused by the engine, which is fine.
  const decidedHere =
    record.payment?.paymentId === decided.paymentId &&
    record.payment.callbackIds.includes(decided.callbackId);
  if (decidedHere && record.state !== 'awaiting-payment') await signalRecorded(deps, record, 'payment');
  return { applied: changed, record };
}

/** Asks the acquirer about the application's open payment and applies its decision, if it has one. */
export async function reconcilePayment(
  deps: ApplicationFlowDeps,
  record: ApplicationRecord,
): Promise<ApplicationRecord> {
  const open = record.payment;
  if (!open || open.status !== 'pending') return record;
  const status = await deps.payments.status(open.paymentId);
  if (status?.state !== 'decided') return record;
  const { record: after } = await applyPaymentDecision(
    deps,
    record.tenantId,
    record.id,
    status.payment,
    'status',
  );
  return after;
}

/**
 * `POST /applications/payment`: the hosted payment page for the application's fee. The same 404
 * as for an unknown number when the second factor is wrong; 409 when nothing is to be paid.
 */
export async function startPayment(
  deps: ApplicationFlowDeps,
  agency: string,
  input: { number: string; secondFactor: string },
): Promise<{ number: string; state: ApplicationState; redirectUrl: string; paymentId: string }> {
  const found = await findApplication(deps, agency, input.number, (r) =>
    secondFactorMatches(r.secondFactors, input.secondFactor),
  );
  let record = await reconcilePayment(deps, found);
  if (record.state !== 'awaiting-payment') throw notAwaitingPayment(record.state);
  if (record.payment?.status === 'pending' && record.payment.redirectUrl)
    return {
      number: record.id,
      state: record.state,
      redirectUrl: record.payment.redirectUrl,
      paymentId: record.payment.paymentId,
    };

  const definition = await definitionOf(deps, record);
  const base = deps.webBaseUrl ?? '';
  const previous = record.payment?.paymentId;
  const created = await deps.payments.create({
    orderId: paymentOrderId(record.tenantId, record.id),
    amount: record.fee.amount,
    currency: record.fee.currency,
    description: `${definition.name[record.language]} — ${record.id}`.slice(0, 200),
    language: record.language,
    returnUrl: noticeLinks(base, record).status,
    callbackUrl: `${base}${PAYMENT_CALLBACK_PATH}`,
  });
  const at = deps.clock.now().toISOString();
  const result = await changeApplication(deps, record.tenantId, record.id, APPLICANT, (r) =>
    r.state === 'awaiting-payment' && r.payment?.paymentId === previous
      ? {
          ...r,
          payment: {
            paymentId: created.paymentId,
            amount: r.fee.amount,
            currency: r.fee.currency,
            status: 'pending',
            createdAt: at,
            callbackIds: [],
            redirectUrl: created.redirectUrl,
          },
          log: [
            ...r.log,
            logEntry(at, 'payment-created', APPLICANT, {
              paymentId: created.paymentId,
              amount: r.fee.amount,
              currency: r.fee.currency,
            }),
          ],
        }
      : undefined,
  );
  record = result.record;
  // A concurrent request recorded its own payment first: the applicant goes to that one.
  if (!result.changed) {
    if (record.state !== 'awaiting-payment' || !record.payment?.redirectUrl)
      throw notAwaitingPayment(record.state);
    return {
      number: record.id,
      state: record.state,
      redirectUrl: record.payment.redirectUrl,
      paymentId: record.payment.paymentId,
    };
  }
  return {
    number: record.id,
    state: record.state,
    redirectUrl: created.redirectUrl,
    paymentId: created.paymentId,
  };
}

/**
 * `POST /api/public/v1/payments/callback`: the acquirer's signed decision. Verified (signature,
 * freshness, body) against the terms recorded for that payment on the application the order id
 * names; a refused one changes nothing and is answered with a 422 (`payment_callback_refused`).
 */
export async function paymentCallback(
  deps: ApplicationFlowDeps,
  target: { tenantId: string; applicationId: string },
  callback: PaymentCallback,
): Promise<{ received: true; applied: boolean }> {
  const verdict = await deps.payments.verifyCallback(callback, async (paymentId) => {
    const r = await loadApplication(deps, target.tenantId, target.applicationId);
    if (!r?.payment || r.payment.paymentId !== paymentId) return undefined;
    return {
      orderId: paymentOrderId(r.tenantId, r.id),
      amount: r.payment.amount,
      currency: r.payment.currency,
    };
  });
  if (!verdict.ok) {
    deps.log?.warn('payment_callback_refused', { reason: verdict.reason, tenantId: target.tenantId });
    throw refused(verdict.reason);
  }
  await requireApplication(deps, target.tenantId, target.applicationId);
  const { applied } = await applyPaymentDecision(
    deps,
    target.tenantId,
    target.applicationId,
    verdict.payment,
    'callback',
  );
  return { received: true, applied };
}

export const refused = (reason: string) =>
  new BusinessRuleError('payment_callback_refused', 'The payment callback was refused', { reason });
