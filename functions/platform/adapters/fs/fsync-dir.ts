import { closeSync, fsyncSync, openSync } from 'node:fs';

/** Flushes a directory's entries (a rename or a new file); some filesystems refuse: harmless. */
export function fsyncDirSync(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* not supported here */
  }
}
