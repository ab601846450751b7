/** The public face of the eservices module: what other modules, the API and the wiring may use. */
export {
  applicantRange,
  validateApplication,
  type ApplicationValidation,
  type ValidationContext,
} from './domain/application';
export type {
  ApplicationValues,
  FieldValue,
  FieldValues,
  FileRef,
  LeafValue,
  ListItem,
} from './domain/values';
export {
  eligibilityRule,
  formField,
  serviceDefinition,
  serviceLevel,
  trilingual,
  variant,
} from './api/definition.schema';
export {
  APPLICATION_NUMBER_RANDOM_BYTES,
  applicationNumberFrom,
  constantTimeEqual,
  parseApplicationNumber,
  secondFactorMatches,
} from './domain/application-number';
export { countryCodes, isCountryCode } from './domain/countries';
export {
  definitionProblems,
  noticeChannels,
  resultKinds,
  type AmountField,
  type ChoiceField,
  type DateBound,
  type DateField,
  type DefinitionProblem,
  type EligibilityRule,
  type FieldType,
  type FileField,
  type FormField,
  type LeafField,
  type ListField,
  type NoticeChannel,
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
export {
  checkPhone,
  isFin,
  isPassportNumber,
  normalizeEmail,
  normalizeFin,
  normalizePassportNumber,
} from './domain/identifiers';
export {
  displayDate,
  fieldMessages,
  type FieldError,
  type FieldErrorCode,
  type Trilingual,
} from './domain/messages';
export {
  applicationFee,
  serviceClockStart,
  serviceDue,
  type IsWorkingDay,
  type ServiceDue,
} from './domain/service-level';
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
// The issued e-visa document (issue 15, item 5): the signed QR code, the PDF, the published keys.
export {
  base45Decode,
  base45Encode,
  decodeVisaCode,
  ecdsaDerToRaw,
  encodeVisaCodeBody,
  visaCodeText,
  VISA_CODE_PREFIX,
  VISA_CODE_VERSION,
  type DecodedVisaCode,
  type VisaCodeData,
  type VisaCodeProblem,
} from './domain/visa-code';
export {
  issueVisaDocument,
  renderVisaDocument,
  visaCheckLine,
  visaDocumentRows,
  visaQrMatrix,
  VISA_CODE_KEY_ALIAS,
  type IssuedVisaDocument,
  type QrMatrix,
  type VisaDocumentInput,
  type VisaDocumentView,
  type VisaHolder,
} from './usecases/visa-document';
export {
  verifyVisaCode,
  visaCodeJwk,
  visaCodeKeySet,
  type VisaCodeJwk,
  type VisaCodeKeySet,
  type VisaCodeVerification,
} from './usecases/visa-document-keys';

// Service definitions, versions and the public catalogue (issue 15, second slice).
export type { EServiceDeps } from './ports';
export { eservicesApi } from './api/eservices.api';
export { eserviceRoutes } from './api/eservices.routes';
export {
  createService,
  getService,
  listServices,
  publishService,
  serviceByCode,
  startNextDraft,
  updateDraft,
  type EServiceView,
} from './usecases/services.usecase';
export {
  getCatalogueService,
  listCatalogue,
  type CatalogueEntry,
  type CatalogueService,
} from './usecases/catalogue.usecase';
export type { EService, EServiceVersionRecord, PublishedSummary } from './usecases/records';

// The citizens' public application API (issue 15, third slice: uploads, submit, receipt, status).
export type { PublicApplicationDeps } from './ports';
export { publicApplicationRoutes } from './api/public-applications.routes';
export { publicApplicationsApi } from './api/public-applications.api';
export {
  startUpload,
  uploadKey,
  type UploadAnswer,
  type UploadInput,
} from './usecases/applications/uploads.usecase';
export {
  submitApplication,
  type SubmitAnswer,
  type SubmitInput,
} from './usecases/applications/submit.usecase';
export {
  applicationStatus,
  type StatusAnswer,
  type StatusInput,
} from './usecases/applications/status.usecase';
export { ensureApplicationMachine } from './usecases/applications/machine';
export { ensureReceipt, renderReceipt, receiptView, type ReceiptView } from './usecases/applications/receipt';
export { uploadClaim } from './usecases/applications/files';
// The application's flow (issue 15, third slice): its machine's tasks, the confirmation, the payment.
export type { ApplicationFlowDeps } from './ports';
export { applicationNextTask } from './tasks/applicationNext.task';
export { applicationWaitTask } from './tasks/applicationWait.task';
export { applicationNotifyTask } from './tasks/applicationNotify.task';
export { applicationCancelTask } from './tasks/applicationCancel.task';
export { flowApi } from './api/flow.api';
export { flowRoutes } from './api/flow.routes';
export { confirmApplication, type ConfirmationAnswer } from './usecases/flow/confirm';
export {
  applyPaymentDecision,
  paymentCallback,
  paymentOrderId,
  PAYMENT_CALLBACK_PATH,
  reconcilePayment,
  startPayment,
} from './usecases/flow/payment';
export { cancelLate, keepWaiting, planNext } from './usecases/flow/machine';
export {
  nextStep,
  noticesDue,
  PAYMENT_WINDOW_HOURS,
  paymentDueAt,
  readyToIssue,
  stillWaitsOn,
  type FlowStep,
  type NextStep,
  type WaitOn,
} from './usecases/flow/next';
export { noticeLinks, sendDueNotices } from './usecases/flow/notify';
export { signalRecorded, startApplicationExecution } from './usecases/flow/signal';

// The results of a decided application and the public e-visa check (issue 15, third slice: results).
export type { EVisaKeyDeps, ResultsDeps, VisaCodeSigner } from './ports';
export { verifyApi } from './api/verify.api';
export { verifyRoutes } from './api/verify.routes';
export { applicationIssueTask } from './tasks/applicationIssue.task';
export {
  decisionLetterFrame,
  decisionLetterRows,
  renderDecisionLetter,
  type DecisionLetterView,
} from './usecases/results/decision-letter';
export {
  applicantName,
  issueResults,
  notReadyReason,
  resultKindOf,
  visaHolder,
  type IssueInput,
  type IssueOutcome,
} from './usecases/results/issue.usecase';
export {
  evisaKeySet,
  verifyEVisa,
  visaCodeProblems,
  type VerifiedVisa,
} from './usecases/results/verify.usecase';
export {
  bakuYear,
  reserveVisaNumbers,
  VISA_COUNTER,
  visaNumberText,
  type VisaCounter,
} from './usecases/results/visa-numbers';

// The agency's side of applications (issue 15, third slice: review): registration in the journal,
// the automatic checks, the service level's clock, the route, the route's end, the officer's API.
export type { ApplicationReviewDeps } from './ports';
export { applicationReviewTask } from './tasks/applicationReview.task';
export { reviewApplication } from './usecases/review/review.usecase';
export { applyRouteOutcome, answerDecisionWait } from './usecases/review/route-outcome.usecase';
export {
  getApplication,
  listApplications,
  recordDecisions,
  type ApplicationSummary,
  type ApplicationView,
} from './usecases/review/officer.usecase';

// The service level's watch (issue 15, fourth slice): the reminder before the level runs out and
// the escalation when it has, to the route's people and their supervisors.
export { levelWatchNotifyTask } from './tasks/levelWatchNotify.task';
export { levelWatchPlanTask } from './tasks/levelWatchPlan.task';
export {
  ensureLevelWatch,
  LEVEL_WATCH_MACHINE,
  levelWatchName,
  notifyLevelEvent,
  planLevelWatch,
} from './usecases/level-watch/watch.usecase';
export {
  createIntegratorKey,
  integratorKeyAgency,
  listIntegratorKeys,
  revokeIntegratorKey,
  verifyIntegratorKey,
  type IntegratorKey,
  type IntegratorPrincipal,
} from './usecases/integrator-keys.usecase';
