import { execSync } from 'node:child_process';

/** Debian's chromium (no Playwright browser download on these machines); CHROMIUM_PATH overrides. */
export function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execSync('which chromium', { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}
