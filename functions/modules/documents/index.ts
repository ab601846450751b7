/** The public face of the documents module: what other modules, the API and the wiring may use. */
export { documentRoutes } from './api/documents.routes';
export {
  archivedObject,
  document,
  documentIdParam,
  documentListQuery,
  groupDocuments,
  groupUpdateResult,
} from './api/documents.schema';
export { bakuLocalDate, formatBakuDate } from './domain/date-filter';
export {
  documentKinds,
  executionCharacters,
  linkTypes,
  orderCategories,
  type ArchivedObject,
  type ArchiveDisposal,
  type ArchiveState,
  type ContentItem,
  type DocumentKind,
  type DocumentLink,
  type DocumentRecord,
  type DocumentSignature,
  type FieldChange,
  type SigningRight,
  type OperationEntry,
  type Sender,
} from './domain/document';
export {
  exactFilters,
  filterFields,
  matchesFilter,
  partyName,
  type DocumentFilter,
  type FilterFields,
} from './domain/indexing';
export { allowedOperations, operations, statusesOf, transition, type Operation } from './domain/status';
export { DynamoDocumentStore } from './dynamodb/document-store.adapter';
export {
  type AdminAlerts,
  type ChainEntry,
  type ChainLog,
  type DocumentQuery,
  type DocumentStore,
  type ElectronicSignatures,
  type LinkWrite,
  type SignatureSource,
} from './ports';
export type { SignatureEvidence } from './domain/presend';
export { deliveryStates, type Delivery, type DeliveryState } from './domain/delivery';
export * from './domain/chain';
export {
  allow,
  assertDocuments,
  assertEmployees,
  assertFilterReferences,
  assertVersion,
  documentIdempotency,
  eachDocument,
  hasRole,
  noteRead,
  refuseDisposed,
  replayed,
  retryOnStale,
  selectionRefs,
  unknownReference,
  viewerOf,
  visibleDocument,
  type DocumentDeps,
  type GroupOutcome,
  type Idempotency,
} from './usecases/common';
export { backfillParticipantUnits, unitsOf } from './usecases/units';
export { addStoredContents, readContents, type StoredFile } from './usecases/contents.usecase';
export { createDocument } from './usecases/register.usecase';
export {
  checkArchivedContent,
  contentKey,
  servedFrom,
  type IntegrityDeps,
} from './usecases/integrity.usecase';
export { visibleTo, type Viewer } from './domain/visibility';
export {
  applyOperation,
  performOperation,
  permitted,
  type AppliedOperation,
  type StatusOperation,
} from './usecases/operations.usecase';
export {
  AWAITING,
  actingHolder,
  awaitingLine,
  commitWithAddresseeLines,
  heldAwaitingLines,
  withAddresseeLines,
} from './usecases/addressee-lines';
export { awaitsResolution } from './domain/awaiting';
export { cardOf, dateRange, documentQueryOf, type DocumentListQuery } from './usecases/query.usecase';
export { documentsApi } from './api/documents.api';
/** The copy of an approval route the document carries (the approval module owns its progress). */
export * from './domain/route-copy';
/** The tasks (assignments) and personal-list lines kept on a document. */
export * from './domain/tasks';
export { documentRoute, routeStage } from './api/route-copy.schema';
