import { createHash, timingSafeEqual } from 'node:crypto';
import type { OriginSecrets } from '../ports/edge-guard.port';
import { HttpError } from './problem';

/**
 * The header CloudFront adds on the `/api/*` origin (infra/aws/constructs/edge.ts). A request
 * without it, or with a wrong value, did not come through CloudFront and its WAF: it reached the
 * API some other way and is refused before anything else runs.
 */
export const ORIGIN_HEADER = 'x-karguzar-origin';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Whether `presented` is one of `accepted`, in constant time: both sides are hashed first, so the
 * comparison neither stops at the first differing byte nor tells the length of the secret, and
 * every accepted value is compared (no early return).
 */
export function originAccepted(presented: string | undefined, accepted: readonly string[]): boolean {
  if (!presented) return false;
  const given = digest(presented);
  let match = false;
  for (const value of accepted) if (value.length > 0 && timingSafeEqual(given, digest(value))) match = true;
  return match;
}

/** Refuses (403 problem+json) a request whose origin header is not one of the secret's values. */
export async function guardOrigin(
  presented: string | undefined,
  secrets: OriginSecrets | undefined,
): Promise<void> {
  if (!secrets) return;
  const accepted = await secrets.accepted();
  if (accepted.length === 0) return;
  if (!originAccepted(presented, accepted))
    throw new HttpError(403, 'origin_refused', 'Not through the service’s own address');
}
