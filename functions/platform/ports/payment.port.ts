/**
 * Card payments through an acquirer's hosted payment page (the local payment page in the embedded
 * default). The protocol: the server creates a payment and sends the browser to its page; the
 * acquirer takes the decision there, sends a signed callback to the server and the browser back
 * to the return URL; the server may also ask for a payment's status (reconciliation when no
 * callback came). See functions/platform/adapters/payment/protocol.ts for the wire format.
 */

export type PaymentLanguage = 'az' | 'en' | 'ru';

/** How a payment ended: paid, declined by the acquirer (the card), or abandoned by the payer. */
export type PaymentOutcome = 'paid' | 'declined' | 'cancelled';

/** What a payment is for; the amount is in minor units of the currency (20 USD = 2000). */
export interface PaymentTerms {
  /** The merchant's order id: an application id. */
  orderId: string;
  amount: number;
  /** ISO 4217, upper case (USD, AZN). */
  currency: string;
}

export interface PaymentRequest extends PaymentTerms {
  /** Shown on the payment page. */
  description: string;
  /** The payment page's language. */
  language: PaymentLanguage;
  /** Where the browser goes back to (with `paymentId` added to its query). */
  returnUrl: string;
  /** Where the acquirer sends the signed callback (server to server). */
  callbackUrl: string;
}

export interface CreatedPayment {
  paymentId: string;
  /** The hosted page the browser is sent to. */
  redirectUrl: string;
}

/**
 * A decision the acquirer signed. `callbackId` names the decision: every delivery of it (a
 * retry, a replay, the status look-up) carries the same id, so whoever applied it once can
 * recognise the repeat and change nothing.
 */
export interface VerifiedPayment extends PaymentTerms {
  paymentId: string;
  status: PaymentOutcome;
  /** When the acquirer took the decision. */
  at: Date;
  callbackId: string;
}

/**
 * Why a callback is refused (it changes nothing): `forged` (no or a wrong signature), `malformed`
 * (not the protocol's body), `stale` (its signed timestamp outside the freshness window),
 * `unknown_payment` (no payment created with that id), `mismatch` (order, amount, currency or
 * merchant differ from what was created).
 */
export type CallbackRefusal = 'forged' | 'malformed' | 'stale' | 'unknown_payment' | 'mismatch';

export type CallbackVerdict = { ok: true; payment: VerifiedPayment } | { ok: false; reason: CallbackRefusal };

/** A payment's state at the acquirer: still open, or decided (the same decision a callback carries). */
export type PaymentStatus =
  ({ state: 'pending'; paymentId: string } & PaymentTerms) | { state: 'decided'; payment: VerifiedPayment };

export interface PaymentCallback {
  /** The request body exactly as received (the signature is over these bytes). */
  body: string;
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

export interface PaymentGateway {
  create(request: PaymentRequest): Promise<CreatedPayment>;
  /**
   * Verifies a callback: its signature, freshness and body, then its terms against what was
   * created (`created` gives the terms of the payment with that id, if one was created).
   */
  verifyCallback(
    callback: PaymentCallback,
    created: (paymentId: string) => Promise<PaymentTerms | undefined>,
  ): Promise<CallbackVerdict>;
  /** The payment's state at the acquirer; `undefined` for a payment it does not know. */
  status(paymentId: string): Promise<PaymentStatus | undefined>;
}
