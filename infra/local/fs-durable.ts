/**
 * Durable small-file writes for the embedded default's state (clock, checkpoints, journals,
 * metadata): a crash leaves either the old or the new content, never a torn file. Temp file,
 * fsync, rename, fsync of the directory (some filesystems refuse a directory fsync: harmless).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants as fsConstants, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { fsyncDirSync } from '../../functions/platform/adapters/fs/fsync-dir';

export { fsyncDirSync };
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

const tempName = (path: string) => `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;

export function writeFileAtomicSync(path: string, content: string): void {
  const tmp = tempName(path);
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  fsyncDirSync(dirname(path));
}

export async function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const tmp = tempName(path);
  const handle = await open(tmp, 'w', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  await fsyncDir(dir);
}

export async function fsyncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, fsConstants.O_RDONLY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* not supported here */
  }
}
