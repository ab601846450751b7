import { sha256Hex } from '../../../platform/kernel/hashing';
import type { Envelope } from '../domain/envelope';

export { sha256Hex };

/** The envelope as bytes (JSON, the file in base64): what is kept as evidence of what arrived. */
export function envelopeBytes(envelope: Envelope): Uint8Array {
  return new TextEncoder().encode(
    JSON.stringify({ ...envelope.manifest, content: Buffer.from(envelope.file).toString('base64') }),
  );
}

/** Where the recipient keeps what arrived with a delivery (its own part of the attachments bucket). */
export const receivedPrefix = (tenantId: string, deliveryKey: string) =>
  `${tenantId}/exchange/received/${sha256Hex(deliveryKey).slice(0, 32)}`;
