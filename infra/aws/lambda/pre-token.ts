import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';

/** The Cognito group of platform operators (infra/aws/constructs/identity.ts). */
const OPERATORS = 'platform-operators';

/**
 * Cognito pre-token-generation trigger (event version V2_0): copies the immutable user
 * attribute `custom:tenant` into the `tenant` claim of the access token (what the HTTP API
 * and the handlers read) and of the ID token (what the web reads). A member of the
 * `platform-operators` group without a tenant gets `platform_role: "operator"` instead (the
 * platform's onboarding routes); a user with a tenant is never an operator. A user with neither
 * gets no claim, and the API then refuses every route but the public ones. A tenant's user also
 * gets `mfa: "true"` or `"false"` from the attribute `custom:mfa` (set by the API when the user
 * enrols an authenticator).
 */
export async function handler(
  event: PreTokenGenerationV2TriggerEvent,
): Promise<PreTokenGenerationV2TriggerEvent> {
  const tenant = event.request.userAttributes['custom:tenant'];
  const hasTenant = typeof tenant === 'string' && tenant.length > 0;
  const operator =
    !hasTenant && (event.request.groupConfiguration?.groupsToOverride ?? []).includes(OPERATORS);
  if (!hasTenant && !operator) return event;
  // `mfa`: whether the user enrolled an authenticator (Cognito then asks for its code at every
  // sign-in); the API requires it of admins and signers where the agency says so (issue 18).
  const claims: Record<string, string> = hasTenant
    ? { tenant, mfa: event.request.userAttributes['custom:mfa'] === 'true' ? 'true' : 'false' }
    : { platform_role: 'operator' };
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
