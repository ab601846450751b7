/** The public face of the eservices module: what other modules, the API and the wiring may use. */
export {
  applicantRange,
  validateApplication,
  type ApplicationValidation,
  type ApplicationValues,
  type FieldValue,
  type FieldValues,
  type FileRef,
  type ListItem,
  type ValidationContext,
} from './domain/application';
export {
  APPLICATION_NUMBER_RANDOM_BYTES,
  applicationNumberFrom,
  constantTimeEqual,
  parseApplicationNumber,
  secondFactorMatches,
} from './domain/application-number';
export { countryCodes, isCountryCode } from './domain/countries';
export {
  dateBound,
  eligibilityRule,
  formField,
  resultKinds,
  serviceCode,
  serviceDefinition,
  serviceLevel,
  variant,
  type DateBound,
  type EligibilityRule,
  type FieldType,
  type FormField,
  type ResultKind,
  type ServiceDefinition,
  type ServiceLevel,
  type Variant,
} from './domain/definition';
export { checkEligibility } from './domain/eligibility';
export {
  EVISA_ELIGIBLE_COUNTRIES,
  EVISA_MAX_GROUP,
  EVISA_MAX_STAY_DAYS,
  EVISA_VALID_DAYS,
  eVisaDefinition,
  eVisaLeaveBy,
  eVisaValidity,
  passportCoversVisa,
  type EVisaValidity,
} from './domain/evisa';
export { checkPhone, isFin, isPassportNumber, normalizeEmail, normalizeFin, normalizePassportNumber } from './domain/identifiers';
export { displayDate, fieldMessages, type FieldError, type FieldErrorCode, type Trilingual } from './domain/messages';
export { applicationFee, serviceClockStart, serviceDue, type IsWorkingDay, type ServiceDue } from './domain/service-level';
export { socialAssistanceDefinition } from './domain/social-assistance';
export { addDays, bakuDate, bakuStartOfDay } from './domain/time';
export {
  currentVersion,
  publishDraft,
  reviseDraft,
  startDraft,
  versionOfApplication,
  type ServiceVersion,
  type VersionState,
} from './domain/versions';
