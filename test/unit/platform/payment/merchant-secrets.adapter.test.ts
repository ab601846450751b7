import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import {
  FileMerchantSecrets,
  SecretsManagerMerchantSecrets,
} from '../../../../functions/platform/adapters/payment/merchant-secrets.adapter';

/** A Secrets Manager client answering from `stages` (a missing stage: ResourceNotFoundException). */
function secretsManager(stages: Record<string, string | Error>) {
  const calls: string[] = [];
  const client = {
    send: async (command: GetSecretValueCommand) => {
      const stage = command.input.VersionStage!;
      calls.push(stage);
      const value = stages[stage];
      if (value instanceof Error) throw value;
      if (value === undefined)
        throw Object.assign(new Error('not found'), { name: 'ResourceNotFoundException' });
      return { SecretString: value };
    },
  };
  return { client: client as never, calls };
}

describe('SecretsManagerMerchantSecrets', () => {
  it('accepts the current secret first and the previous one during a rotation', async () => {
    // Arrange
    const { client } = secretsManager({ AWSCURRENT: 'new-secret', AWSPREVIOUS: 'old-secret' });

    // Act
    const accepted = await new SecretsManagerMerchantSecrets(client, 'arn:secret').accepted();

    // Assert
    expect(accepted).toEqual(['new-secret', 'old-secret']);
  });

  it('reads again after five minutes and keeps the values it had when that read fails', async () => {
    // Arrange
    let now = 0;
    const stages: Record<string, string | Error> = { AWSCURRENT: 'first' };
    const { client, calls } = secretsManager(stages);
    const secrets = new SecretsManagerMerchantSecrets(client, 'arn:secret', () => now);
    await secrets.accepted();

    // Act
    now = 60_000;
    const cached = await secrets.accepted();
    now = 5 * 60_000;
    stages.AWSCURRENT = new Error('throttled');
    const kept = await secrets.accepted();

    // Assert
    expect(cached).toEqual(['first']);
    expect(kept).toEqual(['first']);
    expect(calls.filter((c) => c === 'AWSCURRENT')).toHaveLength(2);
  });

  it('fails while the secret has no value yet', async () => {
    // Arrange
    const { client } = secretsManager({ AWSCURRENT: '' });

    // Act
    const accepted = new SecretsManagerMerchantSecrets(client, 'arn:secret').accepted();

    // Assert
    await expect(accepted).rejects.toThrow(/no value yet/);
  });
});

describe('FileMerchantSecrets', () => {
  it('reads the local acquirer’s secret file and refuses one without a secret', async () => {
    // Arrange
    const dir = await mkdtemp(join(tmpdir(), 'karguzar-merchant-'));
    try {
      const good = join(dir, 'merchant.json');
      const bad = join(dir, 'empty.json');
      await writeFile(good, JSON.stringify({ merchantId: 'karguzar', secret: 'x'.repeat(43) }));
      await writeFile(bad, JSON.stringify({ merchantId: 'karguzar' }));

      // Act
      const accepted = await new FileMerchantSecrets(good).accepted();
      const refused = new FileMerchantSecrets(bad).accepted();

      // Assert
      expect(accepted).toEqual(['x'.repeat(43)]);
      await expect(refused).rejects.toThrow(/No merchant secret/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
