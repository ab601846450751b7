import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { JwtTokenVerifier } from '../adapters/auth/jwt-verifier.adapter';
import { DynamoAggregateStore } from '../adapters/dynamodb/aggregate-store.adapter';
import type { Clock } from '../ports/clock.port';
import type { TokenVerifier } from '../ports/token-verifier.port';
import type { AggregateStore } from '../ports/aggregate-store.port';
import { config } from './config';

export interface Container {
  store: AggregateStore;
  clock: Clock;
  verifier: TokenVerifier;
}

let container: Container | undefined;
let clockOverride: Clock | undefined;

/** One module-scoped set of clients per process (a Lambda container or the embedded default). */
export function getContainer(): Container {
  if (!container) {
    const cfg = config();
    const dynamo = new DynamoDBClient({
      region: cfg.AWS_REGION,
      ...(cfg.DYNAMODB_ENDPOINT
        ? { endpoint: cfg.DYNAMODB_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
    });
    const doc = DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } });
    container = {
      store: new DynamoAggregateStore(doc, cfg.TABLE_NAME),
      clock: clockOverride ?? { now: () => new Date() },
      verifier: new JwtTokenVerifier({
        issuer: cfg.OIDC_ISSUER,
        audience: cfg.OIDC_AUDIENCE,
        ...(cfg.OIDC_JWKS_URI ? { jwksUri: cfg.OIDC_JWKS_URI } : {}),
        ...(cfg.OIDC_TOKEN_USE ? { tokenUse: cfg.OIDC_TOKEN_USE } : {}),
        ...(cfg.OIDC_TOKEN_TYP ? { typ: cfg.OIDC_TOKEN_TYP } : {}),
      }),
    };
  }
  return container;
}

/** The embedded default's controllable clock; never set in AWS. */
export function useClock(clock: Clock): void {
  clockOverride = clock;
  if (container) container.clock = clock;
}
