/** Document signing keys (KMS ECC_NIST_P256 in AWS; the local KMS endpoint in the embedded default). */
export interface DocumentSigner {
  /** ECDSA P-256 over SHA-256 of the message; DER-encoded signature, as KMS Sign returns it. */
  sign(message: Uint8Array): Promise<{ keyId: string; signature: Uint8Array }>;
  verify(message: Uint8Array, signature: Uint8Array): Promise<boolean>;
  /** DER SubjectPublicKeyInfo, for verifiers outside the system. */
  publicKey(): Promise<Uint8Array>;
}

/**
 * Signing keys made at run time, one per signing official and one per agency CA (KMS
 * ECC_NIST_P256 SIGN_VERIFY keys in AWS; the local KMS endpoint in the embedded default). The
 * private keys never leave the key service: it signs digests.
 */
export interface SigningKeys {
  /** A new key, tagged with its tenant and owner (IAM conditions use the tags); its id (ARN). */
  createKey(request: { tenantId: string; owner: string; description: string }): Promise<string>;
  /** DER SubjectPublicKeyInfo of a key. */
  publicKey(keyId: string): Promise<Uint8Array>;
  /** ECDSA P-256 over a 32-byte SHA-256 digest; DER signature. */
  signDigest(keyId: string, digest: Uint8Array): Promise<Uint8Array>;
}

/** The tags every run-time signing key carries; the IAM policy conditions on them (infra/aws). */
export const SIGNING_KEY_TAGS = {
  tenant: 'karguzar:tenant',
  owner: 'karguzar:owner',
  purpose: 'karguzar:purpose',
} as const;
/** The purpose tag's value of document-signing keys. */
export const SIGNING_PURPOSE = 'document-signing';
