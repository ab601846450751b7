/** The public face of the signatures module (legal force: the single electronic file, later e-signatures). */
export { signatureRoutes } from './api/signatures.routes';
export { signaturesApi } from './api/signatures.api';
export { SINGLE_FILE, type SingleFileRecord } from './domain/single-file';
export {
  currentSingleFile,
  getSingleFile,
  rebuildSingleFile,
  type SingleFileDeps,
} from './usecases/single-file.usecase';
export { BUNDLED_FONT_FOLDER, fontFilesToBundle } from './pdf/font';
