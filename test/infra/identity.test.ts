import { Match, Template } from 'aws-cdk-lib/assertions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { beforeAll, describe, expect, it } from 'vitest';
import { Identity } from '../../infra/aws/constructs/identity';
import { ProjectFunction } from '../../infra/aws/constructs/project-function';
import { preTokenEntry } from '../../infra/aws/entries';
import { actionsOf, bareStack, environmentOf, logicalId, stubEntry } from './bare-stack';

let identity: Identity;
let fn: ProjectFunction;
let onboarding: ProjectFunction;
let template: Template;
beforeAll(() => {
  const stack = bareStack();
  identity = new Identity(stack, {
    prefix: 'karguzar-test',
    authDomainPrefix: 'karguzar-test-auth',
    webOrigins: ['https://web.example.az', 'https://edms.example.az'],
    preTokenEntry,
    alarmTopic: new Topic(stack, 'Alarms'),
  });
  fn = new ProjectFunction(stack, 'Fn', { entry: stubEntry, description: 'test function' });
  identity.bindIssuer(fn);
  identity.grantUserAdmin(fn);
  onboarding = new ProjectFunction(stack, 'OnboardingFn', { entry: stubEntry, description: 'onboarding' });
  identity.grantOnboarding(onboarding);
  template = Template.fromStack(stack);
});

describe('user pool', () => {
  it('wires the pre-token-generation trigger as event version V2_0', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: {
        PreTokenGenerationConfig: {
          LambdaArn: { 'Fn::GetAtt': [logicalId(identity.preToken.fn), 'Arn'] },
          LambdaVersion: 'V2_0',
        },
      },
      Schema: Match.arrayWith([Match.objectLike({ Name: 'tenant', Mutable: false })]),
      MfaConfiguration: 'OPTIONAL',
    });
  });

  it('admits only admin-created users, with Plus threat protection, and is never deleted', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UserPoolTier: 'PLUS',
      DeletionProtection: 'ACTIVE',
    });
    template.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain' });
  });

  it('serves managed login on the given domain prefix', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: 'karguzar-test-auth',
      ManagedLoginVersion: 2,
    });
    template.resourceCountIs('AWS::Cognito::ManagedLoginBranding', 1);
  });
});

describe('web client', () => {
  it('has a public web client with the authorization code flow and no secret', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      CallbackURLs: ['https://web.example.az/auth/callback/', 'https://edms.example.az/auth/callback/'],
      LogoutURLs: ['https://web.example.az/', 'https://edms.example.az/'],
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
    });
  });
});

describe('bindings', () => {
  it('bindIssuer gives the token verifier the pool issuer and the web client as audience', () => {
    const vars = environmentOf(template, fn);
    expect(vars.OIDC_AUDIENCE).toEqual({ Ref: logicalId(identity.webClient) });
    expect(vars.OIDC_CLIENT_ID).toEqual({ Ref: logicalId(identity.webClient) });
    expect(vars.USER_POOL_ID).toEqual({ Ref: logicalId(identity.userPool) });
    expect(JSON.stringify(vars.OIDC_ISSUER)).toContain(logicalId(identity.userPool));
    expect(JSON.stringify(vars.OIDC_LOGOUT_URL)).toContain('/logout');
  });

  it('grantUserAdmin allows creating, reading, enabling and disabling users and marking MFA only', () => {
    const cognito = actionsOf(template, logicalId(fn.role)).filter((a) => a.startsWith('cognito-idp:'));
    expect(cognito.sort()).toEqual([
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminDisableUser',
      'cognito-idp:AdminEnableUser',
      'cognito-idp:AdminGetUser',
      'cognito-idp:AdminUpdateUserAttributes',
    ]);
  });

  it('grantOnboarding allows creating and reading a login and setting its password only', () => {
    const cognito = actionsOf(template, logicalId(onboarding.role)).filter((a) =>
      a.startsWith('cognito-idp:'),
    );
    expect(cognito.sort()).toEqual([
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminGetUser',
      'cognito-idp:AdminSetUserPassword',
    ]);
  });
});

describe('platform operators', () => {
  it('are the members of the platform-operators group (the name the pre-token trigger reads)', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', {
      GroupName: 'platform-operators',
      UserPoolId: { Ref: logicalId(identity.userPool) },
    });
  });
});
