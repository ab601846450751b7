/**
 * Durable file writes of the embedded search engine (its own, as functions/ does not import the
 * embedded default's infra helpers): whole-file replacement by temp file, fsync and rename, so a
 * crash leaves the old or the new file and never a torn one; and complete appends.
 */
import { randomBytes } from 'node:crypto';
import { write } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { fsyncDirSync as fsyncDir } from '../../../platform/adapters/fs/fsync-dir';

export { fsyncDir };

const writeFd = promisify(write);

/** Writes all of `data` at the end of an append-mode descriptor (a short write is continued). */
export async function appendAll(fd: number, data: Buffer): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await writeFd(fd, data, offset, data.length - offset);
    offset += bytesWritten;
  }
}

/** Replaces `path` atomically with the concatenation of `chunks` (produced lazily, written in slabs). */
export async function writeFileAtomic(path: string, chunks: Iterable<string>): Promise<void> {
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(tmp, 'w');
  try {
    let slab: string[] = [];
    let length = 0;
    const flush = async () => {
      const data = Buffer.from(slab.join(''), 'utf8');
      slab = [];
      length = 0;
      let offset = 0;
      while (offset < data.length) offset += (await handle.write(data, offset)).bytesWritten;
    };
    for (const chunk of chunks) {
      slab.push(chunk);
      length += chunk.length;
      if (length >= 1 << 22) await flush();
    }
    await flush();
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(tmp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  fsyncDir(dirname(path));
}
