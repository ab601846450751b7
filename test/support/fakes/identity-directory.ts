import { ConflictError } from '../../../functions/platform/kernel/errors';
import type { IdentityDirectory, NewLogin } from '../../../functions/platform/ports/identity-directory.port';

/**
 * Logins in memory, with the port's rules: inviting an existing login of the same tenant changes
 * nothing; a username of another tenant is a duplicate_value on `username`.
 */
export class MemoryIdentityDirectory implements IdentityDirectory {
  readonly logins = new Map<string, NewLogin & { enabled: boolean }>();
  readonly invitations: NewLogin[] = [];
  readonly enabledChanges: Array<{ username: string; enabled: boolean }> = [];

  async invite(login: NewLogin): Promise<void> {
    const existing = this.logins.get(login.username);
    if (existing && existing.tenantId !== login.tenantId)
      throw new ConflictError('duplicate_value', 'The username is taken', { field: 'username' });
    if (existing) return;
    this.invitations.push(login);
    this.logins.set(login.username, { ...login, enabled: true });
  }

  async setEnabled(username: string, enabled: boolean): Promise<void> {
    this.enabledChanges.push({ username, enabled });
    const existing = this.logins.get(username);
    if (existing) existing.enabled = enabled;
  }
}
