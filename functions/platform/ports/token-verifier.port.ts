/** Verifies a bearer token against the issuer's JWKS (Cognito in AWS; the local OIDC provider). */
export interface VerifiedPrincipal {
  /** Stable subject of the identity provider. */
  subject: string;
  /** Tenant id, taken from the verified token only. */
  tenantId: string;
  username: string;
  /**
   * The token's `mfa` claim is "true": the login has a second factor (TOTP), which the identity
   * provider asks for at every sign-in. Absent or false: password only.
   */
  mfa?: boolean;
}

/**
 * A platform operator: signs in with the same identity provider, belongs to no tenant (the token
 * has no tenant claim) and acts only on the platform's own routes (onboarding agencies).
 */
export interface OperatorPrincipal {
  subject: string;
  username: string;
}

export interface TokenVerifier {
  /**
   * A tenant's user. Throws UnauthenticatedError (functions/platform/kernel/errors.ts) on any
   * invalid token, ForbiddenError on a valid operator's token (operators work in no tenant).
   */
  verify(bearerToken: string): Promise<VerifiedPrincipal>;
  /** A platform operator. Throws UnauthenticatedError on an invalid token, ForbiddenError on anyone else's. */
  verifyOperator(bearerToken: string): Promise<OperatorPrincipal>;
}
