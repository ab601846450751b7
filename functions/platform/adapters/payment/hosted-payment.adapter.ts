/**
 * PaymentGateway over the hosted-payment-page protocol (protocol.ts) with an acquirer at
 * `endpoint`: over HTTPS in AWS, the local payment page's loopback URL in the embedded default
 * (configuration only, the code is the same).
 */
import type {
  CallbackVerdict,
  CreatedPayment,
  PaymentCallback,
  PaymentGateway,
  PaymentRequest,
  PaymentStatus,
  PaymentTerms,
  VerifiedPayment,
} from '../../ports/payment.port';
import {
  callbackBody,
  createResponse,
  headerOf,
  openSigned,
  SIGNATURE_HEADER,
  signedMessage,
  statusResponse,
  type CallbackBody,
} from './protocol';

/** The merchant's secrets: the current one first (it signs), then any still accepted (a rotation). */
export interface MerchantSecrets {
  accepted(): Promise<readonly string[]>;
}

export interface HostedPaymentOptions {
  /** The acquirer's API base URL: https, or http on a loopback address only. */
  endpoint: string;
  merchantId: string;
  secrets: MerchantSecrets;
  now?: () => Date;
  /** Per request to the acquirer. */
  timeoutMs?: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export class HostedPaymentGateway implements PaymentGateway {
  private readonly base: URL;
  private readonly now: () => Date;

  constructor(private readonly options: HostedPaymentOptions) {
    this.base = new URL(options.endpoint.endsWith('/') ? options.endpoint : `${options.endpoint}/`);
    if (
      this.base.protocol !== 'https:' &&
      !(this.base.protocol === 'http:' && LOOPBACK.has(this.base.hostname))
    )
      throw new Error('The payment acquirer is reached over https (plain http on loopback only)');
    this.now = options.now ?? (() => new Date());
  }

  async create(request: PaymentRequest): Promise<CreatedPayment> {
    const answer = await this.call('v1/payments', {
      merchantId: this.options.merchantId,
      orderId: request.orderId,
      amount: request.amount,
      currency: request.currency,
      description: request.description,
      language: request.language,
      returnUrl: request.returnUrl,
      callbackUrl: request.callbackUrl,
    });
    if (answer.status !== 201) throw await acquirerError('create', answer);
    const opened = await this.open(createResponse, answer);
    return { paymentId: opened.paymentId, redirectUrl: opened.redirectUrl };
  }

  async verifyCallback(
    callback: PaymentCallback,
    created: (paymentId: string) => Promise<PaymentTerms | undefined>,
  ): Promise<CallbackVerdict> {
    const opened = openSigned(callbackBody, {
      secrets: await this.options.secrets.accepted(),
      body: callback.body,
      signature: headerOf(callback.headers, SIGNATURE_HEADER),
      now: this.now(),
    });
    if (!opened.ok) return opened;
    const message = opened.message;
    if (message.merchantId !== this.options.merchantId) return { ok: false, reason: 'mismatch' };
    const terms = await created(message.paymentId);
    if (!terms) return { ok: false, reason: 'unknown_payment' };
    if (
      terms.orderId !== message.orderId ||
      terms.amount !== message.amount ||
      terms.currency !== message.currency
    )
      return { ok: false, reason: 'mismatch' };
    return { ok: true, payment: decided(message) };
  }

  async status(paymentId: string): Promise<PaymentStatus | undefined> {
    const answer = await this.call('v1/payments/status', { merchantId: this.options.merchantId, paymentId });
    if (answer.status === 404) return undefined;
    if (answer.status !== 200) throw await acquirerError('status', answer);
    const opened = await this.open(statusResponse, answer);
    if (opened.paymentId !== paymentId || opened.merchantId !== this.options.merchantId)
      throw new Error('The payment acquirer answered about another payment');
    if (opened.state === 'pending')
      return {
        state: 'pending',
        paymentId,
        orderId: opened.orderId,
        amount: opened.amount,
        currency: opened.currency,
      };
    return { state: 'decided', payment: decided(opened) };
  }

  /** One signed request to the acquirer. */
  private async call(path: string, message: object): Promise<Response> {
    const [secret] = await this.options.secrets.accepted();
    if (!secret) throw new Error('No merchant secret');
    const signed = signedMessage(secret, { ...message, timestamp: this.now().toISOString() });
    return fetch(new URL(path, this.base), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signed.signature },
      body: signed.body,
      redirect: 'error',
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
    });
  }

  /** The acquirer's answers are signed too: an answer that is not is not believed. */
  private async open<T extends { timestamp: string }>(
    schema: Parameters<typeof openSigned<T>>[0],
    answer: Response,
  ): Promise<T> {
    const opened = openSigned(schema, {
      secrets: await this.options.secrets.accepted(),
      body: await answer.text(),
      signature: answer.headers.get(SIGNATURE_HEADER) ?? undefined,
      now: this.now(),
    });
    if (!opened.ok) throw new Error(`The payment acquirer's answer is refused (${opened.reason})`);
    return opened.message;
  }
}

function decided(message: Omit<CallbackBody, 'type'>): VerifiedPayment {
  return {
    paymentId: message.paymentId,
    orderId: message.orderId,
    amount: message.amount,
    currency: message.currency,
    status: message.status,
    at: new Date(message.decidedAt),
    callbackId: message.callbackId,
  };
}

async function acquirerError(what: string, answer: Response): Promise<Error> {
  const text = (await answer.text().catch(() => '')).slice(0, 300);
  return new Error(`The payment acquirer refused ${what}: HTTP ${answer.status} ${text}`);
}
