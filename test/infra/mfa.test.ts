import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { beforeAll, describe, expect, it } from 'vitest';
import { Identity } from '../../infra/aws/constructs/identity';
import { ProjectFunction } from '../../infra/aws/constructs/project-function';
import { preTokenEntry } from '../../infra/aws/entries';
import { handler } from '../../infra/aws/lambda/pre-token';
import { actionsOf, bareStack, logicalId, stubEntry } from './bare-stack';

// Issue 18, two-step sign-in: TOTP offered in the pool, the web client's token may enrol it, the
// MFA mark is an attribute only the API writes, the trigger puts it in the tokens, passkeys on.
let template: Template;
let identity: Identity;
let org: ProjectFunction;
beforeAll(() => {
  const stack = bareStack();
  identity = new Identity(stack, {
    prefix: 'karguzar-test',
    authDomainPrefix: 'karguzar-test-auth',
    webOrigins: ['https://web.example.az'],
    preTokenEntry,
    alarmTopic: new Topic(stack, 'Alarms'),
  });
  org = new ProjectFunction(stack, 'OrgFn', { entry: stubEntry, description: 'org' });
  identity.grantUserAdmin(org);
  template = Template.fromStack(stack);
});

describe('the user pool', () => {
  it('offers TOTP (software token) as optional MFA, never SMS', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    });
  });

  it('keeps the MFA mark in a mutable custom attribute beside the immutable tenant', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'tenant', Mutable: false }),
        Match.objectLike({ Name: 'mfa', Mutable: true, AttributeDataType: 'String' }),
      ]),
    });
  });

  it('allows passkeys beside the password, with user verification, on the managed login domain', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'PLUS',
      Policies: Match.objectLike({
        SignInPolicy: { AllowedFirstAuthFactors: Match.arrayWith(['PASSWORD', 'WEB_AUTHN']) },
      }),
      WebAuthnUserVerification: 'required',
      WebAuthnRelyingPartyID: Match.anyValue(),
    });
    const pool = Object.values(template.findResources('AWS::Cognito::UserPool'))[0] as {
      Properties: { WebAuthnRelyingPartyID: unknown };
    };
    expect(JSON.stringify(pool.Properties.WebAuthnRelyingPartyID)).toContain('karguzar-test-auth.auth.');
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { ManagedLoginVersion: 2 });
  });
});

describe('the web client', () => {
  it("asks for aws.cognito.signin.user.admin, so that the user's own token can enrol an authenticator", () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthScopes: Match.arrayWith(['openid', 'aws.cognito.signin.user.admin']),
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_AUTH']),
    });
  });

  it('cannot write the MFA mark or the tenant (the scope lets a user update their writable attributes)', () => {
    const client = Object.values(template.findResources('AWS::Cognito::UserPoolClient'))[0] as {
      Properties: { WriteAttributes?: string[] };
    };
    const writable = client.Properties.WriteAttributes;
    expect(writable).toBeDefined();
    expect(writable).not.toContain('custom:mfa');
    expect(writable).not.toContain('custom:tenant');
  });

  it('the org route group may set the MFA mark (AdminUpdateUserAttributes)', () => {
    expect(actionsOf(template, logicalId(org.role))).toContain('cognito-idp:AdminUpdateUserAttributes');
  });
});

describe('the pre-token trigger', () => {
  const event = (userAttributes: Record<string, string>) =>
    ({
      version: '2',
      triggerSource: 'TokenGeneration_HostedAuth',
      request: {
        userAttributes,
        groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [], preferredRole: null },
        scopes: ['openid'],
      },
      response: { claimsAndScopeOverrideDetails: null },
    }) as unknown as PreTokenGenerationV2TriggerEvent;

  it('puts mfa "true" in both tokens of a user who enrolled, "false" otherwise', async () => {
    for (const [mark, claim] of [
      ['true', 'true'],
      ['false', 'false'],
      [undefined, 'false'],
      ['yes', 'false'],
    ] as const) {
      const result = await handler(
        event({ sub: 'u', 'custom:tenant': 'agency-7', ...(mark ? { 'custom:mfa': mark } : {}) }),
      );
      const details = result.response.claimsAndScopeOverrideDetails;
      expect(details?.accessTokenGeneration?.claimsToAddOrOverride?.mfa).toBe(claim);
      expect(details?.idTokenGeneration?.claimsToAddOrOverride?.mfa).toBe(claim);
    }
  });
});
