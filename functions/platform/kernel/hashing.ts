import { createHash } from 'node:crypto';

/** SHA-256 over the parts, in order (as one message). */
export function sha256Of(...parts: Array<Uint8Array | string>): Buffer {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
}

/** SHA-256 (hex) of a string (UTF-8) or bytes. */
export const sha256Hex = (data: string | Uint8Array): string => sha256Of(data).toString('hex');

/**
 * A UUID that follows from a name (RFC 9562 version 8, variant 10, from the name's SHA-256): the
 * same work retried writes the same id, and the API's id parameters accept it.
 */
export function nameUuid(name: string): string {
  const h = sha256Hex(name);
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
