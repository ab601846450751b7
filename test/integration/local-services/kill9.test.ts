import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
  DeleteObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createKmsClient,
  KmsDocumentSigner,
} from '../../../functions/platform/adapters/kms/document-signer.adapter';
import { createS3Client } from '../../../functions/platform/adapters/s3/object-store.adapter';
import { createSnsClient, SnsSmsSender } from '../../../functions/platform/adapters/sms/sns-sms.adapter';
import { start as startKms } from '../../../infra/local/services/kms';
import { start as startS3 } from '../../../infra/local/services/s3';
import { start as startSns } from '../../../infra/local/services/sns';
import { credentials, region, tempDataDir } from './helpers';

const runner = fileURLToPath(new URL('./fixtures/run-service.ts', import.meta.url));
const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];

/** Starts a service in a child process and returns its endpoint. */
async function spawnService(
  name: 's3' | 'kms' | 'sns',
  dataDir: string,
): Promise<{ endpoint: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', runner, name, dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
  });
  return { endpoint: (JSON.parse(line) as { endpoint: string }).endpoint, child };
}

async function kill9(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

afterEach(async () => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('state survives kill -9', () => {
  it('S3: an archived object stays locked after the process is killed', async () => {
    // Arrange
    const data = await tempDataDir('kill9-s3');
    cleanups.push(data.remove);
    const first = await spawnService('s3', data.dir);
    await createS3Client({ region, endpoint: first.endpoint, credentials }).send(
      new PutObjectCommand({
        Bucket: 'karguzar-archive',
        Key: 't1/doc.pdf',
        Body: 'archived',
        ContentType: 'application/pdf',
      }),
    );
    await kill9(first.child);

    // Act
    const service = await startS3({ dataDir: data.dir, port: 0 });
    cleanups.push(() => service.close());
    const client = createS3Client({ region, endpoint: service.endpoint, credentials });
    const head = await client.send(new HeadObjectCommand({ Bucket: 'karguzar-archive', Key: 't1/doc.pdf' }));
    const del = await client
      .send(
        new DeleteObjectCommand({ Bucket: 'karguzar-archive', Key: 't1/doc.pdf', VersionId: head.VersionId }),
      )
      .catch((e: unknown) => e);

    // Assert
    expect(head.ContentLength).toBe(8);
    expect(head.ObjectLockMode).toBe('COMPLIANCE');
    expect(del).toBeInstanceOf(S3ServiceException);
    expect((del as S3ServiceException).name).toBe('AccessDenied');
  });

  it('KMS: a signature made before the kill verifies with the same key after it', async () => {
    // Arrange
    const data = await tempDataDir('kill9-kms');
    cleanups.push(data.remove);
    const first = await spawnService('kms', data.dir);
    const message = new TextEncoder().encode('imzalanmış sənəd');
    const before = await new KmsDocumentSigner(
      { region, endpoint: first.endpoint, credentials, keyId: 'alias/karguzar-signing' },
      createKmsClient({ region, endpoint: first.endpoint, credentials }),
    ).sign(message);
    await kill9(first.child);

    // Act
    const service = await startKms({ dataDir: data.dir, port: 0 });
    cleanups.push(() => service.close());
    const signer = new KmsDocumentSigner({
      region,
      endpoint: service.endpoint,
      credentials,
      keyId: 'alias/karguzar-signing',
    });
    const valid = await signer.verify(message, before.signature);

    // Assert
    expect(valid).toBe(true);
    expect(service.signingKeyArn).toBe(before.keyId);
  });

  it('SNS: an acknowledged SMS is in the outbox after the kill', async () => {
    // Arrange
    const data = await tempDataDir('kill9-sns');
    cleanups.push(data.remove);
    const first = await spawnService('sns', data.dir);
    const sent = await new SnsSmsSender(
      { region, endpoint: first.endpoint, credentials },
      createSnsClient({ region, endpoint: first.endpoint, credentials }),
    ).send({
      phone: '+994501234567',
      text: 'Kod: 4821',
    });
    await kill9(first.child);

    // Act
    const service = await startSns({ dataDir: data.dir, port: 0 });
    cleanups.push(() => service.close());
    const outbox = await service.listOutbox();

    // Assert
    expect(outbox).toEqual([
      expect.objectContaining({ id: sent.messageId, phone: '+994501234567', text: 'Kod: 4821' }),
    ]);
  });
});
