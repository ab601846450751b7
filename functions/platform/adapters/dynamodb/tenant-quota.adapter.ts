import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import type { QuotaDecision, TenantQuota } from '../../ports/edge-guard.port';
import { entityModel, fixed, primaryKey, required } from './entities';

/**
 * One tenant's request counter for one window, in the tenant's own partition (`pk` is the tenant's,
 * like every other item of it), so the tenant-scoped credentials of the request path reach it and
 * nothing of another tenant. `ttl` lets DynamoDB remove it once the window is long over.
 */
export function createQuotaEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: entityModel('tenantQuota'),
      attributes: { ...fixed('string', 'tenantId', 'window'), ...required('number', 'count', 'ttl') },
      indexes: { primary: primaryKey(['tenantId'], ['window']) },
    },
    { client, table },
  );
}

export interface TenantQuotaOptions {
  /** Requests per window of an agency without a limit of its own. */
  readonly limit: number;
  /** Agencies' own limits, by tenant id. */
  readonly limits?: Readonly<Record<string, number>>;
  /** @default 60 */
  readonly windowSeconds?: number;
  /** Wall-clock time in ms: quotas are about real traffic, not the business clock. */
  readonly now?: () => number;
}

/** Counters outlive their window by this much before DynamoDB may remove them. */
const TTL_GRACE_SECONDS = 3600;

/**
 * Fixed-window counters in the table: one conditional UpdateItem per request adds 1 only while the
 * count is below the limit, so every process serving the API (Lambda containers of all route
 * groups) shares one window per tenant, and a refused request writes nothing.
 */
export class DynamoTenantQuota implements TenantQuota {
  private readonly entity: ReturnType<typeof createQuotaEntity>;
  private readonly windowSeconds: number;
  private readonly now: () => number;

  constructor(
    client: DynamoDBDocumentClient,
    table: string,
    private readonly options: TenantQuotaOptions,
  ) {
    this.entity = createQuotaEntity(client, table);
    this.windowSeconds = options.windowSeconds ?? 60;
    this.now = options.now ?? Date.now;
  }

  async take(tenantId: string): Promise<QuotaDecision> {
    const limit = this.options.limits?.[tenantId] ?? this.options.limit;
    const windowMs = this.windowSeconds * 1000;
    const now = this.now();
    const start = Math.floor(now / windowMs) * windowMs;
    const end = start + windowMs;
    const decision = {
      limit,
      windowSeconds: this.windowSeconds,
      resetSeconds: Math.max(1, Math.ceil((end - now) / 1000)),
    };
    try {
      const { data } = await this.entity
        .update({ tenantId, window: new Date(start).toISOString() })
        .add({ count: 1 })
        .set({ ttl: Math.ceil(end / 1000) + TTL_GRACE_SECONDS })
        .where((a, op) => `${op.notExists(a.count)} OR ${op.lt(a.count, limit)}`)
        .go({ response: 'updated_new' });
      return { ...decision, allowed: true, used: data.count ?? 1 };
    } catch (error) {
      if (!conditionFailed(error)) throw error;
      return { ...decision, allowed: false, used: limit };
    }
  }
}

/** The update refused by its condition (ElectroDB keeps the SDK's error as the cause). */
const conditionFailed = (error: unknown) =>
  (error as { cause?: { name?: string } }).cause?.name === 'ConditionalCheckFailedException' ||
  /conditional request failed/i.test(String((error as Error).message));
