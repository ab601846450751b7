/** The public face of the reference module: what other modules, the API and the wiring may use. */
export { referenceInputs } from './api/reference.schema';
export {
  formatRegistrationNumber,
  referenceLists,
  type JournalRule,
  type ReferenceItem,
  type ReferenceItemData,
  type ReferenceListName,
} from './domain/lists';
export { referenceApi } from './api/reference.api';
export { referenceRoutes } from './api/reference.routes';
export { createReferenceItem } from './usecases/reference.usecase';
export { journalAdmits, matchingRules, ruleMatches, type JournalFacts } from './domain/journal-rules';
export { seedStandardLists, type StandardListIds } from './usecases/standard-lists.usecase';
export type { L } from './domain/standard-lists/types';
