import {
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { clientConfig } from '../aws-client';
import { UnauthenticatedError } from '../../kernel/errors';
import type { MfaDirectory } from '../../ports/mfa.port';
import type { CognitoDirectoryOptions } from './identity-directory.adapter';

/**
 * The user's own mark of a second factor: the pre-token trigger copies it into the `mfa` claim.
 * Only the API writes it (AdminUpdateUserAttributes); the web client may not (its write attributes
 * leave it out, infra/aws/constructs/identity.ts).
 */
export const MFA_ATTRIBUTE = 'custom:mfa';

/**
 * Cognito's answers to a wrong, expired or reused first code, and to a code with no enrolment
 * started (InvalidParameterException): the user starts again either way.
 */
const WRONG_CODE = new Set([
  'CodeMismatchException',
  'EnableSoftwareTokenMFAException',
  'ExpiredCodeException',
  'InvalidParameterException',
]);

/**
 * A token Cognito does not take for managing its own user (revoked, or from a sign-in made before
 * the web asked for `aws.cognito.signin.user.admin`): the user signs in again (401).
 */
function refusedToken(error: unknown): never {
  if ((error as Error).name === 'NotAuthorizedException')
    throw new UnauthenticatedError('Sign in again to set up two-step sign-in', { reason: 'token_scope' });
  throw error;
}

/**
 * TOTP in a Cognito user pool (MFA OPTIONAL, software token on): AssociateSoftwareToken and
 * VerifySoftwareToken with the user's access token (scope `aws.cognito.signin.user.admin`), then
 * SetUserMFAPreference makes TOTP the login's MFA (Cognito asks for it at every sign-in from then
 * on) and AdminUpdateUserAttributes sets `custom:mfa`.
 */
export class CognitoMfaDirectory implements MfaDirectory {
  private readonly client: CognitoIdentityProviderClient;

  constructor(private readonly options: CognitoDirectoryOptions) {
    this.client = new CognitoIdentityProviderClient(clientConfig(options));
  }

  async startTotp(accessToken: string): Promise<{ secret: string }> {
    const answer = await this.client
      .send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }))
      .catch(refusedToken);
    if (!answer.SecretCode) throw new Error('AssociateSoftwareToken returned no secret');
    return { secret: answer.SecretCode };
  }

  async confirmTotp(accessToken: string, username: string, code: string): Promise<boolean> {
    try {
      const answer = await this.client
        .send(
          new VerifySoftwareTokenCommand({
            AccessToken: accessToken,
            UserCode: code,
            FriendlyDeviceName: 'Kargüzar',
          }),
        )
        .catch(refusedToken);
      if (answer.Status !== 'SUCCESS') return false;
    } catch (error) {
      if (WRONG_CODE.has((error as Error).name)) return false;
      throw error;
    }
    await this.client.send(
      new SetUserMFAPreferenceCommand({
        AccessToken: accessToken,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
    await this.client.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: this.options.userPoolId,
        Username: username,
        UserAttributes: [{ Name: MFA_ATTRIBUTE, Value: 'true' }],
      }),
    );
    return true;
  }

  async totpEnabled(username: string): Promise<boolean> {
    const user = await this.client.send(
      new AdminGetUserCommand({ UserPoolId: this.options.userPoolId, Username: username }),
    );
    return (user.UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA');
  }
}
