import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handler } from '../../infra/aws/lambda/pre-token';

function event(
  userAttributes: Record<string, string>,
  groups: string[] = [],
): PreTokenGenerationV2TriggerEvent {
  return {
    version: '2',
    triggerSource: 'TokenGeneration_HostedAuth',
    region: 'eu-central-1',
    userPoolId: 'eu-central-1_example',
    userName: 'user-1',
    callerContext: { awsSdkVersion: 'x', clientId: 'client-1' },
    request: {
      userAttributes,
      groupConfiguration: { groupsToOverride: groups, iamRolesToOverride: [], preferredRole: null },
      scopes: ['openid'],
    },
    response: { claimsAndScopeOverrideDetails: null },
  } as unknown as PreTokenGenerationV2TriggerEvent;
}

describe('pre-token-generation trigger (V2)', () => {
  it('copies custom:tenant into the access and ID token claim "tenant"', async () => {
    const result = await handler(event({ sub: 'abc', 'custom:tenant': 'agency-7' }));

    const details = result.response.claimsAndScopeOverrideDetails;
    expect(details?.accessTokenGeneration?.claimsToAddOrOverride).toEqual({
      tenant: 'agency-7',
      mfa: 'false',
    });
    expect(details?.idTokenGeneration?.claimsToAddOrOverride).toEqual({ tenant: 'agency-7', mfa: 'false' });
  });

  it('adds no claim when the user has no tenant', async () => {
    const result = await handler(event({ sub: 'abc' }));

    expect(result.response.claimsAndScopeOverrideDetails).toBeNull();
  });

  it('marks a member of platform-operators without a tenant as an operator, in both tokens', async () => {
    const result = await handler(event({ sub: 'op' }, ['platform-operators']));

    const details = result.response.claimsAndScopeOverrideDetails;
    expect(details?.accessTokenGeneration?.claimsToAddOrOverride).toEqual({ platform_role: 'operator' });
    expect(details?.idTokenGeneration?.claimsToAddOrOverride).toEqual({ platform_role: 'operator' });
  });

  it('never makes a tenant user an operator, whatever their groups', async () => {
    const result = await handler(event({ sub: 'abc', 'custom:tenant': 'agency-7' }, ['platform-operators']));

    expect(
      result.response.claimsAndScopeOverrideDetails?.accessTokenGeneration?.claimsToAddOrOverride,
    ).toEqual({
      tenant: 'agency-7',
      mfa: 'false',
    });
  });
});
