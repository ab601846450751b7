import { mkdtemp, rm } from 'node:fs/promises';
import { S3ServiceException } from '@aws-sdk/client-s3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_AWS_CREDENTIALS, LOCAL_AWS_REGION } from '../../../infra/local/services/common';

export const credentials = { ...LOCAL_AWS_CREDENTIALS };
export const region = LOCAL_AWS_REGION;

export async function tempDataDir(name: string): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `karguzar-${name}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The S3 error a call ends with (fails the test when it succeeds). */
export async function s3Error(promise: Promise<unknown>): Promise<S3ServiceException> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof S3ServiceException) return err;
    throw err;
  }
  throw new Error('expected an S3 error');
}
