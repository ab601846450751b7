import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../../platform/kernel/aggregate';
import { ConflictError } from '../../../platform/kernel/errors';
import { localize, type LocalizedText } from '../../../platform/kernel/text';
import { createAggregate, sortable, updateAggregate } from '../../../platform/kernel/aggregates';
import type { Employee, Tenant } from '../../org';
import {
  assertPasswordPolicy,
  assertUsable,
  INVITATION_DAYS,
  invitationInvalid,
  parseInvitationToken,
  PLATFORM_PARTITION,
  type Invitation,
  type InvitationData,
  type TenantRegistration,
} from '../domain/onboarding';
import type { OnboardingDeps } from '../ports';

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');
const claimOf = (tokenHash: string) => ({ scope: 'invitation-token', value: tokenHash, field: 'token' });
const placementOf = (i: InvitationData) => ({ parentKey: i.employeeId, sortKey: i.expiresAt });
const system = (tenantId: string): Actor => ({
  tenantId,
  employeeId: 'system',
  username: 'system',
  roles: new Set(['admin']),
});

/** The employee's invitation, if one was made. */
async function invitationOf(deps: OnboardingDeps, tenantId: string, employeeId: string) {
  const page = await deps.store.list<Invitation>('invitation', tenantId, { limit: 1, parentKey: employeeId });
  return page.items[0];
}

/** `2026-03-09 10:00` in Baku time (UTC+4, no daylight saving). */
const bakuTime = (iso: string) =>
  new Date(Date.parse(iso) + 4 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

function invitationMail(
  to: Pick<Employee, 'fullName' | 'username'>,
  organization: LocalizedText,
  link: string,
  expiresAt: string,
) {
  const until = bakuTime(expiresAt);
  return {
    subject: `Kargüzar: ${localize(organization, 'az')} — dəvət / invitation / приглашение`,
    text: [
      `Hörmətli ${to.fullName}!`,
      `Siz Kargüzar elektron kargüzarlıq sistemində «${localize(organization, 'az')}» təşkilatının inzibatçısı kimi qeydiyyata alındınız. İstifadəçi adınız: ${to.username}.`,
      `Şifrənizi təyin etmək üçün keçidi açın (${until}, Bakı vaxtınadək etibarlıdır): ${link}`,
      '',
      `Dear ${to.fullName},`,
      `you have been registered as the administrator of “${localize(organization, 'en')}” in the Kargüzar records management system. Your username: ${to.username}.`,
      `Open the link to set your password (valid until ${until}, Baku time): ${link}`,
      '',
      `Уважаемый(ая) ${to.fullName}!`,
      `Вы зарегистрированы администратором организации «${localize(organization, 'ru')}» в системе электронного делопроизводства Kargüzar. Имя пользователя: ${to.username}.`,
      `Откройте ссылку, чтобы задать пароль (действует до ${until} по бакинскому времени): ${link}`,
    ].join('\n'),
  };
}

/**
 * Makes (or renews) the employee's invitation and e-mails its link: a new secret each time, only
 * its hash stored, the previous link dead. The e-mail leaves before `sentAt` is written, so a crash
 * in between sends the invitation again on the next try (never loses it). With `onlyIfUnsent`,
 * an invitation already e-mailed is left alone (a provisioning that resumes after the e-mail).
 * An accepted invitation is not renewed (409 invitation_used).
 */
export async function issueInvitation(
  deps: OnboardingDeps,
  tenantId: string,
  employee: Employee,
  organization: LocalizedText,
  options: { onlyIfUnsent?: boolean } = {},
): Promise<Invitation> {
  const actor = system(tenantId);
  const existing = await invitationOf(deps, tenantId, employee.id);
  if (existing?.status === 'accepted')
    throw new ConflictError('invitation_used', 'The invitation was accepted already');
  if (existing?.sentAt && options.onlyIfUnsent) return existing;
  const secret = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  const data: InvitationData = {
    employeeId: employee.id,
    username: employee.username,
    email: employee.email,
    tokenHash: hashOf(secret),
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
    status: 'pending',
  };
  const made = existing
    ? await updateAggregate(deps, 'invitation', actor, existing, data, existing.version, {
        ...placementOf(data),
        claims: [claimOf(data.tokenHash)],
        oldClaims: [claimOf(existing.tokenHash)],
      })
    : await createAggregate(deps, 'invitation', actor, data, {
        ...placementOf(data),
        claims: [claimOf(data.tokenHash)],
      });
  const link = `${deps.webBaseUrl ?? ''}/invitation/#token=${encodeURIComponent(`${tenantId}.${secret}`)}`;
  const mail = invitationMail(employee, organization, link, data.expiresAt);
  await deps.email.send({ to: [employee.email], subject: mail.subject, text: mail.text });
  return updateAggregate(
    deps,
    'invitation',
    actor,
    made,
    { ...data, sentAt: now.toISOString() },
    made.version,
    {
      ...placementOf(data),
    },
  );
}

/** The invitation a link's token names, if it is still usable (any other token: 422 invitation_invalid). */
async function usableInvitation(deps: OnboardingDeps, token: string) {
  const { tenantId, secret } = parseInvitationToken(token);
  const id = await deps.store.findByUnique(tenantId, { scope: 'invitation-token', value: hashOf(secret) });
  const invitation = id ? await deps.store.get<Invitation>('invitation', tenantId, id) : undefined;
  if (!invitation) throw invitationInvalid();
  assertUsable(invitation, deps.clock.now().toISOString());
  return { tenantId, invitation };
}

/** What the invitation page shows before the password is set: who, for which organization, until when. */
export async function lookupInvitation(deps: OnboardingDeps, token: string) {
  const { tenantId, invitation } = await usableInvitation(deps, token);
  const [tenant, employee] = await Promise.all([
    deps.store.get<Tenant>('tenant', tenantId, tenantId),
    deps.store.get<Employee>('employee', tenantId, invitation.employeeId),
  ]);
  return {
    username: invitation.username,
    fullName: employee?.fullName ?? invitation.username,
    organization: tenant?.name ?? { az: tenantId },
    expiresAt: invitation.expiresAt,
  };
}

/**
 * Sets the invited person's password for good and spends the invitation. The directory is told
 * first: a crash before the invitation is marked leaves it usable, and the retry sets the same
 * password again. Two concurrent acceptances: the second finds the invitation changed (409).
 */
export async function acceptInvitation(
  deps: OnboardingDeps,
  input: { token: string; password: string },
): Promise<{ username: string }> {
  const { tenantId, invitation } = await usableInvitation(deps, input.token);
  assertPasswordPolicy(input.password);
  await deps.identity.setPassword(invitation.username, input.password);
  const now = deps.clock.now().toISOString();
  const { id: _i, tenantId: _t, version: _v, createdAt: _c, updatedAt: _u, ...data } = invitation;
  try {
    await updateAggregate(
      deps,
      'invitation',
      system(tenantId),
      invitation,
      { ...data, status: 'accepted' as const, acceptedAt: now },
      invitation.version,
      placementOf(data),
    );
  } catch (error) {
    if (error instanceof ConflictError && error.code === 'stale_version')
      throw new ConflictError('invitation_used', 'The invitation was accepted already');
    throw error;
  }
  // The platform's register shows when the agency's first admin joined (informative only).
  const registration = await deps.store.get<TenantRegistration>(
    'tenant-registration',
    PLATFORM_PARTITION,
    tenantId,
  );
  if (registration?.adminEmployeeId === invitation.employeeId && !registration.adminJoinedAt) {
    const { id: _ri, tenantId: _rt, version: _rv, createdAt: _rc, updatedAt: _ru, ...reg } = registration;
    try {
      await updateAggregate(
        deps,
        'tenant-registration',
        { tenantId: PLATFORM_PARTITION, employeeId: 'system' },
        registration,
        { ...reg, adminJoinedAt: now },
        registration.version,
        { sortKey: sortable(registration.name.az) },
      );
    } catch (error) {
      // Changed meanwhile (the operator resent something): the date is only informative.
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return { username: invitation.username };
}
