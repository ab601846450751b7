/**
 * Where the merchant secret is kept: in AWS a Secrets Manager secret (its value put there by the
 * operator, as the acquirer issued it); in the embedded default the file the local acquirer
 * writes in its data folder on first start.
 */
import { readFile } from 'node:fs/promises';
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { MerchantSecrets } from './hosted-payment.adapter';

/** How long read values are used before the secret is read again. */
const REFRESH_MS = 5 * 60_000;

/**
 * `AWSCURRENT` signs and verifies; `AWSPREVIOUS`, when there is one, still verifies, so that a
 * rotation (put-secret-value, then the acquirer switches) loses no callback. A failed refresh
 * keeps the values read before.
 */
export class SecretsManagerMerchantSecrets implements MerchantSecrets {
  private values: readonly string[] | undefined;
  private readAt = 0;

  constructor(
    private readonly client: Pick<SecretsManagerClient, 'send'>,
    private readonly secretId: string,
    private readonly now: () => number = Date.now,
  ) {}

  async accepted(): Promise<readonly string[]> {
    if (this.values && this.now() - this.readAt < REFRESH_MS) return this.values;
    try {
      const [current, previous] = await Promise.all([
        this.version('AWSCURRENT'),
        this.version('AWSPREVIOUS'),
      ]);
      if (!current) throw new Error('The merchant secret has no value yet (put the one the acquirer issued)');
      this.values = previous ? [current, previous] : [current];
      this.readAt = this.now();
      return this.values;
    } catch (error) {
      if (this.values) return this.values;
      throw error;
    }
  }

  private async version(stage: 'AWSCURRENT' | 'AWSPREVIOUS'): Promise<string | undefined> {
    try {
      const out = await this.client.send(
        new GetSecretValueCommand({ SecretId: this.secretId, VersionStage: stage }),
      );
      return out.SecretString || undefined;
    } catch (error) {
      if ((error as { name?: string }).name === 'ResourceNotFoundException') return undefined;
      throw error;
    }
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
