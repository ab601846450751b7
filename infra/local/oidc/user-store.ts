/**
 * The logins of the local identity provider (the embedded default's stand-in for the Cognito user
 * pool): demo users from the seed plus the logins agency admins create through the local Cognito
 * endpoint. Kept in `<dataDir>/oidc/users.json` (0600, atomically replaced) with scrypt hashes only,
 * and the TOTP secrets of the logins that enrolled an authenticator (as Cognito keeps them).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writePrivateFile } from './keys';
import { hashPassword, verifyPassword } from './passwords';
import { totpStep } from './totp';

export interface LocalUser {
  subject: string;
  username: string;
  passwordHash: string;
  /** The agency of the login; absent for a platform operator, who works in no tenant. */
  tenantId?: string;
  /** `operator`: a platform operator (onboards agencies); the token then carries `platform_role`. */
  platformRole?: 'operator';
  email: string;
  name: string;
  enabled: boolean;
  createdAt: string;
  /**
   * TOTP (issue 18): `pending` while an enrolment waits for its first code, `secret` once confirmed,
   * `enabled` when it is the login's MFA (asked for at every sign-in), `lastStep` the time step of
   * the last code that signed in (a code signs in once).
   */
  totp?: { pending?: string; secret?: string; enabled?: boolean; lastStep?: number };
  /** Cognito's `custom:mfa` attribute ("true"/"false"), written by the API; the token's `mfa` claim. */
  mfaAttribute?: string;
}

export class LocalUserStore {
  private readonly byName = new Map<string, LocalUser>();
  private readonly bySub = new Map<string, LocalUser>();
  private readonly file: string;
  private writing: Promise<void> = Promise.resolve();

  private constructor(oidcDir: string) {
    mkdirSync(oidcDir, { recursive: true, mode: 0o700 });
    this.file = join(oidcDir, 'users.json');
    if (existsSync(this.file)) {
      for (const user of JSON.parse(readFileSync(this.file, 'utf8')) as LocalUser[]) this.index(user);
    }
  }

  static async open(dataDir: string): Promise<LocalUserStore> {
    return new LocalUserStore(join(dataDir, 'oidc'));
  }

  private index(user: LocalUser): void {
    this.byName.set(user.username, user);
    this.bySub.set(user.subject, user);
  }

  private persist(): Promise<void> {
    const snapshot = JSON.stringify([...this.byName.values()], null, 1);
    this.writing = this.writing.then(() => writePrivateFile(this.file, snapshot));
    return this.writing;
  }

  byUsername(username: string): LocalUser | undefined {
    return this.byName.get(username);
  }

  bySubject(subject: string): LocalUser | undefined {
    return this.bySub.get(subject);
  }

  /** Demo users keep their documented password; an existing login is left as it is. */
  async ensure(
    users: Array<Omit<LocalUser, 'passwordHash' | 'enabled' | 'createdAt'> & { password: string }>,
  ): Promise<void> {
    let changed = false;
    for (const u of users) {
      if (this.byName.has(u.username)) continue;
      const { password, ...rest } = u;
      this.index({
        ...rest,
        passwordHash: await hashPassword(password),
        enabled: true,
        createdAt: new Date().toISOString(),
      });
      changed = true;
    }
    if (changed) await this.persist();
  }

  async create(
    user: Omit<LocalUser, 'passwordHash' | 'enabled' | 'createdAt'> & { password: string },
  ): Promise<LocalUser> {
    if (this.byName.has(user.username)) throw new Error(`login ${user.username} exists`);
    const { password, ...rest } = user;
    const stored = {
      ...rest,
      passwordHash: await hashPassword(password),
      enabled: true,
      createdAt: new Date().toISOString(),
    };
    this.index(stored);
    await this.persist();
    return stored;
  }

  /** A new password for good (an accepted invitation); false when there is no such login. */
  async setPassword(username: string, password: string): Promise<boolean> {
    const user = this.byName.get(username);
    if (!user) return false;
    user.passwordHash = await hashPassword(password);
    await this.persist();
    return true;
  }

  async setEnabled(username: string, enabled: boolean): Promise<boolean> {
    const user = this.byName.get(username);
    if (!user) return false;
    user.enabled = enabled;
    await this.persist();
    return true;
  }

  /** A new enrolment: its secret waits for the first code; a confirmed TOTP stays as it is meanwhile. */
  async startTotp(username: string, secret: string): Promise<boolean> {
    const user = this.byName.get(username);
    if (!user) return false;
    user.totp = { ...user.totp, pending: secret };
    await this.persist();
    return true;
  }

  /** The first code of a pending enrolment: right, and the pending secret becomes the login's. */
  async confirmTotp(username: string, code: string): Promise<'ok' | 'wrong' | 'none'> {
    const user = this.byName.get(username);
    const pending = user?.totp?.pending;
    if (!user || !pending) return 'none';
    if (totpStep(pending, code) === undefined) return 'wrong';
    const { pending: _done, lastStep: _old, ...rest } = user.totp ?? {};
    user.totp = { ...rest, secret: pending };
    await this.persist();
    return 'ok';
  }

  /** TOTP as the login's MFA (Cognito's SetUserMFAPreference); false without a confirmed secret. */
  async setTotpEnabled(username: string, enabled: boolean): Promise<boolean> {
    const user = this.byName.get(username);
    if (!user?.totp?.secret) return false;
    user.totp = { ...user.totp, enabled };
    await this.persist();
    return true;
  }

  async setMfaAttribute(username: string, value: string): Promise<boolean> {
    const user = this.byName.get(username);
    if (!user) return false;
    user.mfaAttribute = value;
    await this.persist();
    return true;
  }

  /** Whether sign-in asks this login for a code. */
  totpRequired(user: LocalUser): boolean {
    return Boolean(user.totp?.enabled && user.totp.secret);
  }

  /** A sign-in code: valid now (±1 step) and later than the last code that signed in. */
  async checkSignInCode(username: string, code: string): Promise<boolean> {
    const user = this.byName.get(username);
    const secret = user?.totp?.secret;
    if (!user || !secret) return false;
    const step = totpStep(secret, code);
    if (step === undefined || step <= (user.totp?.lastStep ?? -1)) return false;
    user.totp = { ...user.totp, lastStep: step };
    await this.persist();
    return true;
  }

  /** A disabled login cannot sign in; an unknown one costs the same time as a wrong password. */
  async authenticate(username: string, password: string, dummyHash: string): Promise<LocalUser | undefined> {
    const user = this.byName.get(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? dummyHash);
    return ok && user?.enabled ? user : undefined;
  }
}
