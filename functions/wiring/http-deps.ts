import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EdgeGuard, HttpDeps } from '../platform/http/group-handler';
import { DynamoTenantQuota } from '../platform/adapters/dynamodb/tenant-quota.adapter';
import { SecretsManagerOriginSecrets } from '../platform/adapters/secrets/origin-secrets.adapter';
import { parseTenantLimits } from '../platform/http/tenant-quota';
import { traced } from '../platform/observability/tracer';
import { resolveActor } from '../modules/org';
import { config } from './config';
import { getContainer } from './container';

let guard: EdgeGuard | undefined;

/**
 * The origin secret and the tenant quota, once per process. The quota has a DynamoDB client of its
 * own: its counters are throw-away (a lost minute of counts is harmless), so the embedded default's
 * write journal, which hooks the container's client, does not carry one line per request.
 */
export function edgeGuard(): EdgeGuard {
  if (guard) return guard;
  const cfg = config();
  const dynamo = traced(
    new DynamoDBClient({
      region: cfg.AWS_REGION,
      ...(cfg.DYNAMODB_ENDPOINT
        ? { endpoint: cfg.DYNAMODB_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
    }),
  );
  guard = {
    tenantQuota: new DynamoTenantQuota(DynamoDBDocumentClient.from(dynamo), cfg.TABLE_NAME, {
      limit: cfg.TENANT_RATE_PER_MINUTE,
      limits: parseTenantLimits(cfg.TENANT_RATE_LIMITS),
    }),
    ...(cfg.ORIGIN_SECRET_ARN
      ? {
          origin: new SecretsManagerOriginSecrets(
            traced(new SecretsManagerClient({ region: cfg.AWS_REGION })),
            cfg.ORIGIN_SECRET_ARN,
          ),
        }
      : {}),
  };
  return guard;
}

/** What every route group's handler needs: the token verifier and the acting employee behind a token. */
export const httpDeps = (): HttpDeps => ({
  verifier: getContainer().verifier,
  resolveActor: (principal) => resolveActor(getContainer(), principal),
});
