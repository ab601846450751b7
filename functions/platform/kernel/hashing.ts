import { createHash } from 'node:crypto';

/** SHA-256 over the parts, in order (as one message). */
export function sha256Of(...parts: Array<Uint8Array | string>): Buffer {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
}

/** SHA-256 (hex) of a string (UTF-8) or bytes. */
export const sha256Hex = (data: string | Uint8Array): string => sha256Of(data).toString('hex');
