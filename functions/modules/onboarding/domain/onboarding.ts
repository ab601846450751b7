import type { AggregateMeta } from '../../../platform/kernel/aggregate';
import { BusinessRuleError, ConflictError } from '../../../platform/kernel/errors';
import type { LocalizedText } from '../../../platform/kernel/text';

/** The platform's own partition of the table (the register of agencies): see the kernel. */
export { PLATFORM_PARTITION } from '../../../platform/kernel/platform-directory';

export const registrationStatuses = ['provisioning', 'active'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

/** The agency's first administrator, invited by e-mail to set a password. */
export interface FirstAdmin {
  fullName: string;
  username: string;
  email: string;
}

/** What the operator gives to onboard an agency. */
export interface TenantRegistrationInput {
  /** The tenant id (a slug); absent: the platform makes one. */
  key?: string;
  name: LocalizedText;
  shortName?: LocalizedText;
  legalAddress: string;
  voen: string;
  /** The organization's e-mail; absent: the first admin's. */
  email?: string;
  phone?: string;
  admin: FirstAdmin;
}

/**
 * An agency as the platform registers it (id = the tenant id): kept in the platform's partition.
 * `provisioning` until the standard lists, the admin's login and employee record, the invitation
 * and the tenant profile are all written; a retried or resumed creation completes it.
 */
export interface TenantRegistrationData extends Omit<TenantRegistrationInput, 'key' | 'email'> {
  email: string;
  status: RegistrationStatus;
  /** The operator who created it (`system` for the demo agencies of the embedded default). */
  createdBy: string;
  /** The employee record of the first admin in the new tenant, once made. */
  adminEmployeeId?: string;
  /** When the admin accepted the invitation (set a password). */
  adminJoinedAt?: string;
}
export type TenantRegistration = AggregateMeta & TenantRegistrationData;

/** A tenant key: lower-case letters, digits and hyphens, 3–40 characters, a letter or digit first. */
export const TENANT_KEY = /^[a-z0-9][a-z0-9-]{2,39}$/;

/** The unique values a registration holds across the platform. */
export const registrationClaims = (tenantId: string, voen: string) => [
  { scope: 'voen', value: voen, field: 'voen' },
  { scope: 'tenant-key', value: tenantId, field: 'key' },
];

/** The one position a new agency starts with: its administrator's (the admin builds the rest). */
export const ADMIN_POSITION_TITLE: LocalizedText = {
  az: 'Sistem inzibatçısı',
  en: 'System administrator',
  ru: 'Системный администратор',
};
/** The code of the root department a new agency starts with (the organization itself). */
export const ROOT_DEPARTMENT_CODE = '01';

// Invitations -----------------------------------------------------------------------------------

/** How long an invitation link works. */
export const INVITATION_DAYS = 7;

export const invitationStatuses = ['pending', 'accepted'] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];

/**
 * An invitation to set a password, kept in the invited person's tenant. Only the SHA-256 of the
 * secret is stored (claimed unique as `invitation-token`); the secret lives in the e-mailed link.
 */
export interface InvitationData {
  employeeId: string;
  username: string;
  email: string;
  tokenHash: string;
  expiresAt: string;
  status: InvitationStatus;
  /** When the e-mail carrying the current secret left (absent: not sent yet). */
  sentAt?: string;
  acceptedAt?: string;
}
export type Invitation = AggregateMeta & InvitationData;

/**
 * The token in the link: `<tenant id>.<secret>`; the secret is base64url (no dots), so the tenant
 * is everything before the last dot. Anything else is not an invitation.
 */
export function parseInvitationToken(token: string): { tenantId: string; secret: string } {
  const dot = token.lastIndexOf('.');
  const tenantId = token.slice(0, dot);
  const secret = token.slice(dot + 1);
  if (
    dot <= 0 ||
    !/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/.test(tenantId) ||
    !/^[A-Za-z0-9_-]{43}$/.test(secret)
  )
    throw invitationInvalid();
  return { tenantId, secret };
}

export const invitationInvalid = () =>
  new BusinessRuleError('invitation_invalid', 'The invitation is not valid');

/** An invitation can be used once, before it expires. */
export function assertUsable(invitation: InvitationData, now: string): void {
  if (invitation.status === 'accepted')
    throw new ConflictError('invitation_used', 'The invitation was accepted already');
  if (invitation.expiresAt <= now)
    throw new BusinessRuleError('invitation_expired', 'The invitation has expired');
}

/**
 * The password policy of the user pool (infra/aws/constructs/identity.ts), checked before the
 * directory is asked so that the answer is the same everywhere: at least 12 characters with
 * upper- and lower-case letters, a digit and a symbol.
 */
export function assertPasswordPolicy(password: string): void {
  const strong =
    password.length >= 12 &&
    password.length <= 256 &&
    /[A-Z]/.test(password) &&
    /[a-z]/.test(password) &&
    /\d/.test(password) &&
    /[^A-Za-z0-9\s]/.test(password);
  if (!strong) {
    throw new BusinessRuleError('password_too_weak', 'The password does not meet the policy', {}, [
      { path: 'password', code: 'password_too_weak' },
    ]);
  }
}
