import type { Actor } from './aggregate';
import { MfaRequiredError } from './errors';
import type { Role } from './roles';

/**
 * Issue 18: agencies that require it ask a second sign-in factor (TOTP) of their admins and of
 * everyone who signs (a signature or an endorsement on the single file). The identity provider
 * asks an enrolled user for the code at every sign-in; the token says whether the user has one.
 */
export function requireMfa(actor: Actor, what: string): void {
  if (actor.mfaMissing) throw new MfaRequiredError(`A second sign-in factor is required to ${what}`);
}

/**
 * An admin operation (a route open to the admin role) by an admin: the route's other roles do not
 * excuse an admin (an admin who is also a clerk acts with the admin's rights).
 */
export function requireMfaForRoute(actor: Actor, routeRoles: readonly Role[] | undefined): void {
  if (routeRoles?.includes('admin') && actor.roles.has('admin')) requireMfa(actor, 'administer the agency');
}
