/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps, what Cognito's software token MFA uses and
 * every authenticator app reads from an otpauth URI) for the local identity provider, with the
 * maintained `otpauth` library. Codes are checked against the real time, which the user's
 * authenticator app also keeps (never the embedded default's controllable clock).
 */
import { Secret, TOTP } from 'otpauth';

export const TOTP_PERIOD_SECONDS = 30;

/** A new shared secret: 20 random bytes, base32 (32 characters, like Cognito's SecretCode). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/**
 * The time step of `code` when it is valid now or one step before or after (clock drift), else
 * undefined. Anything but six digits is never valid.
 */
export function totpStep(secret: string, code: string, now = Date.now()): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const totp = new TOTP({ secret: Secret.fromBase32(secret), period: TOTP_PERIOD_SECONDS });
  const delta = totp.validate({ token: code, window: 1, timestamp: now });
  return delta === null ? undefined : Math.floor(now / 1000 / TOTP_PERIOD_SECONDS) + delta;
}
