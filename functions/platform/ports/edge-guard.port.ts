/**
 * What stands between the internet and the routes besides tokens: the origin secret that only
 * CloudFront sends, and the agencies' shared request quota (infra/aws/README.md).
 */

/**
 * The values the origin header may carry: the secret's current value and, while a rotation is
 * under way, its previous one. An empty list means no check (the embedded default, where the
 * local gateway is the only way in).
 */
export interface OriginSecrets {
  accepted(): Promise<readonly string[]>;
}

/** One request counted, or refused, in a tenant's fixed window. */
export interface QuotaDecision {
  allowed: boolean;
  limit: number;
  /** Requests of the window counted so far, this one included when allowed. */
  used: number;
  windowSeconds: number;
  /** Seconds until the window ends. */
  resetSeconds: number;
}

/**
 * A per-tenant request quota shared by every process that serves the API (all Lambda containers
 * of all route groups, or the embedded default), so one agency cannot take the capacity the stage
 * throttle leaves to all of them.
 */
export interface TenantQuota {
  /** Counts one request of the tenant in the current window; a refused one counts nothing. */
  take(tenantId: string): Promise<QuotaDecision>;
}
