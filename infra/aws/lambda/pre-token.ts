import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';

/**
 * Cognito pre-token-generation trigger (event version V2_0): copies the immutable user
 * attribute `custom:tenant` into the `tenant` claim of the access token (what the HTTP API
 * and the handlers read) and of the ID token (what the web reads). A user without a tenant
 * gets no claim, and the API then refuses every tenant route.
 */
export async function handler(
  event: PreTokenGenerationV2TriggerEvent,
): Promise<PreTokenGenerationV2TriggerEvent> {
  const tenant = event.request.userAttributes['custom:tenant'];
  if (typeof tenant !== 'string' || tenant.length === 0) return event;
  const claims = { tenant };
  event.response = {
    ...event.response,
    claimsAndScopeOverrideDetails: {
      ...event.response?.claimsAndScopeOverrideDetails,
      accessTokenGeneration: {
        ...event.response?.claimsAndScopeOverrideDetails?.accessTokenGeneration,
        claimsToAddOrOverride: {
          ...event.response?.claimsAndScopeOverrideDetails?.accessTokenGeneration?.claimsToAddOrOverride,
          ...claims,
        },
      },
      idTokenGeneration: {
        ...event.response?.claimsAndScopeOverrideDetails?.idTokenGeneration,
        claimsToAddOrOverride: {
          ...event.response?.claimsAndScopeOverrideDetails?.idTokenGeneration?.claimsToAddOrOverride,
          ...claims,
        },
      },
    },
  };
  return event;
}
