/**
 * SigningKeys on KMS: CreateKey (ECC_NIST_P256, SIGN_VERIFY, tagged `karguzar:tenant` and
 * `karguzar:owner`), GetPublicKey (cached per key: a key's public half never changes) and Sign with
 * MessageType DIGEST, ECDSA_SHA_256.
 */
import { CreateKeyCommand, GetPublicKeyCommand, SignCommand, type KMSClient } from '@aws-sdk/client-kms';
import type { SigningKeys } from '../../ports/signing.port';
import type { AwsClientOptions } from '../aws-client';
import { createKmsClient } from './document-signer.adapter';

/** The tag every run-time signing key carries with its tenant; the IAM policy conditions on it. */
export const TENANT_TAG = 'karguzar:tenant';
export const OWNER_TAG = 'karguzar:owner';
export const PURPOSE_TAG = 'karguzar:purpose';
export const SIGNING_PURPOSE = 'document-signing';

export class KmsSigningKeys implements SigningKeys {
  private readonly client: KMSClient;
  private readonly publicKeys = new Map<string, Promise<Uint8Array>>();

  constructor(options: AwsClientOptions, client?: KMSClient) {
    this.client = client ?? createKmsClient(options);
  }

  async createKey(request: { tenantId: string; owner: string; description: string }): Promise<string> {
    const out = await this.client.send(
      new CreateKeyCommand({
        KeySpec: 'ECC_NIST_P256',
        KeyUsage: 'SIGN_VERIFY',
        Description: request.description.slice(0, 8192),
        Tags: [
          { TagKey: TENANT_TAG, TagValue: request.tenantId },
          { TagKey: OWNER_TAG, TagValue: request.owner },
          { TagKey: PURPOSE_TAG, TagValue: SIGNING_PURPOSE },
        ],
      }),
    );
    const arn = out.KeyMetadata?.Arn;
    if (!arn) throw new Error('KMS CreateKey returned no key');
    return arn;
  }

  publicKey(keyId: string): Promise<Uint8Array> {
    let cached = this.publicKeys.get(keyId);
    if (!cached) {
      cached = this.client.send(new GetPublicKeyCommand({ KeyId: keyId })).then((out) => {
        if (!out.PublicKey) throw new Error('KMS GetPublicKey returned no key');
        return out.PublicKey;
      });
      cached.catch(() => this.publicKeys.delete(keyId));
      this.publicKeys.set(keyId, cached);
    }
    return cached;
  }

  async signDigest(keyId: string, digest: Uint8Array): Promise<Uint8Array> {
    const out = await this.client.send(
      new SignCommand({
        KeyId: keyId,
        Message: digest,
        MessageType: 'DIGEST',
        SigningAlgorithm: 'ECDSA_SHA_256',
      }),
    );
    if (!out.Signature) throw new Error('KMS Sign returned no signature');
    return out.Signature;
  }
}
