import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { OriginSecrets } from '../../ports/edge-guard.port';

/** How long read values are used before the secret is read again. */
const REFRESH_MS = 5 * 60_000;

/**
 * The origin secret's accepted values read from Secrets Manager: the `AWSCURRENT` version and,
 * when there is one, `AWSPREVIOUS`. After `put-secret-value` the API accepts both within
 * {@link REFRESH_MS}, whichever CloudFront still sends (see infra/aws/README.md, rotation).
 * A failed refresh keeps the values read before; with none read yet, the request fails (500)
 * rather than being let through.
 */
export class SecretsManagerOriginSecrets implements OriginSecrets {
  private values: readonly string[] | undefined;
  private readAt = 0;
  private pending: Promise<readonly string[]> | undefined;

  constructor(
    private readonly client: Pick<SecretsManagerClient, 'send'>,
    private readonly secretId: string,
    private readonly now: () => number = Date.now,
  ) {}

  async accepted(): Promise<readonly string[]> {
    if (this.values && this.now() - this.readAt < REFRESH_MS) return this.values;
    this.pending ??= this.read().finally(() => (this.pending = undefined));
    try {
      return await this.pending;
    } catch (error) {
      if (this.values) return this.values;
      throw error;
    }
  }

  private async read(): Promise<readonly string[]> {
    const [current, previous] = await Promise.all([this.version('AWSCURRENT'), this.version('AWSPREVIOUS')]);
    if (!current) throw new Error('The origin secret has no current value');
    this.values = previous ? [current, previous] : [current];
    this.readAt = this.now();
    return this.values;
  }

  /** A stage's value; a secret never rotated has no `AWSPREVIOUS`. */
  private async version(stage: 'AWSCURRENT' | 'AWSPREVIOUS'): Promise<string | undefined> {
    try {
      const out = await this.client.send(
        new GetSecretValueCommand({ SecretId: this.secretId, VersionStage: stage }),
      );
      return out.SecretString || undefined;
    } catch (error) {
      if (stage === 'AWSPREVIOUS' && (error as { name?: string }).name === 'ResourceNotFoundException')
        return undefined;
      throw error;
    }
  }
}
