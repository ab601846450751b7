/**
 * File plumbing of the local S3 store: durable writes (temporary file, fsync, rename, directory
 * fsync), content hashing on write (SHA-256 of the whole, MD5 for the ETag, SHA-256 per 1 MiB block)
 * and the verifying reader that never hands out a block whose bytes differ from what was written.
 */
import { createHash, randomBytes, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fsyncDir } from '../fs-durable';

export { fsyncDir };

export const BLOCK_SIZE = 1024 * 1024;

/** What the store records about a version's bytes when it writes them. */
export interface ContentDigest {
  size: number;
  /** SHA-256 of the whole content, hex. */
  sha256: string;
  /** MD5 of the whole content, hex (the ETag of a single-part object). */
  md5: string;
  /** SHA-256 of each BLOCK_SIZE block, hex, in order (the last block may be shorter). */
  blocks: string[];
}

export class ContentHasher {
  private readonly whole = createHash('sha256');
  private readonly md5 = createHash('md5');
  private block: Hash = createHash('sha256');
  private inBlock = 0;
  private size = 0;
  private readonly blocks: string[] = [];

  update(chunk: Uint8Array): void {
    this.whole.update(chunk);
    this.md5.update(chunk);
    this.size += chunk.length;
    let pos = 0;
    while (pos < chunk.length) {
      const take = Math.min(BLOCK_SIZE - this.inBlock, chunk.length - pos);
      this.block.update(chunk.subarray(pos, pos + take));
      this.inBlock += take;
      pos += take;
      if (this.inBlock === BLOCK_SIZE) {
        this.blocks.push(this.block.digest('hex'));
        this.block = createHash('sha256');
        this.inBlock = 0;
      }
    }
  }

  digest(): ContentDigest {
    if (this.inBlock > 0) this.blocks.push(this.block.digest('hex'));
    return {
      size: this.size,
      sha256: this.whole.digest('hex'),
      md5: this.md5.digest('hex'),
      blocks: this.blocks,
    };
  }
}

/** Creates `dir` and any missing parents, fsyncing each parent so the new entries survive a crash. */
export async function ensureDirDurable(dir: string, known: Set<string>): Promise<void> {
  if (known.has(dir)) return;
  const missing: string[] = [];
  let cursor = dir;
  for (;;) {
    try {
      await stat(cursor);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      missing.push(cursor);
      const parent = dirname(cursor);
      if (parent === cursor) break;
      cursor = parent;
    }
  }
  for (const d of missing.reverse()) {
    await mkdir(d, { recursive: true });
    await fsyncDir(dirname(d));
  }
  known.add(dir);
}

export function tempPathFor(path: string): string {
  return `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
}

/**
 * Writes `source` (bytes, or files to concatenate) to `path` durably and returns its digest:
 * temporary file, fsync, rename, fsync of the directory. A crash leaves at most the temporary file.
 */
export async function writeContentDurable(
  path: string,
  source: Uint8Array | readonly string[],
): Promise<ContentDigest> {
  const tmp = tempPathFor(path);
  const hasher = new ContentHasher();
  const handle = await open(tmp, 'wx', 0o644);
  try {
    try {
      if (source instanceof Uint8Array) {
        hasher.update(source);
        await handle.writeFile(source);
      } else {
        for (const file of source) {
          for await (const chunk of createReadStream(file)) {
            const buf = chunk as Buffer;
            hasher.update(buf);
            await handle.write(buf);
          }
        }
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  await fsyncDir(dirname(path));
  return hasher.digest();
}

/** Thrown when bytes on disk differ from what the store recorded when it wrote them. */
export class IntegrityError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`stored bytes altered: ${detail}`);
  }
}

/**
 * Opens a stored file for reading bytes `start..end` (inclusive) and checks its size first (an
 * IntegrityError here comes before any response header). The returned generator reads whole
 * blocks, checks each against its recorded SHA-256 (and, when the whole object is read, the
 * SHA-256 of the whole) and only then yields the block's bytes: an altered block is never handed
 * out, and the stream fails instead of ending.
 */
export async function openVerified(
  path: string,
  digest: Pick<ContentDigest, 'size' | 'sha256' | 'blocks'>,
  start: number,
  end: number,
): Promise<AsyncGenerator<Buffer>> {
  const { size } = await stat(path);
  if (size !== digest.size) throw new IntegrityError(path, `size ${size} instead of ${digest.size}`);
  return (async function* read() {
    if (end < start) return;
    const handle = await open(path, 'r');
    try {
      const whole = start === 0 && end === digest.size - 1 ? createHash('sha256') : undefined;
      const first = Math.floor(start / BLOCK_SIZE);
      const last = Math.floor(end / BLOCK_SIZE);
      for (let b = first; b <= last; b++) {
        const offset = b * BLOCK_SIZE;
        const length = Math.min(BLOCK_SIZE, digest.size - offset);
        const buf = Buffer.alloc(length);
        let got = 0;
        while (got < length) {
          const { bytesRead } = await handle.read(buf, got, length - got, offset + got);
          if (bytesRead === 0) throw new IntegrityError(path, `short read in block ${b}`);
          got += bytesRead;
        }
        if (createHash('sha256').update(buf).digest('hex') !== digest.blocks[b])
          throw new IntegrityError(path, `block ${b} differs from its recorded SHA-256`);
        whole?.update(buf);
        if (whole && b === last && whole.digest('hex') !== digest.sha256)
          throw new IntegrityError(path, 'content differs from its recorded SHA-256');
        yield buf.subarray(Math.max(0, start - offset), Math.min(length, end - offset + 1));
      }
    } finally {
      await handle.close();
    }
  })();
}
