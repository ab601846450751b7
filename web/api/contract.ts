/**
 * The API contract as the web app uses it: names for the generated schema types
 * (`schema.d.ts`, from the OpenAPI document) and the few enumerations the UI needs as values
 * (pick lists, menus, static routes). Each list is checked twice: the compiler refuses a list that
 * misses or adds a member of the contract's union, and `test/unit/web/contract.test.ts` compares
 * every list, order included, with the OpenAPI document.
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
export type ReferenceItem = Schemas['ReferenceItem'];

export type DocumentRecord = Schemas['Document'];
export type Sender = NonNullable<DocumentRecord['incoming']>['sender'];
export type ContentItem = Schemas['ContentItem'];
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
export type RegionKind = Exclude<KindWith<ReferenceBody, 'kind'>, CounterpartKind>;

/**
 * `values` as given, when they are exactly the members of the union `U`: an extra value fails
 * the `U[]` constraint, a missing one fails the second clause (its message names it).
 */
function listOf<U extends string>() {
  return <const A extends readonly U[]>(
    values: A & ([Exclude<U, A[number]>] extends [never] ? unknown : { missing: Exclude<U, A[number]> }),
  ): A => values;
}

export const roles = listOf<Role>()(['admin', 'clerk', 'head', 'executor', 'controller', 'approver']);
export const positionKinds = listOf<PositionKind>()(['head', 'deputy', 'specialist', 'clerk', 'other']);
export const absenceKinds = listOf<AbsenceKind>()(['leave', 'sick-leave', 'business-trip']);
export const referenceLists = listOf<ReferenceListName>()([
  'document-types',
  'delivery-forms',
  'physical-forms',
  'classifications',
  'nomenclature',
  'journals',
  'counterparts',
  'regions',
]);
export const documentKinds = listOf<DocumentKind>()(['incoming', 'outgoing', 'internal', 'order']);
export const journalKinds = listOf<JournalKind>()(['incoming', 'outgoing', 'internal', 'order', 'any']);
export const counterpartKinds = listOf<CounterpartKind>()(['state-body', 'organization']);
export const regionKinds = listOf<RegionKind>()(['city', 'district', 'autonomous-republic', 'settlement']);
export const orderCategories = listOf<OrderCategory>()([
  'shareholders-meeting',
  'supervisory-board',
  'management-board',
  'alco',
  'order',
  'directive',
  'normative',
]);
export const executionCharacters = listOf<ExecutionCharacter>()([
  'execution',
  'information',
  'approval',
  'signature',
]);
export const linkTypes = listOf<LinkType>()(['reply', 'repeat', 'related', 'supersedes', 'attachment-of']);
export const operations = listOf<Operation>()([
  'update',
  'attach',
  'link',
  'group-update',
  'register',
  'send',
  'sign',
  'submit',
  'agree',
  'return',
  'enact',
  'to-execution',
  'to-information',
  'resolve',
  'execute',
  'archive',
  'cancel',
]);
export const stageKinds = listOf<StageKind>()([
  'endorsement',
  'signing',
  'resolution',
  'execution',
  'information',
]);
export const stageModes = listOf<StageMode>()(['sequential', 'parallel']);
export const assignmentActions = listOf<AssignmentAction>()([
  'report',
  'close',
  'accept',
  'return',
  'read',
  'approve',
  'sign',
  'reject',
]);
export const inboxBoxes = listOf<InboxBox>()(['execution', 'approval', 'information', 'control', 'mine']);

/**
 * The statuses of each document kind, in the order of its life. The contract types `status` as a
 * string (the OpenAPI document has no per-kind enumeration), so this list is declared here; the
 * contract test compares it with the server's status machines.
 */
export const documentStatuses: Record<DocumentKind, readonly string[]> = {
  incoming: ['registered', 'in-execution', 'executed', 'archived', 'cancelled'],
  outgoing: ['registered', 'sent', 'archived', 'cancelled'],
  internal: [
    'draft',
    'registered',
    'signed',
    'in-execution',
    'for-information',
    'executed',
    'archived',
    'cancelled',
  ],
  order: ['draft', 'in-agreement', 'agreed', 'signed', 'in-force', 'cancelled'],
};
