import type { RateDecision } from './rate-limit';

/**
 * A per-tenant request quota shared by every process that serves the API (all Lambda containers
 * of all route groups, or the embedded default): a fixed window counted in the table, so one
 * agency cannot take the capacity the stage throttle leaves to all of them.
 */
export interface TenantQuota {
  /** Counts one request of the tenant in the current window; a refused one counts nothing. */
  take(tenantId: string): Promise<RateDecision>;
}

/**
 * The per-agency limits of `TENANT_RATE_LIMITS` (a JSON object: tenant id → requests per
 * window); a malformed value is a configuration error, reported at start rather than ignored.
 */
export function parseTenantLimits(raw: string | undefined): Readonly<Record<string, number>> {
  if (!raw?.trim()) return {};
  const parsed: unknown = JSON.parse(raw);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('Invalid configuration: TENANT_RATE_LIMITS');
  for (const value of Object.values(parsed))
    if (!Number.isInteger(value) || (value as number) < 1)
      throw new Error('Invalid configuration: TENANT_RATE_LIMITS');
  return parsed as Record<string, number>;
}
