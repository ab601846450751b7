/**
 * The API contract as the web app uses it: names for the generated schema types (`schema.d.ts`)
 * and the enumerations the UI needs as values (`enums.ts`: pick lists, menus, static routes). Both
 * files are generated from the OpenAPI document by scripts/web-api-types.ts; this one only names.
 */
import type { components, operations as Operations } from './schema';

type Schemas = components['schemas'];

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Success<R> = R extends { 200: infer S } ? S : R extends { 201: infer S } ? S : never;
/** The JSON answer (200 or 201) of an operation of the contract, by its operationId. */
export type Answer<K extends keyof Operations> = Json<Success<Operations[K]['responses']>>;

// ---------------------------------------------------------------------------------------------
// Shapes

export type Problem = Schemas['Problem'];
export type FieldError = NonNullable<Problem['errors']>[number];
export type ClientConfig = Schemas['ClientConfig'];
export type LocalizedText = Schemas['LocalizedText'];
/** What every stored object of the API carries (optimistic concurrency on `version`). */
export type Entity = Pick<Schemas['Department'], 'id' | 'version' | 'createdAt' | 'updatedAt'>;

export type Me = Schemas['Me'];
/** The signed-in platform operator (no tenant). */
export type PlatformOperator = Schemas['PlatformOperator'];
export type TenantRegistration = Schemas['TenantRegistration'];
export type InvitationView = Schemas['InvitationView'];
export type Tenant = Schemas['Tenant'];
export type Department = Schemas['Department'];
export type Position = Schemas['Position'];
export type Employee = Schemas['Employee'];
export type Substitution = Schemas['Substitution'];
export type Absence = Schemas['Absence'];
export type NotificationPreferences = Schemas['NotificationPreferences'];
/** The caller's own notification channels, with the version to update them. */
export type MyNotifications = Answer<'getMyNotifications'>;
export type SmsSettings = Schemas['SmsSettings'];
export type WebhookSubscription = Schemas['WebhookSubscription'];
export type WebhookSubscriptionWithSecret = Schemas['WebhookSubscriptionWithSecret'];
export type WebhookDelivery = Schemas['WebhookDelivery'];
export type WebhookEventType = Schemas['WebhookEventType'];
export type IntegratorKey = Schemas['IntegratorKey'];
export type IntegratorKeyWithSecret = Schemas['IntegratorKeyWithSecret'];
export type MfaStatus = Answer<'getMyMfa'>;
export type TotpEnrolment = Answer<'startMyTotp'>;
export type ReferenceItem = Schemas['ReferenceItem'];

export type DocumentRecord = Schemas['Document'];
export type Sender = NonNullable<DocumentRecord['incoming']>['sender'];
export type ContentItem = Schemas['ContentItem'];
export type SingleFile = Schemas['SingleFile'];
export type PrintFile = Schemas['PrintFile'];
export type SingleFileVerification = Schemas['SingleFileVerification'];
export type ArchiveState = Schemas['ArchiveState'];
export type ArchiveHolding = Schemas['ArchiveHolding'];
export type CaseClosure = Schemas['CaseClosure'];
export type IntegrityReport = Schemas['IntegrityReport'];
export type DisposalAct = Schemas['DisposalAct'];
export type DisposalPreview = Schemas['DisposalPreview'];
export type OperationEntry = Schemas['OperationEntry'];
export type LinkedDocument = Schemas['LinkedDocument'];
export type RepeatCandidates = Schemas['RepeatCandidates'];
export type RepeatCandidate = RepeatCandidates['items'][number];
export type RepeatReason = RepeatCandidate['reasons'][number];
export type RepeatQuery = Schemas['RepeatQuery'];
export type SenderInput = Schemas['SenderInput'];
export type UploadTicket = Schemas['UploadTicket'];
export type SavedFilters = Schemas['SavedFilters'];
export type SavedFilter = SavedFilters['items'][number];
export type GroupUpdateInput = Schemas['GroupUpdateInput'];
export type GroupResult = Schemas['GroupUpdateResult']['results'][number];
export type GroupArchiveInput = Schemas['GroupArchiveInput'];
export type GroupResolutionInput = Schemas['GroupResolutionInput'];
export type RegistryPerson = Schemas['RegistryPerson'];
export type RegistryOrganization = Schemas['RegistryOrganization'];

export type ApprovalRoute = Schemas['ApprovalRoute'];
export type ApprovalStage = Schemas['ApprovalStage'];
export type ApprovalParticipant = ApprovalStage['participants'][number];
export type ApprovalStep = ApprovalRoute['steps'][number];
export type StepAssignee = ApprovalStep['assignees'][number];
export type ApprovalRouteTemplate = Schemas['ApprovalRouteTemplate'];
export type ApprovalRouteView = Schemas['ApprovalRouteView'];

export type ExecutionView = Schemas['ExecutionView'];
export type Assignment = Schemas['Assignment'];
export type ResolutionInput = Schemas['ResolutionInput'];
export type AssignmentActionInput = Schemas['AssignmentActionInput'];
export type InboxRow = Schemas['InboxRow'];

export type CalendarView = Schemas['WorkingCalendar'];
export type CalendarDay = CalendarView['days'][number];
export type CalendarOverride = CalendarView['overrides'][number];
export type CalendarUpdate = Schemas['WorkingCalendarUpdate'];
export type CalendarYears = Schemas['WorkingCalendarYears'];
export type CalendarYearView = Schemas['WorkingCalendarYear'];
export type CalendarYearUpdate = Schemas['WorkingCalendarYearUpdate'];

// ---------------------------------------------------------------------------------------------
// Enumerations (string literal unions of the contract)

export type Role = Me['roles'][number];
export type PositionKind = Position['kind'];
export type AbsenceKind = Absence['kind'];
export type ReferenceListName = ReferenceItem['list'];
export type DocumentKind = DocumentRecord['kind'];
export type OrderCategory = NonNullable<DocumentRecord['order']>['category'];
export type ExecutionCharacter = NonNullable<NonNullable<DocumentRecord['internal']>['executionCharacter']>;
export type LinkType = LinkedDocument['type'];
export type Operation = NonNullable<DocumentRecord['allowedOperations']>[number];
export type StageKind = ApprovalStage['kind'];
export type StageMode = ApprovalStage['mode'];
export type ApprovalRouteState = ApprovalRoute['state'];
export type AssignmentKind = Assignment['kind'];
export type AssignmentStatus = Assignment['status'];
export type ExecutorRole = NonNullable<Assignment['role']>;
export type InboxBox = InboxRow['line']['box'];
/** What a caller posts on an assignment (`sub-resolution` has its own form). */
export type AssignmentAction = Operations['actOnAssignment']['parameters']['path']['action'];
export type CalendarDayKind = CalendarDay['kind'];
export type MovableHolidayState = CalendarView['movableHolidays'];
export type MovableHolidayStatus = CalendarYearUpdate['status'];
type ReferenceBody = Json<NonNullable<Operations['createReferenceItem']['requestBody']>>;
/** A journal serves one document kind, or any. */
export type JournalKind = Extract<ReferenceBody, { documentKind: unknown }>['documentKind'];
/** The `kind` of the list item bodies that have the field `field`. */
type KindWith<M, field extends string> = M extends { kind: infer K }
  ? field extends keyof M
    ? K
    : never
  : never;
export type CounterpartKind = KindWith<ReferenceBody, 'voen'>;
type JournalRuleBody = Extract<ReferenceBody, { journalId: unknown }>;
/** A journal rule is written for one kind of document. */
export type RuleDocumentKind = JournalRuleBody['documentKind'];
/** Who sent an incoming document, as the journal rules tell them apart. */
export type SenderKind = NonNullable<JournalRuleBody['senderKind']>;
/** A new counterpart as a registry clerk adds it while registering. */
export type CounterpartInput = Schemas['CounterpartInput'];
export type RegionKind = Exclude<KindWith<ReferenceBody, 'kind'>, CounterpartKind>;

// Search (issue 16)
export type SearchResult = Schemas['SearchResult'];
export type SearchHit = Schemas['SearchHit'];
export type QuickSearchResult = Schemas['QuickSearchResult'];

// Exchange of electronic documents (issue 14)
export type ReceivedItem = Schemas['ReceivedItem'];
export type ReceivedVerification = Schemas['ReceivedVerification'];
export type ReceivedState = ReceivedItem['state'];
export type ReceivedPage = Answer<'listReceived'>;
export type ReceivedFileLink = Answer<'getReceivedFile'>;
export type RegisteredReceived = Answer<'registerReceived'>;
export type ExchangeSettings = Schemas['ExchangeSettings'];
export type Delivery = NonNullable<NonNullable<DocumentRecord['outgoing']>['deliveries']>[number];
export type DeliveryState = Delivery['state'];

// The same enumerations as values, generated from the OpenAPI document beside the types.
export * from './enums';
