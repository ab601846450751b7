import { CfnOutput, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  ClientAttributes,
  CfnUserPoolGroup,
  FeaturePlan,
  LambdaVersion,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  PasskeyUserVerification,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolClient,
  UserPoolClientIdentityProvider,
  UserPoolEmail,
  UserPoolOperation,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { ProjectFunction } from './project-function';

/** Reserved concurrency of the pre-token trigger unless the stack says otherwise. */
export const PRE_TOKEN_RESERVED_CONCURRENCY = 20;

/** The Cognito group of platform operators (the pre-token trigger reads the same name). */
export const PLATFORM_OPERATORS_GROUP = 'platform-operators';

export interface IdentityProps {
  /** `karguzar-<env>`: prefix of physical names. */
  readonly prefix: string;
  /** Cognito managed login domain prefix (must be globally unique per region). */
  readonly authDomainPrefix: string;
  /** Web origins allowed for OAuth callbacks and logouts (the distribution's first). */
  readonly webOrigins: readonly string[];
  /** Absolute entry of the pre-token-generation trigger. */
  readonly preTokenEntry: string;
  /**
   * Reserved concurrency of the pre-token trigger: sign-in keeps this much capacity whatever the
   * API does (it is taken from the account's pool). @default 20
   */
  readonly preTokenReservedConcurrency?: number;
  readonly alarmTopic: ITopic;
  /**
   * Domain verified in SES: Cognito's mail (invitations, codes) goes from no-reply@<domain> through
   * SES. The stack always gives it. @default Cognito's built-in sender
   */
  readonly mailDomain?: string;
}

/**
 * Who signs in: the Cognito user pool (admin-created users, Plus threat protection, tenant as an
 * immutable custom attribute copied into the tokens by the pre-token trigger), its managed login
 * domain, the public web client and the JWT authorizer of the HTTP API.
 *
 * Resources are defined directly in `scope` (the stack), so their logical ids stay those of the
 * deployed stack: a new logical id would replace the user pool (every account and password).
 */
export class Identity {
  readonly preToken: ProjectFunction;
  readonly userPool: UserPool;
  readonly domain: UserPoolDomain;
  readonly webClient: UserPoolClient;
  /** JWT authorizer for `auth: 'jwt'` routes: issuer = the pool, audience = the web client. */
  readonly authorizer: HttpUserPoolAuthorizer;

  constructor(scope: Construct, props: IdentityProps) {
    this.preToken = new ProjectFunction(scope, 'PreTokenFn', {
      entry: props.preTokenEntry,
      description: 'Cognito pre-token-generation (V2): copies custom:tenant into the access token',
      memorySize: 256,
      timeout: Duration.seconds(5),
      alarmTopic: props.alarmTopic,
      reservedConcurrentExecutions: props.preTokenReservedConcurrency ?? PRE_TOKEN_RESERVED_CONCURRENCY,
    });

    const userPool = (this.userPool = new UserPool(scope, 'UserPool', {
      userPoolName: `${props.prefix}-users`,
      // Accounts are created by tenant administrators, never by self sign-up.
      selfSignUpEnabled: false,
      signInAliases: { email: true, username: false },
      autoVerify: { email: true },
      customAttributes: {
        tenant: new StringAttribute({ minLen: 1, maxLen: 64, mutable: false }),
        // "true" once the user enrolled an authenticator (written by the API only; the web client
        // may not write it): the pre-token trigger copies it into the `mfa` claim (issue 18).
        mfa: new StringAttribute({ minLen: 4, maxLen: 5, mutable: true }),
      },
      // OPTIONAL: Cognito cannot require MFA per group. An enrolled user (TOTP) is asked for the
      // code at every sign-in; the API requires it of admins and signers where the agency says so.
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      // Passkeys (WebAuthn) as a first factor beside the password, in the managed login (Plus
      // plan); the relying party is the managed login's prefix domain.
      signInPolicy: { allowedFirstAuthFactors: { password: true, passkey: true } },
      passkeyRelyingPartyId: `${props.authDomainPrefix}.auth.${Stack.of(scope).region}.amazoncognito.com`,
      passkeyUserVerification: PasskeyUserVerification.REQUIRED,
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Through SES, not Cognito's built-in sender (a small daily cap that stalls onboarding).
      ...(props.mailDomain
        ? {
            email: UserPoolEmail.withSES({
              fromEmail: `no-reply@${props.mailDomain}`,
              fromName: 'Kargüzar',
              sesVerifiedDomain: props.mailDomain,
            }),
          }
        : {}),
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    }));
    userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, this.preToken.fn, LambdaVersion.V2_0);
    // Platform operators (onboard agencies): users of this group without a tenant. The pre-token
    // trigger gives them the `platform_role` claim; operators are added by the AWS administrator
    // (infra/aws/README.md), never through the API.
    new CfnUserPoolGroup(scope, 'PlatformOperatorsGroup', {
      userPoolId: userPool.userPoolId,
      groupName: PLATFORM_OPERATORS_GROUP,
      description: 'Kargüzar platform operators: create agencies (tenants) and invite their first admin',
    });
    Validations.of(userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is OPTIONAL because Cognito cannot require it per group: TOTP is offered to everyone, and the API refuses admin operations and signatures without it (403 mfa_required) where the agency requires it (default for new agencies); Plus-tier threat protection adds adaptive authentication.',
    });

    this.domain = userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: props.authDomainPrefix },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    this.webClient = new UserPoolClient(scope, 'WebClient', {
      userPool,
      userPoolClientName: `${props.prefix}-web`,
      generateSecret: false,
      // `user`: choice-based sign-in (password or passkey) in the managed login.
      authFlows: { userSrp: true, user: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        // COGNITO_ADMIN (aws.cognito.signin.user.admin): the user's own token enrols an
        // authenticator through the API (AssociateSoftwareToken, VerifySoftwareToken).
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE, OAuthScope.COGNITO_ADMIN],
        // web/lib/auth/oidc.ts: redirect_uri <origin>/auth/callback/ (Next trailingSlash: true)
        callbackUrls: props.webOrigins.map((o) => `${o}/auth/callback/`),
        logoutUrls: props.webOrigins.map((o) => `${o}/`),
      },
      // With the COGNITO_ADMIN scope a user may update their own writable attributes: neither the
      // tenant nor the MFA mark is among them (the API writes `custom:mfa` after a verified code).
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.minutes(60),
      idTokenValidity: Duration.minutes(60),
      refreshTokenValidity: Duration.days(7),
    });
    new CfnManagedLoginBranding(scope, 'ManagedLoginBranding', {
      userPoolId: userPool.userPoolId,
      clientId: this.webClient.userPoolClientId,
      useCognitoProvidedValues: true,
    }).node.addDependency(this.domain);

    this.authorizer = new HttpUserPoolAuthorizer('Cognito', userPool, {
      userPoolClients: [this.webClient],
      identitySource: ['$request.header.Authorization'],
    });

    new CfnOutput(scope, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(scope, 'WebClientId', { value: this.webClient.userPoolClientId });
    new CfnOutput(scope, 'OidcIssuer', { value: userPool.userPoolProviderUrl });
    new CfnOutput(scope, 'AuthDomain', { value: this.domain.baseUrl() });
  }

  /** The token verifier's settings (issuer, audience) and the web login's client and logout URL. */
  bindIssuer(pf: ProjectFunction): void {
    pf.addEnvironment({
      OIDC_ISSUER: this.userPool.userPoolProviderUrl,
      OIDC_AUDIENCE: this.webClient.userPoolClientId,
      OIDC_CLIENT_ID: this.webClient.userPoolClientId,
      OIDC_LOGOUT_URL: `${this.domain.baseUrl()}/logout`,
      USER_POOL_ID: this.userPool.userPoolId,
    });
  }

  /**
   * The platform operator onboards agencies: creates the first admin's login without a temporary
   * password and, when the invitation is accepted, sets its password (onboarding route group only).
   */
  grantOnboarding(pf: ProjectFunction): void {
    this.userPool.grant(
      pf.role,
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminGetUser',
      'cognito-idp:AdminSetUserPassword',
    );
  }

  /**
   * Agency admins create, enable and disable their employees' logins; a user who enrolled an
   * authenticator gets `custom:mfa` (org route group only).
   */
  grantUserAdmin(pf: ProjectFunction): void {
    this.userPool.grant(
      pf.role,
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminGetUser',
      'cognito-idp:AdminEnableUser',
      'cognito-idp:AdminDisableUser',
      'cognito-idp:AdminUpdateUserAttributes',
    );
  }
}
