/**
 * The automatic checks when the review starts, per applicant: the eligibility rules of the version
 * the application was submitted under (`checkEligibility`, again: the values are those submitted),
 * and for an e-visa whether each passport stays valid until the visa's last day
 * (`passportCoversVisa` against `eVisaValidity` from the arrival date and the review instant).
 * They inform the officer; they decide nothing.
 */
import type { ServiceDefinition } from '../../domain/definition';
import { checkEligibility } from '../../domain/eligibility';
import { eVisaValidity, passportCoversVisa } from '../../domain/evisa';
import { displayDate, type Trilingual } from '../../domain/messages';
import { isIsoDate } from '../../domain/time';
import type { ApplicationValues } from '../../domain/values';
import type { ApplicationRecord } from '../application-records';

export type ApplicantChecks = NonNullable<ApplicationRecord['checks']>[number];

const passportMessage = (expiry: string, validUntil: string): Trilingual => ({
  az: `Pasportun etibarlılıq müddəti (${displayDate(expiry)}) vizanın son gününü (${displayDate(validUntil)}) əhatə etmir`,
  en: `The passport expires (${displayDate(expiry)}) before the visa’s last day (${displayDate(validUntil)})`,
  ru: `Срок действия паспорта (${displayDate(expiry)}) истекает раньше последнего дня визы (${displayDate(validUntil)})`,
});

/** Field names the e-visa definition gives the dates the passport check reads. */
const ARRIVAL = 'arrivalDate';
const PASSPORT_EXPIRY = 'passportExpiryDate';

export function automaticChecks(
  definition: ServiceDefinition,
  values: ApplicationValues,
  at: string,
): ApplicantChecks[] {
  const errors = checkEligibility(definition, values);
  return values.applicants.map((applicant, i) => {
    const problems: ApplicantChecks['problems'] = errors
      .filter((e) => e.path.startsWith(`applicants[${i}].`) || e.path.startsWith('common.'))
      .map((e) => ({ code: e.code, message: e.message }));
    const arrival = applicant[ARRIVAL];
    const expiry = applicant[PASSPORT_EXPIRY];
    if (
      definition.result.kind === 'e-visa' &&
      typeof arrival === 'string' &&
      typeof expiry === 'string' &&
      isIsoDate(arrival) &&
      isIsoDate(expiry)
    ) {
      const validity = eVisaValidity(arrival, at);
      if (!passportCoversVisa(expiry, validity))
        problems.push({
          code: 'passport_expires_before_visa',
          message: passportMessage(expiry, validity.validUntil),
        });
    }
    return { applicant: i, ok: problems.length === 0, problems };
  });
}
