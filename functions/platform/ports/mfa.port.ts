/**
 * A login's second sign-in factor (TOTP, an authenticator app), in the identity provider: the
 * Cognito user pool in AWS (software token MFA), the local identity provider's user store behind
 * the local Cognito endpoint in the embedded default. The identity provider asks an enrolled user
 * for the code at every sign-in, and its tokens then carry `mfa: "true"`.
 *
 * Enrolment is authorized by the user's own access token (Cognito's AssociateSoftwareToken and
 * VerifySoftwareToken take nothing else): the API passes the caller's verified bearer token.
 */
export interface MfaDirectory {
  /** Starts (or restarts) enrolling an authenticator: the shared secret, base32, to show as a QR code. */
  startTotp(accessToken: string): Promise<{ secret: string }>;
  /**
   * Checks the first code from the authenticator. A right code turns TOTP on as the login's MFA
   * and marks the login (`custom:mfa`), so that its next tokens say so; a wrong one changes
   * nothing and answers false.
   */
  confirmTotp(accessToken: string, username: string, code: string): Promise<boolean>;
  /** Whether the login has TOTP on. */
  totpEnabled(username: string): Promise<boolean>;
}
