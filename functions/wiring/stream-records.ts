/** Stream record decoding for the handlers (adapters are reached through the wiring). */
export {
  digestTenantsInStream,
  employeesInStream,
  resolutionsInStream,
  routedDocumentsInStream,
  substitutionsInStream,
} from './stream-images';
