/**
 * The service level's clock of an application: it starts at the payment (a variant with a fee), at
 * the e-mail confirmation or at the submission (a free one; `serviceClockStart`), and ends by the
 * variant's level counted on the agency's working-day calendar (execution's `tenantCalendar`, with
 * the agency's own edits) — `serviceDue`.
 */
import { tenantCalendar, workingDaysBetween } from '../../../execution';
import type { ServiceDefinition } from '../../domain/definition';
import { serviceClockStart, serviceDue, type IsWorkingDay } from '../../domain/service-level';
import { addDays } from '../../domain/time';
import type { ApplicationReviewDeps } from '../../ports';
import type { ApplicationRecord } from '../application-records';

export type ApplicationLevel = NonNullable<ApplicationRecord['level']>;

/** The agency's calendar as the domain asks for it: is this Baku date a working day. */
export async function agencyWorkingDays(
  deps: ApplicationReviewDeps,
  tenantId: string,
): Promise<IsWorkingDay> {
  const calendar = await tenantCalendar(deps, tenantId);
  return (date) => workingDaysBetween(calendar, addDays(date, -1), date) === 1;
}

/**
 * The clock of the application. In review its clock has started by the rules; were the record
 * missing the event (an older record), it starts when the review starts (`at`), never later.
 */
export function applicationLevel(
  app: ApplicationRecord,
  def: ServiceDefinition,
  at: string,
  isWorkingDay: IsWorkingDay,
): ApplicationLevel {
  const variant = def.variants.find((v) => v.code === app.values.variant);
  if (!variant) throw new Error(`Variant ${app.values.variant} is not in version ${app.serviceVersion}`);
  const paidAt = app.payment?.status === 'paid' ? app.payment.decidedAt : undefined;
  const startedAt =
    serviceClockStart(
      variant.fee,
      {
        submittedAt: app.submittedAt,
        ...(app.confirmation?.confirmedAt ? { confirmedAt: app.confirmation.confirmedAt } : {}),
        ...(paidAt ? { paidAt } : {}),
      },
      def.contact.confirmEmailWithinMinutes !== undefined,
    ) ?? at;
  const due = serviceDue(startedAt, variant.level, isWorkingDay);
  return { startedAt, dueAt: due.dueAt, lastDay: due.lastDay };
}
