import { vi } from 'vitest';

/**
 * What the code under test writes to stdout and stderr during `act`, as JSON lines (the logger's
 * and the EMF metrics' lines), plus the raw text.
 */
export async function captureOutput(act: () => unknown): Promise<{
  lines: Array<Record<string, unknown>>;
  stdout: string;
  stderr: string;
}> {
  let stdout = '';
  let stderr = '';
  let both = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    both += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    both += String(chunk);
    return true;
  });
  try {
    await act();
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  // In the order written, stdout and stderr interleaved.
  const lines = both
    .split('\n')
    .filter((l) => l.trim().startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { lines, stdout, stderr };
}
