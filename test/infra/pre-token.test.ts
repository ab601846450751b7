import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handler } from '../../infra/aws/lambda/pre-token';

function event(userAttributes: Record<string, string>): PreTokenGenerationV2TriggerEvent {
  return {
    version: '2',
    triggerSource: 'TokenGeneration_HostedAuth',
    region: 'eu-central-1',
    userPoolId: 'eu-central-1_example',
    userName: 'user-1',
    callerContext: { awsSdkVersion: 'x', clientId: 'client-1' },
    request: {
      userAttributes,
      groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [], preferredRole: null },
      scopes: ['openid'],
    },
    response: { claimsAndScopeOverrideDetails: null },
  } as unknown as PreTokenGenerationV2TriggerEvent;
}

describe('pre-token-generation trigger (V2)', () => {
  it('copies custom:tenant into the access and ID token claim "tenant"', async () => {
    const result = await handler(event({ sub: 'abc', 'custom:tenant': 'agency-7' }));

    const details = result.response.claimsAndScopeOverrideDetails;
    expect(details?.accessTokenGeneration?.claimsToAddOrOverride).toEqual({ tenant: 'agency-7' });
    expect(details?.idTokenGeneration?.claimsToAddOrOverride).toEqual({ tenant: 'agency-7' });
  });

  it('adds no claim when the user has no tenant', async () => {
    const result = await handler(event({ sub: 'abc' }));

    expect(result.response.claimsAndScopeOverrideDetails).toBeNull();
  });
});
