/** Stream record decoding for the handlers (adapters are reached through the wiring). */
export {
  digestTenantsInStream,
  employeesInStream,
  documentsInStream,
  resolutionsInStream,
  routedDocumentsInStream,
  searchedDocumentsInStream,
  sendingDocumentsInStream,
  receivedItemsInStream,
  substitutionsInStream,
} from './stream-images';
