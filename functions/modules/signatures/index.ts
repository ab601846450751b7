/** The public face of the signatures module (legal force: the single electronic file, later e-signatures). */
export { signatureRoutes } from './api/signatures.routes';
export { signaturesApi } from './api/signatures.api';
export { SINGLE_FILE, type SingleFileRecord } from './domain/single-file';
export {
  getSingleFile,
  readServedFile,
  rebuildSingleFile,
  type SingleFileDeps,
} from './usecases/single-file.usecase';
export { BUNDLED_FONT_FOLDER, fontFilesToBundle, textFonts, textPdf } from './pdf/font';
export { wrap as wrapText } from './pdf/assemble';
// The QR code of page 1's stamp, also drawn by other modules' documents (the e-visa).
export { drawQrMatrix, qrMatrix, type BarcodeMatrix } from './pdf/barcode';
export { getPrintFile, SYSTEM_NAME, type PrintFileView } from './usecases/print.usecase';
export { stampFirstPage, type StampInput, type Stamped } from './pdf/stamp';
export { electronicSignatures, signSingleFile } from './usecases/sign.usecase';
export { verifiedSignatureEvidence } from './usecases/presend-evidence';
export {
  agencyCa,
  fromB64,
  provisionSigner,
  signerCertificate,
  AGENCY_CA,
  SIGNER_KEY,
  type AgencyCaRecord,
} from './usecases/kms-cms';
export { rightsOf, hasSigningRight } from './domain/authority';
export type { CmsSigner, CmsRequest, CmsResult } from './ports';
export type { SignaturesDeps } from './usecases/deps';
// Incremental updates of the single file (the page-1 code stamp appends one too) and PAdES.
export { openIncremental, lastStartXref, revisionEnds, type IncrementalPdf } from './pdf/incremental';
export {
  appendSignature,
  readSignatures,
  type AppendedSignature,
  type FoundSignature,
  type SignatureFields,
} from './pdf/pades';
export { buildCms, checkCms } from './crypto/cms';
export { checkSignature, type RecordedSignature, type SignatureCheck } from './usecases/signature-check';
export { issueCertificate, certificateInfo, issuedBy, validAt } from './crypto/x509';
export type { FileVerification, SignatureVerification } from './usecases/verify.usecase';
