/** Stream record decoding for the handlers (adapters are reached through the wiring). */
export {
  digestTenantsInStream,
  resolutionsInStream,
  routedDocumentsInStream,
  substitutionsInStream,
} from './stream-images';
