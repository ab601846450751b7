/**
 * TokenVerifier for RS256/ES256 JWT access tokens, the same code in AWS (Cognito user pool) and
 * locally (infra/local/oidc). Keys come from the issuer's JWKS (jose's remote key set caches them
 * and refetches on an unknown `kid`, at most every 30 s).
 *
 * Audience: Cognito access tokens carry no `aud`, only `client_id`; the local provider's carry
 * `aud: "karguzar-api"`. A token WITH `aud` must match `audience` (its `client_id` is then not
 * enough, so a token minted for another API never passes); a token WITHOUT `aud` must carry a
 * `client_id` listed in `clientIds` (default: the `audience` values, so one setting,
 * OIDC_AUDIENCE, serves both: "karguzar-api" locally, the web app client id in AWS).
 * Cognito ID tokens (`token_use: "id"`, whose `aud` is the client id) are always refused.
 *
 * Wiring: AWS `{ issuer: <user pool issuer>, audience: <web client id>, tokenUse: 'access' }`;
 * local `{ issuer: 'http://127.0.0.1:3000/oidc', audience: 'karguzar-api', typ: 'at+jwt' }`.
 */
import {
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { UnauthenticatedError } from '../../kernel/errors';
import type { OperatorPrincipal, TokenVerifier, VerifiedPrincipal } from '../../ports/token-verifier.port';
import { DEFAULT_CLAIM_NAMES, operatorFromClaims, principalFromClaims, type ClaimNames } from './claims';

export interface JwtVerifierOptions {
  /** Exact `iss` value, e.g. https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_XXXX */
  issuer: string;
  /** Default `<issuer>/.well-known/jwks.json` (Cognito's location, mirrored by the local provider). */
  jwksUri?: string;
  /** Accepted `aud` values. */
  audience?: string | string[];
  /**
   * Accepted `client_id` values, checked only for tokens without `aud` (Cognito access tokens).
   * Default: the `audience` values. `[]` accepts only tokens with a matching `aud`.
   */
  clientIds?: string[];
  /** Algorithm allow-list; default ['RS256']. `none` and HMAC are never accepted. */
  algorithms?: string[];
  /** Default 5 seconds. */
  clockToleranceSeconds?: number;
  /** Required `token_use` claim (Cognito: 'access', which rejects ID tokens). */
  tokenUse?: string;
  /** Required JWT header `typ` (local provider: 'at+jwt', which rejects ID tokens). */
  typ?: string;
  /** Claim names of tenant and username; default { tenant: 'tenant', username: 'username' }. */
  claimNames?: Partial<ClaimNames>;
  /** Key source override (tests); default: remote JWKS at jwksUri. */
  keys?: JWTVerifyGetKey;
  /** JWKS fetch timeout in ms; default 5000. */
  jwksTimeoutMs?: number;
}

const FORBIDDEN_ALGS = /^(none|HS\d+)$/i;

function reasonOf(err: unknown): string {
  if (err instanceof joseErrors.JWTExpired) return 'expired';
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    if (err.claim === 'iss') return 'wrong_issuer';
    if (err.claim === 'nbf' || err.claim === 'iat') return 'not_yet_valid';
    return `invalid_claim_${err.claim}`;
  }
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return 'bad_signature';
  if (err instanceof joseErrors.JWKSNoMatchingKey) return 'unknown_key';
  if (err instanceof joseErrors.JOSEAlgNotAllowed) return 'algorithm_not_allowed';
  if (err instanceof joseErrors.JWKSTimeout || err instanceof joseErrors.JWKSInvalid)
    return 'jwks_unavailable';
  if (err instanceof joseErrors.JWSInvalid || err instanceof joseErrors.JWTInvalid) return 'malformed';
  return 'invalid_token';
}

export class JwtTokenVerifier implements TokenVerifier {
  private readonly keys: JWTVerifyGetKey;
  private readonly algorithms: string[];
  private readonly claimNames: ClaimNames;
  private readonly audiences: ReadonlySet<string>;
  private readonly clientIds: ReadonlySet<string>;

  constructor(private readonly options: JwtVerifierOptions) {
    if (!options.issuer) throw new Error('JwtTokenVerifier: issuer is required');
    const audience =
      options.audience === undefined
        ? []
        : Array.isArray(options.audience)
          ? options.audience
          : [options.audience];
    this.audiences = new Set(audience.filter((a) => a !== ''));
    this.clientIds = new Set(options.clientIds ?? [...this.audiences]);
    if (this.audiences.size === 0 && this.clientIds.size === 0) {
      throw new Error('JwtTokenVerifier: configure audience, clientIds or both');
    }
    this.algorithms = options.algorithms ?? ['RS256'];
    if (this.algorithms.length === 0 || this.algorithms.some((a) => FORBIDDEN_ALGS.test(a))) {
      throw new Error('JwtTokenVerifier: algorithms must be a non-empty list of asymmetric algorithms');
    }
    this.claimNames = { ...DEFAULT_CLAIM_NAMES, ...options.claimNames };
    const jwksUri = options.jwksUri ?? `${options.issuer.replace(/\/+$/, '')}/.well-known/jwks.json`;
    this.keys =
      options.keys ??
      createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: options.jwksTimeoutMs ?? 5000 });
  }

  async verify(bearerToken: string): Promise<VerifiedPrincipal> {
    return principalFromClaims(await this.payloadOf(bearerToken), this.claimNames);
  }

  async verifyOperator(bearerToken: string): Promise<OperatorPrincipal> {
    return operatorFromClaims(await this.payloadOf(bearerToken), this.claimNames);
  }

  /** The payload of a token whose signature, issuer, audience, times and use are verified. */
  private async payloadOf(bearerToken: string): Promise<JWTPayload> {
    const token = bearerToken.replace(/^Bearer\s+/i, '').trim();
    if (!token) throw new UnauthenticatedError('Missing token', { reason: 'missing' });
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        algorithms: this.algorithms,
        clockTolerance: this.options.clockToleranceSeconds ?? 5,
        requiredClaims: ['sub', 'exp'],
        ...(this.options.typ ? { typ: this.options.typ } : {}),
      }));
    } catch (err) {
      const reason = reasonOf(err);
      throw new UnauthenticatedError(reason === 'expired' ? 'Token expired' : 'Invalid token', { reason });
    }
    this.checkAudience(payload);
    if (
      payload.token_use === 'id' ||
      (this.options.tokenUse !== undefined && payload.token_use !== this.options.tokenUse)
    ) {
      throw new UnauthenticatedError('Invalid token', { reason: 'wrong_token_use' });
    }
    return payload;
  }

  private checkAudience(payload: JWTPayload): void {
    if (payload.aud !== undefined) {
      const auds = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
      if (auds.some((a) => this.audiences.has(a))) return;
      throw new UnauthenticatedError('Invalid token', { reason: 'wrong_audience' });
    }
    const clientId = payload.client_id;
    if (typeof clientId === 'string' && this.clientIds.has(clientId)) return;
    throw new UnauthenticatedError('Invalid token', { reason: 'wrong_audience' });
  }
}

/** Same class under the adapter-role name. */
export { JwtTokenVerifier as JwtVerifierAdapter };

/** Factory for the composition root. */
export function createJwtVerifier(options: JwtVerifierOptions): TokenVerifier {
  return new JwtTokenVerifier(options);
}
