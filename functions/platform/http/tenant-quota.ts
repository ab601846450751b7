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
