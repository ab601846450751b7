import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signatures in the Standard Webhooks style: headers `webhook-id`, `webhook-timestamp` (Unix
 * seconds) and `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, keyed with the
 * subscription's secret. The secret is `whsec_` and 32 random bytes in base64; the key is those bytes.
 */
export const SECRET_PREFIX = 'whsec_';

/** A new subscription secret (shown once, at creation or rotation). */
export function newSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

function keyOf(secret: string): Buffer {
  if (!secret.startsWith(SECRET_PREFIX)) throw new Error('Not a webhook secret');
  return Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
}

export type SignedHeaders = Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string>;

/** The base64 HMAC of one message: `id.timestamp.body`. */
function hmac(secret: string, id: string, timestamp: string, body: string): string {
  return createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
}

/** The headers of one attempt: the message id, the attempt's time, and its signature. */
export function signedHeaders(secret: string, id: string, at: Date, body: string): SignedHeaders {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  return {
    'webhook-id': id,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${hmac(secret, id, timestamp, body)}`,
  };
}

/** How far a receiver lets the timestamp be from its own clock (replays older than that are refused). */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

export type VerifyFailure = 'missing_headers' | 'timestamp_out_of_tolerance' | 'signature_mismatch';

/**
 * What a receiver does with a delivery: the headers must be there, the timestamp within the
 * tolerance of `now`, and one of the space-separated `v1,` signatures must match (a constant-time
 * comparison). Headers are looked up case-insensitively.
 */
export function verifyWebhook(input: {
  secret: string;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  body: string;
  now: Date;
  toleranceSeconds?: number;
}): { ok: true; id: string } | { ok: false; reason: VerifyFailure } {
  const header = (name: string) => {
    const found = Object.entries(input.headers).find(([k]) => k.toLowerCase() === name)?.[1];
    return Array.isArray(found) ? found[0] : found;
  };
  const id = header('webhook-id');
  const timestamp = header('webhook-timestamp');
  const signatures = header('webhook-signature');
  if (!id || !timestamp || !signatures || !/^\d{1,12}$/.test(timestamp))
    return { ok: false, reason: 'missing_headers' };
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(input.now.getTime() / 1000 - Number(timestamp)) > tolerance)
    return { ok: false, reason: 'timestamp_out_of_tolerance' };
  const expected = Buffer.from(hmac(input.secret, id, timestamp, input.body), 'base64');
  for (const candidate of signatures.split(' ')) {
    const [version, value] = candidate.split(',', 2);
    if (version !== 'v1' || !value) continue;
    const given = Buffer.from(value, 'base64');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { ok: true, id };
  }
  return { ok: false, reason: 'signature_mismatch' };
}
