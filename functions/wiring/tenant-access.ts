import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { TenantCredentials, type AwsCredentialIdentity } from '../platform/tenant-access/credentials';
import { PerTenant, routedByTenant } from '../platform/tenant-access/routing';
import type { Config } from './config';

/** A credential provider as the SDK clients take it. */
export type CredentialProvider = () => Promise<AwsCredentialIdentity>;

/** The client of the request's tenant where tenant access is configured, else `own`. */
export type TenantScope = <C extends object>(own: C, build: (credentials: CredentialProvider) => C) => C;

/**
 * Tenant-scoped credentials for the request path (issue 18): with TENANT_ACCESS_ROLE_ARN set (API
 * functions in AWS), the table and bucket clients used inside a tenant context are the tenant's,
 * built by `build` with credentials of the tenant access role tagged with the tenant; everywhere
 * else (no role: tasks, the stream consumer, the embedded default; or no tenant context) `own`.
 */
export function tenantScoped(cfg: Pick<Config, 'AWS_REGION' | 'TENANT_ACCESS_ROLE_ARN'>): TenantScope {
  const roleArn = cfg.TENANT_ACCESS_ROLE_ARN;
  if (!roleArn) return <C extends object>(own: C, _build: (credentials: CredentialProvider) => C): C => own;
  const sts = new STSClient({ region: cfg.AWS_REGION });
  const credentials = new TenantCredentials({
    roleArn,
    assumeRole: (input) => sts.send(new AssumeRoleCommand(input)),
  });
  return <C extends object>(own: C, build: (credentials: CredentialProvider) => C): C =>
    routedByTenant(own, new PerTenant((tenantId) => build(() => credentials.get(tenantId))));
}
