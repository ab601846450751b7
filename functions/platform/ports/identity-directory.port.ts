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
  /**
   * Creates the login like `invite` but sends nothing and gives out no password: the caller invites
   * in its own words (a link to set a password). Idempotent and refusing another tenant's username
   * as `invite`.
   */
  createLogin(login: NewLogin): Promise<void>;
  /**
   * Sets the login's password for good (the end of an invitation). A password the directory's
   * policy refuses is BusinessRuleError('password_too_weak') on the field `password`.
   */
  setPassword(username: string, password: string): Promise<void>;
  /** The tenant of an existing login, or undefined while the username is free. */
  tenantOf(username: string): Promise<string | undefined>;
}
