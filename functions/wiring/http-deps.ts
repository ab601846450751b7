import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EdgeGuard, HttpDeps } from '../platform/http/group-handler';
import { JwtTokenVerifier } from '../platform/adapters/auth/jwt-verifier.adapter';
import { DynamoTenantQuota } from '../platform/adapters/dynamodb/tenant-quota.adapter';
import { SecretsManagerOriginSecrets } from '../platform/adapters/secrets/origin-secrets.adapter';
import { parseTenantLimits } from '../platform/http/tenant-quota';
import { resolveActor } from '../modules/org';
import { integratorKeyAgency, verifyIntegratorKey } from '../modules/eservices';
import { inTenant } from '../platform/tenant-access/context';
import type { TokenVerifier } from '../platform/ports/token-verifier.port';
import { config } from './config';
import { getContainer, useTenantAccess } from './container';
import { tenantScoped } from './tenant-access';

// The route groups serve tenant requests: their table and bucket clients are the tenant's where
// TENANT_ACCESS_ROLE_ARN is set (issue 18). Registered here, the one module every group imports and
// no task or stream consumer does, so that only the groups bundle the STS client.
useTenantAccess(tenantScoped);

let guard: EdgeGuard | undefined;

/**
 * The origin secret and the tenant quota, once per process. The quota has a DynamoDB client of its
 * own: its counters are throw-away (a lost minute of counts is harmless), so the embedded default's
 * write journal, which hooks the container's client, does not carry one line per request.
 */
export function edgeGuard(): EdgeGuard {
  if (guard) return guard;
  const cfg = config();
  const dynamo = new DynamoDBClient({
    region: cfg.AWS_REGION,
    ...(cfg.DYNAMODB_ENDPOINT
      ? { endpoint: cfg.DYNAMODB_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  guard = {
    tenantQuota: new DynamoTenantQuota(DynamoDBDocumentClient.from(dynamo), cfg.TABLE_NAME, {
      limit: cfg.TENANT_RATE_PER_MINUTE,
      limits: parseTenantLimits(cfg.TENANT_RATE_LIMITS),
    }),
    ...(cfg.ORIGIN_SECRET_ARN
      ? {
          origin: new SecretsManagerOriginSecrets(
            new SecretsManagerClient({ region: cfg.AWS_REGION }),
            cfg.ORIGIN_SECRET_ARN,
          ),
        }
      : {}),
  };
  return guard;
}

let verifier: TokenVerifier | undefined;

/** The access-token check of the route groups (only they bundle jose). */
function tokenVerifier(): TokenVerifier {
  const cfg = config();
  return (verifier ??= new JwtTokenVerifier({
    issuer: cfg.OIDC_ISSUER,
    audience: cfg.OIDC_AUDIENCE,
    ...(cfg.OIDC_JWKS_URI ? { jwksUri: cfg.OIDC_JWKS_URI } : {}),
    ...(cfg.OIDC_TOKEN_USE ? { tokenUse: cfg.OIDC_TOKEN_USE } : {}),
    ...(cfg.OIDC_TOKEN_TYP ? { typ: cfg.OIDC_TOKEN_TYP } : {}),
  }));
}

/** What every route group's handler needs: the token verifier and the acting employee behind a token. */
export const httpDeps = (): HttpDeps => ({
  verifier: tokenVerifier(),
  resolveActor: (principal) => resolveActor(getContainer(), principal),
  // Read with the access of the agency the key names, like the agency's other public reads.
  integratorKey: async (presented) => {
    const agency = integratorKeyAgency(presented);
    return agency ? inTenant(agency, () => verifyIntegratorKey(getContainer(), presented)) : undefined;
  },
});
