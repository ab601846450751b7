import { createHash } from 'node:crypto';
import type { Envelope } from '../domain/envelope';

export const sha256Hex = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** The envelope as bytes (JSON, the file in base64): what is kept as evidence of what arrived. */
export function envelopeBytes(envelope: Envelope): Uint8Array {
  return new TextEncoder().encode(
    JSON.stringify({ ...envelope.manifest, content: Buffer.from(envelope.file).toString('base64') }),
  );
}

/** Where the recipient keeps what arrived with a delivery (its own part of the attachments bucket). */
export const receivedPrefix = (tenantId: string, deliveryKey: string) =>
  `${tenantId}/exchange/received/${createHash('sha256').update(deliveryKey).digest('hex').slice(0, 32)}`;
