import { Secret, TOTP } from 'otpauth';
import type { Actor } from '../../../platform/kernel/aggregate';
import type { Deps } from '../../../platform/kernel/aggregates';
import { BusinessRuleError, UnauthenticatedError } from '../../../platform/kernel/errors';
import type { MfaDirectory } from '../../../platform/ports/mfa.port';
import type { Tenant } from '../domain/org';

/** The name authenticator apps list the login under. */
const ISSUER = 'Kargüzar';

function directory(deps: Deps): MfaDirectory {
  if (!deps.mfa) throw new Error('No MFA directory configured');
  return deps.mfa;
}

/** The user's own token authorizes enrolment at the identity provider. */
function tokenOf(accessToken: string | undefined): string {
  if (!accessToken) throw new UnauthenticatedError('Missing bearer token');
  return accessToken;
}

export interface MfaStatus {
  totpEnabled: boolean;
  signedInWithMfa: boolean;
  requiredByAgency: boolean;
}

/** The signed-in user's two-step sign-in: enrolled, used for this sign-in, required by the agency. */
export async function getMfaStatus(deps: Deps, actor: Actor): Promise<MfaStatus> {
  const [totpEnabled, tenant] = await Promise.all([
    directory(deps).totpEnabled(actor.username),
    deps.store.get<Tenant>('tenant', actor.tenantId, actor.tenantId),
  ]);
  return { totpEnabled, signedInWithMfa: actor.mfa === true, requiredByAgency: tenant?.requireMfa === true };
}

/**
 * Starts enrolling an authenticator app: a new secret each time (an unfinished enrolment is simply
 * replaced), shown as a QR code of the otpauth URI. Nothing changes for sign-in until it is confirmed.
 */
export async function startTotp(
  deps: Deps,
  actor: Actor,
  accessToken: string | undefined,
): Promise<{ secret: string; otpauthUri: string }> {
  const { secret } = await directory(deps).startTotp(tokenOf(accessToken));
  const totp = new TOTP({ issuer: ISSUER, label: actor.username, secret: Secret.fromBase32(secret) });
  return { secret, otpauthUri: totp.toString() };
}

/**
 * Confirms the enrolment with the authenticator's current code: from then on the identity provider
 * asks for a code at every sign-in, and the tokens say `mfa: "true"` (after signing in again).
 * A wrong code is a 422 on `code` and changes nothing.
 */
export async function confirmTotp(
  deps: Deps,
  actor: Actor,
  accessToken: string | undefined,
  code: string,
): Promise<MfaStatus> {
  const ok = await directory(deps).confirmTotp(tokenOf(accessToken), actor.username, code);
  if (!ok)
    throw new BusinessRuleError('mfa_code_invalid', 'Wrong authenticator code', {}, [
      { path: 'code', code: 'mfa_code_invalid' },
    ]);
  return { ...(await getMfaStatus(deps, actor)), totpEnabled: true };
}
