/**
 * Logins of employees (the Cognito user pool in AWS; the local identity provider's user store
 * behind a local Cognito endpoint in the embedded default).
 */
export interface NewLogin {
  tenantId: string;
  username: string;
  email: string;
  fullName: string;
}

export interface IdentityDirectory {
  /**
   * Creates the login and has the directory e-mail the invitation with a temporary password.
   * Idempotent: an existing login of the same tenant is left as it is. A username taken by another
   * tenant throws ConflictError('duplicate_value') on the field `username`.
   */
  invite(login: NewLogin): Promise<void>;
  /** Disabling ends sign-in for the login; enabling restores it. */
  setEnabled(username: string, enabled: boolean): Promise<void>;
}
