/**
 * SigningKeys on KMS: CreateKey (ECC_NIST_P256, SIGN_VERIFY, tagged `karguzar:tenant` and
 * `karguzar:owner`), GetPublicKey (cached per key: a key's public half never changes) and Sign with
 * MessageType DIGEST, ECDSA_SHA_256.
 */
import { CreateKeyCommand, GetPublicKeyCommand, SignCommand, type KMSClient } from '@aws-sdk/client-kms';
import { SIGNING_KEY_TAGS, SIGNING_PURPOSE, type SigningKeys } from '../../ports/signing.port';
import type { AwsClientOptions } from '../aws-client';
import { createKmsClient } from './document-signer.adapter';

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
          { TagKey: SIGNING_KEY_TAGS.tenant, TagValue: request.tenantId },
          { TagKey: SIGNING_KEY_TAGS.owner, TagValue: request.owner },
          { TagKey: SIGNING_KEY_TAGS.purpose, TagValue: SIGNING_PURPOSE },
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
