import { ForbiddenError, UnauthenticatedError } from '../../kernel/errors';
import type { OperatorPrincipal, VerifiedPrincipal } from '../../ports/token-verifier.port';

/**
 * Names of the claims that carry the principal. Both identity providers produce the same names:
 * Cognito's pre-token-generation trigger copies `custom:tenant` into `tenant` and Cognito's access
 * token carries `username`; the local provider issues `tenant` and `username` directly.
 */
export interface ClaimNames {
  tenant: string;
  username: string;
}

export const DEFAULT_CLAIM_NAMES: ClaimNames = { tenant: 'tenant', username: 'username' };

/**
 * The claim that marks a platform operator, with the value `operator`: set by the local provider
 * for operator logins and by Cognito's pre-token trigger for members of the `platform-operators`
 * group. An operator's token carries no tenant.
 */
export const PLATFORM_ROLE_CLAIM = 'platform_role';

/**
 * Whether the login has a second factor (TOTP) that the identity provider asks for at sign-in:
 * "true" or "false", from the pre-token trigger (Cognito's `custom:mfa`) or the local provider.
 */
export const MFA_CLAIM = 'mfa';
export const OPERATOR_ROLE = 'operator';

/**
 * Tenant ids become key prefixes in storage: letters, digits and `._:-`, starting with a letter or
 * digit, at most 128 characters (slugs, UUIDs and ULIDs fit; `#`, `/` and spaces do not).
 */
export const TENANT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

function stringClaim(payload: Record<string, unknown>, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Maps the claims of a token whose signature, issuer, audience and times are already verified. */
export function principalFromClaims(
  payload: Record<string, unknown>,
  names: ClaimNames = DEFAULT_CLAIM_NAMES,
): VerifiedPrincipal {
  const subject = stringClaim(payload, 'sub');
  if (!subject)
    throw new UnauthenticatedError('Token has no subject', { reason: 'missing_claim', claim: 'sub' });
  // A valid operator's token: who it is is known, it just has no business in a tenant.
  if (stringClaim(payload, PLATFORM_ROLE_CLAIM) === OPERATOR_ROLE && !stringClaim(payload, names.tenant))
    throw new ForbiddenError('A platform operator works in no tenant');
  const tenantId = stringClaim(payload, names.tenant);
  if (!tenantId)
    throw new UnauthenticatedError('Token has no tenant', { reason: 'missing_claim', claim: names.tenant });
  if (!TENANT_ID_PATTERN.test(tenantId)) {
    throw new UnauthenticatedError('Token has a malformed tenant', {
      reason: 'malformed_claim',
      claim: names.tenant,
    });
  }
  const username = stringClaim(payload, names.username);
  if (!username)
    throw new UnauthenticatedError('Token has no username', {
      reason: 'missing_claim',
      claim: names.username,
    });
  // Cognito's pre-token trigger writes the string "true"; a boolean true is taken as well.
  const mfa = payload[MFA_CLAIM] === 'true' || payload[MFA_CLAIM] === true;
  return { subject, tenantId, username, ...(mfa ? { mfa } : {}) };
}

/**
 * The operator behind a verified token: the operator claim and no tenant (a tenant's user is never
 * an operator, whatever else the token says).
 */
export function operatorFromClaims(
  payload: Record<string, unknown>,
  names: ClaimNames = DEFAULT_CLAIM_NAMES,
): OperatorPrincipal {
  const subject = stringClaim(payload, 'sub');
  if (!subject)
    throw new UnauthenticatedError('Token has no subject', { reason: 'missing_claim', claim: 'sub' });
  const username = stringClaim(payload, names.username);
  if (!username)
    throw new UnauthenticatedError('Token has no username', {
      reason: 'missing_claim',
      claim: names.username,
    });
  if (stringClaim(payload, PLATFORM_ROLE_CLAIM) !== OPERATOR_ROLE || stringClaim(payload, names.tenant))
    throw new ForbiddenError('Platform operators only');
  return { subject, username };
}
