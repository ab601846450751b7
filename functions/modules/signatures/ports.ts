/** What a signer's CMS is asked for: the digest of the PDF's byte ranges and who signs as what. */
export interface CmsRequest {
  tenantId: string;
  /** The employee whose key signs (the substitute's own, when a substitute signs). */
  signerId: string;
  /** The signer's position named in their certificate. */
  positionId: string;
  /** SHA-256 of the bytes the signature covers. */
  digest: Uint8Array;
  signingTime: Date;
}

/** The CMS made, with the signer's certificate (DER) it carries. */
export interface CmsResult {
  cms: Uint8Array;
  certificate: Uint8Array;
}

/**
 * Who makes the CMS of a PAdES signature. The default signs with the official's KMS key and a
 * certificate from the agency's CA (usecases/kms-cms.ts). A qualified signature from outside —
 * ASAN İmza (mobile signature) or a smart-card token, which Azerbaijani officials carry — is an
 * adapter of this port: it gets the digest, has the signer's device or service produce a detached
 * CAdES signature over it, and returns that CMS with the signer's qualified certificate. The
 * signature flow (authority, incremental update, storage, the decision's transaction) is the same
 * whichever adapter signs.
 */
export interface CmsSigner {
  sign(request: CmsRequest): Promise<CmsResult>;
}
