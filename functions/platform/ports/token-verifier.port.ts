/** Verifies a bearer token against the issuer's JWKS (Cognito in AWS; the local OIDC provider). */
export interface VerifiedPrincipal {
  /** Stable subject of the identity provider. */
  subject: string;
  /** Tenant id, taken from the verified token only. */
  tenantId: string;
  username: string;
}

export interface TokenVerifier {
  /** Throws UnauthenticatedError (functions/domain/errors.ts) on any invalid token. */
  verify(bearerToken: string): Promise<VerifiedPrincipal>;
}
