/**
 * Where the merchant secret is kept: in AWS a Secrets Manager secret (its value put there by the
 * operator, as the acquirer issued it); in the embedded default the file the local acquirer
 * writes in its data folder on first start.
 */
import { readFile } from 'node:fs/promises';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SecretsManagerAcceptedValues } from '../secrets/origin-secrets.adapter';
import type { MerchantSecrets } from './hosted-payment.adapter';

/**
 * `AWSCURRENT` signs and verifies; `AWSPREVIOUS`, when there is one, still verifies, so that a
 * rotation (put-secret-value, then the acquirer switches) loses no callback.
 */
export class SecretsManagerMerchantSecrets extends SecretsManagerAcceptedValues implements MerchantSecrets {
  constructor(client: Pick<SecretsManagerClient, 'send'>, secretId: string, now?: () => number) {
    super(client, secretId, 'The merchant secret has no value yet (put the one the acquirer issued)', now);
  }
}

/** The embedded default's secret file (`{ "merchantId", "secret" }`), read once. */
export class FileMerchantSecrets implements MerchantSecrets {
  private read: Promise<readonly string[]> | undefined;

  constructor(private readonly path: string) {}

  accepted(): Promise<readonly string[]> {
    this.read ??= readFile(this.path, 'utf8').then((text) => {
      const { secret } = JSON.parse(text) as { secret?: unknown };
      if (typeof secret !== 'string' || secret.length < 32)
        throw new Error(`No merchant secret in ${this.path}`);
      return [secret];
    });
    return this.read;
  }
}
