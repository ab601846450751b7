import type { Deps } from '../../platform/kernel/aggregates';
import type { EmailSender } from '../../platform/ports/email.port';
import type { IdentityDirectory } from '../../platform/ports/identity-directory.port';

/**
 * What onboarding needs from outside: the table (through the aggregate store), the clock, the
 * logins (Cognito, or the local endpoint over the identity provider's user store) and the e-mail
 * sender (SES, or maildev locally) for the invitation, with the web app's origin for its link.
 */
export interface OnboardingDeps extends Deps {
  readonly identity: IdentityDirectory;
  readonly email: EmailSender;
  readonly webBaseUrl?: string;
}
