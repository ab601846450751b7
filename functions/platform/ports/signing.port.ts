/** Document signing keys (KMS ECC_NIST_P256 in AWS; the local KMS endpoint in the embedded default). */
export interface DocumentSigner {
  /** ECDSA P-256 over SHA-256 of the message; DER-encoded signature, as KMS Sign returns it. */
  sign(message: Uint8Array): Promise<{ keyId: string; signature: Uint8Array }>;
  verify(message: Uint8Array, signature: Uint8Array): Promise<boolean>;
  /** DER SubjectPublicKeyInfo, for verifiers outside the system. */
  publicKey(): Promise<Uint8Array>;
}
