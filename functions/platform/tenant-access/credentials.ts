import { TENANT_TAG } from './policy';

/** Temporary credentials as the SDK clients take them (the shape of `AwsCredentialIdentity`). */
export interface AwsCredentialIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

/** What the cache needs of STS: AssumeRole with a session tag (the STS client's `send`, narrowed). */
export interface AssumeRole {
  (input: {
    RoleArn: string;
    RoleSessionName: string;
    DurationSeconds: number;
    Tags: Array<{ Key: string; Value: string }>;
  }): Promise<{
    Credentials?: {
      AccessKeyId?: string;
      SecretAccessKey?: string;
      SessionToken?: string;
      Expiration?: Date;
    };
  }>;
}

/**
 * Credentials are renewed this long before they expire: a request never starts on a dying session,
 * and a presigned link signed with them (uploads: 15 minutes) lives as long as it says.
 */
export const RENEW_BEFORE_MS = 20 * 60_000;
/** One hour: the most a chained role session may last. */
export const SESSION_SECONDS = 3600;

/** STS session names allow `[\w+=,.@-]`, up to 64 characters; tenant ids may also carry `:`. */
export function sessionName(tenantId: string): string {
  return `tenant-${tenantId.replace(/[^\w+=,.@-]/g, '_')}`.slice(0, 64);
}

interface Entry {
  credentials: Promise<AwsCredentialIdentity>;
  /** Known once STS answered; until then the entry is in flight (shared by concurrent callers). */
  expiresAt?: number;
}

/**
 * The tenant access role's credentials per tenant: AssumeRole with the session tag
 * `tenant=<tenantId>`, kept until five minutes before they expire, for at most `maxTenants`
 * tenants (the least recently used is dropped first). Concurrent requests of one tenant share
 * one AssumeRole call; a failed call is not kept.
 */
export class TenantCredentials {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly options: {
      roleArn: string;
      assumeRole: AssumeRole;
      now?: () => number;
      maxTenants?: number;
    },
  ) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** The tenant's credentials (an SDK credential provider: `() => cache.get(tenantId)`). */
  get(tenantId: string): Promise<AwsCredentialIdentity> {
    const entry = this.entries.get(tenantId);
    if (entry && (entry.expiresAt === undefined || entry.expiresAt - this.now() > RENEW_BEFORE_MS)) {
      // Most recently used last: the map's order is the eviction order.
      this.entries.delete(tenantId);
      this.entries.set(tenantId, entry);
      return entry.credentials;
    }
    const fresh: Entry = {
      credentials: this.assume(tenantId).then((c) => ((fresh.expiresAt = c.expiresAt), c.identity)),
    };
    fresh.credentials.catch(() => {
      if (this.entries.get(tenantId) === fresh) this.entries.delete(tenantId);
    });
    this.entries.delete(tenantId);
    this.entries.set(tenantId, fresh);
    const max = this.options.maxTenants ?? 200;
    while (this.entries.size > max) this.entries.delete(this.entries.keys().next().value as string);
    return fresh.credentials;
  }

  /** How many tenants' credentials are held (for tests). */
  get size(): number {
    return this.entries.size;
  }

  private async assume(tenantId: string): Promise<{ identity: AwsCredentialIdentity; expiresAt: number }> {
    const answer = await this.options.assumeRole({
      RoleArn: this.options.roleArn,
      RoleSessionName: sessionName(tenantId),
      DurationSeconds: SESSION_SECONDS,
      Tags: [{ Key: TENANT_TAG, Value: tenantId }],
    });
    const c = answer.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration)
      throw new Error('AssumeRole answered without credentials');
    return {
      identity: {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
        expiration: c.Expiration,
      },
      expiresAt: c.Expiration.getTime(),
    };
  }
}
