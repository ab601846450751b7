import { createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { DocumentSigner } from '../../../../functions/platform/ports/signing.port';

/**
 * A DocumentSigner over an in-memory P-256 key: ECDSA over SHA-256, DER signatures and a DER SPKI
 * public key, exactly what the KMS adapter returns (unit tests only; the integration test signs
 * through the local KMS).
 */
export class MemorySigner implements DocumentSigner {
  readonly privateKey: KeyObject;
  readonly keyId: string;

  constructor(keyId = 'memory-key') {
    this.privateKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    this.keyId = keyId;
  }

  sign(message: Uint8Array): Promise<{ keyId: string; signature: Uint8Array }> {
    return Promise.resolve({
      keyId: this.keyId,
      signature: sign('sha256', message, { key: this.privateKey, dsaEncoding: 'der' }),
    });
  }

  verify(message: Uint8Array, signature: Uint8Array): Promise<boolean> {
    return Promise.resolve(
      verify('sha256', message, { key: createPublicKey(this.privateKey), dsaEncoding: 'der' }, signature),
    );
  }

  publicKey(): Promise<Uint8Array> {
    return Promise.resolve(createPublicKey(this.privateKey).export({ format: 'der', type: 'spki' }));
  }
}
