import { api, type Page } from '../../lib/api';
import type { IntegratorKey, IntegratorKeyWithSecret } from '../../api/contract';

const BASE = '/integrator-keys';

export interface IntegratorKeyDraft {
  name: string;
  requestsPerMinute: number;
}

/** The live keys, or the revoked ones with `revoked`, oldest first. */
export const listIntegratorKeys = (revoked: boolean, cursor?: string) =>
  api<Page<IntegratorKey>>(BASE, { query: { limit: 50, cursor, revoked: revoked ? 'true' : undefined } });

/** Makes a key; the answer's key is shown once. The idempotency key makes a retry safe. */
export const createIntegratorKey = (draft: IntegratorKeyDraft, idempotencyKey: string) =>
  api<IntegratorKeyWithSecret>(BASE, {
    method: 'POST',
    body: draft,
    headers: { 'Idempotency-Key': idempotencyKey },
  });

export const revokeIntegratorKey = (key: IntegratorKey) =>
  api<IntegratorKey>(`${BASE}/${encodeURIComponent(key.id)}/revoke`, {
    method: 'POST',
    body: { version: key.version },
  });

/** The fewest and most requests a minute the API accepts (it checks them; these are for the hint). */
export const REQUESTS_PER_MINUTE = { min: 60, max: 60_000, default: 600 } as const;
