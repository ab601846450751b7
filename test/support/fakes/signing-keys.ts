import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { SigningKeys } from '../../../functions/platform/ports/signing.port';
import { signDigest } from '../../../infra/local/services/kms';

/**
 * Run-time signing keys in memory: P-256 key pairs made with node:crypto, digests signed as KMS
 * signs them (DER ECDSA, through the local KMS's digest signer). `created` keeps what each key was
 * asked for, so a test can tell how many keys were made and for whom. The real key service (the
 * local KMS endpoint) is exercised by the integration tests.
 */
export class MemorySigningKeys implements SigningKeys {
  private readonly keys = new Map<string, { publicKey: KeyObject; privateKey: KeyObject }>();
  readonly created: Array<{ keyId: string; tenantId: string; owner: string; description: string }> = [];

  async createKey(request: { tenantId: string; owner: string; description: string }): Promise<string> {
    const keyId = `key-${this.created.length + 1}`;
    this.keys.set(keyId, generateKeyPairSync('ec', { namedCurve: 'P-256' }));
    this.created.push({ keyId, ...request });
    return keyId;
  }

  async publicKey(keyId: string): Promise<Uint8Array> {
    return new Uint8Array(this.pair(keyId).publicKey.export({ format: 'der', type: 'spki' }));
  }

  async signDigest(keyId: string, digest: Uint8Array): Promise<Uint8Array> {
    return new Uint8Array(signDigest(this.pair(keyId).privateKey, digest));
  }

  private pair(keyId: string) {
    const pair = this.keys.get(keyId);
    if (!pair) throw new Error(`No such key: ${keyId}`);
    return pair;
  }
}
