/**
 * Who may apply: the definition's eligibility rules over an application's normalized values. Run
 * by `validateApplication` once the form is valid, and again by the automatic checks before a
 * decision (with the values the application was submitted with). A rule about an applicant's field
 * is checked for each applicant, its error on that applicant's field; a rule whose fields are all
 * common, once. A rule whose field is empty (an optional field left out) does not apply.
 */
import type { ApplicationValues, FieldValues } from './values';
import type { EligibilityRule, ServiceDefinition } from './definition';
import { fieldError, type FieldError } from './messages';
import { addDays, isIsoDate } from './time';

export function checkEligibility(def: ServiceDefinition, values: ApplicationValues): FieldError[] {
  const isCommon = (code: string) => def.form.common.some((f) => f.code === code);
  const errors = new Map<string, FieldError>();
  for (const rule of def.eligibility) {
    const codes = rule.kind === 'country-in' ? [rule.field] : [rule.field, rule.reference.field];
    // A rule over common fields only is one check; any applicant field makes it one per applicant.
    const rounds: readonly FieldValues[] = codes.every(isCommon) ? [{}] : values.applicants;
    rounds.forEach((applicant, i) => {
      const path = isCommon(rule.field) ? `common.${rule.field}` : `applicants[${i}].${rule.field}`;
      const error = ruleError(rule, (code) => applicant[code] ?? values.common[code], path);
      // A common field failing against several applicants is reported once.
      if (error && !errors.has(`${path} ${error.code}`)) errors.set(`${path} ${error.code}`, error);
    });
  }
  return [...errors.values()];
}

function ruleError(
  rule: EligibilityRule,
  read: (code: string) => FieldValues[string] | undefined,
  path: string,
): FieldError | undefined {
  const value = read(rule.field);
  if (typeof value !== 'string') return undefined;
  if (rule.kind === 'country-in') {
    return rule.countries.includes(value)
      ? undefined
      : fieldError(path, 'not_eligible_country', { country: value }, rule.message);
  }
  const reference = read(rule.reference.field);
  if (typeof reference !== 'string' || !isIsoDate(reference) || !isIsoDate(value)) return undefined;
  const min = addDays(reference, rule.reference.days);
  return value >= min ? undefined : fieldError(path, 'not_eligible_date', { min }, rule.message);
}
