import {
  eVisaDefinition,
  socialAssistanceDefinition,
  type ServiceDefinition,
} from '../../../../functions/modules/eservices';
import type { ApplicationFlowDeps } from '../../../../functions/modules/eservices';
import type {
  CallbackVerdict,
  CreatedPayment,
  PaymentCallback,
  PaymentGateway,
  PaymentRequest,
  PaymentStatus,
  PaymentTerms,
  VerifiedPayment,
} from '../../../../functions/platform/ports/payment.port';
import { flowApplication, storeApplication, storeServiceVersion } from '../../../support/eservices-flow';
import { memoryDeps } from '../../../support/memory-deps';

export const TENANT = 't1';
export const SUBMITTED = '2027-03-01T10:00:00.000Z';
export const SIGNED = 'good-signature';

/**
 * The acquirer in memory (a unit test's stand-in for the hosted-payment adapter): payments it
 * created, decisions a test takes, and callbacks "signed" with SIGNED in the header.
 */
export class FakePayments implements PaymentGateway {
  readonly created: PaymentRequest[] = [];
  readonly decided = new Map<string, VerifiedPayment>();

  async create(request: PaymentRequest): Promise<CreatedPayment> {
    this.created.push(request);
    const paymentId = `pay_${this.created.length}`;
    return { paymentId, redirectUrl: `https://pay.example/pay/${paymentId}` };
  }

  /** The acquirer decides: the callback body and headers it would send. */
  decide(paymentId: string, status: VerifiedPayment['status'], callbackId = `cb_${paymentId}_${status}`) {
    const i = Number(paymentId.slice(4)) - 1;
    const request = this.created[i]!;
    const payment: VerifiedPayment = {
      paymentId,
      orderId: request.orderId,
      amount: request.amount,
      currency: request.currency,
      status,
      at: new Date(SUBMITTED),
      callbackId,
    };
    this.decided.set(paymentId, payment);
    return this.callbackOf(payment);
  }

  callbackOf(payment: VerifiedPayment, signature = SIGNED): PaymentCallback {
    return {
      body: JSON.stringify({ ...payment, at: payment.at.toISOString() }),
      headers: { 'payment-signature': signature },
    };
  }

  async verifyCallback(
    callback: PaymentCallback,
    created: (paymentId: string) => Promise<PaymentTerms | undefined>,
  ): Promise<CallbackVerdict> {
    if (callback.headers['payment-signature'] !== SIGNED) return { ok: false, reason: 'forged' };
    const body = JSON.parse(callback.body) as VerifiedPayment & { at: string };
    const terms = await created(body.paymentId);
    if (!terms) return { ok: false, reason: 'unknown_payment' };
    if (terms.orderId !== body.orderId || terms.amount !== body.amount || terms.currency !== body.currency)
      return { ok: false, reason: 'mismatch' };
    return { ok: true, payment: { ...body, at: new Date(body.at) } };
  }

  async status(paymentId: string): Promise<PaymentStatus | undefined> {
    const decided = this.decided.get(paymentId);
    if (decided) return { state: 'decided', payment: decided };
    const i = Number(paymentId.slice(4)) - 1;
    const r = this.created[i];
    if (!r) return undefined;
    return { state: 'pending', paymentId, orderId: r.orderId, amount: r.amount, currency: r.currency };
  }
}

export const evisa = (): ServiceDefinition => eVisaDefinition({ routeTemplateId: 'route-evisa' });
export const social = (): ServiceDefinition => socialAssistanceDefinition({ routeTemplateId: 'route-sa' });

export function flowDeps(at = SUBMITTED) {
  const deps = { ...memoryDeps(at), payments: new FakePayments(), webBaseUrl: 'https://portal.example.az' };
  return deps satisfies ApplicationFlowDeps;
}
export type FlowDeps = ReturnType<typeof flowDeps>;

/** A stored application of a stored version of the definition. */
export async function given(
  deps: FlowDeps,
  definition: ServiceDefinition,
  options: Partial<Parameters<typeof flowApplication>[0]> = {},
) {
  await storeServiceVersion(deps.store, TENANT, 'svc-1', definition, SUBMITTED).catch(() => undefined);
  const record = flowApplication({
    tenantId: TENANT,
    serviceId: 'svc-1',
    serviceVersion: 1,
    definition,
    submittedAt: SUBMITTED,
    email: 'anna@example.de',
    ...options,
  });
  await storeApplication(deps.store, record);
  return record;
}
