/** Stream record decoding for the handlers (adapters are reached through the wiring). */
export {
  digestTenantsInStream,
  employeesInStream,
  documentsInStream,
  receivedItemsInStream,
  registeredDocumentsInStream,
  resolutionsInStream,
  routedDocumentsInStream,
  searchedDocumentsInStream,
  substitutionsInStream,
  writtenResolutionsInStream,
} from './stream-images';
