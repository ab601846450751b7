/** Stream record decoding for the handlers (adapters are reached through the wiring). */
export {
  awaitingReceiptInStream,
  digestTenantsInStream,
  employeesInStream,
  documentsInStream,
  receivedItemsInStream,
  registeredDocumentsInStream,
  resolutionsInStream,
  routedDocumentsInStream,
  searchedDocumentsInStream,
  sendingDocumentsInStream,
  arrivedItemsInStream,
  substitutionsInStream,
  writtenResolutionsInStream,
  newApplicationsInStream,
} from './stream-images';
