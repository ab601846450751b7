import { BusinessRuleError, ConflictError } from '../../../functions/platform/kernel/errors';
import type { IdentityDirectory, NewLogin } from '../../../functions/platform/ports/identity-directory.port';

/**
 * Logins in memory, with the port's rules: inviting an existing login of the same tenant changes
 * nothing; a username of another tenant is a duplicate_value on `username`.
 */
export class MemoryIdentityDirectory implements IdentityDirectory {
  readonly logins = new Map<string, NewLogin & { enabled: boolean }>();
  readonly invitations: NewLogin[] = [];
  readonly enabledChanges: Array<{ username: string; enabled: boolean }> = [];
  /** Logins made without an invitation (createLogin), and the passwords set on them. */
  readonly silentLogins: NewLogin[] = [];
  readonly passwords = new Map<string, string>();

  async invite(login: NewLogin): Promise<void> {
    const existing = this.logins.get(login.username);
    if (existing && existing.tenantId !== login.tenantId)
      throw new ConflictError('duplicate_value', 'The username is taken', { field: 'username' });
    if (existing) return;
    this.invitations.push(login);
    this.logins.set(login.username, { ...login, enabled: true });
  }

  async createLogin(login: NewLogin): Promise<void> {
    const existing = this.logins.get(login.username);
    if (existing && existing.tenantId !== login.tenantId)
      throw new ConflictError('duplicate_value', 'The username is taken', { field: 'username' });
    if (existing) return;
    this.silentLogins.push(login);
    this.logins.set(login.username, { ...login, enabled: true });
  }

  /** The pool's policy of the deployment: 12+ characters, upper and lower case, a digit, a symbol. */
  async setPassword(username: string, password: string): Promise<void> {
    if (!this.logins.has(username)) throw new Error(`no login ${username}`);
    const strong =
      password.length >= 12 &&
      /[A-Z]/.test(password) &&
      /[a-z]/.test(password) &&
      /\d/.test(password) &&
      /[^A-Za-z0-9]/.test(password);
    if (!strong)
      throw new BusinessRuleError('password_too_weak', 'weak', {}, [
        { path: 'password', code: 'password_too_weak' },
      ]);
    this.passwords.set(username, password);
  }

  async tenantOf(username: string): Promise<string | undefined> {
    return this.logins.get(username)?.tenantId;
  }

  async setEnabled(username: string, enabled: boolean): Promise<void> {
    this.enabledChanges.push({ username, enabled });
    const existing = this.logins.get(username);
    if (existing) existing.enabled = enabled;
  }
}
