import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { OriginSecrets } from '../../ports/edge-guard.port';

/** How long read values are used before the secret is read again. */
const REFRESH_MS = 5 * 60_000;

/**
 * A secret's accepted values read from Secrets Manager: the `AWSCURRENT` version first and, when
 * there is one, `AWSPREVIOUS`, so that during a rotation (put-secret-value, then the other side
 * switches) both are accepted within {@link REFRESH_MS}. Values are read again after that time; a
 * failed refresh keeps the values read before; with none read yet, the call fails (`missing` when
 * the secret has no value). Reads that come together share one.
 */
export class SecretsManagerAcceptedValues {
  private values: readonly string[] | undefined;
  private readAt = 0;
  private pending: Promise<readonly string[]> | undefined;

  constructor(
    private readonly client: Pick<SecretsManagerClient, 'send'>,
    private readonly secretId: string,
    private readonly missing: string,
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
    if (!current) throw new Error(this.missing);
    this.values = previous ? [current, previous] : [current];
    this.readAt = this.now();
    return this.values;
  }

  /** A stage's value; a secret never rotated has no `AWSPREVIOUS`, a new one no `AWSCURRENT` yet. */
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

/**
 * The origin secret's accepted values: whichever CloudFront still sends after a rotation is
 * accepted (see infra/aws/README.md, rotation). With none read yet, the request fails (500)
 * rather than being let through.
 */
export class SecretsManagerOriginSecrets extends SecretsManagerAcceptedValues implements OriginSecrets {
  constructor(client: Pick<SecretsManagerClient, 'send'>, secretId: string, now?: () => number) {
    super(client, secretId, 'The origin secret has no current value', now);
  }
}
