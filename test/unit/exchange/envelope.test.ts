import { describe, expect, it } from 'vitest';
import {
  envelopeBytes,
  receivedPrefix,
  sha256Hex,
} from '../../../functions/modules/exchange/usecases/envelope';
import { envelopeOf, minimalPdf } from './world';

describe('the envelope as bytes', () => {
  it('carries the manifest and the file (base64), the same bytes every time', () => {
    const envelope = envelopeOf(minimalPdf);
    const bytes = envelopeBytes(envelope);
    const parsed = JSON.parse(new TextDecoder().decode(bytes)) as { deliveryId: string; content: string };
    expect(parsed.deliveryId).toBe('delivery-1');
    expect(Buffer.from(parsed.content, 'base64')).toEqual(Buffer.from(minimalPdf));
    expect(sha256Hex(envelopeBytes(envelope))).toBe(sha256Hex(bytes));
  });

  it('keeps what arrived under the recipient’s own prefix, one folder per delivery', () => {
    expect(receivedPrefix('b', 'd1').startsWith('b/exchange/received/')).toBe(true);
    expect(receivedPrefix('b', 'd1')).not.toBe(receivedPrefix('b', 'd2'));
  });
});
