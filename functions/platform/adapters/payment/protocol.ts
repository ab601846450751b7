/**
 * The hosted-payment-page protocol, both sides (the adapter and the local acquirer use it).
 *
 * Every message is a JSON body carrying `timestamp` (ISO 8601, when it was sent), signed in the
 * header `Payment-Signature: v1=<hex HMAC-SHA256 of the exact body bytes>` with the merchant's
 * secret. A receiver checks the signature (constant time, against each accepted secret: the
 * current and, during a rotation, the previous one) and that the timestamp is within
 * {@link FRESHNESS_SECONDS} of its own clock.
 *
 *   merchant → acquirer  POST /v1/payments         CreateRequest  → 201 CreateResponse
 *   merchant → acquirer  POST /v1/payments/status  StatusRequest  → 200 StatusResponse | 404
 *   acquirer → merchant  POST <callbackUrl>        CallbackBody   → any 2xx (else retried)
 *   browser              GET  <redirectUrl>  (the page), then back to <returnUrl>?paymentId=…
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';

export const SIGNATURE_HEADER = 'payment-signature';
/** How far a message's timestamp may be from the receiver's clock. */
export const FRESHNESS_SECONDS = 5 * 60;

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/);
const amount = z.number().int().positive().max(1_000_000_000_00);
const currency = z.string().regex(/^[A-Z]{3}$/);
const timestamp = z.iso.datetime({ offset: true });
const webUrl = z.url({ protocol: /^https?$/ }).max(2000);

export const createRequest = z.strictObject({
  merchantId: id,
  orderId: id,
  amount,
  currency,
  description: z.string().trim().min(1).max(200),
  language: z.enum(['az', 'en', 'ru']),
  returnUrl: webUrl,
  callbackUrl: webUrl,
  timestamp,
});
export type CreateRequest = z.infer<typeof createRequest>;

export const createResponse = z.object({ paymentId: id, redirectUrl: webUrl, timestamp });
export type CreateResponse = z.infer<typeof createResponse>;

export const statusRequest = z.strictObject({ merchantId: id, paymentId: id, timestamp });
export type StatusRequest = z.infer<typeof statusRequest>;

export const outcome = z.enum(['paid', 'declined', 'cancelled']);

/** The decision as the callback and the status look-up carry it. */
const decision = {
  merchantId: id,
  paymentId: id,
  orderId: id,
  amount,
  currency,
  status: outcome,
  decidedAt: timestamp,
  callbackId: id,
};

export const callbackBody = z.object({ type: z.literal('payment.decided'), ...decision, timestamp });
export type CallbackBody = z.infer<typeof callbackBody>;

export const statusResponse = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('pending'),
    merchantId: id,
    paymentId: id,
    orderId: id,
    amount,
    currency,
    timestamp,
  }),
  z.object({ state: z.literal('decided'), ...decision, timestamp }),
]);
export type StatusResponse = z.infer<typeof statusResponse>;

/** The header value for a body. */
export function sign(secret: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** Whether the header is a `v1=` signature of the body by one of the secrets (constant-time compare). */
export function signedBy(secrets: readonly string[], body: string, header: string | undefined): boolean {
  const match = /^v1=([0-9a-f]{64})$/.exec(header?.trim() ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1]!, 'hex');
  let ok = false;
  for (const secret of secrets) {
    const expected = createHmac('sha256', secret).update(body, 'utf8').digest();
    // Every secret is compared, whichever matches.
    if (timingSafeEqual(given, expected)) ok = true;
  }
  return ok;
}

/** A header's value, looked up case-insensitively (the first of repeated ones). */
export function headerOf(
  headers: Readonly<Record<string, string | string[] | undefined>>,
  name: string,
): string | undefined {
  const found = Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];
  return Array.isArray(found) ? found[0] : found;
}

export type OpenFailure = 'forged' | 'malformed' | 'stale';

/**
 * Opens a signed message: the signature first (nothing of an unsigned body is read), then the
 * body's shape, then the freshness of its timestamp.
 */
export function openSigned<T extends { timestamp: string }>(
  schema: z.ZodType<T>,
  input: { secrets: readonly string[]; body: string; signature: string | undefined; now: Date },
): { ok: true; message: T } | { ok: false; reason: OpenFailure } {
  if (!signedBy(input.secrets, input.body, input.signature)) return { ok: false, reason: 'forged' };
  let json: unknown;
  try {
    json = JSON.parse(input.body);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const skew = Math.abs(input.now.getTime() - Date.parse(parsed.data.timestamp));
  if (!(skew <= FRESHNESS_SECONDS * 1000)) return { ok: false, reason: 'stale' };
  return { ok: true, message: parsed.data };
}

/** A message's body and its signature header, ready to send. */
export function signedMessage(secret: string, message: object): { body: string; signature: string } {
  const body = JSON.stringify(message);
  return { body, signature: sign(secret, body) };
}
