import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_AWS_CREDENTIALS, LOCAL_AWS_REGION } from '../../../infra/local/services/common';

export const credentials = { ...LOCAL_AWS_CREDENTIALS };
export const region = LOCAL_AWS_REGION;

export async function tempDataDir(name: string): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `karguzar-${name}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
