/**
 * DocumentSigner on KMS (ECC_NIST_P256, ECDSA_SHA_256). The message is hashed here and sent as a
 * DIGEST, so documents of any size can be signed (KMS takes at most 4 KiB RAW).
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import {
  GetPublicKeyCommand,
  KMSClient,
  KMSInvalidSignatureException,
  SignCommand,
  VerifyCommand,
} from '@aws-sdk/client-kms';
import type { DocumentSigner } from '../../ports/signing.port';
import { clientConfig, type AwsClientOptions } from '../aws-client';

export interface KmsDocumentSignerOptions extends AwsClientOptions {
  /** Key id, key ARN, alias name (alias/karguzar-signing) or alias ARN. */
  keyId: string;
}

export function createKmsClient(options: AwsClientOptions): KMSClient {
  return new KMSClient(clientConfig(options));
}

/**
 * Verifies a KMS ECDSA_SHA_256 signature (DER) against a DER SPKI public key with node:crypto —
 * what an outside verifier does with publicKey().
 */
export function verifyEcdsaSha256(
  spkiDer: Uint8Array,
  message: Uint8Array,
  signatureDer: Uint8Array,
): boolean {
  const key = createPublicKey({ key: Buffer.from(spkiDer), format: 'der', type: 'spki' });
  return verify('sha256', message, { key, dsaEncoding: 'der' }, signatureDer);
}

export class KmsDocumentSigner implements DocumentSigner {
  private readonly client: KMSClient;
  private publicKeyCache: Promise<Uint8Array> | undefined;

  constructor(
    private readonly options: KmsDocumentSignerOptions,
    client?: KMSClient,
  ) {
    this.client = client ?? createKmsClient(options);
  }

  async sign(message: Uint8Array): Promise<{ keyId: string; signature: Uint8Array }> {
    const out = await this.client.send(
      new SignCommand({
        KeyId: this.options.keyId,
        Message: createHash('sha256').update(message).digest(),
        MessageType: 'DIGEST',
        SigningAlgorithm: 'ECDSA_SHA_256',
      }),
    );
    if (!out.Signature || !out.KeyId) throw new Error('KMS Sign returned no signature');
    return { keyId: out.KeyId, signature: out.Signature };
  }

  async verify(message: Uint8Array, signature: Uint8Array): Promise<boolean> {
    try {
      const out = await this.client.send(
        new VerifyCommand({
          KeyId: this.options.keyId,
          Message: createHash('sha256').update(message).digest(),
          MessageType: 'DIGEST',
          Signature: signature,
          SigningAlgorithm: 'ECDSA_SHA_256',
        }),
      );
      return out.SignatureValid === true;
    } catch (err) {
      // KMS reports a wrong signature as an error, not as SignatureValid: false.
      if (err instanceof KMSInvalidSignatureException) return false;
      throw err;
    }
  }

  publicKey(): Promise<Uint8Array> {
    this.publicKeyCache ??= this.client
      .send(new GetPublicKeyCommand({ KeyId: this.options.keyId }))
      .then((out) => {
        if (!out.PublicKey) throw new Error('KMS GetPublicKey returned no key');
        return out.PublicKey;
      })
      .catch((err: unknown) => {
        this.publicKeyCache = undefined;
        throw err;
      });
    return this.publicKeyCache;
  }
}

export function createDocumentSigner(options: KmsDocumentSignerOptions): KmsDocumentSigner {
  return new KmsDocumentSigner(options);
}
