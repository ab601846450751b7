import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { BusinessRuleError, ConflictError } from '../../kernel/errors';
import { clientConfig } from '../aws-client';
import type { IdentityDirectory, NewLogin } from '../../ports/identity-directory.port';

export interface CognitoDirectoryOptions {
  region: string;
  userPoolId: string;
  /** Set for the local endpoint; omitted on AWS. */
  endpoint?: string;
}

const TENANT_ATTRIBUTE = 'custom:tenant';

/** Employee logins in a Cognito user pool; Cognito e-mails the invitation with a temporary password. */
export class CognitoIdentityDirectory implements IdentityDirectory {
  private readonly client: CognitoIdentityProviderClient;

  constructor(private readonly options: CognitoDirectoryOptions) {
    this.client = new CognitoIdentityProviderClient(clientConfig(options));
  }

  async invite(login: NewLogin): Promise<void> {
    await this.create(login, false);
  }

  async createLogin(login: NewLogin): Promise<void> {
    await this.create(login, true);
  }

  /** AdminCreateUser; `silent`: Cognito sends no temporary password (MessageAction SUPPRESS). */
  private async create(login: NewLogin, silent: boolean): Promise<void> {
    try {
      await this.client.send(
        new AdminCreateUserCommand({
          UserPoolId: this.options.userPoolId,
          Username: login.username,
          ...(silent
            ? { MessageAction: 'SUPPRESS' as const }
            : { DesiredDeliveryMediums: ['EMAIL' as const] }),
          UserAttributes: [
            { Name: 'email', Value: login.email },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'name', Value: login.fullName },
            { Name: TENANT_ATTRIBUTE, Value: login.tenantId },
          ],
        }),
      );
    } catch (error) {
      if ((error as Error).name !== 'UsernameExistsException') throw error;
      // A retried create finds its own login; a login of another tenant is someone else's.
      if ((await this.tenantOf(login.username)) !== login.tenantId) {
        throw new ConflictError('duplicate_value', 'The username is taken', {
          field: 'username',
          value: login.username,
        });
      }
    }
  }

  async setPassword(username: string, password: string): Promise<void> {
    try {
      await this.client.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: this.options.userPoolId,
          Username: username,
          Password: password,
          Permanent: true,
        }),
      );
    } catch (error) {
      if ((error as Error).name !== 'InvalidPasswordException') throw error;
      throw new BusinessRuleError('password_too_weak', 'The password does not meet the policy', {}, [
        { path: 'password', code: 'password_too_weak' },
      ]);
    }
  }

  async tenantOf(username: string): Promise<string | undefined> {
    try {
      const existing = await this.client.send(
        new AdminGetUserCommand({ UserPoolId: this.options.userPoolId, Username: username }),
      );
      return existing.UserAttributes?.find((a) => a.Name === TENANT_ATTRIBUTE)?.Value ?? '';
    } catch (error) {
      if ((error as Error).name === 'UserNotFoundException') return undefined;
      throw error;
    }
  }

  async setEnabled(username: string, enabled: boolean): Promise<void> {
    const input = { UserPoolId: this.options.userPoolId, Username: username };
    await this.client.send(enabled ? new AdminEnableUserCommand(input) : new AdminDisableUserCommand(input));
  }
}
