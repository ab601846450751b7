/**
 * The automatic checks when the review starts, per applicant: the eligibility rules of the version
 * the application was submitted under (`checkEligibility`, again: the values are those submitted),
 * and for an e-visa whether each passport stays valid until the visa's last day
 * (`passportCoversVisa` against `eVisaValidity` from the arrival date and the review instant).
 * They inform the officer; they decide nothing.
 */
import { normalizeFin, type RegistryLookup, type RegistryPerson } from '../../../citizen-registries';
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

/** The applicant's fields the registry's record is compared with (as the standard definitions name them). */
const REGISTRY_FIELDS = [
  {
    field: 'surname',
    of: (p: RegistryPerson) => p.surname,
    label: { az: 'soyadı', en: 'surname', ru: 'фамилия' },
  },
  { field: 'name', of: (p: RegistryPerson) => p.name, label: { az: 'adı', en: 'name', ru: 'имя' } },
  {
    field: 'birthDate',
    of: (p: RegistryPerson) => p.birthDate,
    label: { az: 'doğum tarixi', en: 'birth date', ru: 'дата рождения' },
  },
] as const;

const same = (a: string, b: string) => a.trim().toLocaleUpperCase('az') === b.trim().toLocaleUpperCase('az');

/**
 * Each applicant's FİN looked up in the citizen registry (the passport registry's port): a FİN the
 * registry does not know, or a surname, name or birth date that differs from its record, is a
 * problem for the officer to see. Problems per applicant, in the applicants' order; none for a
 * form without a FİN field (the e-visa). The registry is never shown to the applicant.
 */
export async function registryProblems(
  registry: RegistryLookup,
  definition: ServiceDefinition,
  values: ApplicationValues,
): Promise<ApplicantChecks['problems'][]> {
  const finField = definition.form.applicant.find((f) => f.type === 'fin')?.code;
  return Promise.all(
    values.applicants.map(async (applicant) => {
      const fin = finField ? applicant[finField] : undefined;
      if (typeof fin !== 'string' || fin === '') return [];
      const person = await registry.person(normalizeFin(fin));
      if (!person)
        return [
          {
            code: 'fin_not_in_registry',
            message: {
              az: `FİN ${fin} vətəndaşların reyestrində tapılmadı`,
              en: `FIN ${fin} is not in the citizens' registry`,
              ru: `ФИН ${fin} не найден в реестре граждан`,
            },
          },
        ];
      return REGISTRY_FIELDS.flatMap(({ field, of, label }) => {
        const given = applicant[field];
        if (typeof given !== 'string' || same(given, of(person))) return [];
        const shown = field === 'birthDate' ? displayDate(of(person)) : of(person);
        return [
          {
            code: 'registry_mismatch',
            message: {
              az: `Reyestrdə ${label.az}: ${shown}`,
              en: `The registry's ${label.en}: ${shown}`,
              ru: `В реестре ${label.ru}: ${shown}`,
            },
          },
        ];
      });
    }),
  );
}
